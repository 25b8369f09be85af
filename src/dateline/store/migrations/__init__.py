"""Alembic migrations of the store's schema; :func:`dateline.store.schema.migrate` runs them when a store opens."""
