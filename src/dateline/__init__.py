"""dateline: dated news articles in, a verified record of who did what to whom, when and where out.

The library surface: :func:`extract` analyses one text, :func:`open` opens a store, :class:`Analysis` is what both
return. Heavy modules (spaCy, the KB,
the gazetteer) load on first use, so ``import dateline`` stays cheap.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.model import Analysis

__version__ = "0.1.0"
__all__ = ["Analysis", "extract", "open"]

if TYPE_CHECKING:
    from spacy.language import Language

    from dateline.store import Store


@cache
def _nlp(model: str | None) -> Language:
    from dateline.pipeline import build

    return build(model)


def extract(text: str, date: dt.date, id: str = "text", model: str | None = None) -> Analysis:
    """Analyse one article text dated ``date`` (the pipeline is built once per process and model)."""
    from dateline.model import Article
    from dateline.pipeline import analyse

    return next(analyse(_nlp(model), [Article(id=id, date=date, text=text)]))


def open(db: str | Path = "dateline.db") -> Store:
    """Open (creating if needed) a store: a SQLite path or a database URL."""
    from dateline.store import Store

    return Store(db)
