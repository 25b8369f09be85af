"""Actor resolution of unnamed groups, places, ethnic groups, IGO groups and 1980s–90s leaders (bundled KB)."""

from __future__ import annotations

import datetime as dt

import spacy

from dateline.actors import resolve_actors
from dateline.actors.kb import get_kb
from dateline.actors.resolve import _city_country, _largest_city_country
from dateline.eval.actors import _predicted_code
from dateline.model import Actor

DAY = dt.date(1992, 5, 4)


def _at(actors: list[Actor], text: str, phrase: str) -> Actor:
    """The actor with a mention overlapping ``phrase`` in ``text`` (the longest overlap)."""
    start = text.index(phrase)
    end = start + len(phrase)
    best = max(
        ((min(end, m.end) - max(start, m.start), a) for a in actors for m in a.mentions),
        key=lambda pair: pair[0],
    )
    assert best[0] > 0, phrase
    return best[1]


def test_city_country_from_places_gazetteer() -> None:
    assert _largest_city_country("baku") == ("AZE", True)
    assert _largest_city_country("calgary") == ("CAN", False)
    assert _largest_city_country("no such town anywhere") is None


def test_group_nouns_and_places(backbone: spacy.language.Language) -> None:
    text = "Striking Chilean dock workers met Peruvian farmers in Valparaiso before the kidnappers freed them."
    actors, _ = resolve_actors(backbone(text), DAY)
    workers = _at(actors, text, "Chilean dock workers")
    assert (workers.country, workers.sector) == ("CHL", "LAB")
    farmers = _at(actors, text, "Peruvian farmers")
    assert (farmers.country, farmers.sector) == ("PER", "AGR")
    city = _at(actors, text, "Valparaiso")
    assert (city.country, city.sector) == ("CHL", "CVL")
    kidnappers = _at(actors, text, "kidnappers")
    assert kidnappers.sector == "CRM" and kidnappers.country == "CHL"  # the sentence's main country


def test_capital_acting_is_government(backbone: spacy.language.Language) -> None:
    text = "Ankara rejected the proposal on Monday."
    actors, _ = resolve_actors(backbone(text), DAY)
    ankara = _at(actors, text, "Ankara")
    assert (ankara.country, ankara.sector) == ("TUR", "GOV")


def test_igo_group_keeps_igo_code(backbone: spacy.language.Language) -> None:
    text = "United Nations peacekeepers escorted the convoy."
    actors, _ = resolve_actors(backbone(text), DAY)
    troops = _at(actors, text, "peacekeepers")
    assert troops.sector == "MIL" and troops.country is None
    assert _predicted_code(troops, get_kb()) == "IGO"


def test_generic_noun_takes_modifier_sector(backbone: spacy.language.Language) -> None:
    text = "Kenyan military personnel arrived at the border."
    actors, _ = resolve_actors(backbone(text), DAY)
    group = _at(actors, text, "Kenyan military personnel")
    assert (group.country, group.sector) == ("KEN", "MIL")


def test_ethnic_groups_live_elsewhere(backbone: spacy.language.Language) -> None:
    text = "Ethnic Hungarians in Slovakia demanded schools, and Karen villagers fled the fighting."
    actors, _ = resolve_actors(backbone(text), DAY)
    assert _at(actors, text, "Hungarians").country == "SVK"
    assert _at(actors, text, "Karen").country == "MMR"


def test_leaders_of_the_1980s_and_1990s(backbone: spacy.language.Language) -> None:
    text = "President Mitterrand met Chancellor Kohl, and Prime Minister Thatcher telephoned President Reagan."
    actors, flags = resolve_actors(backbone(text), dt.date(1987, 6, 1))
    by_name = {a.name: a for a in actors if a.kind == "person"}
    assert by_name["François Mitterrand"].country == "FRA" and by_name["François Mitterrand"].sector == "GOV"
    assert by_name["Helmut Kohl"].role == "Chancellor"
    assert by_name["Margaret Thatcher"].country == "GBR"
    assert by_name["Ronald Reagan"].country == "USA"
    assert flags == []


def test_regions_and_subdivisions_name_their_country() -> None:
    kb = get_kb()
    assert _city_country("Montenegro province", kb) == ("MNE", False)
    assert _city_country("South Lebanon", kb) == ("LBN", False)
    assert _city_country("Darfur", kb) == ("SDN", False)
    assert _city_country("no such place region", kb) is None


def test_international_official_codes_igo(backbone: spacy.language.Language) -> None:
    text = "The Cuban envoy met Kofi Annan at the United Nations on Monday."
    actors, _ = resolve_actors(backbone(text), dt.date(2003, 3, 10))
    annan = _at(actors, text, "Kofi Annan")
    assert annan.country is None and annan.sector == "GOV"  # an IGO official: country slot IGO, sector GOV
    assert _predicted_code(annan, get_kb()) == "IGO"


def test_nationality_conjuncts_carry_the_group(backbone: spacy.language.Language) -> None:
    text = "Bosnian Serbs shelled the town while Dutch and Canadian negotiators waited in Zagreb."
    actors, _ = resolve_actors(backbone(text), DAY)
    assert _at(actors, text, "Bosnian Serbs").country == "BIH"
    assert _at(actors, text, "Canadian negotiators").country == "CAN"
