"""Cross-document event fusion: reports of one real-world event, from many articles, become one fused event.

Two reports are *compatible* when they have the same PLOVER type and modality, compatible modes (equal or one
missing), dates whose calendar intervals (:func:`dateline.timeml.interval`, so a month covers its days) lie within a
window, places within a distance (haversine) or inside the same first-level division when one of them is a region,
and actors that agree in each role both name (a shared KB id or name, or a shared country when one side is a
country or unresolved). Reports join the fused event they are compatible with for at least half of its core members (the
most precise reports); otherwise they start a new one. Articles linked as near-duplicates are left out, so a story
copied 300 times counts once.

Where compatible reports still disagree (the day, the town, an actor, the death toll) the fused event carries a
flag holding both sides' values and evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, Engine, delete, func, insert, select

from dateline.geo import haversine_km
from dateline.model import Analysis, Span
from dateline.store import tables as t
from dateline.timeml import interval

T = TypeVar("T")
#: Event types whose reports often swap source and target ("A met B" / "B hosted A").
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "FIGHT"})
#: GeoNames feature codes of areas (countries, divisions, regions) rather than points.
AREA_PREFIXES = ("ADM", "PCL", "RGN", "AREA", "ZN", "TERR")
UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
TEENS = ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
NUMBER_WORDS = {word: value for value, word in enumerate(UNITS + TEENS)} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
_NUMBER = r"(\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
FATALITY_PATTERNS = (
    re.compile(
        rf"\b(?:killing|killed|kills)\s+(?:at\s+least\s+|some\s+|about\s+|nearly\s+|around\s+)?{_NUMBER}\b", re.I
    ),
    re.compile(rf"\bdeath\s+toll\s+(?:[\w'’-]+\s+){{0,8}}?{_NUMBER}\b", re.I),
    re.compile(
        rf"\b(?:at\s+least\s+|some\s+|about\s+|nearly\s+)?{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?"
        r"(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+|are\s+|lay\s+)?(?:killed|dead|died|slain)\b",
        re.I,
    ),
)


class Frozen(BaseModel):
    """Immutable record, strict about unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ActorRef(Frozen):
    """The parts of an actor fusion compares."""

    name: str
    kind: str | None = None
    kb_id: str | None = None
    country: str | None = None
    sector: str | None = None

    @property
    def key(self) -> str:
        """Identity across articles: the KB id when resolved, else the lower-cased name."""
        return f"kb:{self.kb_id}" if self.kb_id else f"name:{' '.join(self.name.lower().split())}"


class PlaceRef(Frozen):
    """The parts of a place fusion compares."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature_code: str | None = None

    @property
    def is_area(self) -> bool:
        """A country, division or region rather than a town or site."""
        return self.feature_code is None or self.feature_code.startswith(AREA_PREFIXES)

    @property
    def key(self) -> str:
        return str(self.geonameid) if self.geonameid is not None else f"name:{self.name.lower()}"


class Report(Frozen):
    """One article's event, as fusion sees it."""

    article_id: str
    article_date: dt.date
    event_id: str
    type: str
    mode: str | None = None
    modality: str = "occurred"
    category: str = "political"
    cameo: str | None = None
    goldstein: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    date: str | None = None
    start: dt.date
    end: dt.date
    source: ActorRef | None = None
    target: ActorRef | None = None
    place: PlaceRef | None = None
    fatalities: int | None = None
    evidence: Span
    confidence: float

    @property
    def width(self) -> int:
        """Days the report's date covers (1 for a day)."""
        return (self.end - self.start).days + 1

    @property
    def actors(self) -> list[ActorRef]:
        return [actor for actor in (self.source, self.target) if actor is not None]


class FusedFlag(Frozen):
    """A disagreement between two reports of one fused event, with both sides' values and evidence."""

    kind: str
    message: str
    value_a: str
    article_a: str
    event_a: str
    evidence_a: Span
    value_b: str
    article_b: str
    event_b: str
    evidence_b: Span


class FusedEvent(Frozen):
    """One real-world event with all its reports."""

    id: str
    type: str
    mode: str | None
    modality: str
    category: str
    cameo: str | None
    goldstein: float | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    date: str | None
    date_start: dt.date
    date_end: dt.date
    source: ActorRef | None
    target: ActorRef | None
    place: PlaceRef | None
    fatalities: int | None
    first_report: dt.date
    last_report: dt.date
    support: int
    reports: tuple[Report, ...]
    flags: tuple[FusedFlag, ...]
    confidence: float
    evidence_text: str


