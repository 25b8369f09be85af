"""Corpus runs: incremental re-runs, worker processes and Dask give the same store as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.engine.runner import run_corpus
from dateline.ingest import read_paths
from dateline.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def snapshot(store: Store) -> dict:
    """Everything stored, article by article (timestamps excluded by construction)."""
    return {article_id: store.analysis(article_id) for article_id in store.article_ids()}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("ref") / "ref.db")
    summary = run_corpus(read_paths([EXAMPLES]), store)
    assert summary.failed == 0 and summary.stored == summary.articles >= 8
    return store


def test_incremental_rerun_skips_unchanged(reference: Store, tmp_path: Path) -> None:
    rerun = run_corpus(read_paths([EXAMPLES]), reference)
    assert rerun.skipped == rerun.articles and rerun.stored == 0

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in EXAMPLES.glob("*.txt"):
        (corpus / path.name).write_text(path.read_text("utf-8"), "utf-8")
    changed = next(iter(sorted(corpus.glob("*.txt"))))
    changed.write_text(changed.read_text("utf-8") + "\nOfficials met again on Friday.\n", "utf-8")
    partial = run_corpus(read_paths([corpus]), reference)
    assert partial.stored == 1 and partial.skipped == partial.articles - 1
    assert "met again" in reference.analysis(changed.stem).text


def test_forced_rerun_reprocesses(reference: Store) -> None:
    before = snapshot(reference)
    forced = run_corpus(read_paths([EXAMPLES]), reference, force=True)
    assert forced.stored == forced.articles
    assert snapshot(reference).keys() == before.keys()


def test_two_workers_equal_one(reference: Store, tmp_path: Path) -> None:
    store = Store(tmp_path / "w2.db")
    summary = run_corpus(read_paths([EXAMPLES]), store, workers=2)
    assert summary.stored == summary.articles
    assert snapshot(store) == _fresh_reference(tmp_path)


def test_dask_equals_local(tmp_path: Path) -> None:
    store = Store(tmp_path / "dask.db")
    summary = run_corpus(read_paths([EXAMPLES]), store, engine="dask", workers=2, parquet_dir=tmp_path / "parts")
    assert summary.stored == summary.articles
    assert snapshot(store) == _fresh_reference(tmp_path)
    assert sorted(p.name for p in (tmp_path / "parts").glob("*.parquet")) == ["part-00000.parquet"]


def _fresh_reference(tmp_path: Path) -> dict:
    store = Store(tmp_path / "one.db")
    run_corpus(read_paths([EXAMPLES]), store)
    return snapshot(store)
