"""Hand-built analyses for the corpus-layer tests (fusion, queries, exports), independent of the NLP stages.

Places and people are invented; the towns sit in real countries so that country names resolve.
"""

from __future__ import annotations

import datetime as dt

from dateline.model import Actor, Analysis, Event, Place, Span

LAKESIDE = Place(
    name="Lakeside",
    geonameid=9100001,
    lat=-0.30,
    lon=36.10,
    country="KE",
    admin1="Rift Valley",
    feature_code="PPL",
    confidence=0.9,
)
#: 8 km from Lakeside: a suburb some reports name instead.
HILLCREST = Place(
    name="Hillcrest",
    geonameid=9100002,
    lat=-0.36,
    lon=36.14,
    country="KE",
    admin1="Rift Valley",
    feature_code="PPLX",
    confidence=0.8,
)
#: The province that contains both.
RIFT_VALLEY = Place(
    name="Rift Valley", geonameid=9100003, lat=0.5, lon=35.9, country="KE", admin1="Rift Valley", feature_code="ADM1",
    confidence=0.7,
)  # fmt: skip
#: A town of the same province 300 km away.
FARAWAY = Place(
    name="Faraway", geonameid=9100004, lat=2.3, lon=36.9, country="KE", admin1="Rift Valley", feature_code="PPL",
    confidence=0.8,
)  # fmt: skip

POLICE = Actor(
    id="police", name="Kenya Police", kind="organization", country="KEN", sector="COP", kb_id="kenya-police",
    confidence=0.9,
)  # fmt: skip
TRADERS = Actor(id="traders", name="market traders", kind="group", country="KEN", sector="BUS", confidence=0.6)
GUNMEN = Actor(id="gunmen", name="gunmen", kind="group", confidence=0.5)
MINISTER = Actor(
    id="okello", name="Grace Okello", kind="person", country="KEN", sector="GOV", kb_id="grace-okello",
    role="Minister of the Interior", confidence=0.9,
)  # fmt: skip
ENVOY = Actor(
    id="lind", name="Piet Lind", kind="person", country="NLD", sector="GOV", kb_id="piet-lind", confidence=0.9
)
MAYOR = Actor(
    id="wanjiru", name="Ruth Wanjiru", kind="person", country="KEN", sector="GOV", kb_id="ruth-wanjiru",
    confidence=0.9,
)  # fmt: skip


def report(
    article_id: str,
    date: dt.date,
    text: str,
    *,
    type: str = "ASSAULT",
    mode: str | None = None,
    event_date: str | None = None,
    source: Actor | None = None,
    target: Actor | None = None,
    place: Place | None = LAKESIDE,
    cameo: str | None = "180",
    goldstein: float | None = -9.0,
    acled: tuple[str, str] | None = ("Violence against civilians", "Attack"),
    modality: str = "occurred",
    title: str | None = None,
    url: str | None = None,
    source_name: str | None = None,
) -> Analysis:
    """One article whose whole text is the evidence of one event."""
    evidence = Span(text=text, start=0, end=len(text))
    actors = [actor for actor in (source, target) if actor is not None]
    return Analysis(
        id=article_id,
        date=date,
        title=title or text.split(".")[0][:60],
        url=url or f"https://news.example/{article_id}",
        source=source_name or f"Outlet {article_id}",
        text=text,
        actors=actors,
        places=[place] if place else [],
        events=[
            Event(
                id="e1",
                type=type,
                mode=mode,
                cameo=cameo,
                goldstein=goldstein,
                acled_event_type=acled[0] if acled else None,
                acled_sub_event_type=acled[1] if acled else None,
                category="crime" if type == "ASSAULT" else "political",
                source=source.id if source else None,
                target=target.id if target else None,
                place=place.geonameid if place else None,
                date=event_date,
                date_from_text=event_date is not None,
                modality=modality,
                evidence=evidence,
                confidence=0.6,
            )
        ],
    )


D = dt.date(2024, 3, 11)


def market_attack_reports() -> list[Analysis]:
    """Ten reports of one attack on a market in Lakeside on 2024-03-11, worded and dated differently.

    One names the suburb Hillcrest, one the province, one dates it only by month, two give other death tolls.
    """
    day = "2024-03-11"
    return [
        report("r01", D, "Gunmen attacked the Lakeside market on Monday, killing 4 traders.", event_date=day,
               source=GUNMEN, target=TRADERS),
        report("r02", D, "Four people were killed when armed men stormed a market in Lakeside.", event_date=day,
               source=GUNMEN),
        report("r03", D + dt.timedelta(days=1), "Yesterday's raid on the Lakeside market left 4 dead.",
               event_date=day, target=TRADERS),
        report("r04", D + dt.timedelta(days=1), "Attackers opened fire at a market in Hillcrest on Monday.",
               event_date=day, source=GUNMEN, place=HILLCREST),
        report("r05", D + dt.timedelta(days=2), "The death toll from Monday's market shooting rose to 6.",
               event_date=day),
        report("r06", D, "Traders were shot at in the Rift Valley market attack.", event_date=day,
               target=TRADERS, place=RIFT_VALLEY),
        report("r07", D + dt.timedelta(days=3), "Police are still hunting the gunmen behind the March market attack.",
               event_date="2024-03", source=GUNMEN),
        report("r08", D + dt.timedelta(days=1), "Gunmen killed 4 people at Lakeside market on 11 March.",
               event_date=day, source=GUNMEN),
        report("r09", D, "An attack on the market in Lakeside this morning killed at least five.", event_date=day),
        report("r10", D + dt.timedelta(days=1), "Witnesses said the gunmen attacked the market on Sunday.",
               event_date="2024-03-10", source=GUNMEN),
    ]  # fmt: skip


def same_day_same_town() -> list[Analysis]:
    """Two different events in Lakeside on the attack day: a minister's visit and a police raid on traders."""
    return [
        report("v01", D, "Interior minister Grace Okello met the Dutch envoy Piet Lind in Lakeside on Monday.",
               type="CONSULT", mode="visit", event_date="2024-03-11", source=ENVOY, target=MINISTER, cameo="042",
               goldstein=1.9, acled=None),
        report("v02", D, "Envoy Lind visited Lakeside for talks with minister Okello.", type="CONSULT", mode="visit",
               event_date="2024-03-11", source=ENVOY, target=MINISTER, cameo="042", goldstein=1.9, acled=None),
        report("p01", D, "Police beat market traders in Lakeside on Monday during an eviction.",
               event_date="2024-03-11", source=POLICE, target=TRADERS),
    ]  # fmt: skip
