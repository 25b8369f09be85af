"""Concurrency: readers while ``dateline run`` writes, on SQLite (WAL) and PostgreSQL. Readers go through the API
(``dateline serve`` over real HTTP on 127.0.0.1) and through Store objects in threads. No read may fail, and no
article may be seen partially: once an article is visible, all of its events are (compared with the final store).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from backends import BACKENDS, PG_URL, reset_postgres
from dateline.store import Store
from test_crash_safety import write_corpus

ARTICLES = 12
#: Pause between a reader's rounds, so that readers share the two CPU cores with the writer.
PAUSE = 0.05


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            get_json(url)
            return
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class Observations:
    """What readers saw, thread-safe: per-article event counts (every sighting) and every failure."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: list[tuple[str, str, int]] = []
        self.failures: list[str] = []
        self.reads = 0

    def saw(self, how: str, article_id: str, events: int) -> None:
        with self.lock:
            self.seen.append((how, article_id, events))

    def read(self) -> None:
        """One reader finished a round; it pauses before the next."""
        with self.lock:
            self.reads += 1
        time.sleep(PAUSE)

    def failed(self, what: str) -> None:
        with self.lock:
            self.failures.append(what)


def api_reader(base: str, stop: threading.Event, seen: Observations) -> None:
    """List articles (with event counts), then fetch each one's analysis and the event list."""
    while not stop.is_set():
        try:
            page = get_json(f"{base}/api/articles?limit=500")
            for item in page["items"]:
                seen.saw("list", item["id"], item["events"])
            for item in page["items"][:6]:
                seen.saw("article", item["id"], len(get_json(f"{base}/api/articles/{item['id']}")["events"]))
            events = get_json(f"{base}/api/events?limit=500")
            if events["total"] <= 500:
                for article_id, count in Counter(row["article_id"] for row in events["items"]).items():
                    seen.saw("events", article_id, count)
            get_json(f"{base}/api/health")
            seen.read()
        except Exception as exc:  # every failure is what the test reports
            seen.failed(f"api: {exc!r}")


def store_reader(db: str, stop: threading.Event, seen: Observations) -> None:
    """Rebuild every stored article's analysis from the tables."""
    store = Store(db)
    try:
        while not stop.is_set():
            try:
                for article_id in store.article_ids():
                    analysis = store.analysis(article_id)
                    if analysis is not None:
                        seen.saw("store", article_id, len(analysis.events))
                seen.read()
            except Exception as exc:  # every failure is what the test reports
                seen.failed(f"store: {exc!r}")
    finally:
        store.engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_readers_never_fail_nor_see_half_an_article(backend: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", ARTICLES)
    if backend == "postgresql":
        assert PG_URL is not None
        reset_postgres(PG_URL)
        db = PG_URL
    else:
        db = str(tmp_path / "live.db")
    Store(db).engine.dispose()  # create the schema before two processes open the store
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline.cli", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    stop, seen = threading.Event(), Observations()
    try:
        wait_for(f"{base}/api/health")
        readers = [threading.Thread(target=api_reader, args=(base, stop, seen)) for _ in range(2)]
        readers.append(threading.Thread(target=store_reader, args=(db, stop, seen)))
        for reader in readers:
            reader.start()
        command = [sys.executable, "-m", "dateline.cli", "run", str(corpus), "--db", db, "--quiet"]
        writer = subprocess.run([*command, "--batch-size", "2"], capture_output=True, text=True, timeout=300)
        if backend == "sqlite":  # a forced pass rewrites every article while the readers go on (WAL: no blocking)
            forced = subprocess.run([*command, "--force"], capture_output=True, text=True, timeout=300)
            assert forced.returncode == 0, forced.stderr[-2000:]
        stop.set()
        for reader in readers:
            reader.join(timeout=60)
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    assert writer.returncode == 0, writer.stderr[-2000:]
    assert not seen.failures, seen.failures[:5]

    final_store = Store(db)
    final = {article_id: len(final_store.analysis(article_id).events) for article_id in final_store.article_ids()}
    final_store.engine.dispose()
    assert len(final) == ARTICLES
    assert seen.reads > 10 and len({article_id for _, article_id, _ in seen.seen}) > 1
    partial = [(how, article_id, n, final[article_id]) for how, article_id, n in seen.seen if n != final[article_id]]
    assert not partial, partial[:10]
