"""Reuters-21578-style SGML: ``<REUTERS NEWID=…>`` elements with ``<DATE>``, ``<TITLE>``, ``<DATELINE>``, ``<BODY>``.

Parsed with the standard library and tolerant of the real files' quirks: leading and doubled spaces in dates,
control characters written as entities (``&#3;``), stray non-ASCII bytes, items with a title but no body
(``TYPE="BRIEF"``) or with unmarked text (``TYPE="UNPROC"``), and a truncated last element.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path

from dateline.ingest.common import content_id
from dateline.ingest.markup import CONTROL
from dateline.model import Article, IngestError

OPEN = re.compile(r"<REUTERS\b([^>]*)>", re.IGNORECASE)
CLOSE = re.compile(r"</REUTERS\s*>", re.IGNORECASE)
ATTR = re.compile(r"([A-Za-z_][\w-]*)\s*=\s*\"([^\"]*)\"")
DATE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{2,4})")
TAG = re.compile(r"<[^>]*>")
STARS = re.compile(r"\*{3,}")
SIGN_OFF = re.compile(r"\s*\breuters?\b\s*$", re.IGNORECASE)
MONTHS = {
    month: number
    for number, month in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1
    )
}


def _field(name: str, element: str) -> str | None:
    match = re.search(rf"<{name}\b[^>]*>(.*?)</{name}\s*>", element, re.IGNORECASE | re.DOTALL)
    return match.group(1) if match else None


def _unescape(raw: str) -> str:
    """Entities → characters; control characters (the wire's start/end-of-text marks) and star rules dropped."""
    return STARS.sub("", CONTROL.sub("", html.unescape(raw)))


def _reflow(raw: str) -> str:
    """Join the wire's hard-wrapped lines; an indented line starts a new paragraph; drop the closing sign-off."""
    paragraphs: list[list[str]] = []
    for line in _unescape(raw).replace("\r", "").split("\n"):
        if not line.strip():
            continue
        if not paragraphs or line[:1].isspace():
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    text = "\n".join(" ".join(words) for words in paragraphs)
    return SIGN_OFF.sub("", text).strip()


def parse_reuters_date(value: str) -> dt.date:
    """``26-FEB-1987 15:01:01.79`` (with any spacing) → a date; raise ValueError otherwise."""
    match = DATE.search(value)
    if not match:
        raise ValueError(f"date {value.strip()!r} is not DD-MON-YYYY")
    day, month_name, year = match.groups()
    month = MONTHS.get(month_name.upper())
    if month is None:
        raise ValueError(f"unknown month {month_name!r} in date {value.strip()!r}")
    year_number = int(year) + (1900 if len(year) == 2 else 0)
    try:
        return dt.date(year_number, month, int(day))
    except ValueError as exc:
        raise ValueError(f"date {value.strip()!r} is impossible: {exc}") from None


def parse_element(attributes: str, element: str) -> Article:
    """One ``<REUTERS>`` element's inside → an Article; raise ValueError with what is missing."""
    attrs = dict(ATTR.findall(attributes))
    raw_date = _field("DATE", element)
    if raw_date is None:
        raise ValueError("no <DATE>")
    article_date = parse_reuters_date(raw_date)
    title = _reflow(_field("TITLE", element) or "") or None
    body = _reflow(_field("BODY", element) or "")
    if body:
        dateline = " ".join(_unescape(_field("DATELINE", element) or "").split())
        text = f"{dateline} {body}" if dateline else body
    else:
        raw = _field("TEXT", element) or ""
        text = _reflow(TAG.sub("\n", raw))
    if not text:
        raise ValueError("no text (no <BODY> or <TEXT>)")
    article_id = attrs.get("NEWID") or attrs.get("OLDID") or content_id(text)
    return Article(id=article_id, date=article_date, text=text, title=title, source="Reuters")


def parse_sgml(content: str, path: str) -> Iterator[Article | IngestError]:
    """Yield an Article or IngestError per ``<REUTERS>`` element, in file order."""
    opens = list(OPEN.finditer(content))
    if not opens:
        yield IngestError(path=path, message="no <REUTERS> elements in the SGML file")
        return
    line, counted = 1, 0
    for index, match in enumerate(opens):
        line, counted = line + content.count("\n", counted, match.start()), match.start()
        limit = opens[index + 1].start() if index + 1 < len(opens) else len(content)
        close = CLOSE.search(content, match.end(), limit)
        attrs = dict(ATTR.findall(match.group(1)))
        doc_id = attrs.get("NEWID")
        if close is None:
            yield IngestError(path=path, line=line, id=doc_id, message="unterminated <REUTERS> element")
            continue
        try:
            article = parse_element(match.group(1), content[match.end() : close.start()])
        except ValueError as exc:
            yield IngestError(path=path, line=line, id=doc_id, message=str(exc))
            continue
        yield article.model_copy(update={"path": f"{path}:{line}"})


def decode_sgml(data: bytes) -> str:
    """The corpus is ASCII with a few stray 8-bit bytes: UTF-8 when it is, else Latin-1 (which never fails)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_sgml(path: Path) -> Iterator[Article | IngestError]:
    """Read one ``.sgm`` file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(path=str(path), message=str(exc))
        return
    yield from parse_sgml(decode_sgml(data), str(path))
