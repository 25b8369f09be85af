"""Read-side queries for the API and web pages (SQLAlchemy Core over :mod:`dateline.store.tables`).

Everything here is parameterised SQL; filters combine with AND. Event dates are TimeML values of any
granularity, so date-range filters and timeline buckets are computed on calendar intervals in Python
(:func:`dateline.timeml.interval`), falling back to the article date for undated events.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Select, and_, case, distinct, func, or_, select
from sqlalchemy.engine import Engine

from dateline.store import tables as t
from dateline.timeml import interval

Interval = Literal["day", "week", "month"]
GroupBy = Literal["type", "actor", "place"]
KM_PER_DEGREE = 111.32
MAX_PERIODS = 3660


class EventFilter(BaseModel):
    """Filters for events; every field is optional and they combine with AND."""

    model_config = ConfigDict(extra="ignore")

    article: str | None = None
    actor: str | None = None
    type: str | None = None
    mode: str | None = None
    modality: Literal["occurred", "planned", "hypothetical", "negated"] | None = None
    place: str | None = Field(default=None, description="GeoNames id, or part of a place name")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    radius_km: float | None = Field(default=None, gt=0, le=20000)
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = Field(default=None, description="text in the evidence sentence")

    def has_dates(self) -> bool:
        """True when the date range needs the interval check done in Python."""
        return self.since is not None or self.until is not None


def _like(text: str) -> str:
    """A case-insensitive LIKE pattern matching ``text`` literally anywhere (``\\`` escapes wildcards)."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def events_select(f: EventFilter) -> Select:
    """The events query with actor, place and article columns, newest article first, SQL filters applied."""
    e, art = t.events, t.articles
    src, tgt = t.actors.alias("src"), t.actors.alias("tgt")
    # The event's place: the article's first place record with the event's GeoNames id (one row per event).
    pl, other = t.places.alias("event_place"), t.places.alias("other_place")
    first_place = (
        select(func.min(other.c.idx))
        .where(other.c.article_id == e.c.article_id, other.c.geonameid == e.c.place)
        .scalar_subquery()
    )
    query = (
        select(
            e.c.article_id,
            art.c.date.label("article_date"),
            art.c.title.label("article_title"),
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
            src.c.name.label("source_name"),
            src.c.kb_id.label("source_kb_id"),
            src.c.country.label("source_country"),
            src.c.sector.label("source_sector"),
            src.c.kind.label("source_kind"),
            e.c.target,
            tgt.c.name.label("target_name"),
            tgt.c.kb_id.label("target_kb_id"),
            tgt.c.country.label("target_country"),
            tgt.c.sector.label("target_sector"),
            tgt.c.kind.label("target_kind"),
            e.c.place,
            pl.c.name.label("place_name"),
            pl.c.lat,
            pl.c.lon,
            pl.c.country.label("place_country"),
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
    if f.article:
        query = query.where(e.c.article_id == f.article)
    if f.actor:
        pattern = _like(f.actor)
        query = query.where(
            or_(
                e.c.source == f.actor,
                e.c.target == f.actor,
                src.c.kb_id == f.actor,
                tgt.c.kb_id == f.actor,
                func.lower(src.c.name).like(pattern, escape="\\"),
                func.lower(tgt.c.name).like(pattern, escape="\\"),
            )
        )
    for value, column in ((f.type, e.c.type), (f.mode, e.c.mode), (f.modality, e.c.modality)):
        if value:
            query = query.where(func.lower(column) == value.lower())
    if f.place:
        if f.place.strip().isdigit():
            query = query.where(e.c.place == int(f.place))
        else:
            query = query.where(func.lower(pl.c.name).like(_like(f.place.strip()), escape="\\"))
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
        query = query.where(func.lower(e.c.evidence_text).like(_like(f.q), escape="\\"))
    if f.has_dates():
        # A superset of the date range for SQL (the exact interval test runs in Python): events whose TimeML
        # value starts with a nearby year (ISO weeks straddle years), or whose article date is in the range.
        first, last = f.since or dt.date.min, f.until or dt.date.max
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
    """Every event row matching ``f`` (including its date range), in the events' order."""
    with engine.connect() as conn:
        for row in conn.execute(events_select(f)).mappings():
            item = dict(row)
            if not f.has_dates() or _in_range(item, f):
                yield item


def events_page(engine: Engine, f: EventFilter, limit: int, offset: int) -> tuple[int, list[dict]]:
    """One page of events and the total number that match."""
    query = events_select(f)
    if f.has_dates():
        rows = list(iter_events(engine, f))
        return len(rows), rows[offset : offset + limit]
    with engine.connect() as conn:
        # Counting one column lets the database drop the left joins that filters do not use (they are on keys).
        counted = query.with_only_columns(t.events.c.event_id).order_by(None).subquery()
        total = conn.scalar(select(func.count()).select_from(counted))
        rows = [dict(r) for r in conn.execute(query.limit(limit).offset(offset)).mappings()]
    return total or 0, rows


def articles_page(
    engine: Engine,
    limit: int,
    offset: int,
    q: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> tuple[int, list[dict]]:
    """Stored articles (newest first) with their event and flag counts; ``q`` searches the title."""
    art = t.articles
    n_events = select(func.count()).select_from(t.events).where(t.events.c.article_id == art.c.id).scalar_subquery()
    n_flags = select(func.count()).select_from(t.flags).where(t.flags.c.article_id == art.c.id).scalar_subquery()
    query = select(
        art.c.id,
        art.c.date,
        art.c.title,
        art.c.url,
        art.c.source,
        art.c.pipeline_version,
        art.c.processed_at,
        n_events.label("events"),
        n_flags.label("flags"),
    )
    if q:
        query = query.where(
            or_(func.lower(art.c.title).like(_like(q), escape="\\"), func.lower(art.c.id).like(_like(q), escape="\\"))
        )
    if since:
        query = query.where(art.c.date >= since)
    if until:
        query = query.where(art.c.date <= until)
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(query.subquery()))
        page = query.order_by(art.c.date.desc(), art.c.id).limit(limit).offset(offset)
        return total or 0, [dict(r) for r in conn.execute(page).mappings()]


def flags_page(
    engine: Engine, limit: int, offset: int, kind: str | None = None, article: str | None = None
) -> tuple[int, list[dict]]:
    """Stored flags with their article's date and title."""
    fl, art = t.flags, t.articles
    query = select(
        fl.c.article_id,
        art.c.date.label("article_date"),
        art.c.title.label("article_title"),
        fl.c.idx,
        fl.c.kind,
        fl.c.message,
        fl.c.evidence_text,
        fl.c.evidence_start,
        fl.c.evidence_end,
    ).join(art, art.c.id == fl.c.article_id)
    if kind:
        query = query.where(fl.c.kind == kind)
    if article:
        query = query.where(fl.c.article_id == article)
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(query.subquery()))
        page = query.order_by(art.c.date.desc(), fl.c.article_id, fl.c.idx).limit(limit).offset(offset)
        return total or 0, [dict(r) for r in conn.execute(page).mappings()]


def places_page(
    engine: Engine, limit: int, offset: int, q: str | None = None, country: str | None = None
) -> tuple[int, list[dict]]:
    """Places across articles: one row per GeoNames id (unresolved toponyms grouped by name), most cited first."""
    p = t.places
    unresolved_name = case((p.c.geonameid.is_(None), p.c.name), else_=None)
    query = select(
        p.c.geonameid,
        func.min(p.c.name).label("name"),
        func.avg(p.c.lat).label("lat"),
        func.avg(p.c.lon).label("lon"),
        func.min(p.c.country).label("country"),
        func.min(p.c.admin1).label("admin1"),
        func.min(p.c.feature_code).label("feature_code"),
        func.count(distinct(p.c.article_id)).label("articles"),
        func.max(p.c.confidence).label("confidence"),
    ).group_by(p.c.geonameid, unresolved_name)
    if q:
        query = query.where(func.lower(p.c.name).like(_like(q), escape="\\"))
    if country:
        query = query.where(func.upper(p.c.country) == country.upper())
    event_counts = (
        select(t.events.c.place, func.count().label("n"))
        .where(t.events.c.place.is_not(None))
        .group_by(t.events.c.place)
    )
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(query.subquery()))
        page = query.order_by(func.count(distinct(p.c.article_id)).desc(), func.min(p.c.name)).limit(limit)
        rows = [dict(r) for r in conn.execute(page.offset(offset)).mappings()]
        counts = {r.place: r.n for r in conn.execute(event_counts)}
    for row in rows:
        row["events"] = counts.get(row["geonameid"], 0) if row["geonameid"] is not None else 0
    return total or 0, rows


