"""Ingest: one reader per input format, each yielding Articles or per-document IngestErrors.

Errors are values: a document that cannot be read becomes an :class:`IngestError` naming its path (and line) while
the batch goes on. A document without a usable date is such an error, never a silent default. Formats are chosen by
suffix (dated text, JSONL, HTML, RSS/Atom, WARC, Reuters SGML); other files are sniffed by content, and ``-`` reads
standard input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.ingest.common import check_article
from dateline.ingest.dedup import find_near_duplicates
from dateline.ingest.feeds import read_feed
from dateline.ingest.formats import SNIFF_BYTES, STRUCTURED, read_bytes, read_stdin, sniff
from dateline.ingest.html import read_html
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.sgml import read_sgml
from dateline.ingest.text import read_text_file
from dateline.ingest.warc import read_warc
from dateline.model import Article, IngestError

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
FEED_SUFFIXES = {".rss", ".atom"}
SGML_SUFFIXES = {".sgm", ".sgml"}
WARC_ENDINGS = (".warc", ".warc.gz", ".arc", ".arc.gz")
STDIN = "-"


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders recursively (sorted, hidden files skipped); files are passed through."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def read_path(path: Path, date: dt.date | None = None) -> Iterator[Article | IngestError]:
    """Read one file by its suffix, sniffing the content of files whose suffix names no format.

    Every article then goes through :func:`dateline.ingest.common.check_article` (size, date and text rules).
    """
    for item in _read_path(path, date):
        yield item if isinstance(item, IngestError) else check_article(item)


def _read_path(path: Path, date: dt.date | None) -> Iterator[Article | IngestError]:
    suffix, name = path.suffix.lower(), path.name.lower()
    if str(path) == STDIN:
        yield from read_stdin(date)
    elif not path.exists():
        yield IngestError(path=str(path), message="no such file or folder")
    elif not path.is_file():
        yield IngestError(path=str(path), message="not a regular file")
    elif name.endswith(WARC_ENDINGS):
        yield from read_warc(path, date)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
    elif suffix in TEXT_SUFFIXES:
        yield read_text_file(path, date)
    elif suffix in HTML_SUFFIXES:
        yield read_html(path, date)
    elif suffix in FEED_SUFFIXES:
        yield from read_feed(path, date)
    elif suffix in SGML_SUFFIXES:
        yield from read_sgml(path)
    else:
        yield from _sniffed(path, date)


def _sniffed(path: Path, date: dt.date | None) -> Iterator[Article | IngestError]:
    try:
        with path.open("rb") as handle:
            fmt = sniff(handle.read(SNIFF_BYTES))
        if fmt not in STRUCTURED:
            yield IngestError(path=str(path), message=f"unsupported file type {path.suffix!r}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(path=str(path), message=str(exc))
        return
    yield from read_bytes(data, str(path), date, fmt)


def read_paths(paths: Iterable[Path], date: dt.date | None = None) -> Iterator[Article | IngestError]:
    """Read every article under ``paths``; ``date`` is the article date for inputs whose format carries none."""
    for path in iter_files(paths):
        yield from read_path(path, date)


__all__ = [
    "find_near_duplicates",
    "iter_files",
    "read_feed",
    "read_html",
    "read_jsonl",
    "read_path",
    "read_paths",
    "read_sgml",
    "read_stdin",
    "read_text_file",
    "read_warc",
]
