"""The FastAPI application: the REST API under ``/api``, the web pages, static files and vendor assets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.responses import StreamingResponse
from fastapi.staticfiles import StaticFiles

from dateline import __version__
from dateline.api import queries
from dateline.api.jobs import Analyser, Analysing, pipeline_analyser
from dateline.api.params import Filters, Limit, Offset
from dateline.api.schemas import (
    MAX_ARTICLE_BYTES,
    ArticleIn,
    ArticleSummary,
    BatchIn,
    ErrorResponse,
    EventRow,
    FlagRow,
    Health,
    Job,
    Network,
    Page,
    PlaceRow,
    Timeline,
)
from dateline.api.security import BodyLimit, SecurityHeaders, check_token, install_error_handlers
from dateline.model import SCHEMA_VERSION, Analysis
from dateline.store import Store
from dateline.store import select as events_query
from dateline.store.export import safe_cell
from dateline.store.queries import actor_network
from dateline.web import STATIC_DIR, assets, pages

#: Request body limits in bytes: a single article (its JSON envelope included) and a batch.
MAX_REQUEST_BYTES = MAX_ARTICLE_BYTES + 64 * 1024
MAX_BATCH_BYTES = 20 * 1024 * 1024

ERRORS = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in ((400, "Bad request"), (404, "Not found"), (422, "Invalid parameters"))
}
WRITE_ERRORS = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in (
        (401, "Missing or wrong token"),
        (403, "Writes disabled"),
        (413, "Request too large"),
        (422, "Invalid body"),
    )
}


def _store(request: Request) -> Store:
    return request.app.state.store


def _require_write(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    check_token(request.app.state.token, authorization)


def _check_size(article: ArticleIn, index: int | None = None) -> None:
    size = len(article.text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        where = "article text" if index is None else f"article {index} text"
        raise HTTPException(413, f"{where} is {size} bytes; the limit is {MAX_ARTICLE_BYTES} bytes")


api = APIRouter(prefix="/api")
Write = [Depends(_require_write)]


@api.get("/health", response_model=Health, tags=["service"])
def health(request: Request) -> Health:
    """Liveness, versions, article count and whether writes and browser assets are available."""
    return Health(
        status="ok",
        version=__version__,
        schema_version=SCHEMA_VERSION,
        articles=_store(request).counts("articles")["articles"],
        writes_enabled=bool(request.app.state.token),
        assets=assets.node_modules() is not None,
    )


@api.post(
    "/articles", response_model=Analysis, status_code=201, dependencies=Write, responses=WRITE_ERRORS, tags=["write"]
)
def submit_article(body: ArticleIn, request: Request, response: Response) -> Analysis:
    """Analyse one article now, store it (replacing an earlier version with the same id) and return its analysis."""
    _check_size(body)
    article = body.to_article()
    try:
        analysis = request.app.state.analysing.one(article)
    except Exception as exc:  # recorded in the store's errors table by Analysing.one
        message = f"could not analyse article {article.id}: {exc!r}"
        raise HTTPException(500, {"code": "analysis_failed", "message": message}) from exc
    response.headers["Location"] = f"/api/articles/{analysis.id}"
    return analysis


@api.post(
    "/articles/batch", response_model=Job, status_code=202, dependencies=Write, responses=WRITE_ERRORS, tags=["write"]
)
def submit_batch(body: BatchIn, request: Request, response: Response) -> Job:
    """Queue articles for background analysis; poll ``Location`` (``/api/jobs/{id}``) for progress and errors."""
    for index, article in enumerate(body.articles):
        _check_size(article, index)
    job = request.app.state.analysing.submit([a.to_article() for a in body.articles])
    response.headers["Location"] = f"/api/jobs/{job.id}"
    return job


@api.get("/jobs/{job_id}", response_model=Job, responses=ERRORS, tags=["write"])
def job_status(job_id: str, request: Request) -> Job:
    """A batch job's status, counts, stored article ids and per-article errors."""
    job = request.app.state.analysing.job(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id}")
    return job


@api.get("/articles", response_model=Page[ArticleSummary], responses=ERRORS, tags=["read"])
def list_articles(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=500, description="part of the title or id")] = None,
    since: Annotated[dt.date | None, Query(description="article date on or after")] = None,
    until: Annotated[dt.date | None, Query(description="article date on or before")] = None,
) -> dict:
    """Stored articles, newest first, with event and flag counts."""
    total, rows = queries.articles_page(_store(request).engine, limit, offset, q, since, until)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@api.get("/articles/{article_id}", response_model=Analysis, responses=ERRORS, tags=["read"])
def get_article(article_id: str, request: Request) -> Analysis:
    """One article's full analysis: text, actors, places, times, events and flags with their spans."""
    analysis = _store(request).analysis(article_id)
    if analysis is None:
        raise HTTPException(404, f"no article {article_id}")
    return analysis


