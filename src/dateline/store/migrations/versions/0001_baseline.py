"""Baseline: the store as first released (articles, their analysis layers, ingest errors).

Revision ID: 0001
Revises:
Create Date: 2026-05-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _article_fk() -> sa.Column:
    return sa.Column("article_id", sa.String, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


def _evidence() -> list[sa.Column]:
    return [
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("path", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("pipeline_version", sa.String, nullable=False),
        sa.Column("schema_version", sa.String, nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "actors",
        _article_fk(),
        sa.Column("actor_id", sa.String, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String),
        sa.Column("role", sa.Text),
        sa.Column("former", sa.Boolean, nullable=False),
        sa.Column("kb_id", sa.String),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_table(
        "places",
        _article_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("geonameid", sa.Integer),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.Text),
        sa.Column("feature_code", sa.String),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_table(
        "mentions",
        _article_fk(),
        sa.Column("layer", sa.String, primary_key=True),
        sa.Column("ref", sa.String, primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "times",
        _article_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("value", sa.String),
        sa.Column("granularity", sa.String, nullable=False),
        sa.Column("anchor", sa.String, nullable=False),
    )
    op.create_table(
        "events",
        _article_fk(),
        sa.Column("event_id", sa.String, primary_key=True),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("mode", sa.String),
        sa.Column("cameo", sa.String),
        sa.Column("goldstein", sa.Float),
        sa.Column("acled_event_type", sa.String),
        sa.Column("acled_sub_event_type", sa.String),
        sa.Column("category", sa.String, nullable=False),
        sa.Column("source", sa.String),
        sa.Column("target", sa.String),
        sa.Column("place", sa.Integer),
        sa.Column("date", sa.String),
        sa.Column("date_from_text", sa.Boolean, nullable=False),
        sa.Column("modality", sa.String, nullable=False),
        *_evidence(),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_table(
        "flags",
        _article_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        *_evidence(),
    )
    op.create_table(
        "errors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("doc_id", sa.String),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_date", "articles", ["date"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_source", "events", ["source"])
    op.create_index("ix_events_target", "events", ["target"])
    op.create_index("ix_events_date", "events", ["date"])


def downgrade() -> None:
    for table in ("errors", "flags", "events", "times", "mentions", "places", "actors", "articles"):
        op.drop_table(table)
