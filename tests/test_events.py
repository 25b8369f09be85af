"""Event detection on the seed article (with hand-built actor / place / time records) and on our own short texts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import spacy

from dateline.events import NON_POLITICAL, detect_events
from dateline.model import Actor, Event, Place, Span, Timex

DATE = dt.date(2024, 3, 20)


def _mentions(text: str, names: list[str]) -> list[Span]:
    return [
        Span(text=m.group(0), start=m.start(), end=m.end())
        for name in names
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)
    ]


def _run(
    nlp: spacy.language.Language,
    text: str,
    actors: dict[str, tuple[str, list[str]]],
    places: dict[int, list[str]] | None = None,
    times: dict[str, str] | None = None,
    date: dt.date = DATE,
) -> list[Event]:
    """Detect events with actor / place / time records built from surface strings found in the text."""
    actor_records = [
        Actor(id=aid, name=aid, kind="country", country=country, mentions=_mentions(text, names), confidence=0.9)
        for aid, (country, names) in actors.items()
    ]
    place_records = [
        Place(name=names[0], geonameid=gid, mentions=_mentions(text, names), confidence=0.9)
        for gid, names in (places or {}).items()
    ]
    time_records = []
    for phrase, value in (times or {}).items():
        start = text.index(phrase)
        time_records.append(Timex(text=phrase, start=start, end=start + len(phrase), type="DATE", value=value))
    events = detect_events(nlp(text), date, actor_records, place_records, time_records)
    for event in events:
        assert event.evidence.text == text[event.evidence.start : event.evidence.end]
        assert 0.0 <= event.confidence <= 1.0
    return events


def _only(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.evidence.text) for e in events]
    return found[0]


SEED_ACTORS = {
    "yoav-gallant": ("ISR", ["Galant"]),
    "usa": ("USA", ["United States", "US", "American"]),
    "isr": ("ISR", ["Israeli", "Israel"]),
    "lloyd-austin": ("USA", ["Austin"]),
    "joe-biden": ("USA", ["Biden"]),
    "benjamin-netanyahu": ("ISR", ["Netanyahu"]),
}


def test_seed_events(backbone: spacy.language.Language, seed_text: str) -> None:
    events = _run(
        backbone,
        seed_text,
        SEED_ACTORS,
        places={281102: ["Rafiyah"]},
        times={"next week": "2024-W13", "March 18": "2024-03-18"},
    )
    visit = next(e for e in events if e.type == "CONSULT" and e.mode == "visit")
    assert visit.source in ("isr", "yoav-gallant") and visit.target in ("usa", "lloyd-austin")
    assert (visit.date, visit.date_from_text, visit.modality) == ("2024-W13", True, "planned")
    assert visit.cameo == "042" and visit.goldstein == 1.9
    call = next(e for e in events if e.type == "CONSULT" and e.date == "2024-03-18")
    assert {call.source, call.target} == {"joe-biden", "benjamin-netanyahu"}
    assert call.modality == "occurred"
    operation = next(e for e in events if e.type in ("ASSAULT", "MOBILIZE"))
    assert operation.modality == "planned" and operation.place == 281102 and operation.source == "isr"
    filler_start = seed_text.index("With the backdrop")
    assert all(e.evidence.end <= filler_start for e in events), [e.evidence.text[:60] for e in events]
    assert len(events) == 3


def test_visit_occurred(backbone: spacy.language.Language) -> None:
    text = "Kenyan President Ruto visited Tanzania on Monday and met his counterpart in Dodoma."
    events = _run(backbone, text, {"ken": ("KEN", ["Kenyan"]), "tza": ("TZA", ["Tanzania"])},
                  times={"Monday": "2024-03-18"})  # fmt: skip
    visit = next(e for e in events if e.mode == "visit")
    assert (visit.source, visit.target, visit.date, visit.modality) == ("ken", "tza", "2024-03-18", "occurred")


def test_phone_call(backbone: spacy.language.Language) -> None:
    text = "The French president held a phone call with the Brazilian leader on Tuesday about trade."
    events = _run(backbone, text, {"fra": ("FRA", ["French"]), "bra": ("BRA", ["Brazilian"])},
                  times={"Tuesday": "2024-03-19"})  # fmt: skip
    call = _only(events, "CONSULT")
    assert (call.mode, call.source, call.target, call.date) == ("phone", "fra", "bra", "2024-03-19")


def test_air_strike_with_place(backbone: spacy.language.Language) -> None:
    text = "Russian jets carried out air strikes on Ukrainian positions near Bakhmut overnight, officials said."
    events = _run(backbone, text, {"rus": ("RUS", ["Russian"]), "ukr": ("UKR", ["Ukrainian"])},
                  places={705812: ["Bakhmut"]})  # fmt: skip
    strike = _only(events, "ASSAULT")
    assert (strike.mode, strike.source, strike.target) == ("aerial", "rus", "ukr")
    assert strike.acled_sub_event_type == "Air/drone strike"
    assert strike.acled_event_type == "Explosions/Remote violence"
    assert strike.date == DATE.isoformat() and not strike.date_from_text


def test_protest(backbone: spacy.language.Language) -> None:
    text = "Thousands of Chilean students protested in Santiago on Friday against tuition fees."
    events = _run(backbone, text, {"chl": ("CHL", ["Chilean"])}, places={3871336: ["Santiago"]},
                  times={"Friday": "2024-03-15"})  # fmt: skip
    protest = _only(events, "PROTEST")
    assert (protest.mode, protest.source, protest.place, protest.date) == ("demo", "chl", 3871336, "2024-03-15")
    assert protest.acled_event_type == "Protests"


def test_riot(backbone: spacy.language.Language) -> None:
    text = "Rioters torched cars and looted shops in the Senegalese capital after the vote."
    events = _run(backbone, text, {"sen": ("SEN", ["Senegalese"])})
    riot = next(e for e in events if e.type == "PROTEST")
    assert riot.mode == "riot" and riot.acled_event_type == "Riots"


def test_sanctions(backbone: spacy.language.Language) -> None:
    text = "The European Union imposed new sanctions on Belarus on Wednesday over the crackdown on dissent."
    events = _run(backbone, text, {"eu": ("", ["European Union"]), "blr": ("BLR", ["Belarus"])},
                  times={"Wednesday": "2024-03-20"})  # fmt: skip
    sanction = next(e for e in events if e.type == "SANCTION")
    assert (sanction.source, sanction.target, sanction.date) == ("eu", "blr", "2024-03-20")


def test_aid_delivery(backbone: spacy.language.Language) -> None:
    text = "Japan delivered 40 tonnes of medical supplies to Sudan on Thursday."
    events = _run(backbone, text, {"jpn": ("JPN", ["Japan"]), "sdn": ("SDN", ["Sudan"])},
                  times={"Thursday": "2024-03-14"})  # fmt: skip
    aid = _only(events, "AID")
    assert (aid.source, aid.target, aid.modality) == ("jpn", "sdn", "occurred")


def test_ceasefire_agreement(backbone: spacy.language.Language) -> None:
    text = "Armenia and Azerbaijan agreed to a ceasefire along their border late on Sunday."
    events = _run(backbone, text, {"arm": ("ARM", ["Armenia"]), "aze": ("AZE", ["Azerbaijan"])})
    agree = _only(events, "AGREE")
    assert (agree.source, agree.target) == ("arm", "aze")
    assert not any(e.type == "RETREAT" for e in events)  # the ceasefire is what they agreed to, folded in


def test_arrest(backbone: spacy.language.Language) -> None:
    text = "Turkish police arrested twelve journalists in Ankara on Saturday."
    events = _run(backbone, text, {"tur": ("TUR", ["Turkish"])}, places={323786: ["Ankara"]})
    arrest = _only(events, "COERCE")
    assert (arrest.mode, arrest.source, arrest.place, arrest.acled_sub_event_type) == (
        "arrest", "tur", 323786, "Arrests",
    )  # fmt: skip


def test_threat(backbone: spacy.language.Language) -> None:
    text = "North Korea threatened to strike South Korean warships if the drills continue."
    events = _run(backbone, text, {"prk": ("PRK", ["North Korea"]), "kor": ("KOR", ["South Korean"])})
    threat = _only(events, "THREATEN")
    assert (threat.mode, threat.source) == ("violence", "prk")
    assert not any(e.type == "ASSAULT" for e in events)


def test_demand(backbone: spacy.language.Language) -> None:
    text = "Egypt demanded that Ethiopia release the detained fishermen."
    events = _run(backbone, text, {"egy": ("EGY", ["Egypt"]), "eth": ("ETH", ["Ethiopia"])})
    demand = _only(events, "REQUEST")
    assert (demand.source, demand.mode) == ("egy", "yield")


def test_accusation(backbone: spacy.language.Language) -> None:
    text = "Pakistan accused India of violating the border agreement."
    events = _run(backbone, text, {"pak": ("PAK", ["Pakistan"]), "ind": ("IND", ["India"])})
    accuse = _only(events, "ACCUSE")
    assert (accuse.source, accuse.target, accuse.mode) == ("pak", "ind", "allege")


def test_negated_attack(backbone: spacy.language.Language) -> None:
    text = "Serbian troops did not attack the Kosovo checkpoint, the ministry said."
    events = _run(backbone, text, {"srb": ("SRB", ["Serbian"])})
    attack = _only(events, "ASSAULT")
    assert (attack.modality, attack.source) == ("negated", "srb")


def test_denied_attack_is_negated(backbone: spacy.language.Language) -> None:
    text = "Venezuela denied attacking the Guyanese patrol boat."
    events = _run(backbone, text, {"ven": ("VEN", ["Venezuela"]), "guy": ("GUY", ["Guyanese"])})
    attack = _only(events, "ASSAULT")
    assert attack.modality == "negated" and attack.source == "ven"


def test_hypothetical_strike(backbone: spacy.language.Language) -> None:
    text = "If Israel attacks Iranian nuclear sites, oil prices could soar, analysts warned."
    events = _run(backbone, text, {"isr": ("ISR", ["Israel"]), "irn": ("IRN", ["Iranian"])})
    attack = _only(events, "ASSAULT")
    assert (attack.modality, attack.source, attack.target) == ("hypothetical", "isr", "irn")


def test_earthquake_is_not_political(backbone: spacy.language.Language) -> None:
    text = "A strong earthquake struck western Nepal on Friday night, killing at least 120 people."
    events = _run(backbone, text, {"npl": ("NPL", ["Nepal"])}, times={"Friday night": "2024-03-15"})
    assert events and all(e.category == "natural_disaster" and e.type == NON_POLITICAL for e in events)


def test_football_match_is_sport(backbone: spacy.language.Language) -> None:
    text = "Spain beat Italy 2-1 in Berlin on Sunday to reach the final of the tournament."
    events = _run(backbone, text, {"esp": ("ESP", ["Spain"]), "ita": ("ITA", ["Italy"])})
    assert events and all(e.category == "sport" and e.type == NON_POLITICAL for e in events)


def test_generic_discussion_is_not_an_event(backbone: spacy.language.Language) -> None:
    text = (
        "Talks of this kind are often described as vital for regional stability. "
        "Observers hope that dialogue will prevail over confrontation in the years ahead."
    )
    assert _run(backbone, text, {}) == []


@pytest.mark.parametrize("phrase", ["will meet", "is set to meet", "plans to meet"])
def test_planned_markers(backbone: spacy.language.Language, phrase: str) -> None:
    text = f"The Indian foreign minister {phrase} Chinese officials in Beijing."
    events = _run(backbone, text, {"ind": ("IND", ["Indian"]), "chn": ("CHN", ["Chinese"])})
    meet = _only(events, "CONSULT")
    assert (meet.modality, meet.source, meet.target) == ("planned", "ind", "chn")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("A bomb attack by insurgents outside the depot wounded four guards.", "explosives"),
        ("Engineers inspecting the dam were wounded by a roadside bomb on Tuesday.", "explosives"),
        ("Nine shoppers were killed by a suicide bomber at a bus station on Friday.", "suicide-attack"),
        ("A suicide car bombing near the shrine killed eleven pilgrims.", "suicide-attack"),
        ("Raiders armed with machetes attacked the settlement before dawn.", "primitive"),
        ("Rebels fired mortar rounds at the airport overnight.", "heavy-weapons"),
        ("Gunmen killed a customs officer in a shootout at the port.", "firearms"),
        ("Navy warplanes killed 14 fighters in raids on the island.", "aerial"),
        ("Riot police opened fire on the marchers.", "firearms"),
    ],
)
def test_attack_mode_from_the_weapon_named(backbone: spacy.language.Language, text: str, mode: str) -> None:
    """A generic violence verb takes its PLOVER mode from the weapon in its subject or instrument phrase."""
    attack = _only(_run(backbone, text, {}, date=dt.date(2021, 5, 4)), "ASSAULT")
    assert attack.mode == mode


@pytest.mark.parametrize(
    "text",
    [
        "The rebels killed a gunman who had deserted from their ranks.",  # the victim's weapon is not the means
        "A think tank attacked the ministry's budget in a scathing report.",
    ],
)
def test_attack_mode_not_taken_from_victims_or_lookalikes(backbone: spacy.language.Language, text: str) -> None:
    events = _run(backbone, text, {}, date=dt.date(2021, 5, 4))
    assert all(e.mode is None for e in events if e.type == "ASSAULT")


def test_phrase_trigger_takes_the_mode_of_its_fuller_noun(backbone: spacy.language.Language) -> None:
    text = "Jailed activists staged a hunger strike in the prison yard."
    protest = _only(_run(backbone, text, {}, date=dt.date(2021, 5, 4)), "PROTEST")
    assert protest.mode == "hunger"


@pytest.mark.parametrize(
    ("text", "event_type", "target"),
    [
        ("Thousands of students rallied on Friday to protest Freedonia's new visa rules.", "PROTEST", "fre"),
        ("Fishermen blocked the harbour road for hours, demanding compensation from Sylvania.", "PROTEST", "syl"),
        ("A curfew was imposed across Sylvania after the vote, the interior ministry announced.", "COERCE", "syl"),
    ],
)
def test_target_from_purpose_clause_or_restricted_place(
    backbone: spacy.language.Language, text: str, event_type: str, target: str
) -> None:
    actors = {"fre": ("FRE", ["Freedonia"]), "syl": ("SYL", ["Sylvania"])}
    event = _only(_run(backbone, text, actors, date=dt.date(2021, 5, 4)), event_type)
    assert event.target == target


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Freedonia will pull its soldiers out of Sylvania by June, a spokesman said.", "RETREAT"),
        ("Freedonia deployed 5,000 troops along its border with Sylvania.", "MOBILIZE"),
    ],
)
def test_own_forces_are_no_target(backbone: spacy.language.Language, text: str, event_type: str) -> None:
    """The troops a country moves are its own; the target is where they go or whom they face."""
    actors = {"fre": ("FRE", ["Freedonia"]), "syl": ("SYL", ["Sylvania"]), "troops": (None, ["troops", "soldiers"])}
    event = _only(_run(backbone, text, actors, date=dt.date(2021, 5, 4)), event_type)
    assert (event.source, event.target) == ("fre", "syl")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Freedonia remains opposed to any role for Sylvania in the river talks.", "REJECT"),
        ("Freedonia is strongly opposed to new sanctions on Sylvania.", "REJECT"),
        ("Freedonia, its premier said on Sunday, is committed to closer trade with Sylvania.", "AGREE"),
    ],
)
def test_attitude_participle_subject_is_the_source(
    backbone: spacy.language.Language, text: str, event_type: str
) -> None:
    """ "X is opposed / committed to …" codes an event whose source is X, whether parsed as adjective or passive."""
    actors = {"fre": ("FRE", ["Freedonia"]), "syl": ("SYL", ["Sylvania"])}
    event = _only(_run(backbone, text, actors, date=dt.date(2021, 5, 4)), event_type)
    assert (event.source, event.target) == ("fre", "syl")


def test_own_country_in_a_warning_is_not_its_target(backbone: spacy.language.Language) -> None:
    """A leader warning that their own country will act aims the warning at the other party."""
    actors = {
        "leader": ("FRE", ["Prime Minister Rufus"]),
        "fre": ("FRE", ["Freedonia"]),
        "militia": ("SYL", ["the Sylvanian militia"]),
    }
    text = "Prime Minister Rufus warned that Freedonia would strike if the Sylvanian militia broke the truce."
    records = [
        Actor(
            id=aid,
            name=aid,
            kind="country" if aid == "fre" else "group",
            country=country,
            mentions=_mentions(text, names),
            confidence=0.9,
        )
        for aid, (country, names) in actors.items()
    ]
    events = detect_events(backbone(text), dt.date(2021, 5, 4), records, [], [])
    threat = next(e for e in events if e.type == "THREATEN")
    assert (threat.source, threat.target) == ("leader", "militia")
