"""The one events query: every reader of stored events (CLI, library, exports, API, web pages) goes through it.

An :class:`EventFilter` says what to keep; :func:`events_select` turns it into parameterised SQL (SQLAlchemy Core,
so SQLite and PostgreSQL alike) returning one denormalised row per event: the event, its article, both actors and
its place. Filters combine with AND.

Dates have two meanings, chosen by ``EventFilter.dates``:

- ``"event"`` (default): the event's own date, a TimeML value of any granularity (a day, an ISO week, a month),
  overlaps ``since``..``until``; an event whose text gave no date counts on its article's date. The interval test
  runs in Python (:func:`dateline.timeml.interval`) after a SQL pre-filter on the year.
- ``"article"``: the article's publication date lies in ``since``..``until`` (pure SQL).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.engine import Engine

from dateline.store import tables as t
from dateline.timeml import interval

KM_PER_DEGREE = 111.32
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
    radius_km: float | None = Field(default=None, gt=0, le=20000)
    since: dt.date | None = None
    until: dt.date | None = None
    dates: DateField = Field(default="event", description="what since/until bound: the event's date or the article's")
    q: str | None = Field(default=None, description="text in the evidence sentence")
    include_duplicates: bool = Field(default=False, description="also events of near-duplicate articles")

    def event_dates(self) -> bool:
        """True when the date range needs the event-interval check done in Python."""
        return self.dates == "event" and (self.since is not None or self.until is not None)


def like_pattern(text: str) -> str:
    """A case-insensitive LIKE pattern matching ``text`` literally anywhere (``\\`` escapes wildcards)."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column: ColumnElement, text: str) -> ColumnElement[bool]:
    """``column`` contains ``text``, case-insensitively and literally."""
    return func.lower(column).like(like_pattern(text), escape="\\")


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
        query = query.where(
            or_(
                e.c.source == f.actor,
                e.c.target == f.actor,
                src.c.kb_id == f.actor,
                tgt.c.kb_id == f.actor,
                contains(src.c.name, f.actor),
                contains(tgt.c.name, f.actor),
            )
        )
    for value, column in ((f.type, e.c.type), (f.mode, e.c.mode), (f.modality, e.c.modality)):
        if value:
            query = query.where(func.lower(column) == value.lower())
    if f.place:
        place = f.place.strip()
        if place.isdigit():
            query = query.where(e.c.place == int(place))
        else:
            query = query.where(
                or_(contains(pl.c.name, place), contains(pl.c.admin1, place), func.upper(pl.c.country) == place.upper())
            )
    if f.lat is not None and f.lon is not None and f.radius_km is not None:
        # Equirectangular distance: arithmetic only (portable SQL), accurate to well under 1% below ~500 km.
        dlat = f.radius_km / KM_PER_DEGREE
        scale = math.cos(math.radians(f.lat))
        dy = (pl.c.lat - f.lat) * KM_PER_DEGREE
        dx = (pl.c.lon - f.lon) * (KM_PER_DEGREE * scale)
        query = query.where(
            pl.c.lat.between(f.lat - dlat, f.lat + dlat),
            dy * dy + dx * dx <= f.radius_km * f.radius_km,
        )
    if f.q:
        query = query.where(contains(e.c.evidence_text, f.q))
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


def event_span(row: dict) -> tuple[dt.date, dt.date]:
    """The calendar interval an event row covers: its TimeML date, else its article's date."""
    found = interval(row.get("date"))
    if found:
        return found
    day = row["article_date"]
    return day, day


def _in_range(row: dict, f: EventFilter) -> bool:
    first, last = event_span(row)
    return (f.since is None or last >= f.since) and (f.until is None or first <= f.until)


def iter_events(engine: Engine, f: EventFilter) -> Iterator[dict]:
    """Every event row matching ``f`` (including its date range), newest article first."""
    with engine.connect() as conn:
        for row in conn.execute(events_select(f)).mappings():
            item = dict(row)
            if not f.event_dates() or _in_range(item, f):
                yield item


def events_page(engine: Engine, f: EventFilter, limit: int, offset: int = 0) -> tuple[int, list[dict]]:
    """One page of events and the total number that match."""
    if f.event_dates():
        rows = list(iter_events(engine, f))
        return len(rows), rows[offset : offset + limit]
    query = events_select(f)
    with engine.connect() as conn:
        # Counting one column lets the database drop the left joins that filters do not use (they are on keys).
        counted = query.with_only_columns(t.events.c.event_id).order_by(None).subquery()
        total = conn.scalar(select(func.count()).select_from(counted))
        rows = [dict(r) for r in conn.execute(query.limit(limit).offset(offset)).mappings()]
    return total or 0, rows
