"""Read-side queries for the API and web pages (SQLAlchemy Core over :mod:`dateline.store.tables`).

Everything here is parameterised SQL; filters combine with AND. Event dates are TimeML values of any
granularity, so date-range filters and timeline buckets are computed on calendar intervals in Python
(:func:`dateline.timeml.interval`), falling back to the article date for undated events.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Literal

from sqlalchemy import case, distinct, func, or_, select
from sqlalchemy.engine import Engine

from dateline.store import tables as t
from dateline.store.queries import actor_key
from dateline.store.select import EventFilter, contains, event_span, iter_events

Interval = Literal["day", "week", "month"]
GroupBy = Literal["type", "actor", "place"]
MAX_PERIODS = 3660


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
        query = query.where(or_(contains(art.c.title, q), contains(art.c.id, q)))
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
        query = query.where(contains(p.c.name, q))
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


class TooManyPeriods(ValueError):
    """The requested timeline would have more buckets than :data:`MAX_PERIODS`."""


def timeline(engine: Engine, f: EventFilter, unit: Interval, by: GroupBy, top: int) -> dict:
    """Event counts per period and series (top ``top`` series by total, the rest summed as ``(other)``)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, str] = {}
    for row in iter_events(engine, f):
        first = event_span(row)[0]
        start = _period(max(first, f.since) if f.since else first, unit)  # first day inside the range
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
