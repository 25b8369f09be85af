"""Toponym recognition and resolution on our own short articles, and the qualifier flags."""

from __future__ import annotations

import pytest
import spacy

from dateline.model import Place
from dateline.places import resolve_mentions, resolve_places
from dateline.places.gazetteer import Gazetteer, get_gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _places(nlp: spacy.language.Language, text: str, actors: tuple[str, ...] = ()):
    places, flags = resolve_places(nlp(text), actors)
    for place in places:
        assert 0.0 <= place.confidence <= 1.0
        for span in place.mentions:
            assert text[span.start : span.end] == span.text
    for flag in flags:
        assert text[flag.evidence.start : flag.evidence.end] == flag.evidence.text
    return places, flags


def _by_id(places: list[Place]) -> dict[int | None, Place]:
    return {p.geonameid: p for p in places}


def test_seed_rafiyah_is_rafah_in_gaza_with_a_direction_flag(backbone, seed_text: str) -> None:
    places, flags = _places(backbone, seed_text, ("ISR", "USA"))
    rafah = _by_id(places)[281102]
    assert rafah.country == "PS"
    assert {m.text for m in rafah.mentions} == {"Rafiyah"} and len(rafah.mentions) >= 3
    qualifier = [f for f in flags if f.kind == "place_qualifier"]
    assert len(qualifier) == 1
    assert qualifier[0].evidence.text == "northern Gaza Strip"
    assert "south" in qualifier[0].message


def test_egyptian_side_of_the_crossing(backbone) -> None:
    text = (
        "Lorries loaded with flour waited at the Rafah crossing on Thursday while Egyptian officials in North Sinai "
        "inspected the cargo. Drivers said they had come from Arish overnight."
    )
    places, flags = _places(backbone, text)
    ids = _by_id(places)
    assert 350350 in ids and 281102 not in ids
    assert ids[350350].country == "EG"
    assert flags == []


def test_demonyms_are_not_places(backbone) -> None:
    text = "Israeli and American diplomats met Russian envoys in Geneva on Monday."
    places, _ = _places(backbone, text)
    surfaces = {m.text for p in places for m in p.mentions}
    assert surfaces == {"Geneva"}
    assert places[0].geonameid == 2660646


def test_mentions_of_one_place_are_grouped(backbone) -> None:
    text = "Storms hit Alexandria, La., on Monday. Rapides Parish crews cleared roads. Alexandria schools stayed shut."
    places, _ = _places(backbone, text)
    ids = _by_id(places)
    assert len(ids[4314550].mentions) == 2  # Alexandria, Louisiana — not Egypt or Virginia
    assert ids[4331987].mentions[0].text == "La."


def test_country_context_and_patterns(backbone) -> None:
    places, _ = _places(backbone, "The fair in Paris, Texas, drew farmers from across Lamar County.")
    assert 4717560 in _by_id(places)
    places, _ = _places(backbone, "Ministers met in Paris to discuss the budget of France.")
    assert 2988507 in _by_id(places)


def test_direction_and_near_flags(backbone) -> None:
    text = "Police said the convoy left Lille, southern France, on Friday and later stopped in Marseille near Lyon."
    _, flags = _places(backbone, text)
    messages = {f.evidence.text: f.message for f in flags}
    assert "southern France" in messages and "north" in messages["southern France"]
    assert "near Lyon" in messages and "km" in messages["near Lyon"]


def test_place_outside_the_named_container_is_flagged(backbone) -> None:
    text = "Officials reported heavy rain in Lyon, Spain, on Wednesday."
    places, flags = _places(backbone, text)
    assert 2996944 in _by_id(places)  # there is no Lyon in Spain: the French city, and a flag
    assert [f.evidence.text for f in flags] == ["Spain"]
    assert "not in Spain" in flags[0].message


def test_consistent_qualifiers_raise_no_flag(backbone) -> None:
    text = "Farmers in Nice, southeastern France, and in Versailles near Paris welcomed the rain."
    _, flags = _places(backbone, text)
    assert flags == []
    text = "Schools closed in Texas, Oklahoma, Kansas and Nebraska, and in Kuwait, Egypt and Jordan."
    places, flags = _places(backbone, text)
    assert len(places) >= 6 and flags == []


def test_resolve_mentions_with_given_offsets(gaz: Gazetteer) -> None:
    text = "Turkish troops entered Afrin while Syrian officials in Damascus protested."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Turkish", "Afrin", "Syrian", "Damascus", "troops")]
    places = resolve_mentions(text, spans, gazetteer=gaz)
    assert len(places) == 5
    assert places[0] is not None and places[0].geonameid == 298795  # Turkey
    assert places[2] is not None and places[2].country == "SY"
    assert places[3] is not None and places[3].geonameid == 170654
    assert places[1] is not None and places[1].country == "SY"


def test_fuzzy_transliteration_and_actor_countries(gaz: Gazetteer) -> None:
    text = "Shelling was reported around Rafiyah overnight."
    start = text.index("Rafiyah")
    [place] = resolve_mentions(text, [(start, start + 7)], context_countries=("EGY",), gazetteer=gaz)
    assert place is not None and place.geonameid == 350350
    [place] = resolve_mentions(text, [(start, start + 7)], context_countries=("PSE",), gazetteer=gaz)
    assert place is not None and place.geonameid == 281102
    assert place.confidence < 1.0


def test_unknown_name_falls_back_to_its_container(gaz: Gazetteer) -> None:
    text = "A fire broke out on Qwertyzzle Lane, Shreveport, late on Sunday."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Qwertyzzle Lane", "Shreveport")]
    lane, city = resolve_mentions(text, spans, gazetteer=gaz)
    assert city is not None and city.geonameid == 4341513
    assert lane is not None and lane.geonameid == city.geonameid
    assert lane.name == "Qwertyzzle Lane" and lane.feature_code == "container:" + city.feature_code
    assert lane.confidence < 0.3
