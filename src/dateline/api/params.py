"""Query parameters shared by the API and the pages: pagination and event filters."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from dateline.store.select import DateField, EventFilter

Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]


def event_filter(
    article: Annotated[str | None, Query(description="article id")] = None,
    actor: Annotated[str | None, Query(description="actor id, KB id or part of a name (either side)")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT")] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode, e.g. visit")] = None,
    modality: Annotated[Literal["occurred", "planned", "hypothetical", "negated"] | None, Query()] = None,
    place: Annotated[str | None, Query(description="GeoNames id or part of a place name")] = None,
    lat: Annotated[float | None, Query(ge=-90, le=90)] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180)] = None,
    radius_km: Annotated[float | None, Query(gt=0, le=20000)] = None,
    since: Annotated[dt.date | None, Query(description="events on or after this day")] = None,
    until: Annotated[dt.date | None, Query(description="events on or before this day")] = None,
    dates: Annotated[
        DateField, Query(description="what since/until bound: the event's date or the article's")
    ] = "event",
    q: Annotated[str | None, Query(max_length=500, description="text in the evidence")] = None,
    include_duplicates: Annotated[bool, Query(description="also events of near-duplicate articles")] = False,
) -> EventFilter:
    """Event filters from the query string (empty values count as not given)."""
    return checked(
        EventFilter(
            article=_clean(article),
            actor=_clean(actor),
            type=_clean(type),
            mode=_clean(mode),
            modality=modality,
            place=_clean(place),
            lat=lat,
            lon=lon,
            radius_km=radius_km,
            since=since,
            until=until,
            dates=dates,
            q=_clean(q),
            include_duplicates=include_duplicates,
        )
    )


def _clean(text: str | None) -> str | None:
    return (text.strip() or None) if text else None


def checked(f: EventFilter) -> EventFilter:
    """Reject filter combinations that cannot mean anything (400)."""
    given = [x is not None for x in (f.lat, f.lon, f.radius_km)]
    if any(given) and not all(given):
        raise HTTPException(400, "lat, lon and radius_km go together")
    if f.since and f.until and f.since > f.until:
        raise HTTPException(400, "since is after until")
    return f


Filters = Annotated[EventFilter, Depends(event_filter)]


def filter_from_query(request: Request) -> EventFilter:
    """Event filters from a page's query string, where an HTML form sends empty fields as empty strings."""
    given = {k: v for k, v in request.query_params.items() if k in EventFilter.model_fields and v.strip()}
    try:
        return checked(EventFilter.model_validate(given))
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from exc
