"""Ingest of HTML, RSS/Atom, WARC, Reuters SGML, stdin and sniffed files; every bad input is a per-document error."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import read_paths
from dateline.ingest.formats import read_stdin, sniff
from dateline.ingest.sgml import parse_reuters_date, read_sgml
from dateline.model import Article, IngestError

CORPUS = Path(__file__).parent / "data" / "corpus"
REUTERS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "reuters21578"

PAGE = """<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>
<p>{body}</p></article></body></html>"""
BODY = (
    "The regional water board said on Friday it would double the capacity of the eastern reservoir over the "
    "next four years, after two dry summers left several villages relying on tanker deliveries."
)


def page(title: str = "Reservoir to be enlarged", date: str | None = "2021-06-04", body: str = BODY) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return PAGE.format(title=title, meta=meta, body=body).encode("utf-8")


def warc(records: list[tuple[str, str, bytes]], gzipped: bool = False) -> bytes:
    """A WARC archive of HTTP responses (uri, content type, body), written with warcio."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for uri, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={}
        )
        record.rec_headers.replace_header("WARC-Date", "2021-06-05T12:00:00Z")
        writer.write_record(record)
    return buffer.getvalue()


def only(results: list, kind: type) -> list:
    return [r for r in results if isinstance(r, kind)]


# -- HTML ----------------------------------------------------------------------------------------------------------


def test_html_title_date_and_body() -> None:
    (article,) = read_paths([CORPUS / "harbour-fire.html"])
    assert isinstance(article, Article)
    assert article.id == "harbour-fire" and article.date == dt.date(2023, 11, 14)
    assert article.title == "Warehouse fire closes Port Elwin harbour"
    assert article.source == "The Coastal Courier" and article.url == "https://courier.example/news/harbour-fire"
    assert "grain warehouse" in article.text and "inquiry" in article.text
    assert "Subscribe" not in article.text and "All rights reserved" not in article.text  # boilerplate removed


