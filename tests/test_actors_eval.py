"""The PLOVER gold actor evaluation on a small slice (the full run is ``dateline eval actors``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dateline.eval.actors import ActorEvalResult, evaluate_actors, load_gold

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events" / "plover_gsr_cameo.json"


@pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared")
def test_eval_slice(backbone: spacy.language.Language) -> None:
    assert len(load_gold(GOLD)) == 322
    result = evaluate_actors(GOLD, limit=40, nlp=backbone)
    assert isinstance(result, ActorEvalResult)
    assert result.records == 40
    assert result.source_actors > 30 and result.sector_actors > 20
    assert result.country_accuracy >= 0.6  # measured 0.75 on all 322 records with the bundled KB
    assert result.sector_accuracy >= 0.4
    assert all(m.gold_country for m in result.misses)
