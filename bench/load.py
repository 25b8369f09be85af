"""Load benchmark (not a test): read requests against ``dateline serve`` while ``dateline run`` ingests a batch into
the same SQLite store, reporting throughput, latency percentiles and errors as JSON.

    .venv/bin/python bench/load.py --seconds 20 --rate 250

Steps: fill a store with ``--fill`` articles, start ``dateline serve`` on a free port of 127.0.0.1, start
``dateline run`` on ``--ingest`` more articles, then for ``--seconds`` issue ``--rate`` requests per second from a
thread pool (keep-alive connections) against ``/api/events``, ``/api/articles/{id}`` and ``/api/health``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dateline.ingest import read_paths
from dateline.model import Article

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DATELINE = [sys.executable, "-m", "dateline.cli"]


def write_corpus(folder: Path, count: int, offset: int) -> None:
    """``count`` dated text files from the bundled examples, ids and dates shifted so that each is new."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [(a.id, a.date, a.text) for a in read_paths([EXAMPLES]) if isinstance(a, Article)]
    for n in range(offset, offset + count):
        stem, day, text = sources[n % len(sources)]
        shifted = day + dt.timedelta(days=n // len(sources))
        (folder / f"{n:05d}-{stem}.txt").write_text(f"date {shifted.isoformat()}\n{text}\n", "utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    """One keep-alive HTTP connection per thread."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.local = threading.local()

    def get(self, path: str) -> tuple[int, bytes]:
        """GET ``path``; a kept-alive connection the server has since closed is reopened once."""
        for attempt in (1, 2):
            conn = getattr(self.local, "conn", None)
            reused = conn is not None
            if conn is None:
                conn = self.local.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                return response.status, response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                self.local.conn = None
                if not reused or attempt == 2:
                    raise
        raise AssertionError("unreachable")


def wait_healthy(client: Client, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if client.get("/api/health")[0] == 200:
                return
        except (OSError, http.client.HTTPException):
            time.sleep(0.2)
    raise RuntimeError("dateline serve did not become healthy")


def percentiles(values: list[float]) -> dict[str, float]:
    """p50 / p90 / p99 / max in milliseconds."""
    if not values:
        return {}
    ordered = sorted(values)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else ordered * 99
    return {
        "p50_ms": round(cuts[49] * 1000, 2),
        "p90_ms": round(cuts[89] * 1000, 2),
        "p99_ms": round(cuts[98] * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def stored_articles(client: Client) -> int:
    return json.loads(client.get("/api/health")[1])["articles"]


def run(
    seconds: float,
    rate: float,
    threads: int,
    fill: int,
    ingest: int,
    workdir: Path,
    events_share: float = 0.2,
    health_share: float = 0.1,
) -> dict:
    """Fill, serve, ingest and load; return the report. Requests not for events or health fetch one article.

    ``latency`` counts from when a request was due (so queueing behind a slow server shows); ``service_time``
    from when it was sent.
    """
    db = str(workdir / "load.db")
    write_corpus(workdir / "fill", fill, 0)
    write_corpus(workdir / "ingest", ingest, fill)
    subprocess.run([*DATELINE, "run", str(workdir / "fill"), "--db", db, "--quiet"], check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [*DATELINE, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    writer: subprocess.Popen | None = None
    client = Client(port)
    try:
        wait_healthy(client)
        ids = article_ids(client)
        events = ["/api/events?limit=50", "/api/events?limit=20&type=CONSULT", "/api/events?limit=50&offset=50"]
        before = stored_articles(client)
        writer = subprocess.Popen(
            [*DATELINE, "run", str(workdir / "ingest"), "--db", db, "--quiet", "--batch-size", "8"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        latencies: dict[str, list[float]] = {"health": [], "events": [], "article": []}
        service: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        rng = random.Random(0)

        def one(path: str, due_at: float) -> None:
            """One request; its latency counts from when it was due, so a server falling behind shows."""
            kind = "health" if "health" in path else "events" if "events" in path else "article"
            sending = time.perf_counter()
            try:
                status, _ = client.get(path)
                problem = None if status == 200 else f"HTTP {status} {path}"
            except (OSError, http.client.HTTPException) as exc:
                problem = f"{type(exc).__name__} {path}"
            done = time.perf_counter()
            with lock:
                latencies[kind].append(done - due_at)
                service.append(done - sending)
                if problem:
                    errors.append(problem)

        started = time.perf_counter()
        sent = 0
        ingest_seconds: float | None = None
        with ThreadPoolExecutor(threads) as pool:
            while (now := time.perf_counter() - started) < seconds:
                due = int(now * rate) + 1
                while sent < due:
                    draw, due_at = rng.random(), started + sent / rate
                    if draw < events_share:
                        pool.submit(one, rng.choice(events), due_at)
                    elif draw < events_share + health_share:
                        pool.submit(one, "/api/health", due_at)
                    else:
                        pool.submit(one, f"/api/articles/{rng.choice(ids)}", due_at)
                    sent += 1
                if ingest_seconds is None and writer.poll() is not None:
                    ingest_seconds = now
                time.sleep(0.002)
        elapsed = time.perf_counter() - started
        after = stored_articles(client)
    finally:
        if writer is not None and writer.poll() is None:
            writer.terminate()
            writer.wait(timeout=60)
        writer_code = writer.returncode if writer is not None else None
        server.terminate()
        server.wait(timeout=60)
    done = sum(len(v) for v in latencies.values())
    return {
        "seconds": round(elapsed, 2),
        "target_rps": rate,
        "requests": done,
        "achieved_rps": round(done / elapsed, 1),
        "errors": len(errors),
        "error_examples": errors[:5],
        "latency": percentiles([x for v in latencies.values() for x in v]),
        "service_time": percentiles(service),
        "by_endpoint": {kind: {"requests": len(v), **percentiles(v)} for kind, v in latencies.items()},
        "threads": threads,
        "mix": {"events": events_share, "health": health_share, "article": round(1 - events_share - health_share, 2)},
        "store_articles_before": before,
        "articles_ingested_during_load": after - before,
        "ingest_overlapped_seconds": round(ingest_seconds if ingest_seconds is not None else elapsed, 2),
        "ingest_returncode": writer_code,
    }


def article_ids(client: Client) -> list[str]:
    """Ids of the stored articles (up to 500)."""
    return [row["id"] for row in json.loads(client.get("/api/articles?limit=500")[1])["items"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the load window (max 600)")
    parser.add_argument("--rate", type=float, default=250.0, help="requests per second to issue")
    parser.add_argument("--threads", type=int, default=16, help="client threads")
    parser.add_argument("--fill", type=int, default=60, help="articles stored before the load starts")
    parser.add_argument("--ingest", type=int, default=1000, help="articles `dateline run` ingests during the load")
    parser.add_argument("--events-share", type=float, default=0.2, help="share of /api/events requests")
    parser.add_argument("--health-share", type=float, default=0.1, help="share of /api/health requests")
    parser.add_argument("--out", type=Path, help="also write the JSON report here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-load-") as tmp:
        report = run(
            min(args.seconds, 600.0),
            args.rate,
            args.threads,
            args.fill,
            args.ingest,
            Path(tmp),
            args.events_share,
            args.health_share,
        )
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", "utf-8")
    sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
