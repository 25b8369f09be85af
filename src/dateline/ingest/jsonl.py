"""JSON Lines: one article per line with ``id``, ``date``, ``text`` and optional ``title``, ``url``, ``source``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from dateline.ingest.common import content_id, decode, parse_date
from dateline.model import Article, IngestError

OPTIONAL = ("title", "url", "source")


def parse_record(record: object) -> Article:
    """Validate one decoded JSON value as an article; raise ValueError with what is wrong."""
    if not isinstance(record, dict):
        raise ValueError("a JSONL line must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("missing or empty 'text'")
    if "date" not in record or record["date"] in (None, ""):
        raise ValueError("missing 'date'")
    article_date = parse_date(record["date"])
    raw_id = record.get("id")
    extras = {key: str(record[key]) for key in OPTIONAL if record.get(key) not in (None, "")}
    return Article(
        id=str(raw_id) if raw_id not in (None, "") else content_id(text), date=article_date, text=text, **extras
    )


def parse_line(line: str) -> Article:
    """One JSONL line → an Article; raise ValueError saying what is wrong (bad JSON included)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    return parse_record(record)


def read_jsonl(path: Path) -> Iterator[Article | IngestError]:
    """Yield one Article or IngestError per non-blank line of a file; a bad line never stops the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(path=str(path), message=str(exc))
        return
    yield from read_jsonl_bytes(data, str(path))


def read_jsonl_bytes(data: bytes, name: str) -> Iterator[Article | IngestError]:
    """JSON Lines held in memory (a file's bytes, stdin); errors name ``name`` and the line."""
    try:
        content = decode(data)
    except ValueError as exc:
        yield IngestError(path=name, message=str(exc))
        return
    if not content.strip():
        yield IngestError(path=name, message="empty JSONL file")
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            article = parse_line(line)
        except ValueError as exc:
            yield IngestError(path=name, line=number, message=str(exc))
            continue
        yield article.model_copy(update={"path": f"{name}:{number}"})
