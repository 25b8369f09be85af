"""The one events query: every reader of stored events (CLI, library, exports, API, web pages) goes through it.

An :class:`EventFilter` says what to keep; :func:`events_select` turns it into parameterised SQL (SQLAlchemy Core,
so SQLite and PostgreSQL alike) returning one denormalised row per event: the event, its article, both actors and
its place. Filters combine with AND.

Dates have two meanings, chosen by ``EventFilter.dates``:

- ``"event"`` (default): the event's own date, a TimeML value of any granularity (a day, an ISO week, a month),
  overlaps ``since``..``until``; an event whose text gave no date counts on its article's date. The interval test
  runs in Python (:func:`dateline.timeml.interval`) after a SQL pre-filter on the year.
- ``"article"``: the article's publication date lies in ``since``..``until`` (pure SQL).

A radius (``lat``, ``lon``, ``radius_km``) is likewise a SQL bounding box (:func:`in_box`) and an exact
great-circle test in Python (:meth:`EventFilter.within`). Fused events (:func:`fused_select`) take the same actor,
place and radius clauses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.engine import Engine

from dateline.geo import bounding_box, haversine_km, lon_ranges
from dateline.store import tables as t
from dateline.timeml import interval

DateField = Literal["event", "article"]


class EventFilter(BaseModel):
    """Filters for events; every field is optional and they combine with AND."""

    model_config = ConfigDict(extra="forbid")

    article: str | None = None
    actor: str | None = Field(default=None, description="actor id, KB id or part of a name, either side")
    type: str | None = None
    mode: str | None = None
    modality: Literal["occurred", "planned", "hypothetical", "negated"] | None = None
    place: str | None = Field(default=None, description="GeoNames id, part of a place or province name, or ISO2")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    radius_km: float | None = Field(default=None, ge=0, le=20000)
    since: dt.date | None = None
    until: dt.date | None = None
    dates: DateField = Field(default="event", description="what since/until bound: the event's date or the article's")
    q: str | None = Field(default=None, description="text in the evidence sentence")
    include_duplicates: bool = Field(default=False, description="also events of near-duplicate articles")

    def event_dates(self) -> bool:
        """True when the date range needs the event-interval check done in Python."""
        return self.dates == "event" and (self.since is not None or self.until is not None)

    def has_radius(self) -> bool:
        """True when events must lie within ``radius_km`` of (``lat``, ``lon``)."""
        return self.lat is not None and self.lon is not None and self.radius_km is not None

    def in_python(self) -> bool:
        """True when some rows SQL returns may still fail a test done in Python (event dates, exact distance)."""
        return self.event_dates() or self.has_radius()

    def distance_km(self, row: dict) -> float | None:
        """Great-circle distance from the filter's point to the row's place; None without a point or a place."""
        if self.lat is None or self.lon is None or row.get("lat") is None or row.get("lon") is None:
            return None
        return haversine_km(self.lat, self.lon, row["lat"], row["lon"])

    def within(self, row: dict) -> bool:
        """The row's place lies within the radius (True when the filter has none)."""
        if not self.has_radius():
            return True
        distance = self.distance_km(row)
        return distance is not None and distance <= self.radius_km

    def keeps(self, row: dict) -> bool:
        """The Python half of the filter: the event's date interval and its exact distance from the point."""
        if self.event_dates():
            first, last = event_span(row)
            if (self.since is not None and last < self.since) or (self.until is not None and first > self.until):
                return False
        return self.within(row)


