"""Dated text files: an optional ``date YYYY-MM-DD`` header, then the article text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from dateline.ingest.common import decode, parse_date
from dateline.model import Article, IngestError

HEADER = re.compile(r"\s*date(?:\s*[:=]\s*|\s+)(\d{1,4}-\d{1,2}-\d{1,2}\S*)\s*", re.IGNORECASE)


def parse_dated_text(raw: str, date: dt.date | None = None) -> tuple[dt.date, str]:
    """Split a ``date YYYY-MM-DD`` header (which may share the first line with the text) from the article.

    A header wins over ``date``; without a header ``date`` must be given. Raises ValueError otherwise.
    """
    if not raw.strip():
        raise ValueError("empty document")
    match = HEADER.match(raw)
    if match:
        article_date = parse_date(match.group(1))
        text = raw[match.end() :]
    elif date is not None:
        article_date, text = date, raw.lstrip()
    else:
        raise ValueError("no article date: add a 'date YYYY-MM-DD' first line or pass --date")
    text = text.rstrip()
    if not text:
        raise ValueError("the article has no text")
    return article_date, text


def read_text_file(path: Path, date: dt.date | None = None) -> Article | IngestError:
    """Read one text file; its id is the file name without suffix."""
    try:
        article_date, text = parse_dated_text(decode(path.read_bytes()), date)
    except (OSError, ValueError) as exc:
        return IngestError(path=str(path), id=path.stem, message=str(exc))
    return Article(id=path.stem, date=article_date, text=text, path=str(path))
