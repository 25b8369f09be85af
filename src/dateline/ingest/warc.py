"""WARC archives (warcio): every HTML response record becomes an article through the HTML reader."""

from __future__ import annotations

import datetime as dt
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from dateline.ingest.common import content_id, optional_date
from dateline.ingest.html import MAX_HTML_BYTES, html_article
from dateline.model import Article, IngestError

HTML_TYPES = ("text/html", "application/xhtml+xml")
HEAD_BYTES = 4096


def is_warc(head: bytes) -> bool:
    """Whether the first bytes of an input start a WARC (or ARC) archive, gzipped or not."""
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip().startswith((b"WARC/", b"filedesc://"))


def parse_warc(stream: IO[bytes], path: str, date: dt.date | None = None) -> Iterator[Article | IngestError]:
    """Yield an Article or IngestError per HTML response; a damaged archive ends with an error for the rest.

    The date is the page's metadata date, else ``date``, else the record's capture date (``WARC-Date``).
    """
    from warcio.archiveiterator import ArchiveIterator

    start = stream.tell()
    if not is_warc(stream.read(HEAD_BYTES)):
        yield IngestError(path=path, message="not a WARC archive (no WARC/ header)")
        return
    stream.seek(start)
    records = ArchiveIterator(stream)
    found = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # warcio / gzip / zlib errors on a truncated or corrupt archive
            yield IngestError(path=path, message=f"WARC archive unreadable after {found} page(s): {exc!r}")
            return
        if record.rec_type not in ("response", "resource"):
            continue
        content_type = _content_type(record)
        if not content_type.startswith(HTML_TYPES):
            continue
        found += 1
        uri = record.rec_headers.get_header("WARC-Target-URI")
        record_id = _record_id(record.rec_headers.get_header("WARC-Record-ID")) or content_id(uri or str(found))
        try:
            body = record.content_stream().read(MAX_HTML_BYTES + 1)
            if len(body) <= MAX_HTML_BYTES and getattr(record.raw_stream, "limit", 0) > 0:
                raise ValueError("the record is truncated (the archive ends inside it)")
            yield html_article(
                body,
                id=record_id,
                path=f"{path}#{found}",
                url=uri,
                date=date,
                fallback=optional_date(record.rec_headers.get_header("WARC-Date")),
            )
        except Exception as exc:  # one bad page (decoding, markup, truncated payload) never stops the archive
            message = str(exc) if isinstance(exc, ValueError) else f"{type(exc).__name__}: {exc}"
            yield IngestError(path=path, line=found, id=record_id, message=f"record {uri or record_id}: {message}")
    if not found:
        yield IngestError(path=path, message="no HTML responses in the WARC archive")


def _content_type(record) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = headers.get_header("Content-Type") if headers else None
    return (value or "").split(";")[0].strip().lower()


def _record_id(value: str | None) -> str | None:
    """``<urn:uuid:…>`` → the uuid."""
    if not value:
        return None
    return value.strip("<>").rsplit(":", 1)[-1] or None


def read_warc(path: Path, date: dt.date | None = None) -> Iterator[Article | IngestError]:
    """Read a ``.warc`` or ``.warc.gz`` file."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield IngestError(path=str(path), message=str(exc))
        return
    with handle:
        yield from parse_warc(handle, str(path), date)


def warc_from_bytes(data: bytes, path: str, date: dt.date | None = None) -> Iterator[Article | IngestError]:
    """Read a WARC archive held in memory (e.g. from stdin)."""
    yield from parse_warc(io.BytesIO(data), path, date)
