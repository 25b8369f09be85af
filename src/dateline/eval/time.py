"""TempEval-3 Task A scoring of dateline's time stage on TimeML (``.tml``) files.

Each document's raw text is the text content of ``<TEXT>`` with the tags removed; gold TIMEX3 offsets are computed
over that text and the document creation time comes from ``<DCT><TIMEX3 value=...>``. Extraction is scored strict
(same character extent) and relaxed (any overlap, one-to-one); value and type are scored like the official scorer:
attribute F1 = relaxed F1 × the attribute's accuracy on the relaxed matches.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc

from dateline.model import Timex
from dateline.time import find_timexes


class GoldTimex(BaseModel):
    """One annotated TIMEX3: extent over the raw text plus its type and value."""

    model_config = ConfigDict(extra="forbid")

    start: int
    end: int
    text: str
    type: str
    value: str


class TimeMLDoc(BaseModel):
    """A parsed TimeML document: raw text, creation date and gold expressions."""

    model_config = ConfigDict(extra="forbid")

    path: str
    text: str
    dct: dt.date
    gold: list[GoldTimex]


class TimeEvalResult(BaseModel):
    """Task A measures (fractions 0–1), document count and the seconds spent in the tagger."""

    model_config = ConfigDict(extra="forbid")

    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    value_p: float
    value_r: float
    value_f1: float
    type_p: float
    type_r: float
    type_f1: float
    value_accuracy: float
    type_accuracy: float
    underspecified_gold: int = 0
    """Relaxed matches whose gold value is a coarser or non-ISO spelling of ours (see ``gold_underspecifies``)."""
    value_f1_lenient: float = 0.0
    """Value F1 counting those as right: a diagnostic of annotation convention, not a TempEval-3 measure."""
    gold: int
    system: int
    docs: int
    seconds: float

    def summary(self) -> dict[str, float | int]:
        """The CLI's ``--json`` view: F1 scores as percentages, document count and seconds."""
        return {
            "strict_f1": round(100 * self.strict_f1, 2),
            "relaxed_f1": round(100 * self.relaxed_f1, 2),
            "value_f1": round(100 * self.value_f1, 2),
            "type_f1": round(100 * self.type_f1, 2),
            "docs": self.docs,
            "seconds": round(self.seconds, 3),
        }


def _parse_dct(value: str) -> dt.date:
    """The date part of a DCT value such as ``1998-02-13T14:26:00`` or ``19980213``."""
    digits = value.replace("-", "")[:8]
    return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def parse_timeml(path: Path) -> TimeMLDoc:
    """Read one ``.tml`` file into raw text, DCT and gold TIMEX3 extents (offsets over the raw text)."""
    root = ET.parse(path).getroot()
    dct_node = root.find(".//DCT/TIMEX3")
    if dct_node is None or not dct_node.get("value"):
        raise ValueError(f"{path}: no <DCT><TIMEX3 value=...>")
    text_node = root.find(".//TEXT")
    if text_node is None:
        raise ValueError(f"{path}: no <TEXT>")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3" and node is not text_node:
            gold.append(
                GoldTimex(
                    start=start,
                    end=length,
                    text="".join(parts)[start:length],
                    type=node.get("type", ""),
                    value=node.get("value", ""),
                )
            )

    walk(text_node)
    return TimeMLDoc(path=str(path), text="".join(parts), dct=_parse_dct(dct_node.get("value", "")), gold=gold)


def timeml_files(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders (recursively) into a sorted list of ``.tml`` files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*.tml")))
        elif path.suffix == ".tml":
            found.append(path)
    return found


def _relaxed_pairs(gold: list[GoldTimex], system: list[Timex]) -> list[tuple[GoldTimex, Timex]]:
    """One-to-one overlap matching, preferring the largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                candidates.append((-overlap, gi, si))
    candidates.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, gi, si in candidates:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def _prf(correct: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_system if n_system else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scored_system(doc: TimeMLDoc, parsed: Doc | None = None) -> list[Timex]:
    """The tagger's output for a document, minus event-anchored expressions (TimeML has no TIMEX3 for those)."""
    return [t for t in find_timexes(doc.text, doc.dct, parsed) if t.anchor != "event"]


def evaluate_time(paths: list[Path], nlp: Language | None = None) -> TimeEvalResult:
    """Run the time stage on every TimeML document under ``paths`` and score it with the TempEval-3 Task A measures.

    With ``nlp`` (the pipeline's spaCy model) each text is parsed first and the ``Doc`` passed to the tagger, as the
    pipeline does; the parse is not counted in ``seconds``, which is the time stage's own cost.
    """
    docs = [parse_timeml(p) for p in timeml_files(paths)]
    if nlp is None:
        return score_tagger(docs, scored_system)
    parses = {d.path: parsed for d, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True)}
    return score_tagger(docs, lambda d: scored_system(d, parses[d.path]))


_UNKNOWN_TAIL = re.compile(r"(?:-XX)+$")


def _canonical(value: str) -> str:
    """A value with unknown trailing fields dropped and ISO spellings restored ("1949-XX" → "1949", "2000-W7" →
    "2000-W07", "T17" → "T17:00", "198X" → "198")."""
    value = _UNKNOWN_TAIL.sub("", value)
    value = re.sub(r"-W(\d)$", r"-W0\1", value)
    value = re.sub(r"T(\d\d)$", r"T\1:00", value)
    return re.sub(r"^(\d{2,3})X+$", r"\1", value)