class FusionOptions(Frozen):
    """Thresholds of the compatibility test."""

    date_window_days: int = 1
    max_km: float = 25.0
    #: Reports whose date covers more days than this (a year, an undated week) are never merged.
    max_date_days: int = 31
    #: How many of a fused event's most precise reports a newcomer is compared with.
    core_size: int = 12


# -- reports -----------------------------------------------------------------------------------------------------


def parse_fatalities(text: str) -> int | None:
    """A death toll stated in ``text`` ("killing 12", "the death toll rose to 15", "three people were killed")."""
    found: list[int] = []
    for pattern in FATALITY_PATTERNS:
        for match in pattern.finditer(text):
            raw = match.group(1).lower().replace(",", "")
            value = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
            if value is not None:
                found.append(value)
    return max(found) if found else None


def make_report(
    article_id: str,
    article_date: dt.date,
    event: dict,
    source: ActorRef | None,
    target: ActorRef | None,
    place: PlaceRef | None,
) -> Report:
    """A Report from an event's fields (as stored or dumped from :class:`dateline.model.Event`)."""
    span = interval(event.get("date")) or (article_date, article_date)
    evidence = event["evidence"]
    return Report(
        article_id=article_id,
        article_date=article_date,
        event_id=event["id"],
        type=event["type"],
        mode=event.get("mode"),
        modality=event.get("modality") or "occurred",
        category=event.get("category") or "political",
        cameo=event.get("cameo"),
        goldstein=event.get("goldstein"),
        acled_event_type=event.get("acled_event_type"),
        acled_sub_event_type=event.get("acled_sub_event_type"),
        date=event.get("date") if interval(event.get("date")) else None,
        start=span[0],
        end=span[1],
        source=source,
        target=target,
        place=place,
        fatalities=parse_fatalities(evidence.text),
        evidence=evidence,
        confidence=event.get("confidence") or 0.0,
    )


def reports_from_analyses(analyses: Iterable[Analysis], skip: Iterable[str] = ()) -> list[Report]:
    """Reports of every event in ``analyses`` (articles whose id is in ``skip``, e.g. duplicates, left out)."""
    skipped = set(skip)
    reports = []
    for analysis in analyses:
        if analysis.id in skipped:
            continue
        actors = {
            a.id: ActorRef(name=a.name, kind=a.kind, kb_id=a.kb_id, country=a.country, sector=a.sector)
            for a in analysis.actors
        }
        places: dict[int, PlaceRef] = {}
        for p in analysis.places:
            if p.geonameid is not None and p.geonameid not in places:
                places[p.geonameid] = PlaceRef(**p.model_dump(exclude={"mentions", "confidence"}))
        for event in analysis.events:
            fields = event.model_dump(exclude={"evidence"}) | {"evidence": event.evidence}
            reports.append(
                make_report(
                    analysis.id,
                    analysis.date,
                    fields,
                    actors.get(event.source or ""),
                    actors.get(event.target or ""),
                    places.get(event.place) if event.place is not None else None,
                )
            )
    return reports


def load_reports(engine: Engine) -> list[Report]:
    """Reports of every stored event whose article is not a near-duplicate."""
    with engine.connect() as conn:
        dates = dict(
            conn.execute(select(t.articles.c.id, t.articles.c.date).where(t.articles.c.duplicate_of.is_(None))).all()
        )
        actors = {
            (r.article_id, r.actor_id): ActorRef(
                name=r.name, kind=r.kind, kb_id=r.kb_id, country=r.country, sector=r.sector
            )
            for r in conn.execute(select(t.actors))
        }
        places: dict[tuple[str, int], PlaceRef] = {}
        for r in conn.execute(select(t.places).where(t.places.c.geonameid.is_not(None)).order_by(t.places.c.idx)):
            fields = {k: r._mapping[k] for k in PlaceRef.model_fields}
            places.setdefault((r.article_id, r.geonameid), PlaceRef(**fields))
        rows = conn.execute(select(t.events).order_by(t.events.c.article_id, t.events.c.evidence_start)).mappings()
        reports = []
        for row in rows:
            if row["article_id"] not in dates:
                continue
            aid = row["article_id"]
            event = dict(row) | {
                "id": row["event_id"],
                "evidence": Span(text=row["evidence_text"], start=row["evidence_start"], end=row["evidence_end"]),
            }
            reports.append(
                make_report(
                    aid,
                    dates[aid],
                    event,
                    actors.get((aid, row["source"])),
                    actors.get((aid, row["target"])),
                    places.get((aid, row["place"])),
                )
            )
    return reports


