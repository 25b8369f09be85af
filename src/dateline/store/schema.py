"""Schema migrations (alembic) run when a store opens, so a store written by an older dateline opens in a newer one.

A store made before migrations existed (tables but no ``alembic_version``) is stamped as the baseline first.
Opening a store that is already current reads one row and imports nothing from alembic.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection

from dateline.store.dialects import lock_for_migration

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
BASELINE = "0001"
#: The newest revision in migrations/versions (a test checks it against alembic's own view).
HEAD = "0004"


def _config(conn: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def script_head() -> str | None:
    """The head revision as alembic sees the scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current(conn: Connection) -> str | None:
    """The revision a database is at (None: never migrated)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, target: str = "head") -> None:
    """Bring the database to ``target`` (default: the newest revision) under a lock; a no-op when it is there."""
    if target == "head":
        with engine.connect() as conn:
            if current(conn) == HEAD:
                return
    from alembic import command

    with engine.connect() as conn:
        lock_for_migration(conn)
        config = _config(conn)
        if current(conn) is None and inspect(conn).has_table("articles"):
            command.stamp(config, BASELINE)
        command.upgrade(config, target)
        conn.commit()
