"""Local parallelism: worker processes that each build the pipeline once and analyse chunks of articles.

Results come back in input order. With one worker everything runs in this process.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator

from spacy.language import Language

from dateline.engine.local import process
from dateline.model import Analysis, Article, IngestError
from dateline.pipeline import build

Result = Analysis | IngestError

_worker_nlp: Language | None = None


def _init_worker(model: str | None) -> None:
    """Pool initializer: load models once per worker process."""
    global _worker_nlp
    _worker_nlp = build(model)


def _work(chunk: list[Article | IngestError]) -> list[Result]:
    assert _worker_nlp is not None, "worker not initialised"
    return list(process(_worker_nlp, chunk))


def chunks(items: Iterable[Article | IngestError], size: int) -> Iterator[list[Article | IngestError]]:
    """Split a stream into lists of ``size`` items."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def run_local(
    items: Iterable[Article | IngestError], workers: int = 1, model: str | None = None, chunk_size: int = 16
) -> Iterator[Result]:
    """Analyse a stream of ingested items with ``workers`` processes, yielding results in input order."""
    if workers <= 1:
        yield from process(build(model), items)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(model,)) as pool:
        for results in pool.imap(_work, chunks(items, chunk_size)):
            yield from results
