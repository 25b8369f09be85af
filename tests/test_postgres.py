"""Schema migrations and backend differences: an older store opens in the current version on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, event, inspect, text

from backends import BACKENDS, fresh_url
from dateline.store import Store
from dateline.store import tables as t
from dateline.store.dialects import engine_url, search_terms, sqlite_pragmas
from dateline.store.schema import BASELINE, HEAD, current, migrate, script_head

#: Objects that live outside the SQLAlchemy metadata on purpose: the search index of each backend.
SEARCH_OBJECTS = {"articles_fts", "ix_articles_search"}


def engine_for(url: str):
    engine = create_engine(engine_url(url if "://" in url else f"sqlite:///{url}"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", sqlite_pragmas)
    return engine


def test_head_constant_matches_the_scripts() -> None:
    assert script_head() == HEAD


def test_engine_url_picks_psycopg() -> None:
    assert engine_url("postgresql://u:p@h:5/db") == "postgresql+psycopg://u:p@h:5/db"
    assert engine_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert engine_url("sqlite:///x.db") == "sqlite:///x.db"
    assert search_terms('"quoted" OR (x) near/3 ü-ber') == ["quoted", "OR", "x", "near", "3", "ü", "ber"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_migrations_build_exactly_the_declared_schema(backend: str, tmp_path: Path) -> None:
    engine = engine_for(fresh_url(backend, tmp_path))
    migrate(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diffs = [
            diff
            for diff in compare_metadata(context, t.metadata)
            if not any(name in str(diff) for name in SEARCH_OBJECTS)
        ]
        assert current(conn) == HEAD
    engine.dispose()
    assert diffs == []


def _baseline_store(url: str, drop_version_table: bool) -> None:
    """A store as the first release wrote it: baseline tables, one analysed article, no corpus columns."""
    engine = engine_for(url)
    migrate(engine, BASELINE)
    now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, date, title, text, content_hash, pipeline_version, schema_version, "
                "processed_at) VALUES ('old', :date, 'Old story', 'Flood waters reached the old mill.', 'x', "
                "'0.0.1', '1.0', :now)"
            ),
            {"date": dt.date(2023, 12, 30), "now": now},
        )
        conn.execute(
            text(
                "INSERT INTO events (article_id, event_id, type, category, date_from_text, modality, evidence_text, "
                "evidence_start, evidence_end, confidence) VALUES ('old', 'e1', 'PROTEST', 'political', :f, "
                "'occurred', 'Flood waters', 0, 12, 0.5)"
            ),
            {"f": False},
        )
        if drop_version_table:
            conn.execute(text("DROP TABLE alembic_version"))
    engine.dispose()


@pytest.mark.parametrize("drop_version_table", [False, True], ids=["baseline", "pre-alembic"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_older_store_opens_in_current_version(backend: str, drop_version_table: bool, tmp_path: Path) -> None:
    url = fresh_url(backend, tmp_path)
    _baseline_store(url, drop_version_table)
    store = Store(url)
    try:
        with store.engine.connect() as conn:
            assert current(conn) == HEAD
            assert "duplicate_of" in {c["name"] for c in inspect(conn).get_columns("articles")}
        old = store.analysis("old")
        assert old is not None and old.text == "Flood waters reached the old mill." and old.events[0].type == "PROTEST"
        assert [hit["id"] for hit in store.search("mill")] == ["old"]  # the search index covers old rows
        assert store.fuse() == 1 and store.fused_rows()[0]["support"] == 1
    finally:
        store.engine.dispose()


def test_two_processes_opening_a_new_store_migrate_it_once(tmp_path: Path) -> None:
    path = tmp_path / "race.db"
    code = f"from dateline.store import Store; Store({str(path)!r}).save([])"
    procs = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE) for _ in range(3)]
    errors = [proc.communicate(timeout=120)[1].decode() for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0, 0], errors
    engine = engine_for(str(path))
    with engine.connect() as conn:
        assert current(conn) == HEAD
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()
