"""The places stage: offline GeoNames gazetteer, toponym recognition and resolution, qualifier checks.

``resolve_places(doc, actor_countries)`` is what the pipeline calls; ``resolve_mentions`` resolves given mention
offsets (gold mentions in evaluation); ``get_gazetteer()`` is the process-wide index.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from dateline.countries import alpha3
from dateline.model import Actor, Flag, Place
from dateline.places.gazetteer import Gazetteer, get_gazetteer
from dateline.places.qualifiers import check_qualifiers
from dateline.places.recognize import country_hints, find_toponyms
from dateline.places.resolve import CONTAINER_PREFIX, resolve_mentions, resolve_spans, to_place

__all__ = [
    "Gazetteer",
    "align_place_actors",
    "find_toponyms",
    "get_gazetteer",
    "resolve_mentions",
    "resolve_places",
]


def resolve_places(
    doc: Doc, actor_countries: Sequence[str] = (), gazetteer: Gazetteer | None = None
) -> tuple[list[Place], list[Flag]]:
    """The places a spaCy Doc names, resolved to GeoNames, and the qualifier flags they raise.

    ``actor_countries`` are ISO alpha-3 codes of the article's actors; the nationalities the text names (NORP)
    count as context too. Places come in order of first mention.
    """
    gaz = gazetteer or get_gazetteer()
    text = doc.text  # spaCy rebuilds Doc.text on every access
    spans = find_toponyms(doc, gaz, text)
    hints = sorted(country_hints(doc, gaz))
    toponyms = resolve_spans(gaz, text, spans, actor_countries, hint_countries=hints)
    toponyms.sort(key=lambda t: min(t.spans))
    places = [to_place(gaz, topo, text) for topo in toponyms]
    return places, check_qualifiers(gaz, text, toponyms)


def align_place_actors(
    actors: Sequence[Actor], places: Sequence[Place], gazetteer: Gazetteer | None = None
) -> list[Actor]:
    """Actors named by a place ("police in Alexandria", "residents of Moscow", "Paris") take the country the place
    resolved to: the actor stage only knows a name's most populous namesake, the place stage reads the whole article
    ("Alexandria, Virginia"). Only actors without a KB entry change, and only when each mention ends with the same
    resolved place and does not start with a nationality ("Israeli troops in Gaza" stays Israeli)."""
    gaz = gazetteer or get_gazetteer()
    ends: dict[int, Place] = {
        m.end: p
        for p in places
        if p.geonameid is not None and p.country and not (p.feature_code or "").startswith(CONTAINER_PREFIX)
        for m in p.mentions
    }
    out = []
    for actor in actors:
        named = [ends.get(m.end) for m in actor.mentions]
        place = named[0] if named and all(p is not None and p.geonameid == named[0].geonameid for p in named) else None
        country = alpha3(place.country) if place is not None and place.country else None
        if (
            country
            and country != actor.country
            and actor.kb_id is None
            and actor.kind != "person"
            and not any(_nationality_first(gaz, m.text) for m in actor.mentions)
        ):
            actor = actor.model_copy(update={"country": country})
        out.append(actor)
    return out


def _nationality_first(gaz: Gazetteer, text: str) -> bool:
    """Whether a mention opens with a nationality or a country ("Israeli troops in Gaza", "Egypt's police")."""
    first = text.split(" ", 1)[0].removesuffix("'s").removesuffix("’s")
    return gaz.demonym(first) is not None and len(text.split()) > 1
