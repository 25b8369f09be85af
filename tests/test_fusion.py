"""Cross-document fusion: one event from many reports, different events kept apart, disagreements flagged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from backends import BACKENDS, opened_store
from corpus_records import (
    FARAWAY,
    GUNMEN,
    HILLCREST,
    LAKESIDE,
    POLICE,
    RIFT_VALLEY,
    TRADERS,
    D,
    market_attack_reports,
    report,
    same_day_same_town,
)
from dateline.store import Store
from dateline.store.fusion import (
    FusionOptions,
    PlaceRef,
    compatible,
    fuse_reports,
    parse_fatalities,
    places_compatible,
    reports_from_analyses,
)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with opened_store(request.param, tmp_path) as opened:
        yield opened


def fused_of(analyses, **options):
    return fuse_reports(reports_from_analyses(analyses), FusionOptions(**options))


def test_ten_reports_fuse_into_one_event_with_ten_reports() -> None:
    (fused,) = fused_of(market_attack_reports())
    assert fused.support == 10 and len(fused.reports) == 10
    assert fused.type == "ASSAULT" and fused.date == "2024-03-11"
    assert (fused.first_report, fused.last_report) == (D, D + dt.timedelta(days=3))
    assert fused.place is not None and fused.place.geonameid == LAKESIDE.geonameid
    assert fused.source is not None and fused.source.name == "gunmen"
    assert fused.fatalities == 6  # the latest report's toll


def test_disagreements_become_flags_with_both_sides() -> None:
    (fused,) = fused_of(market_attack_reports())
    by_kind = {}
    for flag in fused.flags:
        by_kind.setdefault(flag.kind, []).append(flag)
    (date_flag,) = by_kind["date_disagreement"]
    assert (date_flag.value_a, date_flag.value_b, date_flag.article_b) == ("2024-03-11", "2024-03-10", "r10")
    assert "Sunday" in date_flag.evidence_b.text and "2024-03-11" in date_flag.message
    (place_flag,) = by_kind["place_disagreement"]
    assert "Lakeside" in place_flag.value_a and "Hillcrest" in place_flag.value_b and place_flag.article_b == "r04"
    tolls = {(f.value_a, f.value_b) for f in by_kind["fatalities_disagreement"]}
    assert tolls == {("4", "6"), ("4", "5")}
    assert "source_disagreement" not in by_kind  # the province and the month never count as disagreements


def test_same_day_same_town_different_events_stay_apart() -> None:
    fused = fused_of(market_attack_reports() + same_day_same_town())
    by_type = sorted((f.type, f.support) for f in fused)
    assert by_type == [("ASSAULT", 1), ("ASSAULT", 10), ("CONSULT", 2)]
    raid = next(f for f in fused if f.support == 1)
    assert raid.source is not None and raid.source.kb_id == "kenya-police"


def test_date_window_respects_granularity() -> None:
    day = report("a", D, "Gunmen attacked the market.", event_date="2024-03-11", source=GUNMEN)
    month = report("b", D, "Gunmen attacked the market in March.", event_date="2024-03", source=GUNMEN)
    late = report("c", D, "Gunmen attacked the market.", event_date="2024-03-14", source=GUNMEN)
    near = report("d", D, "Gunmen attacked the market.", event_date="2024-03-12", source=GUNMEN)
    week = report("e", D, "Gunmen attacked the market last week.", event_date="2024-W10", source=GUNMEN)
    a, b, c, d, e = reports_from_analyses([day, month, late, near, week])
    options = FusionOptions()
    assert compatible(a, b, options) and compatible(b, c, options)  # a month covers its days
    assert not compatible(a, c, options)  # three days apart
    assert compatible(a, d, options)  # next day, inside the 1-day window
    assert compatible(a, e, options)  # week 10 ends on Sunday the 10th, one day before
    assert not compatible(a, e, FusionOptions(date_window_days=0))
    assert compatible(a, c, FusionOptions(date_window_days=3))


def test_places_within_distance_or_same_admin() -> None:
    strip = {"exclude": {"mentions", "confidence"}}
    lake, hill, rift, far = (PlaceRef(**p.model_dump(**strip)) for p in (LAKESIDE, HILLCREST, RIFT_VALLEY, FARAWAY))
    assert places_compatible(lake, hill, 25.0)  # about 8 km
    assert not places_compatible(lake, hill, 5.0)
    assert places_compatible(lake, rift, 25.0) and places_compatible(far, rift, 25.0)  # inside the province
    assert not places_compatible(lake, far, 25.0)  # same province, 290 km apart
    assert places_compatible(lake, None, 25.0)


def test_actors_must_agree_role_by_role() -> None:
    gunmen = report("a", D, "Gunmen attacked traders.", source=GUNMEN, target=TRADERS)
    police = report("b", D, "Police attacked traders.", source=POLICE, target=TRADERS)
    victims_only = report("c", D, "Traders were attacked.", target=TRADERS)
    nobody = report("d", D, "An attack took place.")
    a, b, c, d = reports_from_analyses([gunmen, police, victims_only, nobody])
    options = FusionOptions()
    assert not compatible(a, b, options)
    assert compatible(a, c, options) and compatible(b, c, options) and compatible(a, d, options)


def test_type_mode_and_modality_must_match() -> None:
    base = report("a", D, "Minister met envoy.", type="CONSULT", mode="visit", event_date="2024-03-11")
    phone = report("b", D, "Minister phoned envoy.", type="CONSULT", mode="phone", event_date="2024-03-11")
    unknown_mode = report("c", D, "Minister talked to envoy.", type="CONSULT", event_date="2024-03-11")
    planned = report("d", D, "Minister will meet envoy.", type="CONSULT", mode="visit", modality="planned")
    protest = report("e", D, "Crowds protested.", type="PROTEST", event_date="2024-03-11")
    a, b, c, d, e = reports_from_analyses([base, phone, unknown_mode, planned, protest])
    options = FusionOptions()
    assert compatible(a, c, options)
    assert not compatible(a, b, options) and not compatible(a, d, options) and not compatible(a, e, options)


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Gunmen killed 12 people.", 12),
        ("The blast, killing at least three, shook the town.", 3),
        ("The death toll from the Monday's floods has risen to 1,024.", 1024),
        ("Seven civilians were killed and two injured.", 7),
        ("Nobody was hurt.", None),
    ],
)
def test_parse_fatalities(text: str, toll: int | None) -> None:
    assert parse_fatalities(text) == toll


def test_store_fuse_recomputes_and_skips_duplicates(store: Store) -> None:
    reports = market_attack_reports()
    copy = report("r01-copy", D + dt.timedelta(days=1), reports[0].text, event_date="2024-03-11", source=GUNMEN)
    store.save([*reports, *same_day_same_town(), copy])
    assert store.fuse() == 3
    assert store.duplicates() == {"r01-copy": "r01"}
    fused = {row["type"] + str(row["support"]): row for row in store.fused_rows()}
    attack = fused["ASSAULT10"]
    assert attack["reports"] == 10 and attack["place_name"] == "Lakeside" and attack["fatalities"] == 6
    assert "r01-copy" not in {r["article_id"] for r in store.fused_reports(attack["id"])}
    assert len(store.fused_reports(attack["id"])) == 10
    flags = [f for f in store.fused_flags() if f["fused_id"] == attack["id"]]
    assert {f["kind"] for f in flags} == {"date_disagreement", "place_disagreement", "fatalities_disagreement"}
    date_flag = next(f for f in flags if f["kind"] == "date_disagreement")
    assert date_flag["evidence_b_text"].startswith("Witnesses") and date_flag["article_b"] == "r10"
    # Re-saving an article keeps its duplicate link; fusing again gives the same result.
    store.save([copy])
    assert store.duplicates() == {"r01-copy": "r01"}
    assert store.fuse(dedup=False) == 3 and store.fused_count() == 3


PIPELINE_REPORTS = [
    (
        "2024-01-09",
        "US Secretary of State Antony Blinken met Israeli Prime Minister Benjamin Netanyahu in Jerusalem "
        "on Tuesday to discuss a pause in the fighting.",
    ),
    ("2024-01-09", "Benjamin Netanyahu held talks with Antony Blinken in Jerusalem today, officials said."),
    ("2024-01-10", "Blinken met Netanyahu in Jerusalem yesterday, his fourth visit since the war began."),
    ("2024-01-10", "In Jerusalem on Tuesday, Netanyahu hosted the American diplomat Antony Blinken."),
    ("2024-01-09", "Antony Blinken and Benjamin Netanyahu met in Jerusalem on 9 January."),
    ("2024-01-11", "Netanyahu and Blinken met in Jerusalem on Tuesday, January 9, aides to both men said."),
    ("2024-01-10", "Secretary Blinken sat down with Prime Minister Netanyahu in Jerusalem on Tuesday."),
    ("2024-01-12", "Blinken's meeting with Netanyahu in Jerusalem on January 9 lasted three hours."),
    ("2024-01-09", "Antony Blinken met Benjamin Netanyahu this morning in Jerusalem."),
    ("2024-01-10", "Netanyahu met Blinken in Jerusalem on Tuesday, the Prime Minister's office said."),
]
OTHER_EVENTS = [
    ("2024-01-09", "Thousands of people protested in Jerusalem on Tuesday, demanding early elections."),
    ("2024-01-09", "A bus crashed into a shop in Jerusalem on Tuesday, injuring five people."),
    ("2024-01-09", "Blinken also met Israeli President Isaac Herzog in Jerusalem on Tuesday."),
]


def test_end_to_end_through_the_pipeline(tmp_path: Path) -> None:
    """Ten reports of one meeting through the real pipeline fuse into one; other events that day and town (a
    protest, a crash, another meeting of one of the two men) stay apart."""
    from dateline.model import Article

    articles = [
        Article(id=f"m{i:02d}", date=dt.date.fromisoformat(day), text=text)
        for i, (day, text) in enumerate(PIPELINE_REPORTS + OTHER_EVENTS, start=1)
    ]
    try:
        from dateline.pipeline import analyse, build

        analyses = list(analyse(build(), articles))
    except (ImportError, NotImplementedError) as exc:
        pytest.skip(f"NLP stages not available yet: {exc!r}")
    store = Store(tmp_path / "e2e.db")
    store.save(analyses)
    store.fuse()
    rows = store.fused_rows()
    reports = {row["id"]: {r["article_id"] for r in store.fused_reports(row["id"])} for row in rows}
    meeting_articles = {f"m{i:02d}" for i in range(1, 11)}
    meetings = [row for row in rows if reports[row["id"]] & meeting_articles]
    assert len(meetings) == 1, rows
    assert meetings[0]["type"] == "CONSULT" and meetings[0]["support"] == 10
    assert reports[meetings[0]["id"]] == meeting_articles  # the Herzog meeting, same day and town, stays apart
    assert all(len(articles) == 1 for fused_id, articles in reports.items() if fused_id != meetings[0]["id"])
