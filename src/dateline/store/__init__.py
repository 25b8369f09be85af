"""The store: SQLite by default, PostgreSQL through the same code."""

from dateline.store.db import Store, content_hash, database_url

__all__ = ["Store", "content_hash", "database_url"]