def test_html_without_date_needs_the_option_and_metadata_wins_over_it() -> None:
    (missing,) = read_paths([CORPUS / "undated-note.html"])
    assert isinstance(missing, IngestError) and "--date" in missing.message
    (dated,) = read_paths([CORPUS / "undated-note.html"], date=dt.date(2020, 1, 2))
    assert isinstance(dated, Article) and dated.date == dt.date(2020, 1, 2)
    (own,) = read_paths([CORPUS / "harbour-fire.html"], date=dt.date(2020, 1, 2))
    assert own.date == dt.date(2023, 11, 14)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"<html><head><title>t</title></head><body></body></html>", "no article body"),
        (b"<html><body><p>caf\xe9</p></body></html>", "UTF-8"),
        (b"<div>" * 5000 + b"deep" + b"</div>" * 5000, ""),
    ],
    ids=["empty", "whitespace", "no-body", "latin1", "deeply-nested"],
)
def test_bad_html_is_an_error_not_an_exception(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    (result,) = read_paths([path], date=dt.date(2020, 1, 1))
    assert isinstance(result, IngestError) and message in result.message and result.path == str(path)


def test_empty_body_page_in_corpus() -> None:
    (result,) = read_paths([CORPUS / "empty-body.html"])
    assert isinstance(result, IngestError) and "no article body" in result.message


# -- feeds -------------------------------------------------------------------------------------------------------


def test_rss_items_are_articles_dated_by_the_item() -> None:
    results = list(read_paths([CORPUS / "regional.rss"]))
    bridge, water, undated, textless = results
    assert isinstance(bridge, Article) and bridge.id == "herald-1001" and bridge.date == dt.date(2023, 9, 6)
    assert bridge.text.startswith("The old stone bridge") and "& new supports" in bridge.text  # content wins
    assert bridge.source == "Valley Herald – Regional" and bridge.url == "https://herald.example/bridge-reopens"
    assert isinstance(water, Article) and water.date == dt.date(2023, 9, 7) and "<p>" not in water.text
    assert water.id == "https://herald.example/water-rights"  # no guid: the link
    assert isinstance(undated, IngestError) and undated.line == 3 and "no date" in undated.message
    assert isinstance(textless, IngestError) and textless.id == "herald-1004" and "no text" in textless.message


def test_rss_date_option_dates_only_undated_items() -> None:
    results = list(read_paths([CORPUS / "regional.rss"], date=dt.date(2023, 9, 9)))
    assert [r.date for r in only(results, Article)] == [dt.date(2023, 9, 6), dt.date(2023, 9, 7), dt.date(2023, 9, 9)]


def test_atom_entries() -> None:
    meteors, grant = read_paths([CORPUS / "science.atom"])
    assert meteors.date == dt.date(2022, 2, 1)  # published, not updated
    assert meteors.url == "https://labnotes.example/meteors" and meteors.title.startswith("Observatory")
    assert grant.date == dt.date(2022, 2, 3) and grant.text.startswith("A three-year grant")
    assert grant.url is None  # an urn is not a link


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.rss", (CORPUS / "empty.rss").read_bytes(), "no items"),
        ("blank.rss", b"", "empty"),
        ("junk.rss", b"\x00\x01\x02 not xml at all", "not an RSS or Atom feed"),
        ("cut.atom", (CORPUS / "science.atom").read_bytes()[:200], ""),
    ],
)
def test_bad_feeds(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    results = list(read_paths([path]))
    assert results and all(isinstance(r, IngestError) for r in results)
    assert message in results[0].message


# -- WARC --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_html_responses_become_articles(tmp_path: Path, gzipped: bool) -> None:
    data = warc(
        [
            ("https://water.example/reservoir", "text/html; charset=utf-8", page()),
            ("https://water.example/logo.png", "image/png", b"\x89PNG\r\n"),
            ("https://water.example/undated", "text/html", page(title="Undated story", date=None)),
            ("https://water.example/empty", "text/html", b"<html><body></body></html>"),
        ],
        gzipped,
    )
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(data)
    dated, undated, empty = read_paths([path])
    assert isinstance(dated, Article) and dated.date == dt.date(2021, 6, 4)  # the page's own date
    assert dated.url == "https://water.example/reservoir" and "eastern reservoir" in dated.text
    assert isinstance(undated, Article) and undated.date == dt.date(2021, 6, 5)  # the capture date
    assert isinstance(empty, IngestError) and "https://water.example/empty" in empty.message


def test_truncated_and_empty_warc(tmp_path: Path) -> None:
    data = warc([(f"https://x.example/{i}", "text/html", page(title=f"Story {i}")) for i in range(3)])
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - 300])
    results = list(read_paths([cut]))
    assert len(only(results, Article)) == 2 and isinstance(results[-1], IngestError)
    gz = tmp_path / "cut.warc.gz"
    gz.write_bytes(warc([("https://x.example/1", "text/html", page())], gzipped=True)[:-40])
    assert isinstance(list(read_paths([gz]))[-1], IngestError)
    none = tmp_path / "images.warc"
    none.write_bytes(warc([("https://x.example/a.png", "image/png", b"\x89PNG")]))
    (error,) = read_paths([none])
    assert isinstance(error, IngestError) and "no HTML" in error.message
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not an archive\n" * 10)
    (error,) = read_paths([junk])
    assert isinstance(error, IngestError) and "not a WARC" in error.message


# -- SGML --------------------------------------------------------------------------------------------------------


def test_reuters_sgml_quirks() -> None:
    results = list(read_sgml(CORPUS / "wire.sgm"))
    silo, brief, bad_date, cut = results
    assert isinstance(silo, Article) and (silo.id, silo.date) == ("501", dt.date(1987, 3, 4))
    assert silo.title == "GRAIN SILO PLANNED FOR NORTHPORT" and silo.source == "Reuters"
    assert silo.text.startswith("NORTHPORT, March 4 - A farmers' cooperative said it would build a grain silo")
    assert "port & the regional council." in silo.text and not silo.text.endswith("Reuter")
    assert "\x03" not in silo.text and "\n" in silo.text  # control marks gone, paragraphs kept
    assert isinstance(brief, Article) and brief.text.startswith("STEEL OUTPUT ROSE") and "*" not in brief.text
    assert isinstance(bad_date, IngestError) and bad_date.id == "503" and "FOO" in bad_date.message
    assert isinstance(cut, IngestError) and "unterminated" in cut.message and cut.line == 33