def like_pattern(text: str) -> str:
    """A case-insensitive LIKE pattern matching ``text`` literally anywhere (``\\`` escapes wildcards)."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column: ColumnElement, text: str) -> ColumnElement[bool]:
    """``column`` contains ``text``, case-insensitively and literally."""
    return func.lower(column).like(like_pattern(text), escape="\\")


def actor_matches(actor: str, *kb_id_and_name: ColumnElement) -> ColumnElement[bool]:
    """``actor`` is the KB id or part of the name (case-insensitive) of either side: columns as kb id, name pairs."""
    pairs = zip(kb_id_and_name[::2], kb_id_and_name[1::2], strict=True)
    return or_(*(or_(kb_id == actor, contains(name, actor)) for kb_id, name in pairs))


def place_matches(
    place: str, geonameid: ColumnElement, name: ColumnElement, admin1: ColumnElement, country: ColumnElement
) -> ColumnElement[bool]:
    """``place`` is a GeoNames id, part of the place's or its province's name, or its ISO2 country code."""
    place = place.strip()
    if place.isdigit():
        return geonameid == int(place)
    return or_(contains(name, place), contains(admin1, place), func.upper(country) == place.upper())


def in_box(lat: ColumnElement, lon: ColumnElement, f: EventFilter) -> ColumnElement[bool]:
    """Portable SQL pre-filter for a radius search: the place lies in the circle's bounding box (split at the
    antimeridian). :meth:`EventFilter.within` then tests the exact great-circle distance."""
    assert f.lat is not None and f.lon is not None and f.radius_km is not None
    min_lat, max_lat, min_lon, max_lon = bounding_box(f.lat, f.lon, f.radius_km)
    spans = [lon.between(low, high) for low, high in lon_ranges(min_lon, max_lon)]
    return and_(lat.between(min_lat, max_lat), or_(*spans))


def _place_columns(pl: Any) -> tuple[ColumnElement, ...]:
    """A places table's name, admin1, country, lat and lon, in :func:`_event_clauses`' order."""
    return pl.c.name, pl.c.admin1, pl.c.country, pl.c.lat, pl.c.lon


def _event_clauses(
    f: EventFilter, event: tuple[ColumnElement, ...], place: tuple[ColumnElement, ...]
) -> list[ColumnElement[bool]]:
    """The clauses raw and fused events share: type, mode and modality (case-insensitive), place, radius box and
    evidence text. ``event`` is (type, mode, modality, evidence); ``place`` (geonameid, name, admin1, country, lat,
    lon)."""
    type_, mode, modality, evidence = event
    geonameid, name, admin1, country, lat, lon = place
    clauses = [
        func.lower(column) == value.lower()
        for value, column in ((f.type, type_), (f.mode, mode), (f.modality, modality))
        if value
    ]
    if f.place:
        clauses.append(place_matches(f.place, geonameid, name, admin1, country))
    if f.has_radius():
        clauses.append(in_box(lat, lon, f))
    if f.q:
        clauses.append(contains(evidence, f.q))
    return clauses


def events_select(f: EventFilter) -> Select:
    """The events query with article, actor and place columns, newest article first, SQL filters applied."""
    e, art = t.events, t.articles
    src, tgt = t.actors.alias("src"), t.actors.alias("tgt")
    # The event's place: the article's first place record with the event's GeoNames id (one row per event).
    pl, other = t.places.alias("event_place"), t.places.alias("other_place")
    first_place = (
        select(func.min(other.c.idx))
        .where(other.c.article_id == e.c.article_id, other.c.geonameid == e.c.place)
        .scalar_subquery()
    )
    actor_columns = [
        column.label(f"{side}_{column.name}")
        for side, alias in (("source", src), ("target", tgt))
        for column in (alias.c.name, alias.c.kb_id, alias.c.country, alias.c.sector, alias.c.kind, alias.c.role)
    ]
    query = (
        select(
            e.c.article_id,
            art.c.date.label("article_date"),
            art.c.title.label("article_title"),
            art.c.url.label("article_url"),
            art.c.source.label("article_source"),
            art.c.duplicate_of,
            e.c.event_id,
            e.c.type,
            e.c.mode,
            e.c.cameo,
            e.c.goldstein,
            e.c.category,
            e.c.modality,
            e.c.date,
            e.c.date_from_text,
            e.c.source,
            e.c.target,
            *actor_columns,
            e.c.place,
            pl.c.name.label("place_name"),
            pl.c.lat,
            pl.c.lon,
            pl.c.country.label("place_country"),
            pl.c.admin1,
            pl.c.feature_code,
            e.c.acled_event_type,
            e.c.acled_sub_event_type,
            e.c.evidence_text,
            e.c.evidence_start,
            e.c.evidence_end,
            e.c.confidence,
        )
        .join(art, art.c.id == e.c.article_id)
        .outerjoin(src, and_(src.c.article_id == e.c.article_id, src.c.actor_id == e.c.source))
        .outerjoin(tgt, and_(tgt.c.article_id == e.c.article_id, tgt.c.actor_id == e.c.target))
        .outerjoin(pl, and_(pl.c.article_id == e.c.article_id, pl.c.idx == first_place))
        .order_by(art.c.date.desc(), e.c.article_id, e.c.evidence_start, e.c.event_id)
    )
    if not f.include_duplicates:
        query = query.where(art.c.duplicate_of.is_(None))
    if f.article:
        query = query.where(e.c.article_id == f.article)
    if f.actor:
        ids = or_(e.c.source == f.actor, e.c.target == f.actor)
        query = query.where(or_(ids, actor_matches(f.actor, src.c.kb_id, src.c.name, tgt.c.kb_id, tgt.c.name)))
    query = query.where(
        *_event_clauses(f, (e.c.type, e.c.mode, e.c.modality, e.c.evidence_text), (e.c.place, *_place_columns(pl)))
    )
    first, last = f.since or dt.date.min, f.until or dt.date.max
    if f.dates == "article":
        if f.since:
            query = query.where(art.c.date >= f.since)
        if f.until:
            query = query.where(art.c.date <= f.until)
    elif f.event_dates():
        # A superset of the date range for SQL (the exact interval test runs in Python): events whose TimeML
        # value starts with a nearby year (ISO weeks straddle years), or whose article date is in the range.
        year = func.substr(e.c.date, 1, 4)
        query = query.where(
            or_(
                and_(year >= f"{max(first.year - 1, 0):04d}", year <= f"{min(last.year + 1, 9999):04d}"),
                art.c.date.between(first, last),
            )
        )
    return query


#: The filters fused events take (they have no article, and their dates are always their own).
FUSED_FILTERS = frozenset(
    {"actor", "type", "mode", "modality", "place", "lat", "lon", "radius_km", "since", "until", "q"}
)


def fused_filter(filters: dict) -> EventFilter:
    """An :class:`EventFilter` for fused events; a ``ValueError`` names filters they cannot take."""
    unsupported = {name for name, value in filters.items() if value is not None} - FUSED_FILTERS
    if unsupported:
        raise ValueError(f"fused events filter only on {', '.join(sorted(FUSED_FILTERS))}, not {sorted(unsupported)}")
    return EventFilter(**filters)


def fused_select(f: EventFilter) -> Select:
    """Fused events matching ``f``'s SQL filters, oldest first (the exact radius test is ``f.within``)."""
    fe = t.fused_events
    query = select(fe).order_by(fe.c.date_start, fe.c.id)
    if f.actor:
        query = query.where(
            actor_matches(f.actor, fe.c.source_kb_id, fe.c.source_name, fe.c.target_kb_id, fe.c.target_name)
        )
    place = (fe.c.place, fe.c.place_name, fe.c.admin1, fe.c.country, fe.c.lat, fe.c.lon)
    query = query.where(*_event_clauses(f, (fe.c.type, fe.c.mode, fe.c.modality, fe.c.evidence_text), place))
    if f.since:  # the fused event's dates overlap the range, as for raw events
        query = query.where(fe.c.date_end >= f.since)
    if f.until:
        query = query.where(fe.c.date_start <= f.until)
    return query


def event_span(row: dict) -> tuple[dt.date, dt.date]:
    """The calendar interval an event row covers: its TimeML date, else its article's date."""
    found = interval(row.get("date"))
    if found:
        return found
    day = row["article_date"]
    return day, day


def iter_events(engine: Engine, f: EventFilter) -> Iterator[dict]:
    """Every event row matching ``f`` (including its date range), newest article first."""
    with engine.connect() as conn:
        for row in conn.execute(events_select(f)).mappings():
            item = dict(row)
            if not f.in_python() or f.keeps(item):
                yield item


def events_page(engine: Engine, f: EventFilter, limit: int, offset: int = 0) -> tuple[int, list[dict]]:
    """One page of events and the total number that match."""
    if f.in_python():
        rows = list(iter_events(engine, f))
        return len(rows), rows[offset : offset + limit]
    query = events_select(f)
    with engine.connect() as conn:
        # Counting one column lets the database drop the left joins that filters do not use (they are on keys).
        counted = query.with_only_columns(t.events.c.event_id).order_by(None).subquery()
        total = conn.scalar(select(func.count()).select_from(counted))
        rows = [dict(r) for r in conn.execute(query.limit(limit).offset(offset)).mappings()]
    return total or 0, rows
