"""Scaling benchmark: ``run_corpus`` with 1 and N local worker processes on the same articles, into fresh stores.

Reports articles/s and words/s per setting, the speed-up, the peak RSS of one worker process, and what the store
costs per article — the inputs of the capacity plan in docs/scaling.md.

    .venv/bin/python bench/scaling.py --corpus ../shared/data/news/reuters21578 --limit 600 --workers 2
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from dateline.bench import load_articles
from dateline.engine.runner import run_corpus
from dateline.store import Store


def timed_run(articles: list, workers: int, folder: Path) -> dict:
    """One fresh-store run; returns its speed and the store's size."""
    db = folder / f"w{workers}.db"
    started = time.perf_counter()
    summary = run_corpus(articles, Store(db), workers=workers)
    seconds = time.perf_counter() - started
    words = sum(len(a.text.split()) for a in articles)
    store = Store(db)
    counts = store.counts()
    store.engine.dispose()
    size = sum(p.stat().st_size for p in folder.glob(f"w{workers}.db*"))
    return {
        "workers": workers,
        "seconds": round(seconds, 2),
        "articles_per_s": round(summary.stored / seconds, 2),
        "words_per_s": round(words / seconds, 1),
        "failed": summary.failed,
        "events": counts["events"],
        "store_bytes_per_article": round(size / max(summary.stored, 1)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/data/news/reuters21578"))
    parser.add_argument("--limit", type=int, default=600)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    articles = load_articles(args.corpus, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one = timed_run(articles, 1, folder)
        many = timed_run(articles, args.workers, folder)
    child_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "runs": [one, many],
        "speedup": round(many["articles_per_s"] / one["articles_per_s"], 2),
        "peak_rss_mb_one_process_run": round(own_peak_mb),
        "peak_rss_mb_worker_process": round(child_peak_mb),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
