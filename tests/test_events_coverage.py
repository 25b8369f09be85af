"""Event coverage rules on our own short texts: light verbs, pronoun subjects, reported demands, ultimatums,
adjectival offers, locative places, the main event of a sentence and the PLOVER view of modality."""

from __future__ import annotations

import datetime as dt
import re

import spacy

from dateline.eval.plover import top_event
from dateline.events.detect import Detection, EventDetector, plover_label
from dateline.model import Actor, ActorKind, Event, Place, Span

DATE = dt.date(2024, 5, 2)
COUNTRIES = {"fre": ("Freedonia", "FRE"), "rur": ("Ruritania", "RUR")}


def _spans(text: str, name: str) -> list[Span]:
    return [Span(text=m.group(0), start=m.start(), end=m.end()) for m in re.finditer(re.escape(name), text)]


def _detect(
    nlp: spacy.language.Language,
    text: str,
    people: dict[str, str] | None = None,
    places: dict[int, str] | None = None,
) -> list[Detection]:
    """Detections with the two made-up countries, optional people and places found by their surface strings."""
    actors = []
    entries: list[tuple[str, str, str | None, ActorKind]] = [(k, n, c, "country") for k, (n, c) in COUNTRIES.items()]
    entries += [(aid, name, "FRE", "person") for aid, name in (people or {}).items()]
    for aid, name, country, kind in entries:
        mentions = _spans(text, name)
        if mentions:
            actors.append(Actor(id=aid, name=name, kind=kind, country=country, mentions=mentions, confidence=0.9))
    place_records = [
        Place(name=name, geonameid=gid, mentions=_spans(text, name), confidence=0.9)
        for gid, name in (places or {}).items()
    ]
    return EventDetector().detect(nlp(text), DATE, actors, place_records, [])


def _top(
    nlp: spacy.language.Language,
    text: str,
    people: dict[str, str] | None = None,
    places: dict[int, str] | None = None,
) -> Event:
    top = top_event(_detect(nlp, text, people, places))
    assert top is not None, text
    return top.event


def test_light_verb_and_quantity_noun(backbone: spacy.language.Language) -> None:
    event = _top(backbone, "Freedonia launched a wave of air strikes on Ruritania on Monday.")
    assert (event.type, event.source, event.target) == ("ASSAULT", "fre", "rur")


def test_inflected_light_verb_is_recognised(backbone: spacy.language.Language) -> None:
    event = _top(backbone, "Thousands of students staged rallies in Ruritania against the new tax law.")
    assert (event.type, event.mode) == ("PROTEST", "demo")


def test_pronoun_subject_takes_the_preceding_person(backbone: spacy.language.Language) -> None:
    text = "Ruritania's envoy spoke on Friday. Minister Okafor said he would meet Ruritania next week."
    event = _top(backbone, text, people={"okafor": "Okafor"})
    assert (event.type, event.source, event.target, event.modality) == ("CONSULT", "okafor", "rur", "planned")


def test_reported_obligation_is_a_demand(backbone: spacy.language.Language) -> None:
    event = _top(backbone, "Freedonia said on Tuesday that Ruritania must release the detained sailors.")
    assert (event.type, event.mode, event.source, event.target) == ("REQUEST", "yield", "fre", "rur")


def test_conditional_ultimatum_is_a_threat(backbone: spacy.language.Language) -> None:
    event = _top(backbone, "Freedonia will cut diplomatic ties with Ruritania unless its troops leave the border.")
    assert (event.type, event.source, event.target) == ("THREATEN", "fre", "rur")


def test_adjectival_offer_wraps_its_complement(backbone: spacy.language.Language) -> None:
    event = _top(backbone, "Freedonia is ready to withdraw its soldiers from Ruritania, the ministry said.")
    assert (event.type, event.source, event.target) == ("AGREE", "fre", "rur")
    threat = _top(backbone, "Freedonia is prepared to impose martial law in Ruritania.")
    assert threat.type == "THREATEN"


def test_place_through_a_route_preposition(backbone: spacy.language.Language) -> None:
    event = _top(backbone, "Protesters from Ruritania marched through Zenda on Friday.", places={123456: "Zenda"})
    assert (event.type, event.place) == ("PROTEST", 123456)


def test_main_event_is_the_matrix_clause(backbone: spacy.language.Language) -> None:
    event = _top(backbone, "Freedonia condemned the bombing of its embassy in Ruritania.")
    assert event.type == "ACCUSE"


def test_plover_label_folds_modality_into_type(backbone: spacy.language.Language) -> None:
    visit = _top(backbone, "Freedonia will visit Ruritania next month.")
    assert visit.type == "CONSULT" and plover_label(visit) == ("AGREE", None)
    refusal = _top(backbone, "Freedonia did not sign the trade agreement with Ruritania.")
    assert refusal.modality == "negated" and plover_label(refusal)[0] == "REJECT"
    threat = _top(backbone, "Freedonia will attack Ruritania if the talks fail.")
    assert plover_label(threat) == ("THREATEN", "violence")
