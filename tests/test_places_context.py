"""Document-level country context in resolution: the article's setting, currency cues, town-name usage, partial
names and the fallbacks, each on our own short texts."""

from __future__ import annotations

import pytest

from dateline.model import Place
from dateline.places.context import currency_countries, is_dateline, is_municipal, names_residents
from dateline.places.gazetteer import KIND_ADM1, KIND_CONTINENT, Gazetteer, get_gazetteer
from dateline.places.resolve import MATCH_PART, candidates_for, resolve_mentions


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _resolve(gaz: Gazetteer, text: str, names: list[str]) -> dict[str, Place | None]:
    """Resolve the first mention of each name (plus later ones of the same name) and key the result by name."""
    spans = []
    for name in names:
        start = text.index(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = text.find(name, start + len(name))
    places = resolve_mentions(text, spans, gazetteer=gaz)
    return {text[s:e]: place for (s, e), place in zip(spans, places, strict=True)}


def test_currency_cues() -> None:
    assert currency_countries("The levy raises $4.5 million a year.") == {"US": 1.0}
    assert currency_countries("Tickets cost C$40 and £12.") == {"CA": 0.5, "GB": 0.5}
    assert currency_countries("A loan of US$3 billion and HK$2 million.") == {"US": 0.5, "HK": 0.5}
    assert currency_countries("No money is named here.") == {}


def test_municipal_usage() -> None:
    text = "The Athens City Council met. Mail went to 12 Oak St., Dover. Officers of the City of Paris left Syria."
    for name, expected in (("Athens", True), ("Dover", True), ("Paris", True), ("Syria", False)):
        start = text.index(name)
        assert is_municipal(text, start, start + len(name)) is expected, name
    text = "A Lebanon woman and a Texas man met troops from Lebanon."
    first, second, third = text.index("Lebanon"), text.index("Texas"), text.rindex("Lebanon")
    assert names_residents(text, first, first + 7) and names_residents(text, second, second + 5)
    assert not names_residents(text, third, third + 7) and not is_municipal(text, first, first + 7)


def test_a_council_story_counting_in_dollars_is_in_the_united_states(gaz: Gazetteer) -> None:
    text = "The Paris City Council approved $2.3 million for street repairs, and Paris firefighters got a new truck."
    assert _resolve(gaz, text, ["Paris"])["Paris"].country == "US"
    text = "Ministers met in Paris on Tuesday to discuss the summit."
    assert _resolve(gaz, text, ["Paris"])["Paris"].country == "FR"


def test_a_town_named_like_a_country(gaz: Gazetteer) -> None:
    text = (
        "A Poland woman won the county raffle, Mahoning County officials said, and the Poland school board thanked her."
    )
    found = _resolve(gaz, text, ["Poland", "Mahoning County"])
    assert found["Poland"].country == "US" and found["Poland"].feature_code != "PCLI"
    text = "Grain trains crossed from Germany into Poland as Lithuania and Belarus closed their borders."
    assert _resolve(gaz, text, ["Germany", "Poland", "Lithuania", "Belarus"])["Poland"].feature_code == "PCLI"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Mexico police arrested two men on Sunday.", "Mexico", "MX"),
        ("Jordan police detained a suspect at the border.", "Jordan", "JO"),
        ("Lebanon municipal elections were held on Sunday.", "Lebanon", "LB"),
    ],
)
def test_a_country_with_police_or_a_mayor_stays_a_country(gaz: Gazetteer, text: str, name: str, country: str) -> None:
    """Towns and countries both have police and municipal bodies: with no other cue the name stays the country."""
    assert _resolve(gaz, text, [name])[name].country == country


def test_a_named_country_holds_its_capital_among_many_american_places(gaz: Gazetteer) -> None:
    text = (
        "The carrier flies from New York, Chicago, Atlanta, Houston and Denver, and from next month to Moscow. "
        "Russia granted the landing rights; Moscow airports expect the first flight in May."
    )
    found = _resolve(gaz, text, ["New York", "Chicago", "Atlanta", "Houston", "Denver", "Moscow", "Russia"])
    assert found["Moscow"].country == "RU"
    assert found["Chicago"].country == "US"


def test_a_state_name_means_the_state_in_a_foreign_setting(gaz: Gazetteer) -> None:
    text = "Fans drove from Chicago, Detroit and Cleveland to the game in Ontario."
    ontario = _resolve(gaz, text, ["Chicago", "Detroit", "Cleveland", "Ontario"])["Ontario"]
    assert ontario.country == "CA" and ontario.feature_code == "ADM1"


