"""The TempEval-3 style scorer: TimeML parsing, the measures on a hand-made file, and sanity on dev data."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.eval.time import evaluate_time, gold_underspecifies, mismatches, parse_timeml, timeml_files

SHARED_TIME = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "time"

TINY = """<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-20" functionInDocument="CREATION_TIME">2024-03-20</TIMEX3></DCT>
<TEXT>
The envoys <EVENT eid="e1">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2024-03-18">Monday</TIMEX3> after \
<TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3> of quiet diplomacy. They talked \
<TIMEX3 tid="t3" type="DATE" value="2024-03-11">last Monday</TIMEX3> too, and at length \
<TIMEX3 tid="t4" type="DURATION" value="PXX">at length</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.tml"
    path.write_text(TINY, encoding="utf-8")
    return path


def test_parse_timeml_offsets(tiny: Path) -> None:
    doc = parse_timeml(tiny)
    assert str(doc.dct) == "2024-03-20"
    assert "<" not in doc.text
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Monday", "DATE", "2024-03-18"),
        ("three weeks", "DURATION", "P3W"),
        ("last Monday", "DATE", "2024-03-11"),
        ("at length", "DURATION", "PXX"),
    ]
    for g in doc.gold:
        assert doc.text[g.start : g.end] == g.text


def test_scores_on_hand_made_file(tiny: Path) -> None:
    result = evaluate_time([tiny])
    # The tagger finds the first three exactly; "last Monday" is 2024-03-18 by the calendar (gold says the 11th).
    assert (result.gold, result.system, result.docs) == (4, 3, 1)
    assert result.strict_p == pytest.approx(1.0)
    assert result.strict_r == pytest.approx(0.75)
    assert result.relaxed_f1 == pytest.approx(2 * 0.75 / 1.75)
    assert result.type_f1 == pytest.approx(result.relaxed_f1)
    assert result.value_accuracy == pytest.approx(2 / 3)
    assert result.value_f1 == pytest.approx(result.relaxed_f1 * 2 / 3)
    summary = result.summary()
    assert set(summary) == {"strict_f1", "relaxed_f1", "value_f1", "type_f1", "docs", "seconds"}
    assert summary["value_f1"] == pytest.approx(100 * result.value_f1, abs=0.01)


def test_folders_are_searched_recursively(tmp_path: Path, tiny: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "copy.tml").write_text(TINY, encoding="utf-8")
    (nested / "notes.txt").write_text("not TimeML", encoding="utf-8")
    assert len(timeml_files([tmp_path])) == 2


@pytest.mark.skipif(not SHARED_TIME.exists(), reason="development data not available")
def test_sane_scores_on_dev_subset() -> None:
    files = sorted((SHARED_TIME / "timebank").glob("*.tml"))[:6] + sorted((SHARED_TIME / "aquaint").glob("*.tml"))[:4]
    result = evaluate_time(files)
    assert result.docs == 10
    assert result.gold > 30
    assert 0.7 < result.strict_f1 <= 1.0
    assert 0.8 < result.relaxed_f1 <= 1.0
    assert 0.6 < result.value_f1 <= result.relaxed_f1
    assert result.type_f1 <= result.relaxed_f1
    assert result.docs / result.seconds > 15


def test_scores_with_parsed_docs(tiny: Path, backbone) -> None:  # type: ignore[no-untyped-def]
    # With the pipeline's parser the tagger sees a Doc, as in the pipeline; this file scores the same either way.
    plain, parsed = evaluate_time([tiny]), evaluate_time([tiny], backbone)
    assert (parsed.system, parsed.value_accuracy) == (plain.system, plain.value_accuracy)


def test_mismatches_list_value_errors_and_misses(tiny: Path) -> None:
    found = mismatches([tiny])
    assert [(m.kind, m.gold, m.system) for m in found] == [
        ("value", "'last Monday' DATE:2024-03-11", "'last Monday' DATE:2024-03-18"),
        ("missed", "'at length' DURATION:PXX", ""),
    ]
    assert all(m.document == "tiny.tml" and str(m.dct) == "2024-03-20" for m in found)
    assert "last Monday" in found[0].context


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        ("1989-WXX", "1989-W43", True),  # a week left unnumbered
        ("1988-QX", "1988-Q3", True),
        ("1949-XX", "1949", True),  # unknown trailing fields
        ("1994-XX-XX", "1994", True),
        ("2000-W7", "2000-W07", True),  # a non-ISO spelling
        ("1989-11-06T17", "1989-11-06T17:00", True),
        ("198X", "198", True),
        ("1989-WXX", "1990-W01", False),  # another year
        ("1998-10-XX", "1998-W43", False),  # another granularity
        ("2024-03-11", "2024-03-18", False),
        ("2024-03-XX", "2024-03-18", True),
        ("2024-03-18", "2024-03-18", False),  # equal values are no under-specification
    ],
)
def test_gold_underspecifies(gold: str, system: str, expected: bool) -> None:
    assert gold_underspecifies(gold, system) is expected


def test_lenient_value_f1_counts_underspecified_gold(tmp_path: Path) -> None:
    path = tmp_path / "loose.tml"
    path.write_text(TINY.replace('value="2024-03-18">Monday', 'value="2024-03-XX">Monday'), encoding="utf-8")
    plain = evaluate_time([path])
    assert plain.underspecified_gold == 1  # "2024-03-XX" leaves open the day we name
    assert plain.value_accuracy == pytest.approx(1 / 3)
    assert plain.value_f1_lenient == pytest.approx(plain.relaxed_f1 * 2 / 3)