# -- compatibility -----------------------------------------------------------------------------------------------


def dates_compatible(a: Report, b: Report, window_days: int) -> bool:
    """The two date intervals overlap or lie at most ``window_days`` apart."""
    gap = (max(a.start, b.start) - min(a.end, b.end)).days
    return gap <= window_days


def places_compatible(a: PlaceRef | None, b: PlaceRef | None, max_km: float) -> bool:
    """Same place, within ``max_km``, or one is an area (country / division) containing the other."""
    if a is None or b is None or a.key == b.key:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if None not in (a.lat, a.lon, b.lat, b.lon) and haversine_km(a.lat, a.lon, b.lat, b.lon) <= max_km:
        return True
    area, other = (a, b) if a.is_area else (b, a) if b.is_area else (None, None)
    if area is None or other is None:
        return False
    if area.feature_code and area.feature_code.startswith("PCL"):
        return area.country is not None and area.country == other.country
    return area.admin1 is not None and area.admin1 == other.admin1


def same_actor(x: ActorRef | None, y: ActorRef | None) -> bool | None:
    """Whether two actors in the same role agree: None when one is missing.

    Same KB id or name agrees; two different KB-resolved actors disagree unless one is a country, which stands for
    any actor of that country; otherwise a shared country agrees.
    """
    if x is None or y is None:
        return None
    if x.key == y.key:
        return True
    if x.kb_id and y.kb_id and "country" not in (x.kind, y.kind):
        return False
    return x.country is not None and x.country == y.country


def actors_compatible(a: Report, b: Report) -> bool:
    """No role disagrees: source against source and target against target (or crosswise, for symmetric types).

    A role one report leaves empty disagrees with nothing, so partial reports join fuller ones.
    """
    straight = (same_actor(a.source, b.source), same_actor(a.target, b.target))
    crossed = (same_actor(a.source, b.target), same_actor(a.target, b.source))
    return False not in straight or (a.type in SYMMETRIC_TYPES and False not in crossed)


def compatible(a: Report, b: Report, options: FusionOptions) -> bool:
    """Whether two reports can describe the same real-world event."""
    return (
        a.type == b.type
        and a.modality == b.modality
        and (a.mode is None or b.mode is None or a.mode == b.mode)
        and dates_compatible(a, b, options.date_window_days)
        and places_compatible(a.place, b.place, options.max_km)
        and actors_compatible(a, b)
    )


# -- clustering --------------------------------------------------------------------------------------------------


def cluster_reports(reports: Sequence[Report], options: FusionOptions | None = None) -> list[list[Report]]:
    """Group compatible reports, most precise first; a report joins the group it agrees with most."""
    options = options or FusionOptions()
    ordered = sorted(reports, key=lambda r: (r.width, r.start, r.article_date, r.article_id, r.event_id))
    groups: list[list[Report]] = []
    by_day: dict[tuple[str, str, int], list[int]] = {}
    window = options.date_window_days
    for report in ordered:
        if report.width > options.max_date_days:
            groups.append([report])
            continue
        first, last = report.start.toordinal() - window, report.end.toordinal() + window
        candidates = {g for day in range(first, last + 1) for g in by_day.get((report.type, report.modality, day), ())}
        best: tuple[float, int, int] | None = None
        for index in candidates:
            core = groups[index][: options.core_size]
            agreeing = sum(compatible(report, member, options) for member in core)
            if agreeing and agreeing * 2 >= len(core):
                score = (agreeing / len(core), len(groups[index]), -index)
                best = max(best, score) if best else score
        if best is not None:
            index = -best[2]
            groups[index].append(report)
        else:
            index = len(groups)
            groups.append([report])
        for day in range(report.start.toordinal(), report.end.toordinal() + 1):
            slots = by_day.setdefault((report.type, report.modality, day), [])
            if index not in slots:
                slots.append(index)
    return groups


