"""Cut an article's text into segments, each knowing which actors, places, dates, events and flags cover it.

Annotations overlap (an actor inside an event's evidence sentence, a flag on a place), so the text is split at
every span boundary and each piece carries all layers covering it; the template renders one escaped ``<span>``
per piece, with the layers as classes and their resolutions as the hover title.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from dateline.model import Analysis


@dataclass
class Segment:
    """A piece of the text and the annotations over it."""

    text: str
    layers: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    flags: list[int] = field(default_factory=list)

    @property
    def css(self) -> str:
        """Space-separated layer classes, in a fixed order."""
        return " ".join(f"hl-{layer}" for layer in ("event", "actor", "place", "time", "flag") if layer in self.layers)

    @property
    def title(self) -> str:
        """The hover text: one line per annotation."""
        return "\n".join(self.titles)


@dataclass
class _Mark:
    start: int
    end: int
    layer: str
    title: str
    event: str | None = None
    flag: int | None = None


def _conf(value: float) -> str:
    return f"confidence {value:.2f}"


def _marks(a: Analysis) -> list[_Mark]:
    names = {actor.id: actor.name for actor in a.actors}
    places = {p.geonameid: p.name for p in a.places if p.geonameid is not None}
    marks: list[_Mark] = []
    for actor in a.actors:
        parts = [f"Actor: {actor.name} ({actor.kind})"]
        if actor.country or actor.sector:
            parts.append(" ".join(x for x in (actor.country, actor.sector) if x))
        if actor.role:
            parts.append(("former " if actor.former else "") + actor.role)
        parts += [f"KB {actor.kb_id}" if actor.kb_id else "not in KB", _conf(actor.confidence)]
        marks += [_Mark(m.start, m.end, "actor", " · ".join(parts)) for m in actor.mentions]
    for place in a.places:
        parts = [f"Place: {place.name}"]
        parts.append(f"GeoNames {place.geonameid}" if place.geonameid is not None else "unresolved")
        if place.country:
            parts.append(place.country + (f"/{place.admin1}" if place.admin1 else ""))
        if place.lat is not None and place.lon is not None:
            parts.append(f"{place.lat:.4f}, {place.lon:.4f}")
        parts.append(_conf(place.confidence))
        marks += [_Mark(m.start, m.end, "place", " · ".join(parts)) for m in place.mentions]
    for timex in a.times:
        anchor = timex.anchor_event or timex.anchor
        title = f"Time: {timex.type} {timex.value or '(no value)'} · {timex.granularity} · anchored on {anchor}"
        marks.append(_Mark(timex.start, timex.end, "time", title))
    for event in a.events:
        source, target = (names.get(x or "", x or "?") for x in (event.source, event.target))
        who = f"{source} → {target}"
        parts = [f"Event: {event.type}" + (f"/{event.mode}" if event.mode else ""), who, event.modality]
        if event.date:
            parts.append(f"date {event.date}")
        if event.place is not None:
            parts.append(f"at {places.get(event.place, event.place)}")
        if event.goldstein is not None:
            parts.append(f"Goldstein {event.goldstein:+.1f}")
        parts.append(_conf(event.confidence))
        marks.append(_Mark(event.evidence.start, event.evidence.end, "event", " · ".join(parts), event=event.id))
    for index, flag in enumerate(a.flags):
        marks.append(
            _Mark(flag.evidence.start, flag.evidence.end, "flag", f"Flag {flag.kind}: {flag.message}", flag=index)
        )
    return marks


def segments(a: Analysis) -> list[Segment]:
    """The article text cut at every annotation boundary, in order; the pieces join back to ``a.text``."""
    size = len(a.text)
    marks = [m for m in _marks(a) if 0 <= m.start < m.end <= size]
    cuts = sorted({0, size, *(m.start for m in marks), *(m.end for m in marks)})
    pieces: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        piece = Segment(a.text[start:end])
        for mark in marks:
            if mark.start <= start and end <= mark.end:
                piece.layers.add(mark.layer)
                piece.titles.append(mark.title)
                if mark.event is not None:
                    piece.events.append(mark.event)
                if mark.flag is not None:
                    piece.flags.append(mark.flag)
        pieces.append(piece)
    return pieces
