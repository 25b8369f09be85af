"""The document model: strictness, and the exported JSON Schema kept in sync."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from dateline.model import SCHEMA_VERSION, Analysis, Span, json_schema

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_exported_schema_is_current() -> None:
    assert json.loads((DOCS / "analysis.schema.json").read_text()) == json.loads(json_schema())


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Span(text="a", start=0, end=1, extra=True)
    with pytest.raises(ValidationError):
        Span(text="a", start=-1, end=1)


def test_analysis_defaults() -> None:
    analysis = Analysis(id="x", date=dt.date(2024, 1, 1), text="t")
    assert analysis.schema_version == SCHEMA_VERSION
    assert analysis.events == [] and analysis.flags == []
