"""Corpus layer: near-duplicate links, fused events with their reports and flags, full-text article search.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: SQLite: an external-content FTS5 index over the articles' title and text, kept in step by triggers.
SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    "END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
)
#: PostgreSQL: a GIN index over the same tsvector expression the search query uses.
POSTGRES_SEARCH = (
    "CREATE INDEX ix_articles_search ON articles USING GIN "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text))",
)


def _evidence(side: str) -> list[sa.Column]:
    return [
        sa.Column(f"value_{side}", sa.Text, nullable=False),
        sa.Column(f"article_{side}", sa.String, nullable=False),
        sa.Column(f"event_{side}", sa.String, nullable=False),
        sa.Column(f"evidence_{side}_text", sa.Text, nullable=False),
        sa.Column(f"evidence_{side}_start", sa.Integer, nullable=False),
        sa.Column(f"evidence_{side}_end", sa.Integer, nullable=False),
    ]


def _fused_fk() -> sa.Column:
    return sa.Column("fused_id", sa.String, sa.ForeignKey("fused_events.id", ondelete="CASCADE"), primary_key=True)


def upgrade() -> None:
    op.add_column("articles", sa.Column("duplicate_of", sa.String))
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])
    op.create_table(
        "fused_events",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("mode", sa.String),
        sa.Column("modality", sa.String, nullable=False),
        sa.Column("category", sa.String, nullable=False),
        sa.Column("cameo", sa.String),
        sa.Column("goldstein", sa.Float),
        sa.Column("acled_event_type", sa.String),
        sa.Column("acled_sub_event_type", sa.String),
        sa.Column("date", sa.String),
        sa.Column("date_start", sa.Date, nullable=False),
        sa.Column("date_end", sa.Date, nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("source_kb_id", sa.String),
        sa.Column("source_country", sa.String(3)),
        sa.Column("source_sector", sa.String),
        sa.Column("target_name", sa.Text),
        sa.Column("target_kb_id", sa.String),
        sa.Column("target_country", sa.String(3)),
        sa.Column("target_sector", sa.String),
        sa.Column("place", sa.Integer),
        sa.Column("place_name", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.Text),
        sa.Column("feature_code", sa.String),
        sa.Column("fatalities", sa.Integer),
        sa.Column("first_report", sa.Date, nullable=False),
        sa.Column("last_report", sa.Date, nullable=False),
        sa.Column("support", sa.Integer, nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
    )
    op.create_table(
        "fused_reports",
        _fused_fk(),
        sa.Column("article_id", sa.String, primary_key=True),
        sa.Column("event_id", sa.String, primary_key=True),
        sa.Column("article_date", sa.Date, nullable=False),
    )
    op.create_table(
        "fused_flags",
        _fused_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        *_evidence("a"),
        *_evidence("b"),
    )
    op.create_index("ix_fused_events_date_start", "fused_events", ["date_start"])
    op.create_index("ix_fused_events_type", "fused_events", ["type"])
    op.create_index("ix_fused_reports_event", "fused_reports", ["article_id", "event_id"])
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_SEARCH if dialect == "sqlite" else POSTGRES_SEARCH if dialect == "postgresql" else ():
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
    for table in ("fused_flags", "fused_reports", "fused_events"):
        op.drop_table(table)
    op.drop_index("ix_articles_duplicate_of", "articles")
    op.drop_column("articles", "duplicate_of")
