"""Event-anchored expressions dated from the known-events knowledge base."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dateline.time import find_timexes
from dateline.time.anchors import KnownEvent, known_events
from dateline.time.calendar import is_valid_value


def anchored(text: str, dct: dt.date) -> list[tuple[str, str | None, str | None]]:
    return [(t.text, t.value, t.anchor_event) for t in find_timexes(text, dct) if t.anchor == "event"]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        (
            "Grain exports have halved since the full-scale invasion, the ministry in Kyiv said.",
            dt.date(2024, 5, 2),
            ("since the full-scale invasion", "2022-02-24", "Russia's full-scale invasion of Ukraine"),
        ),
        (
            "Airport checks were never relaxed after 9/11.",
            dt.date(2015, 6, 1),
            ("after 9/11", "2001-09-11", "the Sept. 11 attacks"),
        ),
        (
            "Five lawmakers lost their seats after the Jan. 6 attack.",
            dt.date(2024, 11, 20),
            ("after the Jan. 6 attack", "2021-01-06", "the storming of the US Capitol"),
        ),
        (
            "Kuwait's oil output recovered slowly after the end of the Gulf War.",
            dt.date(1995, 4, 4),
            ("after the end of the Gulf War", "1991-02-28", "the Gulf War"),
        ),
        (
            "Port officials had raised alarms on the eve of the Beirut blast.",
            dt.date(2021, 8, 4),
            ("on the eve of the Beirut blast", "2020-08-03", "the Beirut port explosion"),
        ),
    ],
)
def test_named_events_are_dated(text: str, dct: dt.date, expected: tuple[str, str, str]) -> None:
    assert anchored(text, dct) == [expected]


def test_a_bare_head_needs_a_cue_in_the_article() -> None:
    cued = "Clinics in northern Gaza have run short of insulin since the war began, doctors said."
    assert anchored(cued, dt.date(2024, 2, 1)) == [("since the war", "2023-10-07", "the Israel-Hamas war")]
    uncued = "Clinics have run short of insulin since the war began, doctors said."
    assert anchored(uncued, dt.date(2024, 2, 1)) == [("since the war", None, None)]


def test_rival_cues_leave_the_anchor_unresolved() -> None:
    text = "Since the war, shipping from both Syria and Ukraine has been insured at triple the old rates."
    assert anchored(text, dt.date(2024, 2, 1)) == [("Since the war", None, None)]


def test_an_event_after_the_article_date_is_never_meant() -> None:
    assert anchored("Oil prices have risen since the Gulf War.", dt.date(1989, 5, 1)) == [
        ("since the Gulf War", None, None)
    ]


def test_a_year_inside_the_phrase_is_left_to_the_year_rule() -> None:
    found = [
        (t.text, t.value, t.anchor)
        for t in find_timexes("Rents rose after the 2010 quake in Haiti.", dt.date(2015, 1, 1))
    ]
    assert found == [("2010", "2010", "absolute")]


def test_event_stage_does_not_take_an_anchor_as_its_date(dateline_nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.model import Article
    from dateline.pipeline import analyse

    text = "Ukrainian forces have attacked Russian positions in Bakhmut since the full-scale invasion."
    (analysis,) = analyse(dateline_nlp, [Article(id="a1", date=dt.date(2023, 6, 1), text=text)])
    assert [t.anchor_event for t in analysis.times if t.anchor == "event"] == [
        "Russia's full-scale invasion of Ukraine"
    ]
    assert analysis.events, "the attack should be coded"
    assert all(e.date != "2022-02-24" for e in analysis.events)


def test_knowledge_base_entries_are_well_formed() -> None:
    events = known_events()
    assert len(events) >= 40
    for event in events:
        assert isinstance(event, KnownEvent)
        assert is_valid_value(event.date)
        assert event.end is None or (is_valid_value(event.end) and event.end >= event.date)
        assert event.names or (event.generic and event.cues), event.name
        assert not event.generic or event.cues, f"{event.name}: a bare head needs cues"
        for name in event.names:
            assert not re.search(r"\b\d{4}\b", name), f"{event.name}: {name!r} holds a year"


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a spelled-out day inside a known name is that event's, not this year's
        ("Hostage families have protested weekly since the Oct. 7 attack.", dt.date(2024, 11, 1), "2023-10-07"),
        # another modifier before the head names some other event
        ("Farms never recovered since the Soviet invasion of Afghanistan.", dt.date(2015, 5, 5), "1979-12-24"),
        ("Kabul has changed since the British invasion, historians say.", dt.date(2015, 5, 5), None),
        # "Sudan" inside "South Sudan" is no cue for Sudan's war
        ("Juba's markets have been empty since the war, South Sudanese traders said.", dt.date(2024, 6, 1), None),
    ],
)
def test_anchor_cues_are_not_overread(text: str, dct: dt.date, expected: str | None) -> None:
    (found,) = anchored(text, dct)
    assert found[1] == expected