def test_partial_names(gaz: Gazetteer) -> None:
    def top(name: str) -> int:
        return candidates_for(gaz, name)[0].entry

    north_london = candidates_for(gaz, "North London")
    assert north_london and all(c.match == MATCH_PART for c in north_london)
    assert any(gaz.country_code(c.entry) == "GB" for c in north_london)
    assert gaz.names[top("Southern Europe")] == "Europe"
    assert int(gaz.kind[top("European Union")]) == KIND_CONTINENT
    assert int(gaz.kind[top("EU")]) == KIND_CONTINENT
    darfur = candidates_for(gaz, "Darfur")
    assert darfur and all(gaz.country_code(c.entry) == "SD" and int(gaz.kind[c.entry]) == KIND_ADM1 for c in darfur)
    # a country reached through part of a name does not outrank the division that has the whole name
    assert gaz.country_code(top("Guernsey County")) == "US"
    assert gaz.country_code(top("Port of Los Angeles")) == "US"


def test_stray_small_namesake_abroad_yields_to_the_setting(gaz: Gazetteer) -> None:
    text = "The bill cleared Holyrood on Thursday. Ministers in Edinburgh and Glasgow welcomed it, and Edinburgh "
    text += "councillors voted next."
    holyrood = _resolve(gaz, text, ["Holyrood", "Edinburgh", "Glasgow"])["Holyrood"]
    assert holyrood is not None and holyrood.country == "GB"  # not the small Canadian towns of that name
    assert holyrood.feature_code.startswith("container:") and holyrood.confidence <= 0.25


def test_unknown_name_falls_back_to_the_state_the_article_is_set_in(gaz: Gazetteer) -> None:
    text = "Qxyrnthvale officials met in Trenton, then drove to Newark and Camden before returning to New Jersey."
    found = _resolve(gaz, text, ["Qxyrnthvale", "Trenton", "Newark", "Camden", "New Jersey"])
    unknown = found["Qxyrnthvale"]
    assert unknown is not None and unknown.country == "US" and unknown.admin1 is None
    assert unknown.name == "Qxyrnthvale" and unknown.feature_code == "container:ADM1"
    assert unknown.confidence < 0.1
    text = "Qxyrnthvale Sea levels rose near Trenton, Newark and Camden, New Jersey."
    assert _resolve(gaz, text, ["Qxyrnthvale Sea", "Trenton", "Newark", "Camden"])["Qxyrnthvale Sea"] is None


def test_dateline_cue() -> None:
    text = "MADRID Ministers met on Friday in Toledo."
    assert is_dateline(text, 0, 6) and not is_dateline(text, text.index("Toledo"), text.index("Toledo") + 6)
    assert is_dateline("Lagos (Reuters) - Prices rose.", 0, 5)
    assert is_dateline("  Athens, Greece -- The port reopened.", 2, 8)
    assert not is_dateline("Athens reopened its port.", 0, 6)


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON Two British ministers who left London on Sunday began three days of talks at the Treasury.",
        "WASHINGTON Envoys who spent the week in London arrived on Monday for talks with U.S. officials.",
    ],
)
def test_a_dateline_is_the_well_known_city(gaz: Gazetteer, text: str) -> None:
    """A bare wire dateline names the city readers know, even in a story that mentions places elsewhere."""
    washington = _resolve(gaz, text, ["WASHINGTON", "London"])["WASHINGTON"]
    assert washington is not None and washington.geonameid == 4140963


@pytest.mark.parametrize(
    ("text", "name", "countries"),
    [
        ("Leaders met at Camp David after flying in from Washington and Baltimore.", "Camp David", {"US"}),
        ("Fishermen from Kisumu and Entebbe say Lake Victoria is shrinking.", "Lake Victoria", {"KE", "UG"}),
        ("Oil rigs off Houston and New Orleans shut as the storm crossed the Gulf of Mexico.", "Gulf of Mexico", None),
        ("Exports to the Far East rose, traders in Rotterdam and Antwerp said.", "Far East", None),
    ],
)
def test_partial_names_need_the_articles_support(gaz: Gazetteer, text: str, name: str, countries: set | None) -> None:
    """A feature word around a name ("Camp X", "Lake X") does not make X the place: unsupported, it falls back to
    the article's setting with low confidence; waters and macro-regions are not parts of a country at all."""
    others = [n for n in ("Washington", "Baltimore", "Kisumu", "Entebbe", "Houston", "New Orleans", "Rotterdam",
                          "Antwerp") if n in text]  # fmt: skip
    found = _resolve(gaz, text, [name, *others])
    place = found[name]
    if countries is None:
        assert place is None
    else:
        assert place is not None and place.country in countries and place.confidence <= 0.25
    if "Rotterdam" in text:
        assert (found["Rotterdam"].country, found["Antwerp"].country) == ("NL", "BE")


