"""A corpus run: ingest → skip what is already stored → analyse (local workers or Dask) → batched store writes.

Incremental: an article whose text hash and pipeline version match what the store holds is skipped, so re-running a
processed corpus costs little more than reading it; a changed text or pipeline version re-processes it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from dateline.model import Analysis, Article, IngestError
from dateline.store import Store, content_hash
from dateline.store import tables as t

Engine = Literal["local", "dask"]


class RunSummary(BaseModel):
    """What a run did."""

    articles: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0


def stored_fingerprints(store: Store) -> dict[str, tuple[str, str]]:
    """``{article id: (content hash, pipeline version)}`` for everything in the store."""
    query = select(t.articles.c.id, t.articles.c.content_hash, t.articles.c.pipeline_version)
    with store.engine.connect() as conn:
        return {row.id: (row.content_hash, row.pipeline_version) for row in conn.execute(query)}


def current_version(model: str | None) -> str:
    """The pipeline version a run with ``model`` would stamp, without loading the full pipeline's knowledge."""
    import spacy

    from dateline.pipeline import model_name, pipeline_version

    return pipeline_version(spacy.info(model or model_name()))


def run_corpus(
    items: Iterable[Article | IngestError],
    store: Store,
    *,
    workers: int = 1,
    engine: Engine = "local",
    scheduler: str | None = None,
    model: str | None = None,
    force: bool = False,
    batch_size: int = 64,
    parquet_dir: Path | None = None,
    on_result: Callable[[Analysis | IngestError], None] | None = None,
    on_skip: Callable[[Article], None] | None = None,
) -> RunSummary:
    """Analyse and store a corpus; per-document failures are stored in ``errors`` and counted, never raised."""
    started = time.perf_counter()
    summary = RunSummary()
    todo: list[Article | IngestError] = list(items)
    summary.articles = len(todo)
    if not force:
        known = stored_fingerprints(store)
        if known:
            version = current_version(model)
            fresh: list[Article | IngestError] = []
            for item in todo:
                if isinstance(item, Article) and known.get(item.id) == (content_hash(item.text), version):
                    summary.skipped += 1
                    if on_skip:
                        on_skip(item)
                else:
                    fresh.append(item)
            todo = fresh
    if todo:
        results = _results(todo, engine, workers, scheduler, model, parquet_dir)
        pending: list[Analysis] = []
        for result in results:
            if isinstance(result, IngestError):
                store.save_errors([result])
                summary.failed += 1
            else:
                pending.append(result)
                if len(pending) >= batch_size:
                    _save(store, pending, summary, on_result)
                    pending = []
            if on_result:
                on_result(result)
        _save(store, pending, summary, on_result)
    summary.seconds = time.perf_counter() - started
    return summary


def _save(
    store: Store,
    batch: list[Analysis],
    summary: RunSummary,
    on_result: Callable[[Analysis | IngestError], None] | None,
) -> None:
    """Store a batch in one transaction; if the database refuses it, store article by article so that only the
    article it refuses becomes an error (also reported through ``on_result``) and the run goes on."""
    try:
        summary.stored += store.save(batch)
    except (SQLAlchemyError, UnicodeError) as exc:  # e.g. NUL on PostgreSQL, unpaired surrogates anywhere
        if len(batch) > 1:
            for analysis in batch:
                _save(store, [analysis], summary, on_result)
            return
        article = batch[0]
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        error = IngestError(path=article.id, id=article.id, message=f"not stored: {reason}")
        store.save_errors([error])
        summary.failed += 1
        if on_result:
            on_result(error)


def _results(
    todo: Sequence[Article | IngestError],
    engine: Engine,
    workers: int,
    scheduler: str | None,
    model: str | None,
    parquet_dir: Path | None,
):
    if engine == "dask":
        from dateline.engine.cluster import run_dask

        return run_dask(todo, scheduler=scheduler, model=model, workers=max(workers, 1), parquet_dir=parquet_dir)
    from dateline.engine.workers import run_local

    return run_local(todo, workers=workers, model=model)
