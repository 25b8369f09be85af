"""Queries over a store: timelines, actor networks, events near a point, full-text search, flags, DataFrames.

Mixed into :class:`dateline.store.Store`. Every event query can read raw events (one per article report,
near-duplicate articles left out unless asked) or fused events (``fused=True``: one per real-world event, see
:meth:`Store.fuse`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, Table, func, select

from dateline.geo import bounding_box, haversine_km
from dateline.store import dialects
from dateline.store import tables as t
from dateline.store.select import EventFilter, event_span, iter_events

if TYPE_CHECKING:
    import pandas as pd

ACTOR_SIDES = ("source", "target")


def _matches_actor(row: dict, actor: str) -> bool:
    """``actor`` is a KB id or part of a name (case-insensitive), on either side of a fused event."""
    needle = actor.lower()
    for side in ACTOR_SIDES:
        if actor == row.get(f"{side}_kb_id"):
            return True
        if needle in (row.get(f"{side}_name") or "").lower():
            return True
    return False


def _matches_place(row: dict, place: str) -> bool:
    """``place`` is a GeoNames id or part of a place name, admin1 name, or an ISO2 country code (as SQL does for raw
    events in :func:`~dateline.store.select.events_select`)."""
    if place.isdigit():
        return row.get("place") == int(place)
    needle = place.lower()
    names = (row.get("place_name"), row.get("admin1"))
    return any(needle in (name or "").lower() for name in names) or (row.get("place_country") or "").lower() == needle


class Queries:
    """Read-side API of the store (needs ``self.engine``)."""

    engine: Engine

    # -- rows ---------------------------------------------------------------------------------------------------

    def events(self, *, limit: int | None = None, **filters: Any) -> list[dict]:
        """At most ``limit`` events matching ``filters`` (:class:`EventFilter` fields), newest article first."""
        return list(islice(iter_events(self.engine, EventFilter(**filters)), limit))

    def event_rows(self, **filters: Any) -> list[dict]:
        """Every stored event matching ``filters`` (the fields of :class:`EventFilter`), denormalised, oldest first.

        Each row is an :func:`~dateline.store.select.events_select` row plus ``day``, the first day of the event's
        own date (else the article date). Near-duplicate articles are left out unless ``include_duplicates``.
        """
        rows = [row | {"day": event_span(row)[0]} for row in iter_events(self.engine, EventFilter(**filters))]
        rows.sort(key=lambda row: (row["day"], row["article_id"], row["evidence_start"]))
        return rows

    def fused_rows(
        self,
        actor: str | None = None,
        place: str | None = None,
        type: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[dict]:
        """Fused events (after :meth:`Store.fuse`), each with ``day`` and its reports' sources, oldest first."""
        f = t.fused_events
        query = select(f).order_by(f.c.date_start, f.c.id)
        if type:
            query = query.where(f.c.type == type.upper())
        if since:  # the fused event's dates overlap the range, as for raw events
            query = query.where(f.c.date_end >= since)
        if until:
            query = query.where(f.c.date_start <= until)
        report_query = (
            select(t.fused_reports.c.fused_id, t.articles.c.source, t.articles.c.url, t.articles.c.id)
            .join(t.articles, t.articles.c.id == t.fused_reports.c.article_id)
            .order_by(t.fused_reports.c.article_date, t.articles.c.id)
        )
        with self.engine.connect() as conn:
            rows = [_fused_row(dict(r)) for r in conn.execute(query).mappings()]
            sources: dict[str, list[str]] = defaultdict(list)
            for r in conn.execute(report_query):
                label = r.source or r.url or r.id
                if label not in sources[r.fused_id]:
                    sources[r.fused_id].append(label)
        for row in rows:
            row["sources"] = "; ".join(sources.get(row["id"], []))
        return [
            row
            for row in rows
            if (not actor or _matches_actor(row, actor)) and (not place or _matches_place(row, place))
        ]

    def _rows(self, fused: bool, **filters) -> list[dict]:
        return self.fused_rows(**filters) if fused else self.event_rows(**filters)

    # -- analyses -----------------------------------------------------------------------------------------------

    def timeline(
        self,
        actor: str | None = None,
        place: str | None = None,
        type: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        fused: bool = False,
    ) -> list[dict]:
        """Events per day for an actor / place / type: ``day``, ``count``, ``goldstein`` sum, and the events.

        An event counts on the first day of its date (a day, week or month) that lies in ``since``..``until``."""
        days: dict[dt.date, list[dict]] = defaultdict(list)
        for row in self._rows(fused, actor=actor, place=place, type=type, since=since, until=until):
            days[max(row["day"], since) if since else row["day"]].append(
                row
            )  # a month overlapping the range: its first day in it
        return [
            {
                "day": day,
                "count": len(rows),
                "goldstein": round(sum(r["goldstein"] or 0.0 for r in rows), 3),
                "events": rows,
            }
            for day, rows in sorted(days.items())
        ]

    def network(
        self,
        type: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        fused: bool = False,
    ) -> list[dict]:
        """Directed actor dyads (source → target) with event counts and Goldstein sums, busiest first.

        Actors are identified by KB id when resolved, else by name.
        """
        dyads: dict[tuple[str, str], dict] = {}
        for row in self._rows(fused, type=type, since=since, until=until):
            if not row.get("source_name") or not row.get("target_name"):
                continue
            keys = tuple(row.get(f"{side}_kb_id") or row[f"{side}_name"] for side in ACTOR_SIDES)
            dyad = dyads.setdefault(
                keys,
                {
                    "source": keys[0],
                    "source_name": row["source_name"],
                    "target": keys[1],
                    "target_name": row["target_name"],
                    "count": 0,
                    "goldstein_sum": 0.0,
                    "types": Counter(),
                },
            )
            dyad["count"] += 1
            dyad["goldstein_sum"] = round(dyad["goldstein_sum"] + (row["goldstein"] or 0.0), 3)
            dyad["types"][row["type"]] += 1
        result = sorted(dyads.values(), key=lambda d: (-d["count"], d["source"], d["target"]))
        for dyad in result:
            dyad["types"] = dict(dyad["types"].most_common())
        return result

    def near(
        self,
        lat: float,
        lon: float,
        radius_km: float,
        type: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        fused: bool = False,
    ) -> list[dict]:
        """Events whose place lies within ``radius_km`` of (``lat``, ``lon``), nearest first, with ``distance_km``."""
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) or radius_km < 0:
            raise ValueError("lat must be in [-90, 90], lon in [-180, 180] and radius_km ≥ 0")
        min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius_km)
        found = []
        for row in self._rows(fused, type=type, since=since, until=until):
            if row["lat"] is None or row["lon"] is None or not min_lat <= row["lat"] <= max_lat:
                continue
            if max_lon - min_lon < 360 and not _in_lon_range(row["lon"], min_lon, max_lon):
                continue
            distance = haversine_km(lat, lon, row["lat"], row["lon"])
            if distance <= radius_km:
                found.append(row | {"distance_km": round(distance, 3)})
        return sorted(found, key=lambda r: (r["distance_km"], r["day"]))

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text article search (SQLite FTS5, PostgreSQL tsvector): every word must match; best first."""
        with self.engine.connect() as conn:
            return dialects.search(conn, query, max(1, min(limit, 1000)))

    def fused_flags(self) -> list[dict]:
        """Disagreements between reports of fused events, with both sides' values and evidence."""
        with self.engine.connect() as conn:
            query = select(t.fused_flags).order_by(t.fused_flags.c.fused_id, t.fused_flags.c.idx)
            return [dict(row) for row in conn.execute(query).mappings()]

    def fused_reports(self, fused_id: str) -> list[dict]:
        """The reports (article, event, article date) of one fused event."""
        with self.engine.connect() as conn:
            query = (
                select(t.fused_reports)
                .where(t.fused_reports.c.fused_id == fused_id)
                .order_by(t.fused_reports.c.article_date, t.fused_reports.c.article_id)
            )
            return [dict(row) for row in conn.execute(query).mappings()]

    def duplicates(self) -> dict[str, str]:
        """Stored near-duplicate links: duplicate id → original id."""
        with self.engine.connect() as conn:
            query = select(t.articles.c.id, t.articles.c.duplicate_of).where(t.articles.c.duplicate_of.is_not(None))
            return dict(conn.execute(query).all())

    def fused_count(self) -> int:
        """How many fused events are stored."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(t.fused_events)) or 0

    def export(self, format: str, out: str, root: str = ".", fused: bool = False, **filters) -> int:
        """Write events (or fused events) as ``format`` to ``out`` inside ``root``; see :mod:`dateline.store.export`."""
        from dateline.store.export import export

        return export(self, format, out, root=root, fused=fused, **filters)

    # -- DataFrames ---------------------------------------------------------------------------------------------

    def events_df(self, **filters) -> pd.DataFrame:
        """Events as a pandas DataFrame (filters as :meth:`event_rows`)."""
        return _frame(self.event_rows(**filters), dates=("day", "article_date"), ints=("place",))

    def fused_df(self, **filters) -> pd.DataFrame:
        """Fused events as a pandas DataFrame (filters as :meth:`fused_rows`)."""
        rows = self.fused_rows(**filters)
        dates = ("day", "date_start", "date_end", "first_report", "last_report")
        return _frame(rows, dates=dates, ints=("place", "fatalities", "support", "reports"))

    def actors_df(self, include_duplicates: bool = False) -> pd.DataFrame:
        """Every stored actor mention-set, one row per article and actor, with the article date."""
        rows = self._with_article_date(t.actors, (t.actors.c.article_id, t.actors.c.actor_id), include_duplicates)
        return _frame(rows, dates=("article_date",))

    def places_df(self, include_duplicates: bool = False) -> pd.DataFrame:
        """Every stored place, one row per article and place, with the article date."""
        rows = self._with_article_date(t.places, (t.places.c.article_id, t.places.c.idx), include_duplicates)
        return _frame(rows, dates=("article_date",), ints=("geonameid",))

    def _with_article_date(self, table: Table, order: tuple, include_duplicates: bool) -> list[dict]:
        """Rows of a per-article table with their article's date, near-duplicate articles left out unless asked."""
        query = select(table, t.articles.c.date.label("article_date")).join(
            t.articles, t.articles.c.id == table.c.article_id
        )
        if not include_duplicates:
            query = query.where(t.articles.c.duplicate_of.is_(None))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query.order_by(*order)).mappings()]


def _fused_row(row: dict) -> dict:
    """A fused event in the column names of raw event rows (``day``, ``place_country``)."""
    row["place_country"] = row.pop("country")
    return row | {"day": row["date_start"]}


def _in_lon_range(lon: float, low: float, high: float) -> bool:
    """Longitude inside [low, high], where the range may cross the antimeridian."""
    if low < -180.0:
        return lon >= low + 360.0 or lon <= high
    if high > 180.0:
        return lon >= low or lon <= high - 360.0
    return low <= lon <= high


def _frame(rows: list[dict], dates: tuple[str, ...] = (), ints: tuple[str, ...] = ()) -> pd.DataFrame:
    """Rows → DataFrame with datetime64 date columns and nullable integer ids."""
    import pandas as pd

    frame = pd.DataFrame(rows)
    for column in dates:
        if column in frame:
            frame[column] = pd.to_datetime(frame[column])
    for column in ints:
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame
