"""Everything that differs between SQLite and PostgreSQL, in one place: drivers, connection setup, the lock taken
while migrating, and full-text search (FTS5 / tsvector)."""

from __future__ import annotations

import re

from sqlalchemy import Date, Float, String, Text, text
from sqlalchemy.engine import Connection, make_url

#: An arbitrary constant naming the advisory lock PostgreSQL sessions take while migrating one database.
MIGRATION_LOCK = 7_460_391_224
SEARCH_WORD = re.compile(r"\w+", re.UNICODE)


def engine_url(url: str) -> str:
    """Pick the installed driver (psycopg 3) for a bare ``postgresql://`` URL."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return url


def sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers (the API) read while a batch writes; foreign keys make deletes cascade; ``lower()`` folds every
    letter ("Élysée", "Зеленский"), as PostgreSQL's does, not ASCII only, so name filters agree on both stores."""
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def lock_for_migration(conn: Connection) -> None:
    """Start the migration transaction so that two processes opening one new store migrate it once, in turn."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def search_terms(query: str) -> list[str]:
    """The words of a user's query; operators and quotes are dropped so no query is a syntax error."""
    return SEARCH_WORD.findall(query)


def search(conn: Connection, query: str, limit: int) -> list[dict]:
    """Articles matching every word of ``query``, best first: id, date, title, snippet, rank (lower is better)."""
    terms = search_terms(query)
    if not terms:
        return []
    if conn.dialect.name == "sqlite":
        statement = text(
            "SELECT a.id, a.date, a.title, a.duplicate_of, "
            "snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH :match ORDER BY rank, a.id LIMIT :limit"
        )
        params = {"match": " ".join(f'"{term}"' for term in terms), "limit": limit}
    elif conn.dialect.name == "postgresql":
        document = "to_tsvector('english', coalesce(a.title, '') || ' ' || a.text)"
        statement = text(
            "SELECT a.id, a.date, a.title, a.duplicate_of, "
            "ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=8') AS snippet, "
            f"-ts_rank({document}, q) AS rank "
            f"FROM articles a, plainto_tsquery('english', :query) q WHERE {document} @@ q "
            "ORDER BY rank, a.id LIMIT :limit"
        )
        params = {"query": " ".join(terms), "limit": limit}
    else:
        raise NotImplementedError(f"full-text search is not implemented for {conn.dialect.name}")
    typed = statement.columns(id=String, date=Date, title=Text, duplicate_of=String, snippet=Text, rank=Float)
    return [dict(row) for row in conn.execute(typed, params).mappings()]