@pytest.mark.parametrize(
    ("raw", "day"),
    [("26-FEB-1987 15:01:01.79", dt.date(1987, 2, 26)), ("  3-MAR-1987  09:15:05.40", dt.date(1987, 3, 3))],
)
def test_reuters_dates(raw: str, day: dt.date) -> None:
    assert parse_reuters_date(raw) == day


def test_sgml_without_elements_and_with_stray_bytes(tmp_path: Path) -> None:
    empty = tmp_path / "none.sgm"
    empty.write_bytes(b"<!DOCTYPE lewis>\n")
    (error,) = read_paths([empty])
    assert isinstance(error, IngestError) and "no <REUTERS>" in error.message
    latin = tmp_path / "latin.sgm"
    latin.write_bytes(
        b'<REUTERS NEWID="9"><DATE>1-APR-1987</DATE><TEXT><BODY>Caf\xe9 prices rose.</BODY></TEXT></REUTERS>'
    )
    (article,) = read_paths([latin])
    assert isinstance(article, Article) and article.text == "Café prices rose."


@pytest.mark.skipif(not (REUTERS / "reut2-000.sgm").exists(), reason="../shared Reuters-21578 files not present")
def test_reuters_21578_smoke() -> None:
    results = list(read_sgml(REUTERS / "reut2-000.sgm"))
    articles = only(results, Article)
    assert len(results) == 1000 and len(articles) >= 990
    assert articles[0].id == "1" and articles[0].date == dt.date(1987, 2, 26) and articles[0].title
    assert all(a.text and "&#" not in a.text and "\x03" not in a.text for a in articles)
    assert len({a.id for a in articles}) == len(articles)


# -- stdin and sniffing ------------------------------------------------------------------------------------------


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"date 2024-01-02\nA plain dated text.", ["2024-01-02"]),
        (
            (json.dumps({"id": "x", "date": "2024-02-03", "text": "One."}) + "\n{bad\n").encode(),
            ["2024-02-03", "error"],
        ),
        (page(), ["2021-06-04"]),
        ((CORPUS / "regional.rss").read_bytes(), ["2023-09-06", "2023-09-07", "error", "error"]),
        ((CORPUS / "wire.sgm").read_bytes(), ["1987-03-04", "1987-03-04", "error", "error"]),
        (warc([("https://x.example/", "text/html", page())]), ["2021-06-04"]),
        (warc([("https://x.example/", "text/html", page())], gzipped=True), ["2021-06-04"]),
        (b"", ["error"]),
        (b"\x00\x01\xff\xfe binary", ["error"]),
    ],
    ids=["text", "jsonl", "html", "rss", "sgml", "warc", "warc-gz", "empty", "binary"],
)
def test_stdin_reads_any_format(monkeypatch: pytest.MonkeyPatch, data: bytes, expected: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    results = list(read_paths([Path("-")]))
    assert [r.date.isoformat() if isinstance(r, Article) else "error" for r in results] == expected
    assert all(r.path.startswith("-") for r in results if r.path)


def test_stdin_text_uses_date_option() -> None:
    (article,) = read_stdin(dt.date(2022, 5, 6), io.BytesIO(b"A text without a header."))
    assert article.date == dt.date(2022, 5, 6) and len(article.id) == 16


def test_unknown_suffixes_are_sniffed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes((CORPUS / "science.atom").read_bytes())
    archive = tmp_path / "crawl.gz"
    archive.write_bytes(warc([("https://x.example/", "text/html", page())], gzipped=True))
    notes = tmp_path / "notes.csv"
    notes.write_text("a,b\n1,2\n", encoding="utf-8")
    results = list(read_paths([feed, archive, notes]))
    assert [type(r).__name__ for r in results] == ["Article", "Article", "Article", "IngestError"]
    assert "unsupported" in results[-1].message


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"WARC/1.1\r\n", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), "warc"),
        (gzip.compress(b"just text"), None),
        (b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS NEWID="1">', "sgml"),
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<!DOCTYPE html><html>", "html"),
        (b'{"id": 1}', "jsonl"),
        (b"date 2024-01-01\nText", "text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", None),
        ("caf\u00e9 ".encode() * 10 + "é".encode()[:1], "text"),  # a character cut at the sample's end
    ],
)
def test_sniff(head: bytes, fmt: str | None) -> None:
    assert sniff(head) == fmt
