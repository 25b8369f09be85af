"""Request and response records of the REST API (they also make the OpenAPI document)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from dateline.model import Article

#: Largest article text accepted, in UTF-8 bytes (a bigger one is answered with 413).
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
#: Most articles in one batch request.
MAX_BATCH_ARTICLES = 1000

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:\-]{0,199}$"


class ArticleIn(BaseModel):
    """One article to analyse: the text and its publication date (the anchor for relative dates)."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, pattern=ID_PATTERN, description="defaults to a hash of date and text")
    date: dt.date
    text: str = Field(min_length=1)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)

    def to_article(self) -> Article:
        """The ingest record; a missing id is derived from the content so re-posting replaces, never duplicates."""
        article_id = self.id or "api-" + hashlib.sha256(f"{self.date}\n{self.text}".encode()).hexdigest()[:16]
        return Article(
            id=article_id,
            date=self.date,
            text=self.text,
            title=self.title,
            url=self.url,
            source=self.source,
            path=f"api:{article_id}",
        )


class BatchIn(BaseModel):
    """Several articles analysed in the background as one job."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_BATCH_ARTICLES)


class JobError(BaseModel):
    """One article of a job that could not be analysed."""

    index: int
    id: str
    message: str


class Job(BaseModel):
    """A background batch: its progress, the stored article ids and per-article errors."""

    id: str
    status: Literal["queued", "running", "done", "failed"]
    created_at: dt.datetime
    finished_at: dt.datetime | None = None
    total: int
    processed: int = 0
    stored: int = 0
    failed: int = 0
    article_ids: list[str] = Field(default_factory=list)
    errors: list[JobError] = Field(default_factory=list)


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """A page of results: ``items`` from ``offset``, and how many match in all."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ArticleSummary(BaseModel):
    """A stored article without its analysis."""

    id: str
    date: dt.date
    title: str | None
    url: str | None
    source: str | None
    pipeline_version: str
    processed_at: dt.datetime
    events: int
    flags: int


class EventRow(BaseModel):
    """An event with its actors' names, its place's coordinates and its evidence span."""

    article_id: str
    article_date: dt.date
    article_title: str | None
    event_id: str
    type: str
    mode: str | None
    cameo: str | None
    goldstein: float | None
    category: str
    modality: str
    date: str | None
    date_from_text: bool
    source: str | None
    source_name: str | None
    source_kb_id: str | None
    source_country: str | None
    source_sector: str | None
    source_kind: str | None
    source_role: str | None
    target: str | None
    target_name: str | None
    target_kb_id: str | None
    target_country: str | None
    target_sector: str | None
    target_kind: str | None
    target_role: str | None
    place: int | None
    place_name: str | None
    lat: float | None
    lon: float | None
    place_country: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    evidence_text: str
    evidence_start: int
    evidence_end: int
    confidence: float


class FlagRow(BaseModel):
    """A stored flag with its article."""

    article_id: str
    article_date: dt.date
    article_title: str | None
    idx: int
    kind: str
    message: str
    evidence_text: str
    evidence_start: int
    evidence_end: int


class PlaceRow(BaseModel):
    """A place across articles (unresolved toponyms have no GeoNames id or coordinates)."""

    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    feature_code: str | None
    articles: int
    events: int
    confidence: float


class Period(BaseModel):
    """One timeline bucket: its label (``2024-03-18``, ``2024-W12``, ``2024-03``) and first day."""

    label: str
    start: dt.date


class Series(BaseModel):
    """Counts of one type, actor or place per period."""

    key: str
    label: str
    counts: list[int]
    total: int


class Timeline(BaseModel):
    """Event counts by period and series."""

    interval: Literal["day", "week", "month"]
    by: Literal["type", "actor", "place"]
    periods: list[Period]
    series: list[Series]


class Node(BaseModel):
    """An actor in the network (identified across articles by KB id, else name)."""

    id: str
    label: str
    kind: str | None
    country: str | None
    sector: str | None
    events: int


class Edge(BaseModel):
    """Events from one actor to another, with their Goldstein sum and mean."""

    source: str
    target: str
    count: int
    goldstein_sum: float
    goldstein_mean: float | None
    types: dict[str, int]


class Network(BaseModel):
    """The actor network: who did what to whom."""

    nodes: list[Node]
    edges: list[Edge]


class Health(BaseModel):
    """Liveness and what this server can do."""

    status: Literal["ok"]
    version: str
    schema_version: str
    articles: int
    writes_enabled: bool
    assets: bool = Field(description="whether the browser libraries (node_modules) were found")


class ErrorBody(BaseModel):
    """What went wrong."""

    code: str
    message: str
    details: list[dict] | None = None


class ErrorResponse(BaseModel):
    """Every error has this shape."""

    error: ErrorBody
