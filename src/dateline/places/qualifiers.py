"""Qualifier checks: what the text says about where a place lies versus where the gazetteer puts it.

Patterns between two resolved toponyms X and Y:

- "X, northern Y" / "X in southern Y" (north, south, east, west, central and the intercardinals): X must lie in Y
  (administrative membership first, else inside Y's extent) and in that part of Y's extent;
- "X, Y" / "X in Y" (Y a division or country above X's level): X must lie in Y;
- "X near Y": X must be within ``NEAR_KM`` of Y (or of Y's extent).

A contradiction becomes a ``place_qualifier`` :class:`Flag` whose evidence is the qualifier phrase.
"""

from __future__ import annotations

import itertools
import math
import re

import numpy as np

from dateline.model import Flag, Span
from dateline.places.gazetteer import KIND_ADM1, KIND_ADM2, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY, Gazetteer
from dateline.places.resolve import MATCH_DEMONYM, MATCH_FUZZY, MATCH_PART, STRONG_FUZZY, Toponym

NEAR_KM = 100.0
MIN_CONFIDENCE = 0.4
_DIRECTION = (
    r"(?P<dir>(?:north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west|north|south|east|west|central|middle)"
    r"(?:ern)?)"
)
_INSIDE_QUALIFIED = re.compile(
    rf"^\s*(?:,|\bin)\s*(?:the\s+)?(?P<phrase>{_DIRECTION}\s+(?:part of (?:the\s+)?)?)$", re.I
)
_INSIDE = re.compile(r"^\s*(?:,|\bin)\s*(?:the\s+)?$", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or)\s*$", re.I)
_NEAR = re.compile(r"^\s*,?\s*(?P<phrase>near\s+(?:the\s+)?)$", re.I)
_ZONE_NS = ("southern", "central", "northern")
_ZONE_EW = ("western", "central", "eastern")


def _zone(fraction: float) -> int:
    """0, 1 or 2: which third of an extent a relative position falls in."""
    return 0 if fraction < 1 / 3 else (2 if fraction > 2 / 3 else 1)


def _claim(direction: str) -> tuple[int | None, int | None]:
    """The (north-south, east-west) thirds a direction word claims; None where it says nothing."""
    d = direction.lower().replace("-", "").replace(" ", "").removesuffix("ern")
    ns = 2 if d.startswith("north") else 0 if d.startswith("south") else None
    ew = 2 if d.endswith("east") else 0 if d.endswith("west") else None
    if d in ("central", "middle"):
        return 1, 1
    return ns, ew


def _inside(gaz: Gazetteer, x: int, y: int, margin: float = 0.1) -> bool:
    """Whether X lies in Y: same country for countries, administrative membership, else Y's extent (+10%)."""
    if int(gaz.kind[y]) == KIND_COUNTRY:
        return gaz.country_code(x) == gaz.country_code(y)
    if gaz.contains(y, x):
        return True
    box = gaz.box[y]
    if np.isnan(box).any():
        return False
    dlat, dlon = (box[1] - box[0]) * margin, (box[3] - box[2]) * margin
    return bool(box[0] - dlat <= gaz.lat[x] <= box[1] + dlat and box[2] - dlon <= gaz.lon[x] <= box[3] + dlon)


def _position_message(gaz: Gazetteer, x: int, y: int, direction: str) -> str | None:
    """A message when X's position within Y's extent contradicts the claimed direction, else None."""
    box = gaz.box[y]
    if np.isnan(box).any() or box[1] - box[0] <= 0 or box[3] - box[2] <= 0:
        return None
    fy = (float(gaz.lat[x]) - box[0]) / (box[1] - box[0])
    fx = (float(gaz.lon[x]) - box[2]) / (box[3] - box[2])
    ns, ew = _claim(direction)
    actual_ns, actual_ew = _zone(min(max(fy, 0.0), 1.0)), _zone(min(max(fx, 0.0), 1.0))
    wrong_ns = ns is not None and abs(actual_ns - ns) >= (1 if ns == 1 else 2)
    wrong_ew = ew is not None and abs(actual_ew - ew) >= (1 if ew == 1 else 2)
    if not (wrong_ns or wrong_ew):
        return None
    if actual_ns != 1 and actual_ew != 1:
        actual = _ZONE_NS[actual_ns].removesuffix("ern") + _ZONE_EW[actual_ew]
    else:
        actual = _ZONE_NS[actual_ns] if actual_ns != 1 else _ZONE_EW[actual_ew]
    return f"{gaz.names[x]} lies in the {actual} {gaz.names[y]}, not the {direction.lower()} part the text says"


