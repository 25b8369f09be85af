"""Property-based tests (hypothesis) for every parser: on any input each returns a valid result or raises its one
documented error (ValueError), or yields IngestErrors; never another exception.

Example counts are modest (300 fast, 100 slow) so that the file runs in well under 30 seconds.
"""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest.common import MAX_ARTICLE_CHARS, check_article, decode, parse_date
from dateline.ingest.feeds import parse_feed
from dateline.ingest.formats import read_bytes, sniff
from dateline.ingest.html import html_article
from dateline.ingest.jsonl import parse_record
from dateline.ingest.markup import html_to_text
from dateline.ingest.sgml import parse_reuters_date, parse_sgml
from dateline.ingest.text import parse_dated_text
from dateline.model import Article, IngestError, Timex
from dateline.places.gazetteer import get_gazetteer
from dateline.time import find_timexes
from dateline.time.calendar import is_valid_value

FAST = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

DAY = dt.date(2024, 5, 1)
TEMPORAL = (
    "Monday last week yesterday 2023 1999-12-31 March 5 next year the quarter Q3 ago two days since until "
    "spring noon tonight Tuesday's 15 th of June fiscal early late mid decade 31/02 morning 00:00 BC"
)
WORDS = st.sampled_from(TEMPORAL.split())
#: Text that mixes temporal words, digits, punctuation and arbitrary Unicode.
MIXED_TEXT = st.lists(st.one_of(WORDS, st.text(max_size=12), st.integers(-99999, 99999).map(str)), max_size=30).map(
    " ".join
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON,
        "date": st.one_of(JSON, st.dates().map(str), st.text(alphabet="0123456789-T: ", max_size=25)),
        "text": st.one_of(JSON, MIXED_TEXT),
        "title": JSON,
        "url": JSON,
        "source": JSON,
    },
)


def valid_items(items: list) -> None:
    """Every item a reader yields is an Article with text and a date, or an IngestError with a message."""
    for item in items:
        assert isinstance(item, Article | IngestError)
        if isinstance(item, Article):
            assert item.text.strip() and isinstance(item.date, dt.date)
        else:
            assert item.message and item.path


@FAST
@given(st.one_of(st.text(max_size=40), st.integers(), st.none(), st.dates(), st.floats(), JSON))
def test_parse_date(value: object) -> None:
    try:
        assert isinstance(parse_date(value), dt.date)
    except ValueError as exc:
        assert str(exc)


@FAST
@given(
    st.one_of(
        MIXED_TEXT,
        st.tuples(
            st.sampled_from(["date ", "Date: ", "DATE=", "date\t", "dated "]), st.text(max_size=14), MIXED_TEXT
        ).map("".join),
    ),
    st.none() | st.dates(),
)
def test_date_header(raw: str, date: dt.date | None) -> None:
    try:
        article_date, text = parse_dated_text(raw, date)
    except ValueError as exc:
        assert str(exc)
        return
    assert isinstance(article_date, dt.date)
    assert text.strip() and text in raw


@FAST
@given(st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_decode(data: bytes) -> None:
    try:
        text = decode(data)
    except ValueError as exc:
        assert str(exc)
        return
    assert "\x00" not in text


@FAST
@given(st.one_of(RECORDS, JSON))
def test_jsonl_record(record: object) -> None:
    try:
        article = parse_record(record)
    except ValueError as exc:
        assert str(exc)
        return
    assert article.text.strip() and article.id


@FAST
@given(st.lists(st.one_of(RECORDS.map(json.dumps), st.text(max_size=40)), max_size=6))
def test_jsonl_lines(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    valid_items(list(read_bytes(data, "lines.jsonl", fmt="jsonl")))


MARKUP = st.lists(
    st.one_of(
        st.sampled_from(
            ["<p>", "</p>", "<div>", "</div>", "<body>", "</body>", "<html>", "<script>", "</script>", "<br/>", "<!--"]
        ),
        st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&bogus;", "<meta name='date' content='2024-02-30'>"]),
        MIXED_TEXT,
    ),
    max_size=25,
).map("".join)


@SLOW
@given(MARKUP, st.none() | st.just(DAY))
def test_html_article(markup: str, date: dt.date | None) -> None:
    try:
        article = html_article(markup, id="page", path="page.html", date=date)
    except ValueError as exc:
        assert str(exc)
        return
    assert article.text.strip() and article.date is not None


@FAST
@given(MARKUP)
def test_html_to_text(markup: str) -> None:
    text = html_to_text(markup)
    assert isinstance(text, str) and text == text.strip()


SGML = st.lists(
    st.one_of(
        st.sampled_from(
            ['<REUTERS NEWID="1">', "</REUTERS>", "<DATE>", "</DATE>", "<BODY>", "</BODY>", "<TITLE>", "</TITLE>"]
        ),
        st.sampled_from(["26-FEB-1987 15:01", "31-FEB-1987", "1-XYZ-87", "&#3;", "Reuter\n"]),
        MIXED_TEXT,
    ),
    max_size=25,
).map("".join)


@FAST
@given(SGML)
def test_sgml(content: str) -> None:
    valid_items(list(parse_sgml(content, "wire.sgm")))


@FAST
@given(st.text(max_size=30) | st.sampled_from(["29-FEB-1987", "29-FEB-1900", "01-JAN-0000", "9-Sep-99"]))
def test_reuters_date(value: str) -> None:
    try:
        assert isinstance(parse_reuters_date(value), dt.date)
    except ValueError as exc:
        assert str(exc)


@SLOW
@given(st.binary(max_size=400) | MARKUP.map(str.encode) | SGML.map(str.encode) | MIXED_TEXT.map(str.encode))
def test_any_bytes_through_the_sniffing_reader(data: bytes) -> None:
    assert sniff(data) in (None, "warc", "sgml", "feed", "html", "jsonl", "text")
    valid_items(list(read_bytes(data, "input", DAY)))


@SLOW
@given(st.binary(max_size=300) | MARKUP.map(lambda m: f"<rss><channel><item>{m}</item></channel></rss>".encode()))
def test_feed(data: bytes) -> None:
    valid_items(list(parse_feed(data, "feed.rss", DAY)))


@FAST
@given(MIXED_TEXT, st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_timex_normaliser(text: str, dct: dt.date) -> None:
    timexes = find_timexes(text, dct)
    assert all(isinstance(t, Timex) for t in timexes)
    for timex in timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.value is None or is_valid_value(timex.value), timex


PLACE_NAMES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["Paris", "São Paulo", "N'Djamena", "Kyiv", "  ", "Saint-Étienne", "東京", "Ürümqi", "x" * 500]),
)


@FAST
@given(PLACE_NAMES)
def test_gazetteer_query(name: str) -> None:
    gazetteer = get_gazetteer()
    size = len(gazetteer.gid)
    for entry, kind in gazetteer.lookup(name):
        assert 0 <= entry < size and isinstance(kind, int)
    for entry, score in gazetteer.fuzzy(name):
        assert 0 <= entry < size and 0.0 <= score <= 1.0


@FAST
@given(
    st.builds(
        Article,
        id=st.text(min_size=1, max_size=20),
        date=st.dates(),
        text=st.text(min_size=1, max_size=200),
        title=st.none() | st.text(max_size=20),
    )
)
def test_check_article(article: Article) -> None:
    checked = check_article(article, today=DAY)
    if isinstance(checked, IngestError):
        assert checked.message
        return
    assert "\x00" not in checked.text and len(checked.text) <= MAX_ARTICLE_CHARS
    checked.text.encode("utf-8")
    assert checked.date <= DAY + dt.timedelta(days=366)
