"""Small helpers every reader shares: date parsing, text decoding, stable ids."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: object) -> dt.date:
    """Parse an ISO ``YYYY-MM-DD`` date (optionally followed by a time); raise ValueError with a clear message."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"date must be a YYYY-MM-DD string, got {type(value).__name__}")
    match = ISO_DATE.match(value.strip())
    if not match:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD")
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"date {value!r} is impossible: {exc}") from None


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (BOM tolerated); raise ValueError for text that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start})") from None


def content_id(text: str) -> str:
    """A stable id from the text, for inputs that carry none."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
