"""Server-rendered pages: overview and submit form, article view, events table, timeline, map, network, API docs.

Templates are autoescaped, so article text and every stored string reach the browser as text, never as markup.
Charts and maps are drawn by our static scripts from the JSON API.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from dateline.api import queries
from dateline.api.params import Offset, filter_from_query
from dateline.model import Analysis
from dateline.store import Store
from dateline.store import select as events_query
from dateline.store.select import EventFilter
from dateline.web import TEMPLATE_DIR
from dateline.web.highlight import segments

PAGE_SIZE = 50

templates = Jinja2Templates(
    env=Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(default=True))
)
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _store(request: Request) -> Store:
    return request.app.state.store


def _pager(request: Request, total: int, offset: int, size: int = PAGE_SIZE) -> dict:
    """Links to the previous and next pages, keeping the other query parameters."""
    url = request.url
    return {
        "total": total,
        "first": offset + 1 if total else 0,
        "last": min(offset + size, total),
        "prev": str(url.include_query_params(offset=max(offset - size, 0))) if offset > 0 else None,
        "next": str(url.include_query_params(offset=offset + size)) if offset + size < total else None,
    }


def error_page(request: Request, status: int, message: str) -> Response:
    """An HTML error page for browsers."""
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "page": "error"}, status_code=status
    )


@router.get("/")
def overview(request: Request, offset: Offset = 0) -> Response:
    """Counts, recent articles, event types, and the form to paste or upload an article."""
    store = _store(request)
    total, articles = queries.articles_page(store.engine, PAGE_SIZE, offset)
    return templates.TemplateResponse(
        request,
        "index.html",
        {
            "page": "overview",
            "counts": store.counts(),
            "articles": articles,
            "pager": _pager(request, total, offset),
            "types": queries.event_type_counts(store.engine)[:12],
            "writes_enabled": bool(request.app.state.token),
        },
    )


@router.get("/articles/{article_id}")
def article_view(article_id: str, request: Request) -> Response:
    """The article text with every layer highlighted, its flags beside it and its records below."""
    analysis: Analysis | None = _store(request).analysis(article_id)
    if analysis is None:
        raise HTTPException(404, f"no article {article_id}")
    return templates.TemplateResponse(
        request,
        "article.html",
        {
            "page": "article",
            "a": analysis,
            "segments": segments(analysis),
            "actor_names": {actor.id: actor.name for actor in analysis.actors},
            "place_names": {p.geonameid: p.name for p in analysis.places if p.geonameid is not None},
        },
    )


@router.get("/events")
def events_view(
    request: Request, filters: Annotated[EventFilter, Depends(filter_from_query)], offset: Offset = 0
) -> Response:
    """The events table with its filter form; every row links to its evidence in the article view."""
    store = _store(request)
    total, rows = events_query.events_page(store.engine, filters, PAGE_SIZE, offset)
    return templates.TemplateResponse(
        request,
        "events.html",
        {
            "page": "events",
            "f": filters,
            "export_query": urlencode(filters.model_dump(mode="json", exclude_none=True)),
            "rows": rows,
            "pager": _pager(request, total, offset),
            "types": queries.distinct_values(store.engine, "type"),
            "modes": queries.distinct_values(store.engine, "mode"),
        },
    )


@router.get("/timeline")
def timeline_view(
    request: Request,
    filters: Annotated[EventFilter, Depends(filter_from_query)],
    interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "week",
    by: Annotated[str, Query(pattern="^(type|actor|place)$")] = "type",
) -> Response:
    """Event counts over time; the chart is drawn by timeline.js from /api/timeline."""
    context = {"page": "timeline", "f": filters, "interval": interval, "by": by}
    return templates.TemplateResponse(request, "timeline.html", context)


@router.get("/map")
def map_view(request: Request, filters: Annotated[EventFilter, Depends(filter_from_query)]) -> Response:
    """Events and places on an offline basemap; drawn by map.js."""
    return templates.TemplateResponse(request, "map.html", {"page": "map", "f": filters})


@router.get("/network")
def network_view(request: Request, filters: Annotated[EventFilter, Depends(filter_from_query)]) -> Response:
    """The actor network; drawn by network.js from /api/network."""
    return templates.TemplateResponse(request, "network.html", {"page": "network", "f": filters})


@router.get("/docs")
def docs_view(request: Request) -> Response:
    """The API reference, rendered offline from /openapi.json by docs.js."""
    return templates.TemplateResponse(request, "docs.html", {"page": "docs"})