def _majority(values: Iterable[T | None], key: Callable[[T], object] = lambda v: v) -> T | None:
    """The most frequent non-missing value (the first seen among ties)."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(key(v) for v in present)
    top = max(counts.values())
    return next(v for v in present if counts[key(v)] == top)


def _disagreements(
    kind: str, group: Sequence[Report], value: Callable[[Report], str | None], consensus: str | None
) -> list[FusedFlag]:
    """One flag per distinct minority value, each with the first report of either side."""
    if consensus is None:
        return []
    holder = next(r for r in group if value(r) == consensus)
    flags, seen = [], set()
    for report in group:
        other = value(report)
        if other is None or other == consensus or other in seen:
            continue
        seen.add(other)
        flags.append(
            FusedFlag(
                kind=kind,
                message=f"{kind.replace('_', ' ')}: {holder.article_id} says {consensus}, "
                f"{report.article_id} says {other}",
                value_a=consensus,
                article_a=holder.article_id,
                event_a=holder.event_id,
                evidence_a=holder.evidence,
                value_b=other,
                article_b=report.article_id,
                event_b=report.event_id,
                evidence_b=report.evidence,
            )
        )
    return flags


def _day(report: Report) -> str | None:
    return report.start.isoformat() if report.width == 1 and report.date else None


def _point_place(report: Report) -> str | None:
    place = report.place
    return f"{place.name} ({place.geonameid})" if place is not None and not place.is_area else None


def _actor_label(actor: ActorRef | None) -> str | None:
    return None if actor is None else f"{actor.name} [{actor.kb_id}]" if actor.kb_id else actor.name


def _oriented(report: Report, reference: Report) -> Report:
    """For symmetric types, swap source and target when the report names the reference's actors the other way."""
    if report.type not in SYMMETRIC_TYPES:
        return report
    straight = (same_actor(report.source, reference.source), same_actor(report.target, reference.target))
    crossed = (same_actor(report.source, reference.target), same_actor(report.target, reference.source))
    if crossed.count(True) > straight.count(True):
        return report.model_copy(update={"source": report.target, "target": report.source})
    return report


def fuse_group(group: Sequence[Report]) -> FusedEvent:
    """Summarise a group of compatible reports as one fused event with its disagreement flags."""
    seed = group[0]
    group = [_oriented(report, seed) for report in group]
    precise = [r for r in group if r.width == seed.width]
    date_report = _majority(precise, key=lambda r: (r.start, r.end)) or seed
    place = _majority(sorted((r.place for r in group if r.place), key=lambda p: p.is_area), key=lambda p: p.key)
    source = _majority((r.source for r in group), key=lambda a: a.key)
    target = _majority((r.target for r in group), key=lambda a: a.key)
    latest_toll = [r.fatalities for r in sorted(group, key=lambda r: r.article_date) if r.fatalities is not None]
    goldsteins = [r.goldstein for r in group if r.goldstein is not None]
    miss = 1.0
    for report in group:
        miss *= 1.0 - report.confidence
    flags = [
        *_disagreements("date_disagreement", group, _day, _day(date_report)),
        *_disagreements("place_disagreement", group, _point_place, _majority(_point_place(r) for r in group)),
        *_disagreements("source_disagreement", group, lambda r: _actor_label(r.source), _actor_label(source)),
        *_disagreements("target_disagreement", group, lambda r: _actor_label(r.target), _actor_label(target)),
        *_disagreements(
            "fatalities_disagreement",
            group,
            lambda r: None if r.fatalities is None else str(r.fatalities),
            _majority(str(r.fatalities) for r in group if r.fatalities is not None),
        ),
    ]
    keys = sorted(f"{r.article_id}/{r.event_id}" for r in group)
    best = max(group, key=lambda r: r.confidence)
    return FusedEvent(
        id="F" + hashlib.sha1(keys[0].encode("utf-8")).hexdigest()[:12],
        type=seed.type,
        mode=_majority(r.mode for r in group),
        modality=seed.modality,
        category=_majority(r.category for r in group) or seed.category,
        cameo=_majority(r.cameo for r in group),
        goldstein=round(sum(goldsteins) / len(goldsteins), 3) if goldsteins else None,
        acled_event_type=_majority(r.acled_event_type for r in group),
        acled_sub_event_type=_majority(r.acled_sub_event_type for r in group),
        date=date_report.date,
        date_start=date_report.start,
        date_end=date_report.end,
        source=source,
        target=target,
        place=place,
        fatalities=latest_toll[-1] if latest_toll else None,
        first_report=min(r.article_date for r in group),
        last_report=max(r.article_date for r in group),
        support=len({r.article_id for r in group}),
        reports=tuple(group),
        flags=tuple(flags),
        confidence=round(1.0 - miss, 4),
        evidence_text=best.evidence.text,
    )


