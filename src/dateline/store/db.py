"""The store: an SQLAlchemy engine over SQLite (default, a file path) or PostgreSQL (a URL).

Writing an analysis replaces everything stored for that article in one transaction, so re-running the same
articles never duplicates and a reader never sees half an article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Connection

from dateline.model import Actor, Analysis, Event, Flag, IngestError, Place, Span, Timex, text_order
from dateline.store import tables as t
from dateline.store.dialects import engine_url, sqlite_pragmas
from dateline.store.queries import Queries
from dateline.store.schema import migrate


def database_url(db: str | Path) -> str:
    """Accept a SQLAlchemy URL or a plain file path (→ SQLite)."""
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser()}"


def content_hash(text: str) -> str:
    """SHA-256 of an article's text: what incremental runs compare."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store(Queries):
    """Read and write analyses; one instance per process. Queries, DataFrames and exports: :class:`Queries`."""

    def __init__(self, db: str | Path) -> None:
        self.url = database_url(db)
        self.engine: Engine = create_engine(engine_url(self.url))
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", sqlite_pragmas)
        migrate(self.engine)
        t.metadata.create_all(self.engine)  # tables added to tables.py without a migration yet (development)

    # -- writing -------------------------------------------------------------------------------------------

    def save(self, analyses: Iterable[Analysis]) -> int:
        """Store analyses (replacing earlier versions of the same articles) in one transaction; return count."""
        count = 0
        with self.engine.begin() as conn:
            for analysis in analyses:
                self._replace(conn, analysis)
                count += 1
        return count

    def save_errors(self, errors: Iterable[IngestError]) -> int:
        """Record per-document failures."""
        now = dt.datetime.now(dt.UTC)
        rows = [
            {"path": e.path, "line": e.line, "doc_id": e.id, "message": e.message, "created_at": now} for e in errors
        ]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(insert(t.errors), rows)
        return len(rows)

    def link_duplicates(self, original_of: dict[str, str]) -> int:
        """Store near-duplicate links (duplicate id → original id), clearing every other link; return count."""
        with self.engine.begin() as conn:
            conn.execute(update(t.articles).values(duplicate_of=None).where(t.articles.c.duplicate_of.is_not(None)))
            for duplicate, original in original_of.items():
                conn.execute(update(t.articles).where(t.articles.c.id == duplicate).values(duplicate_of=original))
        return len(original_of)

    def dedup(self, threshold: float = 0.8) -> dict[str, str]:
        """Find near-duplicates among all stored articles and link them (see :mod:`dateline.ingest.dedup`)."""
        from dateline.ingest.dedup import find_near_duplicates
        from dateline.model import Article

        columns = (t.articles.c.id, t.articles.c.date, t.articles.c.text)
        with self.engine.connect() as conn:
            stored = [Article(id=r.id, date=r.date, text=r.text) for r in conn.execute(select(*columns))]
        original_of = find_near_duplicates(sorted(stored, key=lambda a: a.id), threshold=threshold)
        self.link_duplicates(original_of)
        return original_of

    def fuse(self, dedup: bool = True, **options) -> int:
        """Recompute near-duplicate links (unless ``dedup=False``) and the fused events; return their number.

        ``options`` go to :class:`dateline.store.fusion.FusionOptions` (e.g. ``date_window_days``, ``max_km``).
        """
        from dateline.store.fusion import FusionOptions, fuse_store

        if dedup:
            self.dedup()
        return fuse_store(self.engine, FusionOptions(**options))

    def _replace(self, conn: Connection, a: Analysis) -> None:
        kept = conn.execute(
            select(t.articles.c.duplicate_of).where(
                (t.articles.c.id == a.id) & (t.articles.c.content_hash == content_hash(a.text))
            )
        ).scalar()
        for table in (*t.ANALYSIS_TABLES, t.articles):
            key = table.c.id if table is t.articles else table.c.article_id
            conn.execute(delete(table).where(key == a.id))
        conn.execute(
            insert(t.articles),
            {
                "id": a.id,
                "date": a.date,
                "title": a.title,
                "url": a.url,
                "source": a.source,
                "path": None,
                "text": a.text,
                "content_hash": content_hash(a.text),
                "pipeline_version": a.pipeline_version,
                "schema_version": a.schema_version,
                "processed_at": dt.datetime.now(dt.UTC),
                "duplicate_of": kept,
            },
        )
        mention_rows = [_mention_row(a.id, "actor", actor.id, m) for actor in a.actors for m in actor.mentions] + [
            _mention_row(a.id, "place", str(i), m) for i, place in enumerate(a.places) for m in place.mentions
        ]
        batches = (
            (
                t.actors,
                [{"article_id": a.id, "actor_id": x.id, **x.model_dump(exclude={"id", "mentions"})} for x in a.actors],
            ),
            (
                t.places,
                [{"article_id": a.id, "idx": i, **p.model_dump(exclude={"mentions"})} for i, p in enumerate(a.places)],
            ),
            (t.mentions, mention_rows),
            (t.times, [{"article_id": a.id, "idx": i, **x.model_dump()} for i, x in enumerate(a.times)]),
            (t.events, [_event_row(a.id, e) for e in a.events]),
            (t.flags, [_flag_row(a.id, i, f) for i, f in enumerate(a.flags)]),
        )
        for table, rows in batches:
            if rows:
                conn.execute(insert(table), rows)

    # -- reading -------------------------------------------------------------------------------------------

    def article_ids(self) -> list[str]:
        """Ids of stored articles, sorted."""
        with self.engine.connect() as conn:
            return list(conn.scalars(select(t.articles.c.id).order_by(t.articles.c.id)))

    def counts(self, *names: str) -> dict[str, int]:
        """Row counts per table (all tables, or only those named)."""
        tables = [table for table in (t.articles, *t.ANALYSIS_TABLES, t.errors) if not names or table.name in names]
        with self.engine.connect() as conn:
            return {table.name: conn.scalar(select(func.count()).select_from(table)) or 0 for table in tables}

    def analysis(self, article_id: str) -> Analysis | None:
        """Rebuild one article's full Analysis from the tables."""
        with self.engine.connect() as conn:
            article = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).mappings().first()
            if article is None:
                return None

            def rows(table):
                return conn.execute(select(table).where(table.c.article_id == article_id)).mappings().all()

            spans: dict[tuple[str, str], list[Span]] = {}
            for m in sorted(rows(t.mentions), key=lambda r: r["start"]):
                spans.setdefault((m["layer"], m["ref"]), []).append(
                    Span(text=m["text"], start=m["start"], end=m["end"])
                )
            actors = [
                Actor(id=r["actor_id"], mentions=spans.get(("actor", r["actor_id"]), []), **_fields(r, Actor))
                for r in rows(t.actors)
            ]
            places = [
                Place(mentions=spans.get(("place", str(r["idx"])), []), **_fields(r, Place))
                for r in sorted(rows(t.places), key=lambda r: r["idx"])
            ]
            times = [Timex(**_fields(r, Timex)) for r in sorted(rows(t.times), key=lambda r: r["idx"])]
            events = [_event(r) for r in sorted(rows(t.events), key=lambda r: r["evidence_start"])]
            flags = [
                Flag(kind=r["kind"], message=r["message"], evidence=_evidence(r))
                for r in sorted(rows(t.flags), key=lambda r: r["idx"])
            ]
        return text_order(
            Analysis(
                schema_version=article["schema_version"],
                pipeline_version=article["pipeline_version"],
                **{k: article[k] for k in ("id", "date", "title", "url", "source", "text")},
                actors=actors,
                places=places,
                times=times,
                events=events,
                flags=flags,
            )
        )

    def flags(self) -> list[dict]:
        """Every stored flag with its article."""
        with self.engine.connect() as conn:
            query = select(t.flags).order_by(t.flags.c.article_id, t.flags.c.idx)
            return [dict(row) for row in conn.execute(query).mappings()]

    def errors(self) -> list[dict]:
        """Every recorded ingest or processing error."""
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(select(t.errors).order_by(t.errors.c.id)).mappings()]


def _fields(row, model) -> dict:
    """The columns of ``row`` that are fields of ``model`` (other than id / mentions)."""
    return {k: row[k] for k in model.model_fields if k in row and k not in ("id", "mentions")}


def _mention_row(article_id: str, layer: str, ref: str, span: Span) -> dict:
    return {"article_id": article_id, "layer": layer, "ref": ref, **span.model_dump()}


def _event_row(article_id: str, e: Event) -> dict:
    fields = e.model_dump(exclude={"id", "evidence"})
    return {"article_id": article_id, "event_id": e.id, **fields, **_evidence_cols(e.evidence)}


def _flag_row(article_id: str, idx: int, f: Flag) -> dict:
    return {"article_id": article_id, "idx": idx, "kind": f.kind, "message": f.message, **_evidence_cols(f.evidence)}


def _evidence_cols(span: Span) -> dict:
    return {"evidence_text": span.text, "evidence_start": span.start, "evidence_end": span.end}


def _evidence(row) -> Span:
    return Span(text=row["evidence_text"], start=row["evidence_start"], end=row["evidence_end"])


def _event(row) -> Event:
    return Event(id=row["event_id"], evidence=_evidence(row), **_fields(row, Event))
