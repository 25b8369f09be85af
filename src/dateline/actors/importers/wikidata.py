"""Read Wikidata entity JSON into KB records: labels and aliases, P27 citizenship, P39 positions with dates.

Accepted layouts: ``{"entities": {"Q1": {...}, ...}}`` (Special:EntityData), a JSON list of entities, or one entity
per line (dump style, with or without trailing commas). People are entities with P31 = Q5 (human) or any P39; others
import as organisations. Positions (P39) become roles dated by P580 (start) / P582 (end) qualifiers at the precision
the statement gives; their title is the position's English label when the position entity is in the same file, and
their office key, country and sector come from the title (see :mod:`dateline.actors.lexicon`). Countries (P27, P17)
map to ISO3 through P298 when the country entity is in the file, else through the QIDs of the KB's country records.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.actors.kb import ISO3, KBActor, KBRole, get_kb
from dateline.actors.lexicon import TITLE_RULES

_HUMAN = "Q5"


def _entities(path: Path) -> Iterator[dict[str, Any]]:
    text = Path(path).read_text(encoding="utf-8").strip()
    if text.startswith("{") and '"entities"' in text[:200]:
        yield from json.loads(text)["entities"].values()
    elif text.startswith("["):
        try:
            yield from json.loads(text)
            return
        except json.JSONDecodeError:
            text = text.strip("[]")
        for line in text.splitlines():
            line = line.strip().rstrip(",")
            if line.startswith("{"):
                yield json.loads(line)
    else:
        for line in text.splitlines():
            line = line.strip().rstrip(",")
            if line.startswith("{"):
                yield json.loads(line)


def _label(entity: dict[str, Any]) -> str | None:
    value = entity.get("labels", {}).get("en")
    return value.get("value") if isinstance(value, dict) else None


def _values(entity: dict[str, Any], prop: str) -> list[Any]:
    """Main values of a property's statements (deprecated ones skipped)."""
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        if claim.get("rank") == "deprecated":
            continue
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if value is not None:
            out.append(value)
    return out


def _qid(value: Any) -> str | None:
    return value.get("id") if isinstance(value, dict) else None


def _time(qualifiers: dict[str, Any], prop: str) -> str | None:
    """A P580/P582 qualifier as a partial date at its precision (11 day, 10 month, 9 year)."""
    for snak in qualifiers.get(prop, []):
        value = snak.get("datavalue", {}).get("value")
        if not isinstance(value, dict):
            continue
        m = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value.get("time", ""))
        if not m:
            continue
        precision = value.get("precision", 11)
        if precision >= 11 and m[3] != "00":
            return f"{m[1]}-{m[2]}-{m[3]}"
        if precision >= 10 and m[2] != "00":
            return f"{m[1]}-{m[2]}"
        return m[1]
    return None


def _office(title: str, country: str | None) -> tuple[str | None, str]:
    """Office key and sector a position title names (office only for the single-holder offices we know)."""
    for rule in TITLE_RULES:
        if re.match(rf"^(?:{rule.pattern})(?:\s+of\s+.*)?$", title, re.IGNORECASE):
            return (f"{country}/{rule.slug}" if rule.slug and country else None), rule.sector
    if re.search(r"\bmember of\b|parliament|senat|congress|knesset|duma|assembly", title, re.IGNORECASE):
        return None, "LEG"
    if re.search(r"\b(?:judge|justice|court)\b", title, re.IGNORECASE):
        return None, "JUD"
    if re.search(r"\b(?:general|commander|admiral|chief of staff|officer)\b", title, re.IGNORECASE):
        return None, "MIL"
    return None, "GOV"


def load_wikidata(path: Path) -> list[KBActor]:
    """KB records for the people and organisations in a Wikidata entity JSON file."""
    entities = list(_entities(path))
    labels = {e["id"]: _label(e) for e in entities if "id" in e}
    iso3: dict[str, str] = {}
    for entity in entities:
        codes = [v for v in _values(entity, "P298") if isinstance(v, str) and v in ISO3]
        if codes:
            iso3[entity["id"]] = codes[0]
    for actor in get_kb().actors.values():
        if actor.kind == "country" and actor.qid and actor.country:
            iso3.setdefault(actor.qid, actor.country)
    positions = {_qid(v) for e in entities for v in _values(e, "P39")}
    out = []
    for entity in entities:
        qid = entity.get("id", "")
        name = _label(entity)
        if not name or qid in iso3 or qid in positions:
            continue
        is_human = _HUMAN in {_qid(v) for v in _values(entity, "P31")}
        citizenship = [iso3[q] for q in map(_qid, _values(entity, "P27") + _values(entity, "P17")) if q in iso3]
        country = citizenship[0] if citizenship else None
        roles = []
        for claim in entity.get("claims", {}).get("P39", []):
            position = _qid(claim.get("mainsnak", {}).get("datavalue", {}).get("value"))
            if position is None or claim.get("rank") == "deprecated":
                continue
            qualifiers = claim.get("qualifiers", {})
            title = labels.get(position) or position
            office, sector = _office(title, country)
            roles.append(
                KBRole(
                    title=title,
                    office=office,
                    country=country,
                    sector=sector,
                    start=_time(qualifiers, "P580"),
                    end=_time(qualifiers, "P582"),
                )
            )
        aliases = [a["value"] for a in entity.get("aliases", {}).get("en", []) if a.get("value")]
        out.append(
            KBActor(
                id=f"wikidata:{qid.lower()}",
                name=name,
                kind="person" if is_human or roles else "organization",
                country=country,
                aliases=aliases,
                qid=qid,
                roles=roles,
                source="wikidata",
            )
        )
    return out
