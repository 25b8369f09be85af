"""dateline's REST API and web server: ``create_app(db, token, analyser)`` builds the FastAPI application.

Imported lazily so that ``import dateline.api`` (e.g. for the CLI) does not load FastAPI until it is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.api.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from dateline.api.app import create_app

        return create_app
    raise AttributeError(name)
