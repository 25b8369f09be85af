"""Our bundled example articles through the whole pipeline: each stage on texts it was not written for."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_spans_valid
from dateline.ingest import read_paths
from dateline.model import Analysis, Article, Event
from dateline.pipeline import analyse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def analyses(dateline_nlp) -> dict[str, Analysis]:
    articles = [a for a in read_paths([EXAMPLES]) if isinstance(a, Article)]
    return {a.id: a for a in analyse(dateline_nlp, articles)}


def events(a: Analysis, type: str) -> list[Event]:
    return [e for e in a.events if e.type == type]


def actor(a: Analysis, actor_id: str | None):
    return next((x for x in a.actors if x.id == actor_id), None)


def place(a: Analysis, geonameid: int | None):
    return next((p for p in a.places if p.geonameid == geonameid), None)


def test_every_example_yields_events_with_valid_spans(analyses: dict[str, Analysis]) -> None:
    assert len(analyses) >= 9
    for analysis in analyses.values():
        assert analysis.events, analysis.id
        assert_spans_valid(analysis)


def test_visit_and_planned_trip(analyses: dict[str, Analysis]) -> None:
    a = analyses["2023-11-04-blinken-amman-visit"]
    blinken = next(x for x in a.actors if x.name == "Antony Blinken")
    assert (blinken.country, blinken.sector, blinken.role) == ("USA", "GOV", "Secretary of State")
    visits = [e for e in events(a, "CONSULT") if e.source == blinken.id]
    arrived = [e for e in visits if e.modality == "occurred"]
    assert arrived and place(a, arrived[0].place).name == "Amman" and arrived[0].date == "2023-11-04"
    assert any(e.modality == "planned" and e.date == "2023-W45" for e in visits)  # "next week" from a Saturday


def test_phone_call_on_a_weekday_before_the_article(analyses: dict[str, Analysis]) -> None:
    a = analyses["2024-02-14-macron-zelensky-call"]
    call = next(e for e in events(a, "CONSULT") if e.mode == "phone")
    assert actor(a, call.source).name == "Emmanuel Macron"
    assert call.date == "2024-02-13" and call.modality == "occurred"


def test_air_strike_place_and_date(analyses: dict[str, Analysis]) -> None:
    a = analyses["2024-05-26-kharkiv-strike"]
    strike = events(a, "ASSAULT")[0]
    assert actor(a, strike.source).country == "RUS"
    assert (place(a, strike.place).name, place(a, strike.place).country) == ("Kharkiv", "UA")
    assert strike.date == "2024-05-25"


def test_protest_and_conditional_protest(analyses: dict[str, Analysis]) -> None:
    a = analyses["2024-06-21-nairobi-protest"]
    protests = events(a, "PROTEST")
    assert [(e.date, e.modality) for e in protests] == [("2024-06-20", "occurred"), ("2024-06-25", "hypothetical")]
    assert any(p.name == "Nairobi" and p.country == "KE" for p in a.places)


def test_sanctions(analyses: dict[str, Analysis]) -> None:
    a = analyses["2024-04-23-eu-iran-sanctions"]
    sanction = events(a, "SANCTION")[0]
    assert (actor(a, sanction.source).name, actor(a, sanction.target).country) == ("European Union", "IRN")
    assert sanction.date == "2024-04-22"


def test_aid_delivery(analyses: dict[str, Analysis]) -> None:
    a = analyses["2024-08-30-darfur-aid"]
    aid = events(a, "AID")[0]
    assert actor(a, aid.source).name == "World Food Programme" and aid.modality == "occurred"


def test_ceasefire_withdrawal_and_threat(analyses: dict[str, Analysis]) -> None:
    a = analyses["2024-11-27-lebanon-ceasefire"]
    agree = events(a, "AGREE")[0]
    assert {actor(a, agree.source).name, actor(a, agree.target).name} == {"Israel", "Hezbollah"}
    assert any(e.modality == "planned" for e in events(a, "RETREAT"))
    threat = events(a, "THREATEN")[0]
    assert actor(a, threat.source).name == "Benjamin Netanyahu"


def test_jsonl_meeting_in_a_capital(analyses: dict[str, Analysis]) -> None:
    a = analyses["wire-2024-03-28-moldova-visit"]
    meeting = events(a, "CONSULT")[0]
    assert actor(a, meeting.source).name == "Maia Sandu"
    assert actor(a, meeting.target).name == "Jens Stoltenberg"
    assert place(a, meeting.place).country == "BE" and meeting.date == "2024-03-27"
