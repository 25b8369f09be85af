"""The PLOVER evaluation runs on a slice of the shared gold file and reports consistent measures."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dateline.eval.actors import load_gold
from dateline.eval.plover import LABEL_MAP, evaluate_plover

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events" / "plover_gsr_cameo.json"


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold data not available")
def test_evaluate_plover_on_a_slice(backbone: spacy.language.Language) -> None:
    result = evaluate_plover(GOLD, limit=40, nlp=backbone)
    assert result.records == 40
    assert sum(sum(row.values()) for row in result.confusion.values()) == 40
    assert "DEMAND" not in result.confusion and "FIGHT" not in result.confusion
    for value in (result.type_accuracy, result.mode_accuracy, result.source_country_accuracy):
        assert 0.0 <= value <= 1.0
    assert result.type_accuracy > 0.3
    assert set(result.summary()) >= {"records", "type_accuracy", "mode_accuracy", "seconds"}


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold data not available")
def test_gold_records_drop_documentation() -> None:
    records = load_gold(GOLD)
    assert records and all(r["event"] != "DOCUMENT" for r in records)
    assert {LABEL_MAP.get(r["event"], r["event"]) for r in records} <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip
