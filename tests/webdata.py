"""Test data and helpers for the API and web tests: hand-built analyses (no NLP), a stub analyser, a live server.

The texts are written for these tests. Their resolutions (GeoNames ids, coordinates, Goldstein scores) are
plausible but hand-set, so the tests exercise the API and pages without depending on the analysis stages.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import httpx
import uvicorn

from dateline.model import Actor, Analysis, Article, Event, Flag, Place, Span, Timex

TOKEN = "test-token-1234"


def span(text: str, needle: str, occurrence: int = 0) -> Span:
    """The ``occurrence``-th span of ``needle`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(text=needle, start=start, end=start + len(needle))


def sentence(text: str, needle: str) -> Span:
    """The sentence (up to and including its full stop) that contains ``needle``."""
    at = text.index(needle)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.index(".", at) + 1
    return Span(text=text[start:end], start=start, end=end)


def actor(text: str, id: str, name: str, kind: str, country: str, surfaces: Sequence[str], **extra) -> Actor:
    """An actor with one mention per surface string."""
    return Actor(
        id=id,
        name=name,
        kind=kind,
        country=country,
        sector=extra.pop("sector", "GOV"),
        mentions=[span(text, s) for s in surfaces],
        confidence=extra.pop("confidence", 0.9),
        **extra,
    )


def place(text: str, name: str, geonameid: int, lat: float, lon: float, country: str, surface: str) -> Place:
    """A resolved place with one mention."""
    return Place(
        name=name,
        geonameid=geonameid,
        lat=lat,
        lon=lon,
        country=country,
        feature_code="PPL",
        mentions=[span(text, surface)],
        confidence=0.8,
    )


def timex(text: str, surface: str, value: str, granularity: str) -> Timex:
    s = span(text, surface)
    return Timex(text=surface, start=s.start, end=s.end, type="DATE", value=value, granularity=granularity)


RAFAH_TEXT = (
    "Israel's defence minister Yoav Gallant will fly to Washington next week for talks with Lloyd Austin, "
    "the American defense secretary, officials said on Wednesday. The talks are expected to centre on a planned "
    "ground offensive in Rafah, in the north of the Gaza Strip. President Joe Biden spoke with Prime Minister "
    "Benjamin Netanyahu by phone on Monday.\n\nBoth governments described the call as frank."
)


def rafah_article() -> Analysis:
    """A visit plan, a planned offensive in Rafah with a wrong qualifier (flagged), and a phone call."""
    t = RAFAH_TEXT
    return Analysis(
        pipeline_version="test",
        id="web-rafah",
        date=dt.date(2024, 3, 20),
        title="Defence minister to visit Washington",
        source="test wire",
        text=t,
        actors=[
            actor(t, "gallant", "Yoav Gallant", "person", "ISR", ["Yoav Gallant"], kb_id="kb:gallant", role="Minister"),
            actor(t, "austin", "Lloyd Austin", "person", "USA", ["Lloyd Austin"], kb_id="kb:austin"),
            actor(t, "biden", "Joe Biden", "person", "USA", ["Joe Biden"], kb_id="kb:biden", role="President"),
            actor(t, "netanyahu", "Benjamin Netanyahu", "person", "ISR", ["Benjamin Netanyahu"], kb_id="kb:netanyahu"),
            actor(t, "isr", "Israel", "country", "ISR", ["Israel"], kb_id="kb:isr"),
        ],
        places=[
            place(t, "Washington", 4140963, 38.89511, -77.03637, "US", "Washington"),
            place(t, "Rafah", 281102, 31.29722, 34.24357, "PS", "Rafah"),
            place(t, "Gaza Strip", 7303419, 31.44, 34.39, "PS", "Gaza Strip"),
        ],
        times=[
            timex(t, "next week", "2024-W13", "week"),
            timex(t, "Wednesday", "2024-03-20", "day"),
            timex(t, "Monday", "2024-03-18", "day"),
        ],
        events=[
            Event(
                id="e1",
                type="CONSULT",
                mode="visit",
                cameo="042",
                goldstein=1.9,
                source="gallant",
                target="austin",
                place=4140963,
                date="2024-W13",
                date_from_text=True,
                modality="planned",
                evidence=sentence(t, "will fly"),
                confidence=0.8,
            ),
            Event(
                id="e2",
                type="ASSAULT",
                mode="ground",
                cameo="190",
                goldstein=-10.0,
                acled_event_type="Battles",
                source="isr",
                place=281102,
                date="2024-03",
                modality="planned",
                evidence=sentence(t, "ground offensive"),
                confidence=0.6,
            ),
            Event(
                id="e3",
                type="CONSULT",
                mode="phone",
                cameo="040",
                goldstein=1.0,
                source="biden",
                target="netanyahu",
                date="2024-03-18",
                date_from_text=True,
                modality="occurred",
                evidence=sentence(t, "by phone"),
                confidence=0.9,
            ),
        ],
        flags=[
            Flag(
                kind="place_qualifier",
                message="Rafah lies in the south of the Gaza Strip, not the north",
                evidence=span(t, "Rafah, in the north of the Gaza Strip"),
            )
        ],
    )


XSS_SCRIPT = "<script>alert('xss')</script>"
XSS_TEXT = (
    f"A statement posted in Springfield contained {XSS_SCRIPT} and <img src=x onerror=alert(1)> as plain text. "
    "The mayor of Springfield urged calm.\n=SUM(A1:A9) was also pasted into the release."
)


def xss_article() -> Analysis:
    """Hostile markup inside the text, the title and a highlighted span; a formula-like evidence for CSV export."""
    t = XSS_TEXT
    return Analysis(
        pipeline_version="test",
        id="web-xss",
        date=dt.date(2024, 3, 22),
        title="<b>Hostile</b> title <script>alert('title')</script>",
        text=t,
        actors=[
            actor(t, "mayor", "Mayor of Springfield", "person", "USA", ["The mayor of Springfield"], sector="GOV"),
            actor(t, "<img src=x>", "<img src=x onerror=alert(3)>", "group", "USA", [XSS_SCRIPT], sector="CVL"),
        ],
        places=[place(t, "Springfield", 4250542, 39.80172, -89.64371, "US", "Springfield")],
        events=[
            Event(
                id="x1",
                type="APPEAL",
                mode="<i>",
                goldstein=3.0,
                source="mayor",
                target="<img src=x>",
                place=4250542,
                evidence=sentence(t, "urged calm"),
                confidence=0.5,
            ),
            Event(
                id="x2",
                type="OTHER",
                source="<img src=x>",
                evidence=span(t, "=SUM(A1:A9) was also pasted into the release."),
                confidence=0.3,
            ),
        ],
        flags=[Flag(kind="markup", message="text contains <script> markup", evidence=span(t, XSS_SCRIPT))],
    )


CAIRO_TEXT = (
    "Egypt's foreign minister met the prime minister of Qatar in Cairo on Tuesday to discuss a ceasefire "
    "proposal. Hundreds of protesters rallied outside parliament in Amman the same day."
)


def cairo_article() -> Analysis:
    """A meeting between two governments and a protest."""
    t = CAIRO_TEXT
    return Analysis(
        pipeline_version="test",
        id="web-cairo",
        date=dt.date(2024, 4, 3),
        title="Ceasefire talks in Cairo",
        text=t,
        actors=[
            actor(t, "egy-fm", "Foreign Minister of Egypt", "person", "EGY", ["Egypt's foreign minister"]),
            actor(t, "qat-pm", "Prime Minister of Qatar", "person", "QAT", ["the prime minister of Qatar"]),
            actor(t, "protesters", "protesters", "group", "JOR", ["protesters"], sector="CVL"),
        ],
        places=[
            place(t, "Cairo", 360630, 30.06263, 31.24967, "EG", "Cairo"),
            place(t, "Amman", 250441, 31.95522, 35.94503, "JO", "Amman"),
        ],
        times=[timex(t, "Tuesday", "2024-04-02", "day")],
        events=[
            Event(
                id="c1",
                type="CONSULT",
                mode="meet",
                cameo="043",
                goldstein=2.8,
                source="egy-fm",
                target="qat-pm",
                place=360630,
                date="2024-04-02",
                date_from_text=True,
                evidence=sentence(t, "ceasefire"),
                confidence=0.85,
            ),
            Event(
                id="c2",
                type="PROTEST",
                mode="demonstrate",
                cameo="141",
                goldstein=-6.5,
                acled_event_type="Protests",
                source="protesters",
                place=250441,
                date="2024-04-02",
                date_from_text=True,
                evidence=sentence(t, "rallied"),
                confidence=0.8,
            ),
        ],
    )


KHARKIV_TEXT = (
    "Russian forces shelled Kharkiv overnight, regional officials said. Volodymyr Zelensky asked the United States "
    "for more air defence systems."
)


def kharkiv_article() -> Analysis:
    """An attack and a request, a month later."""
    t = KHARKIV_TEXT
    return Analysis(
        pipeline_version="test",
        id="web-kharkiv",
        date=dt.date(2024, 5, 10),
        title="Shelling in Kharkiv",
        text=t,
        actors=[
            actor(t, "rus-mil", "Russian armed forces", "organization", "RUS", ["Russian forces"], sector="MIL"),
            actor(t, "zelensky", "Volodymyr Zelensky", "person", "UKR", ["Volodymyr Zelensky"], kb_id="kb:zelensky"),
            actor(t, "usa", "United States", "country", "USA", ["the United States"], kb_id="kb:usa"),
            actor(t, "ukr", "Ukraine", "country", "UKR", [], kb_id="kb:ukr"),
        ],
        places=[place(t, "Kharkiv", 706483, 49.98081, 36.25272, "UA", "Kharkiv")],
        times=[timex(t, "overnight", "2024-05-10", "day")],
        events=[
            Event(
                id="k1",
                type="ASSAULT",
                mode="artillery",
                cameo="195",
                goldstein=-10.0,
                acled_event_type="Explosions/Remote violence",
                source="rus-mil",
                target="ukr",
                place=706483,
                date="2024-05-10",
                evidence=sentence(t, "shelled"),
                confidence=0.9,
            ),
            Event(
                id="k2",
                type="REQUEST",
                mode="military aid",
                cameo="1012",
                goldstein=3.4,
                source="zelensky",
                target="usa",
                date="2024-05-10",
                evidence=sentence(t, "asked"),
                confidence=0.8,
            ),
        ],
    )


def analyses() -> list[Analysis]:
    """All fixture articles."""
    return [rafah_article(), xss_article(), cairo_article(), kharkiv_article()]


def stub_analyser(articles: Sequence[Article]) -> list[Analysis]:
    """A fast stand-in for the pipeline: one CONSULT event over the first sentence; 'FAIL' in a text raises."""
    results = []
    for article in articles:
        if "FAIL" in article.text:
            raise ValueError(f"stub cannot analyse {article.id}")
        end = article.text.find(".") + 1 or len(article.text)
        results.append(
            Analysis(
                pipeline_version="stub",
                id=article.id,
                date=article.date,
                title=article.title,
                url=article.url,
                source=article.source,
                text=article.text,
                events=[
                    Event(
                        id="s1",
                        type="CONSULT",
                        evidence=Span(text=article.text[:end], start=0, end=end),
                        confidence=0.5,
                    )
                ],
            )
        )
    return results


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """Runs an ASGI app with uvicorn on 127.0.0.1 in a background thread (a real HTTP server)."""

    def __init__(self, app) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@contextmanager
def serve(app, timeout: float = 10) -> Iterator[httpx.Client]:
    """A live server for ``app`` and an httpx client pointed at it."""
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=timeout) as client:
        yield client