_LEVEL = {KIND_CITY: 0, KIND_ADM2: 1, KIND_ADM1: 2, KIND_COUNTRY: 3, KIND_CONTINENT: 4}


def _sure(topo: Toponym) -> bool:
    """Resolved confidently, by its own name: not a container stand-in, a loose fuzzy match or a nationality."""
    if topo.pick < 0 or topo.contained_in or topo.confidence < MIN_CONFIDENCE:
        return False
    cand = topo.candidates[topo.pick]
    if cand.match in (MATCH_DEMONYM, MATCH_PART):
        return False
    return cand.match != MATCH_FUZZY or cand.similarity >= STRONG_FUZZY


def _container_of(gaz: Gazetteer, y: int, x: int) -> bool:
    """Whether "X, Y" can mean X inside Y: Y is a division or country above X's level (lists of peers —
    "Becker, Clay, Douglas" counties, "Kuwait, Egypt" — are not containment)."""
    ky, kx = int(gaz.kind[y]), int(gaz.kind[x])
    return ky in (KIND_ADM2, KIND_ADM1, KIND_COUNTRY) and _LEVEL[ky] > _LEVEL[kx]


def _in_lists(text: str, mentions: list[tuple[int, int, int]]) -> list[bool]:
    """For each neighbouring pair of mentions: whether it sits in a longer comma list ("Butler, Clark, Hamilton,
    Madison"), where a comma separates peers rather than naming a container."""
    comma = [bool(_LIST_GAP.match(text[e1:s2])) for (_s1, e1, _a), (s2, _e2, _b) in itertools.pairwise(mentions)]
    return [(k > 0 and comma[k - 1]) or (k + 1 < len(comma) and comma[k + 1]) for k in range(len(comma))]


def check_qualifiers(gaz: Gazetteer, text: str, toponyms: list[Toponym]) -> list[Flag]:
    """Flags for every "X, <qualifier> Y", "X, Y" and "X near Y" that the resolved places contradict."""
    mentions = sorted((s, e, t) for t, topo in enumerate(toponyms) for s, e in topo.spans)
    flags: list[Flag] = []
    listed = _in_lists(text, mentions)
    for k, ((_s1, e1, a), (s2, e2, b)) in enumerate(itertools.pairwise(mentions)):
        tx, ty = toponyms[a], toponyms[b]
        x, y = tx.entry, ty.entry
        if a == b or x is None or y is None or x == y or s2 - e1 > 40 or not (_sure(tx) and _sure(ty)):
            continue
        gap = text[e1:s2]
        message, phrase_start = None, s2
        if m := _INSIDE_QUALIFIED.match(gap):
            phrase_start = e1 + m.start("phrase")
            if not _container_of(gaz, y, x):
                continue
            if not _inside(gaz, x, y):
                message = f"{gaz.names[x]} is not in {gaz.names[y]}"
            else:
                message = _position_message(gaz, x, y, m.group("dir"))
        elif _INSIDE.match(gap):
            if _container_of(gaz, y, x) and not _inside(gaz, x, y) and not (gap.strip() == "," and listed[k]):
                message = f"{gaz.names[x]} is not in {gaz.names[y]}"
        elif m := _NEAR.match(gap):
            phrase_start = e1 + m.start("phrase")
            km = _distance_to_extent(gaz, x, y)
            if km > NEAR_KM:
                message = f"{gaz.names[x]} is about {km:.0f} km from {gaz.names[y]}, not near it"
        if message:
            flags.append(
                Flag(
                    kind="place_qualifier",
                    message=message,
                    evidence=Span(text=text[phrase_start:e2], start=phrase_start, end=e2),
                )
            )
    return flags


def _distance_to_extent(gaz: Gazetteer, x: int, y: int) -> float:
    """Distance from X to Y's point, or to Y's extent when Y has one (0 inside it)."""
    box = gaz.box[y]
    lat, lon = float(gaz.lat[x]), float(gaz.lon[x])
    if np.isnan(box).any():
        return gaz.distance_km(x, y)
    clat = min(max(lat, float(box[0])), float(box[1]))
    clon = min(max(lon, float(box[2])), float(box[3]))
    dlat, dlon = math.radians(lat - clat), math.radians(lon - clon) * math.cos(math.radians(lat))
    return 6371.0 * math.hypot(dlat, dlon)
