"""Distributed runs on Dask: partitions of articles analysed on workers that load the models once.

Without a scheduler address a local cluster is started, bound to 127.0.0.1. Results come back to the client in input
order (the store is written by the caller, in batches) and can also be written per partition as Parquet.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from spacy.language import Language

from dateline.engine.local import process
from dateline.model import Analysis, Article, IngestError
from dateline.pipeline import build


@cache
def _worker_pipeline(model: str | None) -> Language:
    """Built once per worker process: the function runs in the worker, so the cache lives there."""
    return build(model)


def _analyse_partition(items: list[Article | IngestError], model: str | None) -> list[Analysis | IngestError]:
    """Runs on a worker: analyse one partition with that worker's pipeline."""
    return list(process(_worker_pipeline(model), items))


def run_dask(
    items: Sequence[Article | IngestError],
    scheduler: str | None = None,
    model: str | None = None,
    partition_size: int = 64,
    workers: int = 2,
    parquet_dir: Path | None = None,
) -> Iterator[Analysis | IngestError]:
    """Analyse ``items`` on a Dask cluster, yielding results in input order."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            processes=True,
            silence_logs=logging.ERROR,
        )
    client = Client(scheduler or cluster)
    try:
        parts = [list(items[i : i + partition_size]) for i in range(0, len(items), partition_size)]
        futures = [client.submit(_analyse_partition, part, model, pure=False) for part in parts]
        for index, future in enumerate(futures):
            results = future.result()
            if parquet_dir is not None:
                write_partition(results, parquet_dir / f"part-{index:05d}.parquet")
            yield from results
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def write_partition(results: list[Analysis | IngestError], path: Path) -> None:
    """One Parquet file per partition: one row per analysed article, the analysis as JSON."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    analyses = [r for r in results if isinstance(r, Analysis)]
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.table(
        {
            "id": [a.id for a in analyses],
            "date": [a.date for a in analyses],
            "pipeline_version": [a.pipeline_version for a in analyses],
            "analysis": [a.model_dump_json() for a in analyses],
        }
    )
    pq.write_table(table, path)