def event_type_counts(engine: Engine) -> list[tuple[str, int]]:
    """How many stored events there are of each PLOVER type, commonest first."""
    query = select(t.events.c.type, func.count().label("n")).group_by(t.events.c.type)
    with engine.connect() as conn:
        return sorted(((r.type, r.n) for r in conn.execute(query)), key=lambda x: (-x[1], x[0]))


def distinct_values(engine: Engine, column: str) -> list[str]:
    """The distinct non-empty values of an events column (for filter menus)."""
    col = t.events.c[column]
    with engine.connect() as conn:
        return [v for v in conn.scalars(select(col).distinct().where(col.is_not(None)).order_by(col)) if v]


def _period(day: dt.date, unit: Interval) -> dt.date:
    """The first day of the day / ISO week / month containing ``day``."""
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next_period(start: dt.date, unit: Interval) -> dt.date:
    if unit == "day":
        return start + dt.timedelta(days=1)
    if unit == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def period_label(start: dt.date, unit: Interval) -> str:
    """A period's TimeML-style label: ``2024-03-18``, ``2024-W12`` or ``2024-03``."""
    if unit == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        return start.strftime("%Y-%m")
    return start.isoformat()


def _keys(row: dict, by: GroupBy) -> list[tuple[str, str]]:
    """The (key, label) series an event counts towards: its type, its place, or each of its actors."""
    if by == "type":
        return [(row["type"], row["type"])]
    if by == "place":
        if row["place"] is None:
            return []
        return [(str(row["place"]), row["place_name"] or str(row["place"]))]
    keys = []
    for side in ("source", "target"):
        if row[side] is not None:
            key = actor_key(row, side)
            keys.append((key, row[f"{side}_name"] or row[side]))
    return list(dict.fromkeys(keys))