@api.get("/events", response_model=Page[EventRow], responses=ERRORS, tags=["read"])
def list_events(request: Request, filters: Filters, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Events matching every given filter, newest article first.

    ``since``/``until`` match events whose date (a TimeML day, week or month; the article date when the text gave
    none) overlaps the range. ``lat``/``lon``/``radius_km`` keep events whose place lies within the radius.
    """
    total, rows = events_query.events_page(_store(request).engine, filters, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@api.get("/timeline", response_model=Timeline, responses=ERRORS, tags=["read"])
def get_timeline(
    request: Request,
    filters: Filters,
    interval: Literal["day", "week", "month"] = "week",
    by: Literal["type", "actor", "place"] = "type",
    top: Annotated[int, Query(ge=1, le=50, description="series kept; the rest are summed as (other)")] = 10,
) -> dict:
    """Event counts per day, ISO week or month, per event type, actor (either side) or place."""
    try:
        return queries.timeline(_store(request).engine, filters, interval, by, top)
    except queries.TooManyPeriods as exc:
        raise HTTPException(400, str(exc)) from exc


@api.get("/network", response_model=Network, responses=ERRORS, tags=["read"])
def get_network(
    request: Request,
    filters: Filters,
    min_count: Annotated[int, Query(ge=1, description="drop dyads with fewer events")] = 1,
) -> dict:
    """Directed actor dyads with event counts, types and Goldstein sums / means."""
    return actor_network(events_query.iter_events(_store(request).engine, filters), min_count)


@api.get("/places", response_model=Page[PlaceRow], responses=ERRORS, tags=["read"])
def list_places(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=500, description="part of the name")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")] = None,
) -> dict:
    """Places across articles (one row per GeoNames id), most cited first."""
    total, rows = queries.places_page(_store(request).engine, limit, offset, q, country)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@api.get("/flags", response_model=Page[FlagRow], responses=ERRORS, tags=["read"])
def list_flags(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    kind: Annotated[str | None, Query(description="e.g. place_qualifier")] = None,
    article: Annotated[str | None, Query(description="article id")] = None,
) -> dict:
    """Contradiction and warning flags with their evidence spans."""
    total, rows = queries.flags_page(_store(request).engine, limit, offset, kind, article)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@api.get(
    "/export",
    responses={200: {"content": {"application/x-ndjson": {}, "text/csv": {}, "application/geo+json": {}}}, **ERRORS},
    tags=["read"],
)
def export(request: Request, filters: Filters, format: Literal["jsonl", "csv", "geojson"] = "jsonl") -> Response:
    """Download: ``jsonl`` one full analysis per article (article / since / until filters on the article),
    ``csv`` one row per event, ``geojson`` the events that have coordinates as points."""
    store = _store(request)
    if format == "jsonl":
        ids = [filters.article] if filters.article else queries.article_ids(store.engine, filters.since, filters.until)
        body: Iterator[str] = (
            analysis.model_dump_json() + "\n" for analysis in map(store.analysis, ids) if analysis is not None
        )
        media = "application/x-ndjson"
    elif format == "csv":
        body, media = _csv(events_query.iter_events(store.engine, filters)), "text/csv; charset=utf-8"
    else:
        body, media = _geojson(events_query.iter_events(store.engine, filters)), "application/geo+json"
    headers = {"Content-Disposition": f'attachment; filename="dateline-export.{format}"'}
    return StreamingResponse(body, media_type=media, headers=headers)


CSV_COLUMNS = list(EventRow.model_fields)


def _csv(rows: Iterator[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _geojson(rows: Iterator[dict]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            continue
        properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": properties,
        }
        yield ("" if first else ",") + json.dumps(feature, default=str)
        first = False
    yield "]}\n"


def _limit_for(path: str) -> int:
    return MAX_BATCH_BYTES if path.rstrip("/") == "/api/articles/batch" else MAX_REQUEST_BYTES


def create_app(db: str, token: str | None = None, analyser: Analyser | None = None) -> FastAPI:
    """The dateline server over the store at ``db``.

    ``token`` enables the write endpoints (``Authorization: Bearer <token>``); without one they answer 403.
    ``analyser`` turns articles into analyses (default: dateline's spaCy pipeline, built on first use).
    No CORS headers are sent, so browsers keep other sites' pages from reading the API.
    """
    store = Store(db)
    analysing = Analysing(store, analyser or pipeline_analyser())

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        analysing.close()

    app = FastAPI(
        title="dateline",
        version=__version__,
        description="Dated news articles in; actors, places, dates, PLOVER events and contradiction flags out.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.token = token or None
    app.state.analysing = analysing
    app.add_middleware(BodyLimit, limit_for=_limit_for)
    app.add_middleware(SecurityHeaders)
    install_error_handlers(app, pages.error_page)
    app.include_router(api)
    app.include_router(assets.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
