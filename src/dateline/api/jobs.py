"""Analysing articles for the API: the injectable analyser and background batch jobs.

One worker thread runs the jobs in submission order, so the (not thread-safe) spaCy pipeline is used by one
thread at a time; single-article requests share the same lock. A failing article becomes an error of its job
and a row in the store's errors table, and the rest of the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor

from dateline.api.schemas import Job, JobError
from dateline.model import Analysis, Article, IngestError, text_order
from dateline.store import Store

#: Turns articles into analyses, in order (the default runs dateline's spaCy pipeline).
Analyser = Callable[[Sequence[Article]], Iterable[Analysis]]

#: Finished jobs kept for status queries; older ones are forgotten first.
MAX_JOBS = 1000


def pipeline_analyser() -> Analyser:
    """The real pipeline, built on first use (loading models takes seconds) and then reused."""
    state: dict[str, object] = {}
    lock = threading.Lock()

    def analyse(articles: Sequence[Article]) -> list[Analysis]:
        from dateline.pipeline import analyse as run
        from dateline.pipeline import build

        with lock:
            if "nlp" not in state:
                state["nlp"] = build()
            return list(run(state["nlp"], articles))

    return analyse


class Analysing:
    """Runs the analyser for single requests and batch jobs, serialised, and stores the results."""

    def __init__(self, store: Store, analyser: Analyser) -> None:
        self.store = store
        self.analyser = analyser
        self._lock = threading.Lock()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._jobs_lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-job")

    def one(self, article: Article) -> Analysis:
        """Analyse and store one article now, returning it in the store's canonical order; exceptions propagate
        (the API answers 500 and records them)."""
        try:
            with self._lock:
                (analysis,) = list(self.analyser([article]))
        except Exception as exc:
            self.store.save_errors([_error(article, f"processing failed: {exc!r}")])
            raise
        self.store.save([analysis])
        return text_order(analysis)

    def submit(self, articles: list[Article]) -> Job:
        """Queue a batch; returns its job at once."""
        job = Job(id=uuid.uuid4().hex, status="queued", created_at=_now(), total=len(articles))
        with self._jobs_lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_JOBS:
                self._jobs.popitem(last=False)
        self._worker.submit(self._run, job.id, articles)
        return job.model_copy(deep=True)

    def job(self, job_id: str) -> Job | None:
        """A snapshot of a job's status, or None if unknown."""
        with self._jobs_lock:
            job = self._jobs.get(job_id)
            return job.model_copy(deep=True) if job else None

    def _update(self, job_id: str, **changes) -> None:
        with self._jobs_lock:
            job = self._jobs.get(job_id)
            if job is not None:
                for key, value in changes.items():
                    setattr(job, key, value)

    def _run(self, job_id: str, articles: list[Article]) -> None:
        self._update(job_id, status="running")
        stored: list[str] = []
        errors: list[JobError] = []
        try:
            for index, article in enumerate(articles):
                try:
                    with self._lock:
                        (analysis,) = list(self.analyser([article]))
                    self.store.save([analysis])
                    stored.append(article.id)
                except Exception as exc:  # one bad article must not stop the batch
                    message = f"processing failed: {exc!r}"
                    self.store.save_errors([_error(article, message, job_id, index)])
                    errors.append(JobError(index=index, id=article.id, message=message))
                self._update(
                    job_id,
                    processed=index + 1,
                    stored=len(stored),
                    failed=len(errors),
                    article_ids=list(stored),
                    errors=list(errors),
                )
            self._update(job_id, status="done", finished_at=_now())
        except Exception:  # the store itself failed: the job is lost, say so
            self._update(job_id, status="failed", finished_at=_now())
            raise

    def close(self) -> None:
        """Stop taking jobs and wait for the running one."""
        self._worker.shutdown(wait=True, cancel_futures=True)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _error(article: Article, message: str, job_id: str | None = None, index: int | None = None) -> IngestError:
    path = f"api:job/{job_id}" if job_id else "api:articles"
    return IngestError(path=path, line=None if index is None else index + 1, id=article.id, message=message)
