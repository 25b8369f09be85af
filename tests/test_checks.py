"""Cross-layer checks: an event's modality against its date and the article date."""

from __future__ import annotations

import datetime as dt

from dateline.checks import check_events_against_date
from dateline.model import Event, Span

ARTICLE = dt.date(2024, 3, 20)


def event(date: str, modality: str, from_text: bool = True) -> Event:
    return Event(
        id="e1",
        type="CONSULT",
        date=date,
        date_from_text=from_text,
        modality=modality,
        evidence=Span(text="x", start=0, end=1),
        confidence=0.5,
    )


def test_occurred_after_the_article_is_flagged() -> None:
    (flag,) = check_events_against_date([event("2024-03-25", "occurred")], ARTICLE)
    assert flag.kind == "event_date_future" and "2024-03-25" in flag.message


def test_planned_wholly_before_the_article_is_flagged() -> None:
    (flag,) = check_events_against_date([event("2024-W10", "planned")], ARTICLE)
    assert flag.kind == "event_date_past"


def test_consistent_or_article_dated_events_are_not_flagged() -> None:
    events = [
        event("2024-03-18", "occurred"),
        event("2024-W13", "planned"),
        event("2024-03", "planned"),  # the month still runs past the article date
        event("2024-03-25", "occurred", from_text=False),  # not read from the text: nothing to contradict
        event("P3D", "occurred"),
    ]
    assert check_events_against_date(events, ARTICLE) == []