@pytest.mark.parametrize(
    ("text", "surface", "geonameid"),
    [
        ("BEIRUT — Two ministers resigned on Tuesday.", "BEIRUT", 276781),
        ("BUENOS AIRES, Argentina (AP) — Inflation slowed in April.", "BUENOS AIRES", 3435910),
        ("Kyiv (Reuters) - Air raid sirens sounded overnight.", "Kyiv", 703448),
    ],
)
def test_wire_dateline_is_recognised_and_resolved(text: str, surface: str, geonameid: int) -> None:
    """The model seldom tags a text's first word as a place; a wire dateline the gazetteer knows is one."""
    import datetime as dt

    import dateline

    analysis = dateline.extract(text, dt.date(2024, 5, 1))
    place = next(p for p in analysis.places if any(m.text == surface for m in p.mentions))
    assert place.geonameid == geonameid
    assert not any(m.text == surface for a in analysis.actors for m in a.mentions)  # where it was filed, not who


def test_a_bare_name_shared_by_a_big_city_and_a_division_abroad(gaz: Gazetteer) -> None:
    """A division sharing its name with a city abroad at least as populous gets no division bonus: bare names in
    news are mostly cities."""
    assert _resolve(gaz, "Protesters marched in Gaza after Friday prayers.", ["Gaza"])["Gaza"].geonameid == 281133
    for text, names in (("Floods hit Victoria on Monday.", ["Victoria"]),
                        ("Bushfires forced evacuations across Victoria, and Melbourne air quality worsened.",
                         ["Victoria", "Melbourne"])):  # fmt: skip
        victoria = _resolve(gaz, text, names)["Victoria"]  # the state outnumbers every city of that name
        assert (victoria.country, victoria.feature_code) == ("AU", "ADM1")


@pytest.mark.parametrize(
    ("text", "name", "geonameid"),
    [
        ("Washington blamed Iran-backed militias for the attack.", "Washington", 4140963),
        ("Georgia said it would join the talks.", "Georgia", 614540),
    ],
)
def test_a_name_acting_as_a_government(gaz: Gazetteer, text: str, name: str, geonameid: int) -> None:
    """ "X said / warned / blamed": a capital or a country speaks, never a first-level division."""
    assert _resolve(gaz, text, [name])[name].geonameid == geonameid


def test_lower_case_words_are_no_place_names() -> None:
    import datetime as dt

    import dateline

    analysis = dateline.extract(
        "Commuters crowded the metro downtown as Cairo reopened its stations.", dt.date(2024, 5, 1)
    )
    assert [m.text for p in analysis.places for m in p.mentions] == ["Cairo"]


def test_actors_named_by_a_place_take_its_resolved_country() -> None:
    """The actor stage knows only a name's biggest namesake; the place stage reads the article."""
    import datetime as dt

    import dateline

    analysis = dateline.extract("Police in Alexandria, Virginia, arrested two men on Friday.", dt.date(2024, 5, 1))
    police = next(a for a in analysis.actors if a.mentions[0].text == "Police in Alexandria")
    assert (police.country, police.sector) == ("USA", "COP")
    analysis = dateline.extract("Israeli troops in Gaza fired on a crowd on Friday.", dt.date(2024, 5, 1))
    troops = next(a for a in analysis.actors if a.mentions[0].text.startswith("Israeli troops"))
    assert troops.country == "ISR"  # the nationality says whose troops, not the place


def test_waters_are_not_the_provinces_named_after_them(gaz: Gazetteer) -> None:
    text = "Attacks on ships in the Red Sea rose, the Gulf of Aden was quiet, and floods hit Thunder Bay."
    found = _resolve(gaz, text, ["Red Sea", "Gulf of Aden", "Thunder Bay"])
    assert found["Red Sea"] is None and found["Gulf of Aden"] is None  # no Sudanese or Egyptian province
    assert found["Thunder Bay"].country == "CA"  # a town whose name has a water word stays a town