def fuse_reports(reports: Sequence[Report], options: FusionOptions | None = None) -> list[FusedEvent]:
    """Cluster reports and summarise each cluster; fused events come out by date, then id."""
    fused = [fuse_group(group) for group in cluster_reports(reports, options)]
    return sorted(fused, key=lambda f: (f.date_start, f.id))


# -- storage -----------------------------------------------------------------------------------------------------


def _actor_columns(side: str, actor: ActorRef | None) -> dict:
    return {
        f"{side}_name": actor.name if actor else None,
        f"{side}_kb_id": actor.kb_id if actor else None,
        f"{side}_country": actor.country if actor else None,
        f"{side}_sector": actor.sector if actor else None,
    }


def _fused_row(event: FusedEvent) -> dict:
    place = event.place
    return {
        **event.model_dump(include={"id", "type", "mode", "modality", "category", "cameo", "goldstein"}),
        **event.model_dump(include={"acled_event_type", "acled_sub_event_type", "date", "date_start", "date_end"}),
        **_actor_columns("source", event.source),
        **_actor_columns("target", event.target),
        "place": place.geonameid if place else None,
        "place_name": place.name if place else None,
        **{k: getattr(place, k) if place else None for k in ("lat", "lon", "country", "admin1", "feature_code")},
        **event.model_dump(include={"fatalities", "first_report", "last_report", "support", "confidence"}),
        "reports": len(event.reports),
        "evidence_text": event.evidence_text,
    }


def _flag_row(fused_id: str, idx: int, flag: FusedFlag) -> dict:
    row = {"fused_id": fused_id, "idx": idx, "kind": flag.kind, "message": flag.message}
    for side in ("a", "b"):
        span: Span = getattr(flag, f"evidence_{side}")
        row |= {
            f"value_{side}": getattr(flag, f"value_{side}"),
            f"article_{side}": getattr(flag, f"article_{side}"),
            f"event_{side}": getattr(flag, f"event_{side}"),
            f"evidence_{side}_text": span.text,
            f"evidence_{side}_start": span.start,
            f"evidence_{side}_end": span.end,
        }
    return row


FUSED_FROM = "fused_from"


def articles_state(conn: Connection) -> str:
    """A fingerprint of the stored articles (how many, last processed): changes whenever an article is written."""
    count, last = conn.execute(select(func.count(), func.max(t.articles.c.processed_at))).one()
    return f"{count}:{last}"


def fusion_is_current(engine: Engine) -> bool:
    """Whether the fused tables were computed from the articles as they are now stored."""
    with engine.connect() as conn:
        saved = conn.scalar(select(t.store_state.c.value).where(t.store_state.c.key == FUSED_FROM))
        return saved is not None and saved == articles_state(conn)


def save_fused(engine: Engine, fused: Sequence[FusedEvent], fused_from: str | None = None) -> int:
    """Replace the fused tables' content with ``fused`` in one transaction; ``fused_from`` is the
    :func:`articles_state` the reports were read at (unknown: the fused tables count as stale)."""
    with engine.begin() as conn:
        for table in t.FUSION_TABLES:
            conn.execute(delete(table))
        conn.execute(delete(t.store_state).where(t.store_state.c.key == FUSED_FROM))
        if fused_from is not None:
            conn.execute(insert(t.store_state), {"key": FUSED_FROM, "value": fused_from})
        batches = (
            (t.fused_events, [_fused_row(f) for f in fused]),
            (
                t.fused_reports,
                [
                    {
                        "fused_id": f.id,
                        "article_id": r.article_id,
                        "event_id": r.event_id,
                        "article_date": r.article_date,
                    }
                    for f in fused
                    for r in f.reports
                ],
            ),
            (t.fused_flags, [_flag_row(f.id, i, flag) for f in fused for i, flag in enumerate(f.flags)]),
        )
        for table, rows in batches:
            if rows:
                conn.execute(insert(table), rows)
    return len(fused)


def fuse_store(engine: Engine, options: FusionOptions | None = None) -> int:
    """Recompute every fused event from the stored analyses; return how many there are."""
    with engine.connect() as conn:
        state = articles_state(conn)
    return save_fused(engine, fuse_reports(load_reports(engine), options), fused_from=state)