def gold_underspecifies(gold: str, system: str) -> bool:
    """Whether a gold value only under-specifies or misspells the system's ("1989-WXX" for "1989-W43", "1988-QX"
    for "1988-Q3", "2024-03-XX" for "2024-03-18", "1949-XX" for "1949", "2000-W7" for "2000-W07"): the two differ
    in annotation convention, not in date."""
    if gold == system:
        return False
    g, s = _canonical(gold), _canonical(system)
    return g == s or any(
        "X" in a and re.fullmatch(re.escape(a).replace("X", "."), b) is not None for a, b in ((gold, system), (g, s))
    )


def score_tagger(docs: list[TimeMLDoc], tagger: Callable[[TimeMLDoc], list[Timex]]) -> TimeEvalResult:
    """Score any tagger (ours, or HeidelTime in ``bench/``) on parsed documents; only the tagger's time is counted."""
    n_gold = n_system = strict = relaxed = value_ok = type_ok = underspecified = 0
    seconds = 0.0
    for doc in docs:
        started = time.perf_counter()
        system = tagger(doc)
        seconds += time.perf_counter() - started
        n_gold += len(doc.gold)
        n_system += len(system)
        extents = {(g.start, g.end) for g in doc.gold}
        strict += sum((s.start, s.end) in extents for s in system)
        pairs = _relaxed_pairs(doc.gold, system)
        relaxed += len(pairs)
        value_ok += sum(g.value == (s.value or "") for g, s in pairs)
        underspecified += sum(gold_underspecifies(g.value, s.value or "") for g, s in pairs)
        type_ok += sum(g.type == s.type for g, s in pairs)
    sp, sr, sf = _prf(strict, n_system, n_gold)
    rp, rr, rf = _prf(relaxed, n_system, n_gold)
    vp, vr, vf = _prf(value_ok, n_system, n_gold)
    tp, tr, tf = _prf(type_ok, n_system, n_gold)
    return TimeEvalResult(
        strict_p=sp,
        strict_r=sr,
        strict_f1=sf,
        relaxed_p=rp,
        relaxed_r=rr,
        relaxed_f1=rf,
        value_p=vp,
        value_r=vr,
        value_f1=vf,
        type_p=tp,
        type_r=tr,
        type_f1=tf,
        value_accuracy=value_ok / relaxed if relaxed else 0.0,
        type_accuracy=type_ok / relaxed if relaxed else 0.0,
        underspecified_gold=underspecified,
        value_f1_lenient=_prf(value_ok + underspecified, n_system, n_gold)[2],
        gold=n_gold,
        system=n_system,
        docs=len(docs),
        seconds=seconds,
    )


class Mismatch(BaseModel):
    """One scoring error: a relaxed match with the wrong value, a missed gold TIMEX3 or a spurious expression."""

    model_config = ConfigDict(extra="forbid")

    document: str
    dct: dt.date
    kind: Literal["value", "missed", "spurious"]
    gold: str = ""
    """Gold extent and ``TYPE:value`` (empty for a spurious expression)."""
    system: str = ""
    """Our extent and ``TYPE:value`` (empty for a missed one)."""
    context: str


def _described(text: str, type_: str, value: str | None) -> str:
    return f"{text!r} {type_}:{value or ''}"


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 60) : end + 40].split())


def mismatches(paths: list[Path], nlp: Language | None = None) -> list[Mismatch]:
    """Every value error, miss and spurious expression on the TimeML files under ``paths``, for error analysis."""
    docs = [parse_timeml(p) for p in timeml_files(paths)]
    parses = dict(zip((d.path for d in docs), nlp.pipe(d.text for d in docs), strict=True)) if nlp else {}
    found: list[Mismatch] = []
    for doc in docs:
        system = scored_system(doc, parses.get(doc.path))
        pairs = _relaxed_pairs(doc.gold, system)
        matched_gold = {(g.start, g.end) for g, _ in pairs}
        matched_system = {(s.start, s.end) for _, s in pairs}

        name, dct = Path(doc.path).name, doc.dct
        for g, s in pairs:
            if g.value != (s.value or ""):
                gold, ours = _described(g.text, g.type, g.value), _described(s.text, s.type, s.value)
                found.append(
                    Mismatch(
                        document=name,
                        dct=dct,
                        kind="value",
                        gold=gold,
                        system=ours,
                        context=_context(doc.text, g.start, g.end),
                    )
                )
        for g in doc.gold:
            if (g.start, g.end) not in matched_gold:
                gold = _described(g.text, g.type, g.value)
                found.append(
                    Mismatch(
                        document=name, dct=dct, kind="missed", gold=gold, context=_context(doc.text, g.start, g.end)
                    )
                )
        for s in system:
            if (s.start, s.end) not in matched_system:
                ours = _described(s.text, s.type, s.value)
                found.append(
                    Mismatch(
                        document=name, dct=dct, kind="spurious", system=ours, context=_context(doc.text, s.start, s.end)
                    )
                )
    return found
