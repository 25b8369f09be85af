"""Small helpers every reader shares: date parsing, text decoding, stable ids, the per-document limits."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re

from dateline.ingest.markup import CONTROL
from dateline.model import Article, IngestError

ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
#: Longest article text accepted (characters): about 80,000 words, far beyond any news article; longer is an error.
MAX_ARTICLE_CHARS = 500_000
#: An article dated more than this many days after today is an error (a typo or a wrong field, not news).
MAX_FUTURE_DAYS = 366
#: Control characters removed from article text and metadata (tab, line feed and carriage return are kept).
METADATA = ("id", "title", "url", "source")
NUL_MESSAGE = "the text contains NUL bytes: binary data, or UTF-16 without a byte-order mark"
#: How readers name a place inside a file in ``Article.path``: ``file:line`` (JSONL, SGML) or ``file#item``.
LOCATION = re.compile(r"(.+)[:#](\d+)")


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


def optional_date(value: str | None) -> dt.date | None:
    """A date given as metadata (a page's publication date, a WARC capture time), if it is a real day."""
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (BOM tolerated), or UTF-16 when a UTF-16 BOM says so; raise ValueError otherwise,
    and for text with NUL bytes (binary data)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not UTF-16 text despite its byte-order mark (byte {exc.start})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text:
        raise ValueError(NUL_MESSAGE)
    return text


def content_id(text: str) -> str:
    """A stable id from the text, for inputs that carry none."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def check_article(article: Article, today: dt.date | None = None) -> Article | IngestError:
    """Apply the per-document rules every reader shares; an article breaking one becomes its IngestError.

    Text with NUL bytes (binary data, or UTF-16 without a byte-order mark), over :data:`MAX_ARTICLE_CHARS`, with
    unpaired surrogates, or dated more than :data:`MAX_FUTURE_DAYS` after ``today`` is refused; other control
    characters are removed from the text and metadata.
    """
    where = _location(article)
    if "\x00" in article.text:
        return IngestError(**where, message=NUL_MESSAGE)
    if len(article.text) > MAX_ARTICLE_CHARS:
        return IngestError(
            **where, message=f"article too long ({len(article.text):,} characters > {MAX_ARTICLE_CHARS:,})"
        )
    limit = (today or dt.date.today()) + dt.timedelta(days=MAX_FUTURE_DAYS)
    if article.date > limit:
        return IngestError(**where, message=f"article date {article.date} is more than a year after today")
    fields = {"text": article.text, **{key: getattr(article, key) for key in METADATA}}
    cleaned: dict[str, str] = {}
    for key, value in fields.items():
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return IngestError(**where, message=f"the {key} is not valid Unicode (an unpaired surrogate)")
        stripped = CONTROL.sub("", value)
        if stripped != value:
            cleaned[key] = stripped
    if "text" in cleaned and not cleaned["text"].strip():
        return IngestError(**where, message="the article has no text once control characters are removed")
    if "id" in cleaned and not cleaned["id"]:
        cleaned["id"] = content_id(cleaned.get("text", article.text))
    return article.model_copy(update=cleaned) if cleaned else article


def _location(article: Article) -> dict:
    """``path`` / ``line`` / ``id`` of an IngestError about ``article``, from its ``file:line`` or ``file#item``."""
    where = article.path or article.id
    match = LOCATION.fullmatch(where)
    if match:
        return {"path": match.group(1), "line": int(match.group(2)), "id": article.id}
    return {"path": where, "id": article.id}
