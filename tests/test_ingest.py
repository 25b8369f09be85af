"""Ingest: dated text, plain text with --date, JSONL, folders; bad inputs become per-document errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import SEED
from dateline.ingest import read_paths
from dateline.ingest.text import parse_dated_text
from dateline.model import Article, IngestError


def test_seed_header_shares_first_line() -> None:
    articles = list(read_paths([SEED]))
    assert len(articles) == 1
    article = articles[0]
    assert isinstance(article, Article)
    assert article.date == dt.date(2024, 3, 20)
    assert not article.text.startswith("date")
    assert article.text.startswith("In a landmark")


@pytest.mark.parametrize(
    ("raw", "date", "text"),
    [
        ("date 2024-01-02\nHello world.", dt.date(2024, 1, 2), "Hello world."),
        ("  date 2024-01-02 Hello world.", dt.date(2024, 1, 2), "Hello world."),
        ("Date: 2024-01-02\r\n\r\nHello world.\n", dt.date(2024, 1, 2), "Hello world."),
    ],
)
def test_header_forms(raw: str, date: dt.date, text: str) -> None:
    assert parse_dated_text(raw) == (date, text)


def test_header_wins_over_option_and_option_dates_plain_text() -> None:
    assert parse_dated_text("date 2020-05-05\nText.", dt.date(2021, 1, 1))[0] == dt.date(2020, 5, 5)
    assert parse_dated_text("Dateline: nothing here.", dt.date(2021, 1, 1)) == (
        dt.date(2021, 1, 1),
        "Dateline: nothing here.",
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("No header at all.", "no article date"),
        ("date 2024-02-30\nText.", "impossible"),
        ("date 2024-01-02\n   \n", "no text"),
    ],
)
def test_bad_text_is_a_clear_error(raw: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    (result,) = read_paths([path])
    assert isinstance(result, IngestError)
    assert message in result.message
    assert result.path == str(path)


def test_plain_text_with_date_option(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("The council met on Monday.", encoding="utf-8")
    (article,) = read_paths([path], date=dt.date(2022, 7, 1))
    assert isinstance(article, Article)
    assert (article.id, article.date) == ("plain", dt.date(2022, 7, 1))


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"id": "a1", "date": "2024-01-01", "text": "One.", "title": "T", "url": "http://x", "source": "S"}),
        "{not json",
        json.dumps({"id": "a2", "text": "No date."}),
        "",
        json.dumps({"date": "2024-01-03T10:00:00Z", "text": "No id."}),
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = list(read_paths([path]))
    assert [type(r).__name__ for r in results] == ["Article", "IngestError", "IngestError", "Article", "IngestError"]
    first, bad_json, no_date, no_id, not_object = results
    assert (first.title, first.url, first.source) == ("T", "http://x", "S")
    assert bad_json.line == 2 and no_date.line == 3 and not_object.line == 6
    assert "missing 'date'" in no_date.message
    assert no_id.date == dt.date(2024, 1, 3) and len(no_id.id) == 16


def test_folders_are_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "b" / "c" / "z.txt").write_text("date 2024-01-01\nZ.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2024-01-02\nA.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("date 2024-01-02\nH.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    results = list(read_paths([tmp_path]))
    assert [r.id for r in results if isinstance(r, Article)] == ["a", "z"]
    assert any(isinstance(r, IngestError) and "unsupported" in r.message for r in results)


def test_non_utf8_and_missing_paths(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("date 2024-01-01\nCaf\xe9".encode("latin-1"))
    (latin,) = read_paths([path])
    assert isinstance(latin, IngestError) and "UTF-8" in latin.message
    (missing,) = read_paths([tmp_path / "nope.txt"])
    assert isinstance(missing, IngestError) and "no such file" in missing.message


def test_bundled_examples_all_ingest() -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    results = list(read_paths([examples]))
    assert len(results) >= 8
    assert all(isinstance(r, Article) for r in results), [r for r in results if isinstance(r, IngestError)]
