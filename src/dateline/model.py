"""The one document model every stage fills: pydantic records with character offsets.

An :class:`Analysis` is what dateline says about one :class:`Article`. Every mention, evidence
span and flag points into ``Analysis.text`` by ``[start, end)`` character offsets, so
``text[start:end] == span.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

ActorKind = Literal["person", "organization", "country", "group"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal["time", "day", "week", "month", "quarter", "season", "year", "decade", "century", "none"]
Modality = Literal["occurred", "planned", "hypothetical", "negated"]
Category = Literal["political", "natural_disaster", "accident", "crime", "health", "economy", "sport", "other"]


class Record(BaseModel):
    """Base for all records: strict about unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A piece of the article text: ``text == article_text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Article(Record):
    """One input document as ingested: the text is never changed afterwards."""

    id: str
    date: dt.date
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None


class IngestError(Record):
    """A per-document failure: where it came from and what went wrong."""

    path: str
    line: int | None = None
    id: str | None = None
    message: str


class Actor(Record):
    """A who: resolved to the knowledge base (``kb_id``) or kept as an article-level actor."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    sector: str | None = Field(default=None, description="PLOVER sector code, e.g. GOV, MIL, REB")
    role: str | None = Field(default=None, description="office held on the article date")
    former: bool = Field(default=False, description="only held the role before the article date")
    kb_id: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)


class Place(Record):
    """A where: a toponym resolved to a GeoNames entry (or left unresolved with ``geonameid=None``)."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 as in GeoNames")
    admin1: str | None = None
    feature_code: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)


class Timex(Record):
    """A when: a TIMEX3-style expression normalised against the article date."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: TimexType
    value: str | None = Field(default=None, description="TimeML value, e.g. 2024-03-18, 2024-W13, P3D")
    granularity: Granularity = "none"
    anchor: Literal["document", "event", "absolute", "none"] = "document"
    anchor_event: str | None = Field(
        default=None, description="the known event an event-anchored expression refers to; its date is the value"
    )


class Event(Record):
    """A did-what-to-whom: PLOVER type and mode with CAMEO / ACLED codes, arguments and evidence."""

    id: str
    type: str = Field(description="PLOVER event type, e.g. CONSULT, ASSAULT")
    mode: str | None = Field(default=None, description="PLOVER mode, e.g. visit, phone")
    cameo: str | None = None
    goldstein: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    category: Category = "political"
    source: str | None = Field(default=None, description="actor id")
    target: str | None = Field(default=None, description="actor id")
    place: int | None = Field(default=None, description="GeoNames id of this event's place")
    date: str | None = Field(default=None, description="TimeML value: day, week or month")
    date_from_text: bool = Field(default=False, description="date read from the text, not the article date")
    modality: Modality = "occurred"
    evidence: Span
    confidence: float = Field(ge=0.0, le=1.0)


class Flag(Record):
    """A contradiction or warning, with the span of text it is about."""

    kind: str
    message: str
    evidence: Span


class Analysis(Record):
    """Everything dateline says about one article."""

    schema_version: str = SCHEMA_VERSION
    pipeline_version: str = ""
    id: str
    date: dt.date
    title: str | None = None
    url: str | None = None
    source: str | None = None
    text: str
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)


def text_order(a: Analysis) -> Analysis:
    """Put every list in order of first appearance in the text, so an analysis has one canonical form
    (what the store rebuilds, what runs on different engines compare equal on)."""

    def first(mentions: list) -> int:
        return min((m.start for m in mentions), default=len(a.text))

    actors = [x.model_copy(update={"mentions": sorted(x.mentions, key=lambda m: m.start)}) for x in a.actors]
    places = [x.model_copy(update={"mentions": sorted(x.mentions, key=lambda m: m.start)}) for x in a.places]
    return a.model_copy(
        update={
            "actors": sorted(actors, key=lambda x: (first(x.mentions), x.id)),
            "places": sorted(places, key=lambda x: (first(x.mentions), x.name)),
            "times": sorted(a.times, key=lambda x: (x.start, x.end)),
            "events": sorted(a.events, key=lambda x: (x.evidence.start, x.evidence.end, x.id)),
            "flags": sorted(a.flags, key=lambda x: (x.evidence.start, x.kind, x.message)),
        }
    )


def json_schema() -> str:
    """The JSON Schema of :class:`Analysis`, for consumers in other languages."""
    return json.dumps(Analysis.model_json_schema(), indent=2)
