"""The places stage: offline GeoNames gazetteer, toponym recognition and resolution, qualifier checks.

``resolve_places(doc, actor_countries)`` is what the pipeline calls; ``resolve_mentions`` resolves given mention
offsets (gold mentions in evaluation); ``get_gazetteer()`` is the process-wide index.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from dateline.model import Flag, Place
from dateline.places.gazetteer import Gazetteer, get_gazetteer
from dateline.places.qualifiers import check_qualifiers
from dateline.places.recognize import country_hints, find_toponyms
from dateline.places.resolve import resolve_mentions, resolve_spans, to_place

__all__ = ["Gazetteer", "find_toponyms", "get_gazetteer", "resolve_mentions", "resolve_places"]


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
