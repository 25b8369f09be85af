"""Throughput benchmark: the spaCy backbone alone versus the full dateline pipeline, on the same documents, in one run.

Reports words per second for both and their ratio, the time per dateline stage, the one-off load time of dateline's
knowledge (KB, gazetteer), and the peak resident memory of this process (one worker).
"""

from __future__ import annotations

import itertools
import resource
import sys
import time
from pathlib import Path

from pydantic import BaseModel

from dateline.ingest import read_paths
from dateline.model import Article
from dateline.pipeline import STAGES, build, make_doc, model_name


class BenchResult(BaseModel):
    """One benchmark run; speeds in words per second."""

    docs: int
    words: int
    backbone_wps: float
    full_wps: float
    ratio: float
    stage_seconds: dict[str, float]
    backbone_seconds: float
    full_seconds: float
    load_seconds: float
    peak_rss_mb: float
    model: str


def load_articles(corpus: Path, limit: int) -> list[Article]:
    """The first ``limit`` readable articles of a corpus (errors skipped)."""
    items = (item for item in read_paths([corpus]) if isinstance(item, Article))
    return list(itertools.islice(items, limit))


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_bench(
    corpus: Path, limit: int = 2000, model: str | None = None, batch_size: int = 64, chunk: int = 100
) -> BenchResult:
    """Time the backbone alone and the full pipeline over the same articles.

    Both use the same loaded model (the backbone is the full pipeline with dateline's components disabled). The
    corpus is processed in chunks, each first by the backbone alone and then by the full pipeline, so that load on
    the machine drifting during the run affects both sides alike.
    """
    articles = load_articles(corpus, limit)
    if not articles:
        raise ValueError(f"no readable articles in {corpus}")
    words = sum(len(a.text.split()) for a in articles)
    name = model or model_name()

    started = time.perf_counter()
    full = build(name)
    list(full.pipe([make_doc(full, a) for a in articles[:20]]))
    load_seconds = time.perf_counter() - started

    backbone_seconds = parse_seconds = 0.0
    stage_seconds = dict.fromkeys(STAGES, 0.0)
    components = {stage: full.get_pipe(stage) for stage in STAGES}
    for offset in range(0, len(articles), chunk):
        part = articles[offset : offset + chunk]
        started = time.perf_counter()
        for _ in full.pipe((a.text for a in part), batch_size=batch_size, disable=list(STAGES)):
            pass
        backbone_seconds += time.perf_counter() - started

        started = time.perf_counter()
        docs = list(full.pipe((make_doc(full, a) for a in part), batch_size=batch_size, disable=list(STAGES)))
        parse_seconds += time.perf_counter() - started
        for stage, component in components.items():
            started = time.perf_counter()
            for doc in docs:
                component(doc)
            stage_seconds[stage] += time.perf_counter() - started
    full_seconds = parse_seconds + sum(stage_seconds.values())
    return BenchResult(
        docs=len(articles),
        words=words,
        backbone_wps=words / backbone_seconds,
        full_wps=words / full_seconds,
        ratio=backbone_seconds / full_seconds,
        stage_seconds={"backbone (in full run)": parse_seconds, **stage_seconds},
        backbone_seconds=backbone_seconds,
        full_seconds=full_seconds,
        load_seconds=load_seconds,
        peak_rss_mb=peak_rss_mb(),
        model=name,
    )
