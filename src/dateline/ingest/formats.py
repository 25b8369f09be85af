"""Recognise an input's format from its first bytes, and read any supported format from bytes in memory.

Used for stdin (``-`` as a path) and for files whose suffix says nothing (``.xml``, ``.gz``, no suffix sniffed as
markup).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from typing import IO, Literal

from dateline.ingest.common import content_id, decode
from dateline.ingest.feeds import parse_feed
from dateline.ingest.html import html_article
from dateline.ingest.jsonl import read_jsonl_bytes
from dateline.ingest.sgml import decode_sgml, parse_sgml
from dateline.ingest.text import parse_dated_text
from dateline.ingest.warc import is_warc, warc_from_bytes
from dateline.model import Article, IngestError

Format = Literal["warc", "sgml", "feed", "html", "jsonl", "text"]
STRUCTURED: tuple[Format, ...] = ("warc", "sgml", "feed", "html")
#: Most bytes read from stdin; larger inputs are refused with an error rather than exhausting memory.
MAX_STDIN_BYTES = 200_000_000
SNIFF_BYTES = 65_536


def sniff(head: bytes) -> Format | None:
    """Guess the format from the first bytes of an input; None when it is not text we can read."""
    if is_warc(head):
        return "warc"
    if head[:2] == b"\x1f\x8b":
        return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = start[:4096].lower()
    if b"<reuters" in lower:
        return "sgml"
    if b"<rss" in lower or b"<feed" in lower or b"<rdf:rdf" in lower:
        return "feed"
    if b"<html" in lower or b"<!doctype html" in lower or b"<body" in lower:
        return "html"
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a multi-byte character cut at the end of the sample is fine
            return None
    return "jsonl" if start.startswith(b"{") else "text"


def read_bytes(
    data: bytes, name: str, date: dt.date | None = None, fmt: Format | None = None
) -> Iterator[Article | IngestError]:
    """Read an input of format ``fmt`` (sniffed when None) held in memory; ``name`` is its path in messages."""
    fmt = fmt or sniff(data[:SNIFF_BYTES])
    if fmt is None:
        yield IngestError(path=name, message="unrecognised input: not text, JSONL, HTML, RSS/Atom, WARC or SGML")
    elif fmt == "warc":
        yield from warc_from_bytes(data, name, date)  # warcio reads gzipped archives itself
    elif fmt == "sgml":
        yield from parse_sgml(decode_sgml(data), name)
    elif fmt == "feed":
        yield from parse_feed(data, name, date)
    elif fmt == "html":
        try:
            article = html_article(data, id=name, path=name, date=date)
        except ValueError as exc:
            yield IngestError(path=name, message=str(exc))
            return
        yield article.model_copy(update={"id": content_id(article.text)})
    elif fmt == "jsonl":
        yield from read_jsonl_bytes(data, name)
    else:
        try:
            article_date, text = parse_dated_text(decode(data), date)
        except ValueError as exc:
            yield IngestError(path=name, message=str(exc))
            return
        yield Article(id=content_id(text), date=article_date, text=text, path=name)


def read_stdin(date: dt.date | None = None, stream: IO[bytes] | None = None) -> Iterator[Article | IngestError]:
    """Read standard input (any supported format, sniffed), named ``-`` in errors."""
    source = stream if stream is not None else sys.stdin.buffer
    data = source.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        yield IngestError(path="-", message=f"standard input too large (> {MAX_STDIN_BYTES} bytes)")
        return
    if not data.strip():
        yield IngestError(path="-", message="standard input is empty")
        return
    yield from read_bytes(data, "-", date)


__all__ = ["Format", "read_bytes", "read_stdin", "sniff"]
