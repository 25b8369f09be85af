"""Store backends for tests: every store test runs on SQLite and, when ``DATELINE_TEST_PG`` names a PostgreSQL
database (see ``scripts/start-postgres.sh``), on PostgreSQL too. A test module declares its store fixture as::

    @pytest.fixture(params=BACKENDS)
    def store(request, tmp_path):
        with opened_store(request.param, tmp_path) as opened:
            yield opened
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dateline.store import Store
from dateline.store.dialects import engine_url

PG_URL = os.environ.get("DATELINE_TEST_PG")
NO_PG = 'DATELINE_TEST_PG is not set: run `eval "$(bash scripts/start-postgres.sh)"` to test on PostgreSQL'
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.skipif(not PG_URL, reason=NO_PG)),
]


def reset_postgres(url: str) -> None:
    """Empty the test database: drop and recreate its public schema."""
    engine = create_engine(engine_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def fresh_url(backend: str, tmp_path: Path) -> str:
    """An empty database of ``backend``: a new SQLite file, or the emptied PostgreSQL test database."""
    if backend == "sqlite":
        return str(tmp_path / "store.db")
    assert PG_URL is not None
    reset_postgres(PG_URL)
    return PG_URL


@contextmanager
def opened_store(backend: str, tmp_path: Path) -> Iterator[Store]:
    """An empty store on ``backend`` ("sqlite" or "postgresql"), its connections closed afterwards."""
    opened = Store(fresh_url(backend, tmp_path))
    try:
        yield opened
    finally:
        opened.engine.dispose()
