"""The store on SQLite and PostgreSQL: write, replace on re-run, rebuild analyses, query events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from backends import BACKENDS, opened_store
from dateline.model import Actor, Analysis, Event, Flag, IngestError, Place, Span, Timex
from dateline.store import Store, database_url

TEXT = "Minister Alpha visited Betaland on Monday. Protesters rallied in Gammaville."


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(text=needle, start=start, end=start + len(needle))


def make_analysis(article_id: str = "a1", date: dt.date = dt.date(2024, 5, 6)) -> Analysis:
    return Analysis(
        id=article_id,
        date=date,
        title="A test",
        text=TEXT,
        actors=[
            Actor(
                id="alpha",
                name="Ann Alpha",
                kind="person",
                country="AAA",
                sector="GOV",
                role="Minister",
                kb_id="alpha",
                mentions=[span(TEXT, "Minister Alpha")],
                confidence=0.9,
            ),
            Actor(
                id="bbb",
                name="Betaland",
                kind="country",
                country="BBB",
                sector="GOV",
                mentions=[span(TEXT, "Betaland")],
                confidence=0.95,
            ),
        ],
        places=[
            Place(
                name="Gammaville",
                geonameid=123,
                lat=1.0,
                lon=2.0,
                country="GG",
                feature_code="PPL",
                mentions=[span(TEXT, "Gammaville")],
                confidence=0.7,
            )
        ],
        times=[
            Timex(
                text="Monday",
                start=TEXT.index("Monday"),
                end=TEXT.index("Monday") + 6,
                type="DATE",
                value="2024-05-06",
                granularity="day",
            )
        ],
        events=[
            Event(
                id="e1",
                type="CONSULT",
                mode="visit",
                cameo="042",
                goldstein=1.9,
                source="alpha",
                target="bbb",
                date="2024-05-06",
                date_from_text=True,
                evidence=span(TEXT, "Minister Alpha visited Betaland on Monday."),
                confidence=0.8,
            ),
            Event(
                id="e2",
                type="PROTEST",
                mode="demonstrate",
                cameo="141",
                goldstein=-6.5,
                place=123,
                acled_event_type="Protests",
                acled_sub_event_type="Peaceful protest",
                date="2024-05-06",
                evidence=span(TEXT, "Protesters rallied in Gammaville."),
                confidence=0.7,
            ),
        ],
        flags=[Flag(kind="test", message="a flag", evidence=span(TEXT, "Gammaville"))],
    )


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with opened_store(request.param, tmp_path) as opened:
        yield opened


def test_database_url() -> None:
    assert database_url("x.db") == "sqlite:///x.db"
    assert database_url("postgresql://u@h/db") == "postgresql://u@h/db"


def test_round_trip(store: Store) -> None:
    original = make_analysis()
    store.save([original])
    assert store.analysis("a1") == original
    assert store.analysis("missing") is None


def test_rerun_replaces_never_duplicates(store: Store) -> None:
    store.save([make_analysis()])
    first = store.counts()
    store.save([make_analysis()])
    assert store.counts() == first
    assert first["articles"] == 1 and first["events"] == 2 and first["mentions"] == 3
    changed = make_analysis().model_copy(update={"events": []})
    store.save([changed])
    assert store.counts()["events"] == 0


def test_event_queries(store: Store) -> None:
    store.save([make_analysis("a1", dt.date(2024, 5, 6)), make_analysis("a2", dt.date(2024, 6, 1))])
    assert len(store.events()) == 4
    by_name = store.events(actor="ann")
    assert {row["source_name"] for row in by_name} == {"Ann Alpha"}
    assert store.events(actor="bbb")[0]["target_name"] == "Betaland"
    assert [row["type"] for row in store.events(type="protest")] == ["PROTEST", "PROTEST"]
    # The events' own date is 2024-05-06 in both articles; the article dates differ.
    assert {row["article_id"] for row in store.events(since=dt.date(2024, 5, 10), dates="article")} == {"a2"}
    assert {row["article_id"] for row in store.events(until=dt.date(2024, 5, 10), dates="article")} == {"a1"}
    assert store.events(since=dt.date(2024, 5, 10)) == []
    assert {row["article_id"] for row in store.events(until=dt.date(2024, 5, 6))} == {"a1", "a2"}
    assert [row["event_id"] for row in store.event_rows(place="gammav")] == ["e2", "e2"]
    with pytest.raises(ValidationError):
        store.events(when="yesterday")  # a misspelt filter is an error, not a silent no-op
    protest = store.events(type="PROTEST", limit=1)
    assert len(protest) == 1 and protest[0]["place_name"] == "Gammaville"
    assert protest[0]["article_id"] == "a2"  # newest article first


def test_errors_and_flags(store: Store) -> None:
    store.save([make_analysis()])
    store.save_errors([IngestError(path="x.jsonl", line=3, message="bad line")])
    assert [(e["path"], e["line"], e["message"]) for e in store.errors()] == [("x.jsonl", 3, "bad line")]
    assert [f["kind"] for f in store.flags()] == ["test"]
