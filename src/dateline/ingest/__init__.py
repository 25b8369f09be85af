"""Ingest: one reader per input format, each yielding Articles or per-document IngestErrors.

Errors are values: a document that cannot be read becomes an :class:`IngestError` naming its path (and line) while
the batch goes on. A document without a usable date is such an error, never a silent default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.text import read_text_file
from dateline.model import Article, IngestError

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders recursively (sorted, hidden files skipped); files are passed through."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def read_paths(paths: Iterable[Path], date: dt.date | None = None) -> Iterator[Article | IngestError]:
    """Read every article under ``paths``; ``date`` is the article date for plain text without a header."""
    for path in iter_files(paths):
        if not path.exists():
            yield IngestError(path=str(path), message="no such file or folder")
        elif path.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(path)
        elif path.suffix.lower() in TEXT_SUFFIXES:
            yield read_text_file(path, date)
        else:
            yield IngestError(path=str(path), message=f"unsupported file type {path.suffix!r}")


__all__ = ["iter_files", "read_jsonl", "read_paths", "read_text_file"]
