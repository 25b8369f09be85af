"""Times: the known event an event-anchored expression refers to ("since the full-scale invasion").

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("times", sa.Column("anchor_event", sa.String, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("times") as batch:
        batch.drop_column("anchor_event")
