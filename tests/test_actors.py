"""Actor resolution: the seed article at two dates, titles, title-only mentions, local actors, groups and flags."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy

from dateline.actors import resolve_actors
from dateline.actors.kb import KnowledgeBase, get_kb
from dateline.model import Actor

SEED_DATE = dt.date(2024, 3, 20)
OLD_DATE = dt.date(2015, 6, 1)
FIXTURE = Path(__file__).resolve().parent / "data" / "kb" / "fixture.yaml"


def _by_kb(actors: list[Actor]) -> dict[str, Actor]:
    return {a.kb_id: a for a in actors if a.kb_id}


def _check_mentions(text: str, actors: list[Actor]) -> None:
    for actor in actors:
        assert actor.mentions
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text


@pytest.fixture(scope="module")
def seed_2024(backbone: spacy.language.Language, seed_text: str) -> tuple[list[Actor], list]:
    return resolve_actors(backbone(seed_text), SEED_DATE)


@pytest.fixture(scope="module")
def seed_2015(backbone: spacy.language.Language, seed_text: str) -> tuple[list[Actor], list]:
    return resolve_actors(backbone(seed_text), OLD_DATE)


@pytest.mark.parametrize(
    ("kb_id", "country", "sector", "role"),
    [
        ("yoav-gallant", "ISR", "GOV", "Minister of Defense"),
        ("lloyd-austin", "USA", "GOV", "Secretary of Defense"),
        ("joe-biden", "USA", "GOV", "President"),
        ("benjamin-netanyahu", "ISR", "GOV", "Prime Minister"),
        ("tzachi-hanegbi", "ISR", "GOV", "National Security Adviser"),
        ("ron-dermer", "ISR", "GOV", "Minister of Strategic Affairs"),
    ],
)
def test_seed_people_on_the_article_date(seed_2024, kb_id: str, country: str, sector: str, role: str) -> None:
    actor = _by_kb(seed_2024[0])[kb_id]
    assert (actor.kind, actor.country, actor.sector, actor.role, actor.former) == (
        "person",
        country,
        sector,
        role,
        False,
    )


def test_seed_mentions_and_coreference(seed_2024, seed_text: str) -> None:
    actors, flags = seed_2024
    _check_mentions(seed_text, actors)
    people = _by_kb(actors)
    gallant = [m.text for m in people["yoav-gallant"].mentions]
    assert gallant.count("Galant") == 3  # both "Defense Minister Galant" and the ORG-tagged one at the end
    assert "head of the Israeli Ministry of Defense" in gallant  # title-only mention, resolved by office and date
    assert [m.text for m in people["lloyd-austin"].mentions] == ["Austin", "Austin"]
    assert [m.text for m in people["tzachi-hanegbi"].mentions] == [
        "Hanegbi"
    ]  # split off "the National Security Council"
    assert not any(a.name.startswith("Humanitarian") for a in actors)  # a heading, not a person
    assert flags == []


def test_seed_countries(seed_2024) -> None:
    countries = {a.country: a for a in seed_2024[0] if a.kind == "country"}
    assert {"ISR", "USA"} <= set(countries)
    assert "Israeli" in {m.text for m in countries["ISR"].mentions}
    assert countries["USA"].kb_id == "usa"


@pytest.mark.parametrize(
    ("kb_id", "role", "sector"),
    [
        ("benjamin-netanyahu", "Prime Minister", "GOV"),
        ("joe-biden", "Vice President", "GOV"),
        ("lloyd-austin", None, "MIL"),
    ],
)
def test_seed_names_in_2015(seed_2015, kb_id: str, role: str | None, sector: str) -> None:
    actor = _by_kb(seed_2015[0])[kb_id]
    assert actor.sector == sector
    if role:
        assert actor.role == role
    else:
        assert actor.role and "Central Command" in actor.role


def test_gallant_in_2015_is_not_defence_minister(seed_2015) -> None:
    actors, flags = seed_2015
    gallant = _by_kb(actors)["yoav-gallant"]
    assert gallant.role != "Minister of Defense"
    contradiction = [f for f in flags if f.kind == "role_contradiction" and "Gallant" in f.message]
    assert contradiction and contradiction[0].evidence.text == "Defense Minister Galant"


@pytest.fixture(scope="module")
def small() -> KnowledgeBase:
    return KnowledgeBase.load(extra=[FIXTURE], bundled=False, use_cache=False)


def _run(backbone: spacy.language.Language, text: str, day: dt.date, kb: KnowledgeBase | None = None):
    actors, flags = resolve_actors(backbone(text), day, kb or get_kb())
    _check_mentions(text, actors)
    return actors, flags


def test_title_only_and_counterpart(backbone: spacy.language.Language, small: KnowledgeBase) -> None:
    text = (
        "The Israeli defence minister flew to Washington on Monday. He told his American counterpart that the "
        "talks had gone well."
    )
    actors, _ = _run(backbone, text, dt.date(2024, 2, 1), small)
    people = _by_kb(actors)
    assert [m.text for m in people["yoav-gallant"].mentions] == ["Israeli defence minister"]
    text2 = "Defence Minister Gallant met his American counterpart, Austin, at the Pentagon."
    people2 = _by_kb(_run(backbone, text2, dt.date(2024, 2, 1), small)[0])
    assert people2["lloyd-austin"].role == "Secretary of Defense"


def test_prime_minister_contradiction(backbone: spacy.language.Language, small: KnowledgeBase) -> None:
    text = "Prime Minister Netanyahu addressed the Knesset on Tuesday."
    actors, flags = _run(backbone, text, dt.date(2022, 1, 10), small)  # Bennett was prime minister then
    assert [f.evidence.text for f in flags] == ["Prime Minister Netanyahu"]
    assert _by_kb(actors)["benjamin-netanyahu"].kb_id == "benjamin-netanyahu"
    _, flags_ok = _run(backbone, text, dt.date(2023, 6, 1), small)
    assert flags_ok == []


def test_former_office_holder(backbone: spacy.language.Language, small: KnowledgeBase) -> None:
    text = "Barack Obama spoke at a fundraiser in Chicago on Saturday."
    obama = _by_kb(_run(backbone, text, dt.date(2019, 5, 4), small)[0])["barack-obama"]
    assert obama.former and obama.sector == "ELI" and obama.role == "President"


def test_fuzzy_name_with_title(backbone: spacy.language.Language, small: KnowledgeBase) -> None:
    text = "Defense Minister Yoav Galant visited the border on Sunday."
    gallant = _by_kb(_run(backbone, text, dt.date(2023, 4, 2), small)[0])["yoav-gallant"]
    assert gallant.role == "Minister of Defense" and gallant.country == "ISR"


def test_local_person_from_title(backbone: spacy.language.Language, small: KnowledgeBase) -> None:
    text = "Israeli Tourism Minister Haim Katzovitch said the season was poor. Katzovitch blamed the war."
    actors, _ = _run(backbone, text, dt.date(2024, 3, 1), small)
    local = [a for a in actors if a.id.startswith("local:") and a.kind == "person"]
    assert len(local) == 1
    person = local[0]
    assert (person.kb_id, person.country, person.sector) == (None, "ISR", "GOV")
    assert person.role == "Tourism Minister"
    assert [m.text for m in person.mentions] == ["Haim Katzovitch", "Katzovitch"]
    assert person.confidence < 0.6


def test_groups_and_organisations(backbone: spacy.language.Language, small: KnowledgeBase) -> None:
    text = "Palestinian refugees fled after Hamas fighters clashed with Israeli police near the UN compound."
    actors, _ = _run(backbone, text, dt.date(2024, 3, 1), small)
    found = {(a.country, a.sector) for a in actors}
    assert ("PSE", "REF") in found
    assert ("ISR", "COP") in found
    by_id = {a.id: a for a in actors}
    assert by_id["hamas"].kind == "group" and by_id["hamas"].sector == "REB"
    # IGO is CAMEO's country-slot code, not a sector: the UN as a whole has no function sector and no country.
    un = by_id["united-nations"]
    assert (un.kind, un.country, un.sector) == ("organization", None, None)
