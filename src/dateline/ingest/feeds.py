"""RSS and Atom feeds saved to disk (feedparser): one article per item, dated by the item's own date."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.ingest.common import content_id
from dateline.ingest.markup import html_to_text
from dateline.model import Article, IngestError

MAX_FEED_BYTES = 50_000_000


def parse_feed(data: bytes, path: str, date: dt.date | None = None) -> Iterator[Article | IngestError]:
    """Yield one Article or IngestError per feed item; a feed that cannot be read at all is one error.

    An item's date is its ``published`` (else ``updated``) date; ``date`` (``--date``) is used only for items
    without one.
    """
    import feedparser

    if len(data) > MAX_FEED_BYTES:
        yield IngestError(path=path, message=f"feed too large ({len(data)} bytes > {MAX_FEED_BYTES})")
        return
    if not data.strip():
        yield IngestError(path=path, message="empty feed file")
        return
    try:
        feed = feedparser.parse(data)
    except Exception as exc:  # feedparser failing on one file is that file's error
        yield IngestError(path=path, message=f"feed could not be parsed: {type(exc).__name__}: {exc}")
        return
    if not feed.entries:
        problem = f" ({feed.bozo_exception})" if feed.get("bozo") and feed.get("bozo_exception") else ""
        what = "the feed has no items" if feed.get("version") else "not an RSS or Atom feed"
        yield IngestError(path=path, message=what + problem)
        return
    source = _clean(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, start=1):
        try:
            yield _item_article(entry, number, path, source, date)
        except ValueError as exc:
            yield IngestError(path=path, line=number, id=_entry_id(entry), message=f"item {number}: {exc}")


def _item_article(entry: Any, number: int, path: str, source: str | None, date: dt.date | None) -> Article:
    body = ""
    for content in entry.get("content") or []:
        body = html_to_text(content.get("value") or "")
        if body:
            break
    text = body or html_to_text(entry.get("summary") or "")
    if not text:
        raise ValueError("no text (neither content nor summary)")
    article_date = _struct_date(entry.get("published_parsed")) or _struct_date(entry.get("updated_parsed")) or date
    if article_date is None:
        raise ValueError("no date on the item: pass --date")
    return Article(
        id=_entry_id(entry) or content_id(text),
        date=article_date,
        text=text,
        title=_clean(entry.get("title")),
        url=link if (link := entry.get("link") or "").startswith(("http://", "https://")) else None,
        source=source,
        path=f"{path}#{number}",
    )


def _entry_id(entry: Any) -> str | None:
    value = entry.get("id") or entry.get("link")
    return str(value) if value else None


def _clean(value: str | None) -> str | None:
    text = html_to_text(value) if value else ""
    return text or None


def _struct_date(value: time.struct_time | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None


def read_feed(path: Path, date: dt.date | None = None) -> Iterator[Article | IngestError]:
    """Read a saved RSS / Atom file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(path=str(path), message=str(exc))
        return
    yield from parse_feed(data, str(path), date)
