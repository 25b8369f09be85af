"""HTML pages: trafilatura finds the article body, its title and its publication date in the page's metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.ingest.common import decode, optional_date
from dateline.model import Article, IngestError

#: Pages larger than this are refused rather than parsed (a news page is rarely over a few hundred kB).
MAX_HTML_BYTES = 20_000_000
#: htmldate settings: trust the page's own metadata, never guess a date from the running text.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def html_article(
    data: bytes | str,
    *,
    id: str,
    path: str,
    url: str | None = None,
    date: dt.date | None = None,
    fallback: dt.date | None = None,
) -> Article:
    """Extract one article from an HTML page; raise ValueError saying what is missing.

    The date is the page's own publication date when its metadata has one, else ``date`` (the user's ``--date``),
    else ``fallback`` (e.g. a WARC capture date).
    """
    import trafilatura

    if len(data) > MAX_HTML_BYTES:
        raise ValueError(f"HTML document too large ({len(data)} bytes > {MAX_HTML_BYTES})")
    markup = decode(data) if isinstance(data, bytes) else data
    if not markup.strip():
        raise ValueError("empty HTML document")
    try:
        doc = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as exc:  # a third-party parser failing on one page is that page's error, not the batch's
        raise ValueError(f"HTML could not be parsed: {type(exc).__name__}: {exc}") from None
    if doc is None or not (doc.text or "").strip():
        raise ValueError("no article body found in the HTML")
    article_date = optional_date(doc.date) or date or fallback
    if article_date is None:
        raise ValueError("no article date in the page's metadata: pass --date")
    return Article(
        id=id,
        date=article_date,
        text=doc.text.strip(),
        title=doc.title or None,
        url=doc.url or url,
        source=doc.sitename or doc.hostname or None,
        path=path,
    )


def read_html(path: Path, date: dt.date | None = None) -> Article | IngestError:
    """Read one saved HTML page; its id is the file name without suffix."""
    try:
        return html_article(path.read_bytes(), id=path.stem, path=str(path), date=date)
    except (OSError, ValueError) as exc:
        return IngestError(path=str(path), id=path.stem, message=str(exc))
