"""End to end through the installed ``dateline`` command: extract, run (twice), events, errors."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.timeml import interval

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DATELINE = Path(sys.executable).with_name("dateline")


def dateline(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(DATELINE), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=600, check=False
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples plus one article without a date."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(EXAMPLES, folder / "examples")
    (folder / "examples" / "zz-undated.txt").write_text("A story that never says when it happened.", "utf-8")
    return folder / "examples"


def test_extract_jsonl_in_input_order(corpus: Path) -> None:
    good = sorted(p for p in EXAMPLES.glob("*.txt"))[:2]
    result = dateline("extract", *good, EXAMPLES / "wire-2024-03.jsonl", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    expected = [p.stem for p in good] + ["wire-2024-03-11-seoul-drill", "wire-2024-03-28-moldova-visit"]
    assert [d["id"] for d in docs] == expected
    assert all(d["schema_version"] == "1.0" and d["events"] for d in docs)


def test_run_twice_replaces_and_reports_errors(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    first = dateline("run", corpus, "--db", db, "--quiet")
    assert first.returncode == 1  # the undated article failed
    assert "zz-undated.txt" in first.stderr and "no article date" in first.stderr
    counts = _counts(db)
    assert counts["articles"] == 9 and counts["events"] > 9
    second = dateline("run", corpus, "--db", db, "--quiet")
    assert second.returncode == 1
    again = _counts(db)
    assert {k: v for k, v in again.items() if k != "errors"} == {k: v for k, v in counts.items() if k != "errors"}
    assert again["errors"] == 2  # one per run, each recorded

    listed = dateline("events", "--db", db, "--json", "--type", "CONSULT")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows and {row["type"] for row in rows} == {"CONSULT"}
    macron = dateline("events", "--db", db, "--json", "--actor", "macron")
    assert any(
        "Macron" in (r["source_name"] or "") + (r["target_name"] or "")
        for r in map(json.loads, macron.stdout.splitlines())
    )
    # --since bounds the event's own date by default, the article's with --dates article.
    everything = [json.loads(line) for line in dateline("events", "--db", db, "--json").stdout.splitlines()]
    newest = max(row["article_date"] for row in everything)
    by_article = dateline("events", "--db", db, "--json", "--since", newest, "--dates", "article").stdout
    assert {json.loads(line)["article_date"] for line in by_article.splitlines()} == {newest}
    since = dt.date.fromisoformat(newest)
    by_event = dateline("events", "--db", db, "--json", "--since", newest).stdout.splitlines()
    article_day = dt.date.fromisoformat
    expected = [row for row in everything if (interval(row["date"]) or [article_day(row["article_date"])])[-1] >= since]
    assert by_event and [json.loads(line) for line in by_event] == expected


def test_plain_text_needs_a_date(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Protesters marched in Paris on Monday against the pension reform.", "utf-8")
    assert dateline("extract", path).returncode == 1
    result = dateline("extract", path, "--date", "2023-03-08", "--format", "json")
    assert result.returncode == 0, result.stderr
    (doc,) = json.loads(result.stdout)
    assert doc["date"] == "2023-03-08"
    assert any(t["value"] == "2023-03-06" for t in doc["times"])


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        tables = ["articles", "actors", "places", "times", "events", "flags", "errors"]
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
