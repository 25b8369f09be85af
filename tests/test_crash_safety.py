"""Crash safety: ``dateline run`` killed with SIGKILL part-way through, then run again, leaves exactly the store an
uninterrupted run leaves: every article's full analysis equal, no article or event lost or duplicated. Tested for
real with a subprocess, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from backends import BACKENDS, PG_URL, reset_postgres
from dateline.ingest import read_paths
from dateline.model import Article
from dateline.store import Store
from dateline.store import tables as t
from dateline.store.db import database_url
from dateline.store.dialects import engine_url

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = 40
BATCH = 3
#: Seed of the kill points; set DATELINE_CRASH_SEED to replay a failing run.
SEED = int(os.environ.get("DATELINE_CRASH_SEED", str(time.time_ns() % 100_000)))


def write_corpus(folder: Path, count: int = ARTICLES) -> Path:
    """``count`` dated text files made from the bundled examples, each with its own id and date."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [(a.id, a.date, a.text) for a in read_paths([EXAMPLES]) if isinstance(a, Article)]
    for n in range(count):
        stem, day, text = sources[n % len(sources)]
        shifted = day + dt.timedelta(days=7 * (n // len(sources)))
        (folder / f"{n:02d}-{stem}.txt").write_text(f"date {shifted.isoformat()}\n{text}\n", "utf-8")
    return folder


def dateline_run(corpus: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "dateline.cli", "run", str(corpus), "--db", db, "--quiet", "--batch-size", str(BATCH)]


def stored_articles(db: str) -> int:
    """Articles committed so far, read through a separate connection as another process would."""
    engine = create_engine(engine_url(database_url(db)))
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(t.articles)) or 0
    except SQLAlchemyError:  # the tables may not exist yet while the run starts
        return 0
    finally:
        engine.dispose()


def content(db: str) -> tuple[dict, dict]:
    """Every article's analysis and the row count of every table but ``errors``."""
    store = Store(db)
    try:
        analyses = {article_id: store.analysis(article_id) for article_id in store.article_ids()}
        counts = {name: n for name, n in store.counts().items() if name != "errors"}
        with store.engine.connect() as conn:
            for table in t.FUSION_TABLES:
                counts[table.name] = conn.scalar(select(func.count()).select_from(table))
        return analyses, counts
    finally:
        store.engine.dispose()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("crash") / "corpus")


@pytest.fixture(scope="module")
def reference_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store filled by one uninterrupted run."""
    db = str(tmp_path_factory.mktemp("reference") / "reference.db")
    done = subprocess.run(dateline_run(corpus, db), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return db


@pytest.fixture(scope="module")
def reference(reference_db: str) -> tuple[dict, dict]:
    return content(reference_db)


@pytest.mark.parametrize("backend", BACKENDS)
def test_kill_and_resume_equals_uninterrupted(backend: str, corpus: Path, reference, tmp_path: Path) -> None:
    if backend == "postgresql":
        assert PG_URL is not None
        reset_postgres(PG_URL)
        db = PG_URL
    else:
        db = str(tmp_path / "killed.db")
    rng = random.Random(f"{SEED}-{backend}")
    kill_after = rng.randint(BATCH, ARTICLES - 2 * BATCH)
    process = subprocess.Popen(dateline_run(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240
        while stored_articles(db) < kill_after and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.random() * 0.05)  # land anywhere: between batches, inside one, during analysis or fusion
        assert process.poll() is None, f"the run ended before the kill (seed {SEED})"
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    interrupted = stored_articles(db)
    assert 0 < interrupted <= ARTICLES, f"kill after {kill_after} stored, seed {SEED}"  # all stored: killed in fusion

    resumed = subprocess.run(dateline_run(corpus, db), capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert f"{interrupted} unchanged (skipped)" in resumed.stdout.replace("\n", " ")

    analyses, counts = content(db)
    expected_analyses, expected_counts = reference
    assert counts == expected_counts, f"seed {SEED}"
    assert analyses.keys() == expected_analyses.keys()
    for article_id, analysis in expected_analyses.items():
        assert analyses[article_id] == analysis, f"{article_id} differs after kill and resume (seed {SEED})"


def test_rerun_finishes_a_fusion_the_kill_cut_short(corpus: Path, reference_db: str, reference) -> None:
    """A kill after the last batch is stored but before fusion commits: the re-run stores nothing new and must
    still rebuild the fused tables."""
    store = Store(reference_db)
    with store.engine.begin() as conn:  # the state such a kill leaves: fusion's transaction never committed
        for table in (*t.FUSION_TABLES, t.store_state):
            conn.execute(table.delete())
    store.engine.dispose()
    again = subprocess.run(dateline_run(corpus, reference_db), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    assert content(reference_db) == reference
