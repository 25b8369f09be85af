"""Queries over a store: timelines, actor networks, events near a point, full-text search, flags, DataFrames.

Mixed into :class:`dateline.store.Store`. Every event query can read raw events (one per article report,
near-duplicate articles left out unless asked) or fused events (``fused=True``: one per real-world event, see
:meth:`Store.fuse`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Engine, Table, func, select

from dateline.store import dialects
from dateline.store import tables as t
from dateline.store.select import EventFilter, event_span, fused_filter, fused_select, iter_events

if TYPE_CHECKING:
    import pandas as pd

ACTOR_SIDES = ("source", "target")


def actor_key(row: dict, side: Literal["source", "target"]) -> str:
    """An actor's identity across articles: its KB id, else its canonical name, else its article-level id."""
    if row.get(f"{side}_kb_id"):
        return row[f"{side}_kb_id"]
    name = row.get(f"{side}_name")
    return f"name:{name.lower()}" if name else f"id:{row.get(side)}"


def actor_network(rows: Iterable[dict], min_count: int = 1) -> dict:
    """Directed actor dyads (source → target) of event or fused-event rows, with their actors as nodes.

    ``edges``: event counts, types, Goldstein sums and means, busiest first, those under ``min_count`` dropped;
    ``nodes``: the actors they join (label, kind, country, sector, events), most active first.
    """
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = {}
    for row in rows:
        if not (row.get("source") or row.get("source_name")) or not (row.get("target") or row.get("target_name")):
            continue
        ends = []
        for side in ACTOR_SIDES:
            key = actor_key(row, side)
            node = nodes.setdefault(
                key,
                {
                    "id": key,
                    "label": row.get(f"{side}_name") or row.get(side),
                    "kind": row.get(f"{side}_kind"),
                    "country": row.get(f"{side}_country"),
                    "sector": row.get(f"{side}_sector"),
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

    def fused_rows(self, **filters: Any) -> list[dict]:
        """Fused events (after :meth:`Store.fuse`), each with ``day`` and its reports' sources, oldest first.

        ``filters`` are the :class:`EventFilter` fields in :data:`~dateline.store.select.FUSED_FILTERS`.
        """
        f = fused_filter(filters)
        report_query = (
            select(t.fused_reports.c.fused_id, t.articles.c.source, t.articles.c.url, t.articles.c.id)
            .join(t.articles, t.articles.c.id == t.fused_reports.c.article_id)
            .order_by(t.fused_reports.c.article_date, t.articles.c.id)
        )
        with self.engine.connect() as conn:
            rows = [_fused_row(dict(r)) for r in conn.execute(fused_select(f)).mappings() if f.within(r)]
            sources: dict[str, list[str]] = defaultdict(list)
            for r in conn.execute(report_query):
                label = r.source or r.url or r.id
                if label not in sources[r.fused_id]:
                    sources[r.fused_id].append(label)
        for row in rows:
            row["sources"] = "; ".join(sources.get(row["id"], []))
        return rows

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

    def network(self, *, fused: bool = False, min_count: int = 1, **filters: Any) -> dict:
        """The actor network (:func:`actor_network`) of events, or fused events, matching ``filters``."""
        return actor_network(self._rows(fused, **filters), min_count)

    def near(
        self,
        lat: float,
        lon: float,
        radius_km: float,
        *,
        fused: bool = False,
        **filters: Any,
    ) -> list[dict]:
        """Events whose place lies within ``radius_km`` of (``lat``, ``lon``), nearest first, with ``distance_km``.

        ``filters`` as :meth:`event_rows` (or :meth:`fused_rows`); a ``ValueError`` for a point off the globe.
        """
        point = EventFilter(lat=lat, lon=lon, radius_km=radius_km)
        rows = self._rows(fused, lat=lat, lon=lon, radius_km=radius_km, **filters)
        found = [row | {"distance_km": round(point.distance_km(row) or 0.0, 3)} for row in rows]
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
