"""Alembic environment: migrations always run on a connection handed over by :mod:`dateline.store.schema`."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("dateline migrations run through dateline.store.schema.migrate(engine), not the alembic CLI")
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
