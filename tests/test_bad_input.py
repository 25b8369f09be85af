"""Bad input: one folder holding every kind of broken or odd document plus one good article, run through the real
``dateline run`` command. Each document must give a clean result or a per-document error recorded in the store's
``errors`` table with its path (and line), the batch must go on, and the command must exit non-zero with a summary.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from backends import BACKENDS, opened_store
from dateline.engine.runner import run_corpus
from dateline.ingest import read_paths
from dateline.ingest.common import MAX_ARTICLE_CHARS, check_article
from dateline.model import Article, IngestError
from dateline.store import Store

GOOD = (
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday. The two leaders "
    "agreed to reopen a border crossing and to share more water from a dam on the Omo river."
)
PLAIN = "Officials in Lisbon said on Tuesday that the harbour would reopen after repairs to the sea wall."
FUTURE = (dt.date.today() + dt.timedelta(days=3 * 365)).isoformat()


def dated(text: str, day: str = "2024-05-01") -> str:
    return f"date {day}\n{text}\n"


def _warc(html: bytes, target: str = "https://news.example.org/a") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    record = writer.create_warc_record(target, "response", payload=io.BytesIO(html), http_headers=headers)
    writer.write_record(record)
    return buffer.getvalue()


HTML_PAGE = (
    "<html><head><title>Harbour</title><meta name='date' content='2024-05-02'></head><body><article>"
    + "".join(f"<p>{PLAIN} Paragraph {n} adds more on the repairs and the cost of the work.</p>" for n in range(6))
    + "</article></body></html>"
).encode()

JSONL_LINES = [
    '{"id": "broken", "date": "2024-05-01", "text": ',  # 1 malformed JSON
    "[1, 2, 3]",  # 2 not an object
    '{"id": 7, "date": 20240501, "text": "A number for a date."}',  # 3 wrong type for date
    '{"id": "list-text", "date": "2024-05-01", "text": ["not", "a", "string"]}',  # 4 wrong type for text
    '{"id": "no-text", "date": "2024-05-01"}',  # 5 missing text
    json.dumps({"id": "jsonl-good", "date": "2024-05-03", "title": "Sea\u0000wall", "text": PLAIN}),  # 6 good
    "[" * 100_000 + "]" * 100_000,  # 7 nested too deeply for the JSON decoder
    '{"id": "surrogate", "date": "2024-05-01", "text": "Broken \\ud800 pair."}',  # 8 unpaired surrogate
    '{"id": "no-date", "text": "Undated."}',  # 9 missing date
    "",  # 10 blank (skipped)
    '{"id": "bad-day", "date": "2024-13-45", "text": "Impossible."}',  # 11 impossible date
]

#: file name → (content, expected): "ok" (an article stored under the file's stem), "error" (one error naming
#: the file) or a set of JSONL / feed line numbers that must each be an error.
Kind = tuple[bytes, str | set[int]]


def bad_files() -> dict[str, Kind]:
    """Every kind of input the suite writes: 34 bad or odd files plus the good article."""
    rng = random.Random(9)
    utf16 = dated(PLAIN)
    return {
        "good.txt": (dated(GOOD, "2024-05-06").encode(), "ok"),
        "empty.txt": (b"", "error"),
        "whitespace.txt": (b"  \n\t \r\n  ", "error"),
        "binary.bin": (bytes(rng.randrange(256) for _ in range(4096)), "error"),
        "nul.txt": (dated("Harbour\x00repairs go on.").encode(), "error"),
        "utf16_bom.txt": (utf16.encode("utf-16"), "ok"),
        "utf16_no_bom.txt": (utf16.encode("utf-16-le"), "error"),
        "latin1.txt": (dated("Caf\xe9 owners in S\xe3o Paulo protested on Monday.").encode("latin-1"), "error"),
        "invalid_utf8.txt": (b"date 2024-05-01\nBroken \xc3\x28 byte and \xa0\xa1 more.\n", "error"),
        "huge.txt": (dated("Word " * 1_000_000).encode(), "error"),  # 5 MB
        "long_line.txt": (dated((PLAIN.rstrip(".") + " and ") * 300 + "that was all.").encode(), "ok"),
        "no_date.txt": (PLAIN.encode(), "error"),
        "impossible_date.txt": (dated(PLAIN, "2024-02-30").encode(), "error"),
        "future_date.txt": (dated(PLAIN, FUTURE).encode(), "error"),
        "header_only.txt": (b"date 2024-05-01\n\n", "error"),
        "control_chars.txt": (dated("Harbour\x07 repairs\x1b[31m go on\x0b in Lisbon.").encode(), "ok"),
        "right_to_left.txt": (
            dated("قال مسؤولون في عمان يوم الاثنين إن الميناء سيفتح. הנמל ייפתח מחר.").encode(),
            "ok",
        ),
        "emoji.txt": (dated("🚢⚓️🌊 The harbour 🏗️ reopens 🎉 on Friday 👍🏽.").encode(), "ok"),
        "only_numbers.txt": (dated(" ".join(str(n * 37 % 1000) for n in range(400))).encode(), "ok"),
        "crlf_bidi.txt": (dated(PLAIN + "\u200f\u202e\u200b").replace("\n", "\r\n").encode(), "ok"),
        "mixed.jsonl": ("\n".join(JSONL_LINES).encode(), {1, 2, 3, 4, 5, 7, 8, 9, 11}),
        "empty.jsonl": (b"\n\n", "error"),
        "no_body.html": (b"<html><head><title>Only a title</title></head></html>", "error"),
        "script_only.html": (b"<html><body><script>var x = 1;</script><style>p{}</style></body></html>", "error"),
        "empty.html": (b"", "error"),
        "nested.html": (("<div>" * 5000 + PLAIN + "</div>" * 5000).encode(), "error"),
        "truncated.warc": (_warc(HTML_PAGE)[:700], "error"),
        "not_really.warc": (b"This is not an archive at all.\n" * 20, "error"),
        "no_items.rss": (
            b"<?xml version='1.0'?><rss version='2.0'><channel><title>Empty</title></channel></rss>",
            "error",
        ),
        "broken.rss": (b"<rss version='2.0'><channel><item><title>Half", "error"),
        "undated_item.atom": (
            b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>F</title>"
            b"<entry><id>u1</id><title>No date</title><summary>The harbour reopened.</summary></entry></feed>",
            {1},
        ),
        "no_reuters.sgm": (b"<DOC><TEXT>Nothing here.</TEXT></DOC>", "error"),
        "bad_reuters.sgm": (
            b'<REUTERS NEWID="1"><DATE>31-FOO-1987</DATE><BODY>Bad month.</BODY></REUTERS>\n'
            b'<REUTERS NEWID="2"><DATE>30-FEB-1987</DATE><BODY>Bad day.</BODY></REUTERS>\n'
            b'<REUTERS NEWID="3"><DATE>2-MAR-1987</DATE><BODY>Never closed.',
            {1, 2, 3},
        ),
        "archive.gz": (gzip.compress(dated(PLAIN).encode()), "error"),
        "unknown.xml": (b"<?xml version='1.0'?><catalog><book>Not news</book></catalog>", "error"),
    }


def _errors_by_file(errors: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for error in errors:
        found.setdefault(Path(error["path"].split("#")[0].split(":")[0]).name, []).append(error)
    return found


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Store, Path]:
    """Write every kind into one folder (plus a directory symlink loop) and run ``dateline run`` over it."""
    root = tmp_path_factory.mktemp("bad")
    folder = root / "corpus"
    (folder / "sub").mkdir(parents=True)
    for name, (content, _) in bad_files().items():
        (folder / name).write_bytes(content)
    os.symlink(folder, folder / "sub" / "loop")  # a directory loop: corpus/sub/loop → corpus
    os.symlink("self.txt", folder / "self.txt")  # a symlink to itself
    db = root / "bad.db"
    command = [sys.executable, "-m", "dateline.cli", "run", str(folder), "--db", str(db), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    return result, Store(db), folder


def test_at_least_thirty_kinds() -> None:
    assert len(bad_files()) - 1 >= 30


def test_run_goes_on_and_exits_non_zero_with_a_summary(bad_run) -> None:
    result, store, _ = bad_run
    assert result.returncode == 1, result.stderr[-3000:]
    assert "failed" in result.stdout
    assert "document(s) failed" in result.stderr
    assert "Traceback" not in result.stderr
    assert store.analysis("good") is not None
    assert store.analysis("good").events, "the good article keeps its analysis"


@pytest.mark.parametrize("name", sorted(bad_files()))
def test_each_kind_is_a_clean_result_or_a_recorded_error(bad_run, name: str) -> None:
    _, store, folder = bad_run
    _, expected = bad_files()[name]
    errors = _errors_by_file(store.errors()).get(name, [])
    stem = name.split(".")[0]
    if expected == "ok":
        assert not errors, errors
        stored = store.analysis(stem)
        assert stored is not None and stored.text.strip()
        assert "\x00" not in stored.text and "\x07" not in stored.text
    elif expected == "error":
        assert errors, f"no error recorded for {name}"
        assert all(e["message"] for e in errors)
        assert store.analysis(stem) is None
    else:
        assert {e["line"] for e in errors} == expected, errors
        assert all(str(folder / name) == e["path"] for e in errors)


def test_errors_name_their_reason(bad_run) -> None:
    _, store, _ = bad_run
    found = {name: " ".join(e["message"] for e in errors) for name, errors in _errors_by_file(store.errors()).items()}
    assert "too long" in found["huge.txt"]
    assert "more than a year after today" in found["future_date.txt"]
    assert "impossible" in found["impossible_date.txt"]
    assert "NUL" in found["nul.txt"] and "NUL" in found["utf16_no_bom.txt"]
    assert "not UTF-8" in found["latin1.txt"]
    assert "no article date" in found["no_date.txt"]
    assert "surrogate" in found["mixed.jsonl"]
    assert "no items" in found["no_items.rss"]
    assert "empty document" in found["empty.txt"] and "empty document" in found["whitespace.txt"]
    assert "invalid JSON" in found["mixed.jsonl"] and "nested too deeply" in found["mixed.jsonl"]
    assert "truncated" in found["truncated.warc"]
    assert "WARC" in found["not_really.warc"]


def test_the_good_jsonl_line_survives_its_bad_neighbours(bad_run) -> None:
    _, store, _ = bad_run
    stored = store.analysis("jsonl-good")
    assert stored is not None and stored.title == "Seawall"


def test_rerun_skips_what_is_stored_and_records_the_errors_again(bad_run) -> None:
    _, store, folder = bad_run
    before = store.counts()
    command = [sys.executable, "-m", "dateline.cli", "run", str(folder), "--db", store.url.removeprefix("sqlite:///")]
    again = subprocess.run([*command, "--quiet"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 1
    after = store.counts()
    assert after["articles"] == before["articles"] and after["events"] == before["events"]
    assert after["errors"] == 2 * before["errors"]


def test_check_article_rules() -> None:
    base = Article(id="a", date=dt.date(2024, 5, 1), text=PLAIN)
    assert check_article(base) is base
    assert isinstance(check_article(base.model_copy(update={"text": "x" * (MAX_ARTICLE_CHARS + 1)})), IngestError)
    near_future = base.model_copy(update={"date": dt.date(2024, 12, 1)})
    assert check_article(near_future, today=dt.date(2024, 6, 1)) is near_future
    far = check_article(base.model_copy(update={"date": dt.date(2026, 1, 1)}), today=dt.date(2024, 6, 1))
    assert isinstance(far, IngestError) and "after today" in far.message
    cleaned = check_article(base.model_copy(update={"text": "a\x07b\x1bc", "title": "t\x00i"}))
    assert isinstance(cleaned, Article) and cleaned.text == "abc" and cleaned.title == "ti"
    assert isinstance(check_article(base.model_copy(update={"text": "\x07\x08"})), IngestError)


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_article_the_database_refuses_fails_alone(backend: str, tmp_path: Path) -> None:
    """Articles that skipped the ingest checks (library use) with a NUL in the text: SQLite stores it, PostgreSQL
    refuses it, and then only that article becomes an error while the rest of its batch is stored."""
    good = Article(id="kept", date=dt.date(2024, 5, 1), text=PLAIN)
    nul = Article(id="nul", date=dt.date(2024, 5, 1), text="The harbour \x00 reopened in Lisbon.")
    with opened_store(backend, tmp_path) as store:
        summary = run_corpus([good, nul], store, batch_size=10)
        if backend == "sqlite":
            assert (summary.stored, summary.failed) == (2, 0)
            return
        assert (summary.stored, summary.failed) == (1, 1)
        assert store.article_ids() == ["kept"]
        [error] = store.errors()
        assert error["doc_id"] == "nul" and error["message"].startswith("not stored:")


def test_a_fifo_named_on_the_command_line_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [item] = list(read_paths([fifo]))
    assert isinstance(item, IngestError) and item.message == "not a regular file"
    assert list(read_paths([tmp_path])) == []  # inside a folder only regular files are read
