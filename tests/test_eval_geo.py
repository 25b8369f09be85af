"""The geoparsing evaluation on a slice of LGL (../shared/data/geo), with and without gold mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.eval.geo import GeoEvalResult, evaluate_geo, read_articles

LGL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geo" / "lgl.xml"
pytestmark = pytest.mark.skipif(not LGL.exists(), reason="shared LGL data not present")


def test_reader_offsets_match_phrases() -> None:
    articles = read_articles(LGL, limit=30)
    assert len(articles) == 30
    tagged = [t for a in articles for t in a.toponyms if t.geonameid]
    assert len(tagged) > 150
    assert all(a.text[t.start : t.end].strip() for a in articles for t in a.toponyms)


def test_gold_mentions_beat_the_population_baseline() -> None:
    result = evaluate_geo(LGL, gold_mentions=True, limit=30)
    assert isinstance(result, GeoEvalResult)
    assert result.scored > 150
    assert result.accuracy_161km >= 80.0
    assert result.exact_accuracy >= 70.0
    assert result.country_accuracy >= 90.0
    assert result.accuracy_161km > result.baseline_accuracy_161km
    assert result.exact_accuracy > result.baseline_exact_accuracy
    assert 0.0 <= result.median_error_km <= result.mean_error_km
    assert result.precision is None


def test_end_to_end_reports_toponym_f1() -> None:
    result = evaluate_geo(LGL, gold_mentions=False, limit=10)
    assert result.precision is not None and result.recall is not None and result.f1 is not None
    assert result.precision > 50.0 and result.recall > 30.0
    assert result.scored > 0
    assert "baseline_accuracy_161km" in result.model_dump()


def test_misses_list_every_wrong_or_missing_id() -> None:
    result = evaluate_geo(LGL, gold_mentions=True, limit=15)
    exact = round(result.exact_accuracy * result.scored / 100)
    assert len(result.misses) == result.scored - exact
    for miss in result.misses:
        assert miss.geonameid != miss.gold_geonameid and miss.phrase
        assert (miss.geonameid is None) == (miss.error_km is None)
    assert sum(m.geonameid is None for m in result.misses) == result.unresolved
