"""``dateline serve``: run the API and web UI with uvicorn (the integrator registers :func:`serve` on the CLI)."""

from __future__ import annotations

import os
from typing import Annotated

import typer


def serve(
    db: Annotated[str, typer.Option("--db", help="SQLite file path or database URL.")] = "dateline.db",
    host: Annotated[str, typer.Option(help="Interface to listen on (keep 127.0.0.1 unless behind a proxy).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve the REST API (/api, docs at /docs) and the web pages; writes need $DATELINE_TOKEN."""
    import uvicorn

    from dateline.api import create_app

    token = os.environ.get("DATELINE_TOKEN") or None
    if token is None:
        typer.echo("DATELINE_TOKEN is not set: the server is read-only (write endpoints answer 403).", err=True)
    uvicorn.run(create_app(db, token=token), host=host, port=port, proxy_headers=False, server_header=False)
