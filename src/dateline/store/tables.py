"""The store's tables (SQLAlchemy Core): one row per record of the document model, keyed by article."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("date", Date, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("path", Text),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("pipeline_version", String, nullable=False),
    Column("schema_version", String, nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=False),
    Column("duplicate_of", String),
)

actors = Table(
    "actors",
    metadata,
    _article_fk(),
    Column("actor_id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String, nullable=False),
    Column("country", String(3)),
    Column("sector", String),
    Column("role", Text),
    Column("former", Boolean, nullable=False),
    Column("kb_id", String),
    Column("confidence", Float, nullable=False),
)

places = Table(
    "places",
    metadata,
    _article_fk(),
    Column("idx", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("feature_code", String),
    Column("confidence", Float, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    _article_fk(),
    Column("layer", String, primary_key=True),
    Column("ref", String, primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

times = Table(
    "times",
    metadata,
    _article_fk(),
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("type", String, nullable=False),
    Column("value", String),
    Column("granularity", String, nullable=False),
    Column("anchor", String, nullable=False),
    Column("anchor_event", String),
)

events = Table(
    "events",
    metadata,
    _article_fk(),
    Column("event_id", String, primary_key=True),
    Column("type", String, nullable=False),
    Column("mode", String),
    Column("cameo", String),
    Column("goldstein", Float),
    Column("acled_event_type", String),
    Column("acled_sub_event_type", String),
    Column("category", String, nullable=False),
    Column("source", String),
    Column("target", String),
    Column("place", Integer),
    Column("date", String),
    Column("date_from_text", Boolean, nullable=False),
    Column("modality", String, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
)

flags = Table(
    "flags",
    metadata,
    _article_fk(),
    Column("idx", Integer, primary_key=True),
    Column("kind", String, nullable=False),
    Column("message", Text, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
)

errors = Table(
    "errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),
    Column("line", Integer),
    Column("doc_id", String),
    Column("message", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

fused_events = Table(
    "fused_events",
    metadata,
    Column("id", String, primary_key=True),
    Column("type", String, nullable=False),
    Column("mode", String),
    Column("modality", String, nullable=False),
    Column("category", String, nullable=False),
    Column("cameo", String),
    Column("goldstein", Float),
    Column("acled_event_type", String),
    Column("acled_sub_event_type", String),
    Column("date", String),
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    Column("source_name", Text),
    Column("source_kb_id", String),
    Column("source_country", String(3)),
    Column("source_sector", String),
    Column("target_name", Text),
    Column("target_kb_id", String),
    Column("target_country", String(3)),
    Column("target_sector", String),
    Column("place", Integer),
    Column("place_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("feature_code", String),
    Column("fatalities", Integer),
    Column("first_report", Date, nullable=False),
    Column("last_report", Date, nullable=False),
    Column("support", Integer, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("evidence_text", Text, nullable=False),
)


def _fused_fk() -> Column:
    return Column("fused_id", String, ForeignKey("fused_events.id", ondelete="CASCADE"), primary_key=True)


fused_reports = Table(
    "fused_reports",
    metadata,
    _fused_fk(),
    Column("article_id", String, primary_key=True),
    Column("event_id", String, primary_key=True),
    Column("article_date", Date, nullable=False),
)

fused_flags = Table(
    "fused_flags",
    metadata,
    _fused_fk(),
    Column("idx", Integer, primary_key=True),
    Column("kind", String, nullable=False),
    Column("message", Text, nullable=False),
    *(
        column
        for side in ("a", "b")
        for column in (
            Column(f"value_{side}", Text, nullable=False),
            Column(f"article_{side}", String, nullable=False),
            Column(f"event_{side}", String, nullable=False),
            Column(f"evidence_{side}_text", Text, nullable=False),
            Column(f"evidence_{side}_start", Integer, nullable=False),
            Column(f"evidence_{side}_end", Integer, nullable=False),
        )
    ),
)

Index("ix_articles_date", articles.c.date)
Index("ix_articles_duplicate_of", articles.c.duplicate_of)
Index("ix_fused_events_date_start", fused_events.c.date_start)
Index("ix_fused_events_type", fused_events.c.type)
Index("ix_fused_reports_event", fused_reports.c.article_id, fused_reports.c.event_id)
Index("ix_events_type", events.c.type)
Index("ix_events_source", events.c.source)
Index("ix_events_target", events.c.target)
Index("ix_events_date", events.c.date)

#: Tables that hold one article's analysis, deleted and rewritten together when it is re-processed.
ANALYSIS_TABLES = (actors, places, mentions, times, events, flags)
#: Tables derived from all stored analyses by :meth:`Store.fuse`, rebuilt together.
FUSION_TABLES = (fused_flags, fused_reports, fused_events)

#: Small facts about the store as a whole, e.g. which state of the articles the fused tables were computed from.
store_state = Table(
    "store_state",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)