def actor_key(row: dict, side: Literal["source", "target"]) -> str:
    """An actor's identity across articles: its KB id, else its canonical name, else its article-level id."""
    if row.get(f"{side}_kb_id"):
        return row[f"{side}_kb_id"]
    name = row.get(f"{side}_name")
    return f"name:{name.lower()}" if name else f"id:{row[side]}"


class TooManyPeriods(ValueError):
    """The requested timeline would have more buckets than :data:`MAX_PERIODS`."""


def timeline(engine: Engine, f: EventFilter, unit: Interval, by: GroupBy, top: int) -> dict:
    """Event counts per period and series (top ``top`` series by total, the rest summed as ``(other)``)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, str] = {}
    for row in iter_events(engine, f):
        start = _period(event_span(row)[0], unit)
        for key, label in _keys(row, by):
            counts[key][start] += 1
            labels[key] = label
    if not counts:
        return {"interval": unit, "by": by, "periods": [], "series": []}
    starts = {day for c in counts.values() for day in c}
    first, last = min(starts), max(starts)
    periods: list[dt.date] = []
    day = first
    while day <= last:
        periods.append(day)
        if len(periods) > MAX_PERIODS:
            raise TooManyPeriods(f"more than {MAX_PERIODS} {unit}s between {first} and {last}: use a coarser interval")
        day = _next_period(day, unit)
    ranked = sorted(counts, key=lambda k: (-sum(counts[k].values()), labels[k]))
    series = [
        {"key": k, "label": labels[k], "counts": [counts[k][p] for p in periods], "total": sum(counts[k].values())}
        for k in ranked[:top]
    ]
    if len(ranked) > top:
        rest = [sum(counts[k][p] for k in ranked[top:]) for p in periods]
        series.append({"key": "(other)", "label": "(other)", "counts": rest, "total": sum(rest)})
    return {
        "interval": unit,
        "by": by,
        "periods": [{"label": period_label(p, unit), "start": p.isoformat()} for p in periods],
        "series": series,
    }


def network(engine: Engine, f: EventFilter, min_count: int) -> dict:
    """Directed actor dyads (source → target) with event counts, Goldstein sums and means, and their nodes."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = {}
    for row in iter_events(engine, f):
        if row["source"] is None or row["target"] is None:
            continue
        ends = []
        for side in ("source", "target"):
            key = actor_key(row, side)
            node = nodes.setdefault(
                key,
                {
                    "id": key,
                    "label": row[f"{side}_name"] or row[side],
                    "kind": row[f"{side}_kind"],
                    "country": row[f"{side}_country"],
                    "sector": row[f"{side}_sector"],
                    "events": 0,
                },
            )
            node["events"] += 1
            ends.append(key)
        edge = edges.setdefault(
            (ends[0], ends[1]),
            {"source": ends[0], "target": ends[1], "count": 0, "goldstein_sum": 0.0, "scored": 0, "types": Counter()},
        )
        edge["count"] += 1
        edge["types"][row["type"]] += 1
        if row["goldstein"] is not None:
            edge["goldstein_sum"] += row["goldstein"]
            edge["scored"] += 1
    kept = [e for e in edges.values() if e["count"] >= min_count]
    for edge in kept:
        scored = edge.pop("scored")
        edge["goldstein_sum"] = round(edge["goldstein_sum"], 3)
        edge["goldstein_mean"] = round(edge["goldstein_sum"] / scored, 3) if scored else None
        edge["types"] = dict(edge["types"].most_common())
    used = {k for e in kept for k in (e["source"], e["target"])}
    return {
        "nodes": sorted((n for k, n in nodes.items() if k in used), key=lambda n: (-n["events"], n["label"])),
        "edges": sorted(kept, key=lambda e: (-e["count"], e["source"], e["target"])),
    }


def article_ids(engine: Engine, since: dt.date | None = None, until: dt.date | None = None) -> list[str]:
    """Ids of stored articles in date order, optionally bounded by article date."""
    art = t.articles
    query = select(art.c.id).order_by(art.c.date, art.c.id)
    if since:
        query = query.where(art.c.date >= since)
    if until:
        query = query.where(art.c.date <= until)
    with engine.connect() as conn:
        return list(conn.scalars(query))
