"""Toponym resolution: candidates from the gazetteer, ranked jointly with the rest of the article.

Each distinct toponym (mentions grouped by folded surface) gets candidates by exact / alternate name, abbreviation,
nationality adjective, partial name ("North London", "Lake Cumberland") and fuzzy match. A prior (match quality,
population, feature class; adjusted where the text uses the name as a town's: "the Athens City Council") is refined
in a few rounds by article context: the countries of the other places and of the actors, the country the article
is set in (its places, the countries it names, the currency it counts in), administrative containment (an explicit
"X, Y" / "X in Y" counts most), shared first-level divisions and distance to the other places.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from dateline.countries import alpha2
from dateline.model import Place, Span
from dateline.places.context import (
    currency_countries,
    is_dateline,
    is_municipal,
    names_acting_government,
    names_local_service,
    names_residents,
)
from dateline.places.gazetteer import (
    KIND_ADM1,
    KIND_ADM2,
    KIND_CITY,
    KIND_CONTINENT,
    KIND_COUNTRY,
    MATCH_ALT,
    MATCH_CODE,
    MATCH_NAME,
    Gazetteer,
    fold,
)

MATCH_DEMONYM, MATCH_FUZZY, MATCH_PART = 3, 4, 5
_MATCH_WEIGHT = {MATCH_NAME: 1.0, MATCH_DEMONYM: 0.95, MATCH_FUZZY: 0.6, MATCH_PART: 0.4}
GENERIC_TAIL = re.compile(
    r"\s+(crossing|border|border crossing|airport|international airport|bridge|road|street|highway|port|"
    r"camp|refugee camp|district|governorate|province|region|area|city|town|village|county|parish|state|"
    r"valley|river|mountains?|hills?|coast|strip|island|islands|lake|bay|park)$",
    re.IGNORECASE,
)
FEATURE_WORDS = re.compile(
    r"^(?:lake|river|mount|port\s+of|town\s+of|city\s+of|village\s+of|township\s+of|county\s+of|gulf\s+of|"
    r"bay\s+of|isle\s+of|fort|camp)\s+|\s+(?:township|twp\.?|colony|reservoir|dam|harbou?r|heights|union)$",
    re.IGNORECASE,
)
"""Words around a name that say what kind of feature it is ("Lake X", "Port of X", "X Township", "European
Union"): when the whole is unknown, the bare name is the nearest known place."""
DIRECTIONS = ("North", "South", "East", "West", "Central")
COMPASS = frozenset({"north", "south", "east", "west"})
WATER_NAME = re.compile(r"\b(?:sea|ocean|gulf)$|^(?:the\s+)?(?:gulf|sea|bay)\s+of\b", re.IGNORECASE)
WATERS = re.compile(r"\b(?:sea|ocean|gulf|strait|channel|bay|sound)\b", re.IGNORECASE)
DIRECTION_HEAD = re.compile(
    r"^(?:(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|central|upper|lower|greater|"
    r"inner|outer|mid|middle|far)\s+",
    re.IGNORECASE,
)
"""A leading direction or part word ("North London", "Southern Europe"): the rest names the place it is part of."""
_CONTAINED_GAP = re.compile(
    r"^\s*(?:,|\bin|\bof|\(|,\s*in)\s*(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+)?$",
    re.IGNORECASE,
)
_NEAR_GAP = re.compile(r"^\s*,?\s*(?:near|outside|close to|next to|just outside|bordering|and|or)\s+(?:the\s+)?$", re.I)
MAX_CANDIDATES = 30
CONTAINER_PREFIX = "container:"
"""Feature code prefix of a place that stands for an unknown toponym inside it ("container:PPL")."""
STRONG_FUZZY = 0.92
SMALL_PLACE = 100_000
STRAY_PLACE = 20_000
"""Towns below this size abroad, with nothing else in their country, may be stray namesakes (``_stray_namesake``)."""
TRANSNATIONAL = re.compile(
    r"\b(?:sea|ocean|gulf|strait|channel|atlantic|pacific|arctic|antarctic|mediterranean|caribbean|middle east|"
    r"far east|near east|union|world|horn\s+of\s+africa|sahel|balkans|levant|caucasus)\b",
    re.IGNORECASE,
)
"""Names of features that usually span several countries: no country fallback for them."""


@dataclass(frozen=True)
class Weights:
    """The ranking weights (set by hand, checked on the development sets; see docs/places.md)."""

    match: float = 0.5
    population: float = 0.15
    country: float = 0.45
    continent: float = 0.35
    adm1: float = 0.2
    adm2: float = -0.15
    capital: float = 0.3
    alternate: float = 0.6
    namesake: float = 0.3
    same_country: float = 0.15
    contained: float = 0.5
    contains: float = 0.3
    same_adm1: float = 0.22
    proximity: float = 0.5
    proximity_km: float = 120.0
    pattern_inside: float = 0.9
    pattern_container: float = 0.6
    near: float = 0.5
    actor_country: float = 0.12
    home: float = 0.5
    named: float = 0.6
    municipal: float = 0.8
    currency: float = 1.0
    dateline: float = 1.0
    temperature: float = 0.12
    saturation: float = 1.0


WEIGHTS = Weights()


@dataclass
class Candidate:
    """One gazetteer entry a toponym may refer to, with its prior and how its name matched."""

    entry: int
    match: int
    prior: float
    similarity: float = 1.0


@dataclass
class Toponym:
    """All mentions of one surface form in an article, and where it resolved."""

    key: str
    surface: str
    spans: list[tuple[int, int]]
    candidates: list[Candidate]
    pick: int = -1
    confidence: float = 0.0
    container_of: list[int] = field(default_factory=list)
    inside: list[int] = field(default_factory=list)
    near: list[int] = field(default_factory=list)
    sovereign: list[int] = field(default_factory=list)
    """Candidates (positions) that are a country, or a first-level division not named after a town in it."""
    municipal: bool = False
    """Named as a town's name somewhere ("the X City Council"): not a country, continent or state."""
    residents: bool = False
    """Names people somewhere ("a X woman"): a town or a state, not a country or continent."""
    local_service: bool = False
    """Followed by a service towns and countries both have ("X police"): its size says less."""
    dateline: bool = False
    """Opens the article as a wire dateline: a city, and one well known to readers."""
    acting: bool = False
    """Acts as a government somewhere ("X said", "X warned"): a capital or a country, not a first-level division."""
    contained_in: bool = False
    """Not in the gazetteer: resolved to the smallest place the text puts it in (see ``_fallback_container``)."""

    @property
    def entry(self) -> int | None:
        """The chosen gazetteer entry, if any."""
        return self.candidates[self.pick].entry if self.pick >= 0 else None


def iso3_to_iso2(codes: Sequence[str]) -> set[str]:
    """Actor countries (ISO alpha-3) as GeoNames country codes (alpha-2); unknown codes are skipped."""
    out = set()
    for code in codes:
        two = alpha2(code) if len(code) == 3 else (code.upper() if len(code) == 2 else None)
        if two is not None:
            out.add(two)
    return out


def _kind_bonus(kind: int, w: Weights) -> float:
    return {KIND_COUNTRY: w.country, KIND_CONTINENT: w.continent, KIND_ADM1: w.adm1, KIND_ADM2: w.adm2}.get(kind, 0.0)


def candidates_for(gaz: Gazetteer, surface: str, w: Weights = WEIGHTS) -> list[Candidate]:
    """Candidates of a surface form, with priors, best first (at most ``MAX_CANDIDATES``). A name that says it is a
    sea, ocean or gulf ("Red Sea", "Gulf of Aden") has none: the index holds no waters, only the provinces named
    after them."""
    if WATER_NAME.search(surface):
        return []
    found: dict[int, tuple[int, float]] = {}
    is_code_like = surface.isupper() or "." in surface
    style_abbreviation = "." in surface and any(ch.islower() for ch in surface)  # "La.", "W.Va.": not ISO codes
    hits = gaz.lookup(surface) or (gaz.lookup(surface.replace(" ", "")) if is_code_like else [])
    for idx, match in hits:
        if match == MATCH_CODE and (not is_code_like or (style_abbreviation and gaz.kind[idx] != KIND_ADM1)):
            continue
        found[idx] = (MATCH_NAME if match == MATCH_CODE else match, 1.0)
    demonym = gaz.demonym(surface)
    if demonym is not None and not any(gaz.kind[i] in (KIND_COUNTRY, KIND_CONTINENT) for i in found):
        found[demonym] = (MATCH_DEMONYM, 1.0)
    stripped = GENERIC_TAIL.sub("", surface)
    if stripped != surface and len(stripped) > 2:  # "Karak district": the Karak divisions and towns compete too
        for idx, _m in gaz.lookup(stripped):
            found.setdefault(idx, (MATCH_PART, 1.0))
    if not found:
        found = _part_candidates(gaz, surface)
    if not found and not is_code_like:
        found = {i: (MATCH_FUZZY, s) for i, s in gaz.fuzzy(surface)}
    out = []
    for idx, (match, sim) in found.items():
        weight = w.alternate if match == MATCH_ALT else _MATCH_WEIGHT[match]
        weight *= sim if match == MATCH_FUZZY else 1.0
        population = w.population * math.log10(int(gaz.pop[idx]) + 10)
        kind = int(gaz.kind[idx])
        # a country reached through part of the name ("Guernsey County", "Jordan River") is not that country
        bonus = 0.0 if match == MATCH_PART and kind in (KIND_COUNTRY, KIND_CONTINENT) else _kind_bonus(kind, w)
        prior = w.match * weight + population + bonus
        prior += w.capital * (gaz.fcode[idx] == "PPLC")
        out.append(Candidate(idx, match, prior, sim))
    _prefer_places_over_namesake_divisions(gaz, surface, out, w)
    out.sort(key=lambda c: -c.prior)
    return out[:MAX_CANDIDATES]


def _part_candidates(gaz: Gazetteer, surface: str) -> dict[int, tuple[int, float]]:
    """For a name the index lacks, the places it names a part of, or that share it (all as partial matches).

    "North London", "Southern Europe", "South East Asian" (a direction before the name); "Lake Cumberland", "Port
    of Los Angeles", "Hamilton Township" (a feature word around it); "Darfur" (the divisions "North Darfur",
    "South Darfur", … split it into parts).
    """
    if WATERS.search(surface):  # "Gulf of Mexico", "South China Sea": not part of the country they name
        return {}
    for pattern in (DIRECTION_HEAD, FEATURE_WORDS):
        head = pattern.sub("", pattern.sub("", surface))
        if head != surface and len(head) > 1 and head.lower() not in COMPASS:  # "Far East" is no part of an "East"
            found = {idx: (MATCH_PART, 1.0) for idx, _m in gaz.lookup(head)}
            inner = gaz.demonym(head)
            if not found and inner is not None:
                found[inner] = (MATCH_PART, 1.0)
            if found:
                return found
    parts = (idx for way in DIRECTIONS for idx, _m in gaz.lookup(f"{way} {surface}"))
    return {idx: (MATCH_PART, 1.0) for idx in parts if gaz.kind[idx] in (KIND_ADM1, KIND_ADM2)}


def _prefer_places_over_namesake_divisions(gaz: Gazetteer, surface: str, cands: list[Candidate], w: Weights) -> None:
    """A division named after a town in it (Rafah Governorate, Moscow Oblast, Paris département) yields to the town,
    and a division that shares its name with a city elsewhere at least as populous (and of 100,000 or more) loses its
    division bonus.

    Unless the text names the division type ("Rafah Governorate", "Rapides Parish"), a bare name in news means the
    town whose own name it is; the division keeps part of its prior since some are named more often than their seat.
    """
    if GENERIC_TAIL.search(surface):
        return
    towns = [c.entry for c in cands if gaz.kind[c.entry] == KIND_CITY and c.match == MATCH_NAME]
    biggest_town = max((int(gaz.pop[t]) for t in towns), default=0)
    for cand in cands:
        kind = gaz.kind[cand.entry]
        if kind in (KIND_ADM1, KIND_ADM2) and any(_inside(gaz, t, cand.entry) for t in towns):
            cand.prior -= w.namesake * (1.5 if kind == KIND_ADM2 else 1.0)
        elif kind == KIND_ADM1 and biggest_town >= max(SMALL_PLACE, int(gaz.pop[cand.entry])):
            cand.prior -= w.adm1  # a bare name shared with a bigger city abroad: no division bonus ("Gaza")


def _sovereign(gaz: Gazetteer, cands: list[Candidate]) -> list[int]:
    """Positions of the candidates whose name means them wherever an article is set: countries, and first-level
    divisions (Ontario, Kentucky) unless named after a town in them (Berlin, Alexandria Governorate)."""
    towns = [c.entry for c in cands if gaz.kind[c.entry] == KIND_CITY and c.match in (MATCH_NAME, MATCH_ALT)]
    out = []
    for pos, cand in enumerate(cands):
        kind = int(gaz.kind[cand.entry])
        seats = (t for t in towns if gaz.cc[t] == gaz.cc[cand.entry])
        if kind == KIND_COUNTRY or (kind == KIND_ADM1 and not any(_inside(gaz, t, cand.entry) for t in seats)):
            out.append(pos)
    return out


def _inside(gaz: Gazetteer, town: int, division: int) -> bool:
    """Whether a town is in a division: by membership, else by the division's extent."""
    if division in gaz.ancestors(town):
        return True
    box = gaz.box[division]
    return bool(box[0] <= gaz.lat[town] <= box[1] and box[2] <= gaz.lon[town] <= box[3])


def _relations(text: str, toponyms: list[Toponym]) -> None:
    """Mark "X, Y" / "X in Y" (X inside Y) and "X near Y" between neighbouring mentions."""
    spans = sorted((s, e, t) for t, topo in enumerate(toponyms) for s, e in topo.spans)
    for (_s1, e1, a), (s2, _e2, b) in itertools.pairwise(spans):
        if a == b or s2 - e1 > 40:
            continue
        gap = text[e1:s2]
        if _CONTAINED_GAP.match(gap):
            toponyms[a].inside.append(b)
            toponyms[b].container_of.append(a)
        elif _NEAR_GAP.match(gap):
            toponyms[a].near.append(b)
            toponyms[b].near.append(a)


_SCALE_KM = {KIND_CITY: 1.0, KIND_ADM2: 1.5, KIND_ADM1: 4.0, KIND_COUNTRY: 8.0, KIND_CONTINENT: 8.0}
TOP_SUPPORT = 10
"""How many of another toponym's candidates can lend support (weighted by their current probability)."""


@dataclass
class _Table:
    """A toponym's candidates as arrays, for scoring all pairs at once."""

    entries: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    cc: np.ndarray
    adm1: np.ndarray
    kind: np.ndarray
    scale: np.ndarray
    outer: list[set[int]]
    prior: np.ndarray
    prob: np.ndarray
    demonym: np.ndarray
    guess: np.ndarray
    """Fuzzy or partial matches: they count half towards the article's setting."""


def _table(gaz: Gazetteer, topo: Toponym) -> _Table:
    entries = np.array([c.entry for c in topo.candidates], dtype=np.int64)
    outer = []
    for e in entries.tolist():
        found = set(gaz.ancestors(e))
        country = gaz.country_entry(gaz.country_code(e)) if int(gaz.kind[e]) != KIND_COUNTRY else None
        if country is not None:
            found.add(country)
        outer.append(found)
    kind = gaz.kind[entries].astype(np.int64)
    prior = np.array([c.prior for c in topo.candidates])
    return _Table(
        entries=entries,
        lat=np.radians(gaz.lat[entries]),
        lon=np.radians(gaz.lon[entries]),
        cc=gaz.cc[entries].astype(np.int64),
        adm1=gaz.adm1[entries].astype(np.int64),
        kind=kind,
        scale=np.array([_SCALE_KM[k] for k in kind.tolist()]),
        outer=outer,
        prior=prior,
        prob=np.zeros(len(entries)),
        demonym=np.array([c.match == MATCH_DEMONYM for c in topo.candidates], dtype=bool),
        guess=np.array([c.match in (MATCH_FUZZY, MATCH_PART) for c in topo.candidates], dtype=bool),
    )


def _softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    z = np.exp((scores - scores.max()) / temperature)
    return z / z.sum()


def _pair_scores(me: _Table, other: _Table, w: Weights, inside: bool, container: bool, near: bool) -> np.ndarray:
    """What each of another toponym's candidates lends to each of mine (rows: mine), before weighting by how
    likely the other candidate is. Fixed for a pair of toponyms, so computed once per resolution."""
    contained = np.array([[int(e) in anc for e in other.entries] for anc in me.outer], dtype=bool)
    contains = np.array([[int(m) in theirs for theirs in other.outer] for m in me.entries], dtype=bool)
    same_cc = (me.cc[:, None] == other.cc[None, :]) & (me.kind[:, None] != KIND_CONTINENT)
    same_adm1 = (me.adm1[:, None] == other.adm1[None, :]) & (me.adm1[:, None] >= 0)
    dlat = me.lat[:, None] - other.lat[None, :]
    dlon = me.lon[:, None] - other.lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(me.lat[:, None]) * np.cos(other.lat[None, :]) * np.sin(dlon / 2) ** 2
    km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    scale = w.proximity_km * np.maximum(me.scale[:, None], other.scale[None, :])
    both_land = (me.kind[:, None] != KIND_CONTINENT) & (other.kind[None, :] != KIND_CONTINENT)
    pair = (
        w.same_country * same_cc
        + w.contained * contained
        + w.contains * (contains & ~contained)
        + w.same_adm1 * same_adm1
        + w.proximity * np.exp(-km / scale) * both_land
    )
    if inside:
        pair = pair + w.pattern_inside * contained
    if container:
        pair = pair + w.pattern_container * contains
    if near:
        pair = pair + w.near * np.exp(-km / 100.0) * (me.kind[:, None] <= KIND_ADM2)
    return pair


def _support(pair: np.ndarray, other: _Table) -> np.ndarray:
    """What another toponym's candidates (top ``TOP_SUPPORT``, by probability) lend to each of my candidates."""
    top = np.argsort(-other.prob)[:TOP_SUPPORT]
    weight = 0.25 + 0.75 * other.prob[top]
    return (pair[:, top] * weight[None, :]).max(axis=1)


def _home_countries(
    gaz: Gazetteer, toponyms: list[Toponym], tables: dict[int, _Table], cues: np.ndarray, w: Weights
) -> dict[int, np.ndarray]:
    """Per toponym and candidate, how much the rest of the article is set in the candidate's country (0..1).

    The places below country level (each weighted by its mentions, at most 3, spread over its candidates'
    countries by their current probability) and the currency cues give each country its share of the setting. A
    country the article names outright counts as a setting too, at ``Weights.named`` (half that for a nationality
    adjective): "Moscow" in a story that names Russia may be in Russia however many American places it names.
    Candidates in ``Toponym.sovereign`` get the best value of any country: a country's or a state's own name
    means it wherever the article is set.
    """
    order = list(tables)
    if not order:
        return {}
    mass = np.zeros((len(order), len(gaz.country_codes)))
    named = np.zeros_like(mass)
    for row, t in enumerate(order):
        table = tables[t]
        sub = np.isin(table.kind, (KIND_CITY, KIND_ADM1, KIND_ADM2))
        weight = table.prob[sub] * np.where(table.guess[sub], 0.5, 1.0)  # a guess counts half
        mass[row] = np.bincount(table.cc[sub], weights=weight, minlength=mass.shape[1])
        mass[row] *= min(len(toponyms[t].spans), 3)
        whole = table.kind == KIND_COUNTRY
        strength = w.named * np.where(table.demonym, 0.5, 1.0) * table.prob
        np.maximum.at(named[row], table.cc[whole], strength[whole])
    total = mass.sum(axis=0) + cues
    # the largest "named" value over the other toponyms: the column maximum, or the runner-up on the row holding it
    top = named.argmax(axis=0)
    first = named.max(axis=0)
    second = np.sort(named, axis=0)[-2] if len(order) > 1 else np.zeros_like(first)
    out = {}
    for row, t in enumerate(order):
        rest = total - mass[row]
        norm = rest.sum()
        share = rest / norm if norm > 0 else rest
        share = np.maximum(share, np.where(top == row, second, first))
        bonus = share[tables[t].cc]
        bonus[toponyms[t].sovereign] = share.max()
        out[t] = bonus
    return out


def _usage(gaz: Gazetteer, topo: Toponym, table: _Table, w: Weights) -> np.ndarray:
    """How the way the text uses a name changes its candidates' priors (first cue that holds wins)."""
    size = w.population * np.log10(gaz.pop[table.entries] + 10)
    capital = w.capital * np.array([gaz.fcode[int(e)] == "PPLC" for e in table.entries])
    states = np.isin(table.kind, (KIND_COUNTRY, KIND_CONTINENT, KIND_ADM1))
    if topo.municipal:  # a town's own council, schools, address: not a country; its size says little
        return -w.municipal * states - 0.5 * size - capital
    if topo.dateline:  # "WASHINGTON —": a city, and a well-known one
        return -w.municipal * states + w.dateline * (size + capital)
    if topo.acting:  # "Washington said": the capital (or the country), not the state
        return -w.municipal * (table.kind == KIND_ADM1) + w.dateline * capital
    if topo.residents:  # "a Poland woman": a country's people go by its demonym
        return -(w.municipal + w.country) * np.isin(table.kind, (KIND_COUNTRY, KIND_CONTINENT))
    if topo.local_service:  # "X police": a town's or a country's; size counts half
        return -0.5 * size
    return np.zeros(len(table.entries))


def rank(
    gaz: Gazetteer,
    text: str,
    toponyms: list[Toponym],
    context_countries: dict[str, float],
    rounds: int = 3,
    w: Weights = WEIGHTS,
) -> None:
    """Choose a candidate for every toponym, jointly: prior first, then rounds of context re-scoring.

    Each round, every candidate collects support from the other toponyms' likely candidates (same country,
    administrative containment — most for an explicit "X, Y" / "X in Y" —, same first-level division, distance)
    and from ``context_countries`` (ISO alpha-2 → weight 0..1, the actors' countries).
    """
    _relations(text, toponyms)
    live = [t for t, topo in enumerate(toponyms) if topo.candidates]
    tables = {t: _table(gaz, toponyms[t]) for t in live}
    for t in live:
        tables[t].prior = tables[t].prior + _usage(gaz, toponyms[t], tables[t], w)
        tables[t].prob = _softmax(tables[t].prior, w.temperature)
    actor = {
        t: np.array([context_countries.get(gaz.country_code(int(e)), 0.0) for e in tables[t].entries]) for t in live
    }
    cues = np.zeros(len(gaz.country_codes))
    for cc, share in currency_countries(text).items():
        if cc in gaz.country_codes:
            cues[gaz.country_codes.index(cc)] = w.currency * share
    scores: dict[int, np.ndarray] = {t: tables[t].prior for t in live}
    pairs = {
        (t, u): _pair_scores(
            tables[t], tables[u], w, u in toponyms[t].inside, u in toponyms[t].container_of, u in toponyms[t].near
        )
        for t in live
        for u in live
        if u != t
    }
    for _ in range(rounds):
        home = _home_countries(gaz, toponyms, tables, cues, w)
        scores = {}
        for t in live:
            total = tables[t].prior + w.actor_country * actor[t] + w.home * home[t]
            # one toponym's support is a max over its candidates; what several toponyms lend adds up, with
            # diminishing returns so that a long list of places does not drown the prior
            lent = np.zeros(len(total))
            for u in live:
                if u != t:
                    lent += _support(pairs[t, u], tables[u])
            scores[t] = total + np.log1p(w.saturation * lent) / w.saturation
        for t in live:
            tables[t].prob = _softmax(scores[t], w.temperature)
    for t in live:
        topo = toponyms[t]
        topo.pick = int(np.argmax(scores[t]))
        topo.confidence = float(tables[t].prob[topo.pick])
        cand = topo.candidates[topo.pick]
        if cand.match == MATCH_FUZZY:
            topo.confidence *= cand.similarity
        elif cand.match == MATCH_PART:
            topo.confidence *= 0.6


def group_mentions(gaz: Gazetteer, text: str, spans: Sequence[tuple[int, int]], w: Weights = WEIGHTS) -> list[Toponym]:
    """Mentions grouped by folded surface form, each group with its candidates."""
    groups: dict[str, Toponym] = {}
    for start, end in spans:
        surface = text[start:end]
        key = fold(surface)
        if key not in groups:
            cands = candidates_for(gaz, surface, w)
            groups[key] = Toponym(key, surface, [], cands, sovereign=_sovereign(gaz, cands))
        groups[key].spans.append((start, end))
        groups[key].municipal |= is_municipal(text, start, end)
        groups[key].residents |= names_residents(text, start, end)
        groups[key].local_service |= names_local_service(text, start, end)
        groups[key].dateline |= is_dateline(text, start, end)
        groups[key].acting |= names_acting_government(text, start, end)
    return list(groups.values())


def _unsupported_guess(gaz: Gazetteer, topo: Toponym, toponyms: list[Toponym]) -> bool:
    """A loose fuzzy match, or a partial one ("Camp David" → a town David, "Lake Victoria" → a Victoria), in a
    country no other place of the article is in: more likely an unknown local name."""
    cand = topo.candidates[topo.pick]
    # a direction before a country, state or continent ("northern Syria", "Southern Europe") needs no support
    feature = cand.match == MATCH_PART and (FEATURE_WORDS.search(topo.surface) or gaz.kind[cand.entry] == KIND_CITY)
    if not (feature or (cand.match == MATCH_FUZZY and cand.similarity < STRONG_FUZZY)):
        return False
    cc = gaz.country_code(cand.entry)
    return not any(
        other is not topo
        and other.entry is not None
        and other.candidates[other.pick].match not in (MATCH_FUZZY, MATCH_PART)
        and gaz.country_code(other.entry) == cc
        for other in toponyms
    )


def _missing_from(gaz: Gazetteer, topo: Toponym, toponyms: list[Toponym]) -> bool:
    """ "Greenwood, W.Va." where no Greenwood of the index is in West Virginia: a place too small for the index.

    Only for small namesakes (under ``SMALL_PLACE`` people); a large one ("Lyon, Spain") stays, and the qualifier
    check flags it.
    """
    if topo.entry is None or int(gaz.pop[topo.entry]) >= SMALL_PLACE:
        return False
    for u in topo.inside:
        outer = toponyms[u].entry
        if outer is None or toponyms[u].confidence < 0.5 or int(gaz.kind[outer]) not in (KIND_COUNTRY, KIND_ADM1):
            continue
        if not any(gaz.contains(outer, c.entry) for c in topo.candidates):
            return True
    return False


def _stray_namesake(gaz: Gazetteer, topo: Toponym, toponyms: list[Toponym], setting: str | None) -> bool:
    """A small town abroad that nothing else supports, in an article set in one other country ("Holyrood" in an
    Edinburgh story reaching a Canadian Holyrood): more likely a local name the index lacks (a parliament, a street).
    The setting must rest on at least two other toponyms."""
    entry = topo.entry
    if entry is None or setting is None or int(gaz.kind[entry]) != KIND_CITY or int(gaz.pop[entry]) >= STRAY_PLACE:
        return False
    cc = gaz.country_code(entry)
    if cc == setting or any(gaz.country_code(c.entry) == setting for c in topo.candidates):
        return False
    others = [gaz.country_code(t.entry) for t in toponyms if t is not topo and t.entry is not None]
    return cc not in others and others.count(setting) >= 2


def _setting(gaz: Gazetteer, toponyms: list[Toponym]) -> tuple[str | None, int | None]:
    """Where the article is set: the country holding at least half of the resolved mentions (None if none does),
    and the most specific unit holding at least two thirds of them (that country's first-level division, else the
    country), as a gazetteer entry."""
    weight: dict[str, float] = {}
    states: dict[int, float] = {}
    total = 0.0
    for topo in toponyms:
        if topo.entry is None or topo.contained_in or int(gaz.kind[topo.entry]) == KIND_CONTINENT:
            continue
        if topo.candidates[topo.pick].match == MATCH_DEMONYM:  # "Latvian climbers" need not be in Latvia
            continue
        n = float(len(topo.spans))
        total += n
        cc = gaz.country_code(topo.entry)
        weight[cc] = weight.get(cc, 0.0) + n
        state = topo.entry if int(gaz.kind[topo.entry]) == KIND_ADM1 else int(gaz.adm1[topo.entry])
        if state >= 0:
            states[state] = states.get(state, 0.0) + n
    if not weight:
        return None, None
    cc, share = max(weight.items(), key=lambda kv: kv[1])
    if share < 0.5 * total:
        return None, None
    state, held = max(states.items(), key=lambda kv: kv[1], default=(-1, 0.0))
    if held >= 2 * total / 3 and gaz.country_code(state) == cc:
        return cc, state
    return cc, gaz.country_entry(cc)


def _fallback_container(gaz: Gazetteer, toponyms: list[Toponym]) -> None:
    """An unknown toponym (or a loose fuzzy guess nothing else supports, or a stray small namesake abroad) takes
    the smallest place the text puts it in ("a street, New Orleans"); failing that, in an article centred on one
    town (named at least twice, the usual local-news case) it takes that town; failing that, the division or
    country the article is set in (see ``_setting``), unless its name says it spans countries (a sea, an ocean).
    Always with low confidence; otherwise it stays unresolved."""
    setting, region = _setting(gaz, toponyms)
    dropped = False
    for topo in toponyms:
        if topo.candidates and (
            _unsupported_guess(gaz, topo, toponyms)
            or _missing_from(gaz, topo, toponyms)
            or _stray_namesake(gaz, topo, toponyms, setting)
        ):
            topo.candidates, topo.pick = [], -1
            dropped = True
    if dropped:  # the setting without the dropped guesses
        _, region = _setting(gaz, toponyms)
    towns = [t for t in toponyms if t.entry is not None and int(gaz.kind[t.entry]) == KIND_CITY]
    main = max(towns, key=lambda t: len(t.spans), default=None)
    if main is not None and len(main.spans) < 2:
        main = None
    for topo in toponyms:
        if topo.candidates:
            continue
        container = next((toponyms[u] for u in topo.inside if toponyms[u].entry is not None), None)
        host = container or main
        if host is not None and host.entry is not None:
            topo.candidates = [Candidate(host.entry, MATCH_PART, 0.0)]
            topo.pick = 0
            topo.contained_in = True
            topo.confidence = 0.25 * host.confidence if container is not None else 0.1
        elif region is not None and not TRANSNATIONAL.search(topo.surface):
            topo.candidates = [Candidate(region, MATCH_PART, 0.0)]
            topo.pick = 0
            topo.contained_in = True
            topo.confidence = 0.05


def to_place(gaz: Gazetteer, topo: Toponym, text: str) -> Place:
    """The :class:`Place` record of a toponym (unresolved ones keep ``geonameid=None``; one resolved to a place that
    contains it has the name as written and a ``container:`` feature code)."""
    mentions = [Span(text=text[s:e], start=s, end=e) for s, e in sorted(topo.spans)]
    if topo.entry is None:
        return Place(name=topo.surface, mentions=mentions, confidence=0.0)
    e = gaz.entry(topo.entry)
    return Place(
        name=topo.surface if topo.contained_in else e.name,
        geonameid=e.geonameid,
        lat=round(e.lat, 5),
        lon=round(e.lon, 5),
        country=e.country or None,
        admin1=e.admin1,
        feature_code=f"{CONTAINER_PREFIX}{e.feature_code}" if topo.contained_in else e.feature_code,
        mentions=mentions,
        confidence=round(min(1.0, max(0.0, topo.confidence)), 4),
    )


def resolve_spans(
    gaz: Gazetteer,
    text: str,
    spans: Sequence[tuple[int, int]],
    context_countries: Sequence[str] = (),
    w: Weights = WEIGHTS,
    hint_countries: Sequence[str] = (),
) -> list[Toponym]:
    """Group, rank and (where nothing matched) fall back; returns the toponyms.

    ``context_countries``: ISO alpha-3 of the actors (full weight); ``hint_countries``: ISO alpha-2 of the
    nationalities the text names (half weight: "American diplomats in Geneva" is still Switzerland).
    """
    toponyms = group_mentions(gaz, text, spans, w)
    context = dict.fromkeys(hint_countries, 0.5) | dict.fromkeys(iso3_to_iso2(context_countries), 1.0)
    rank(gaz, text, toponyms, context, w=w)
    _fallback_container(gaz, toponyms)
    return toponyms


def resolve_mentions(
    text: str,
    mentions: Sequence[tuple[int, int]],
    context_countries: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
) -> list[Place | None]:
    """Resolve given (gold) mention offsets: one :class:`Place` per mention, in input order (None if unresolved)."""
    gaz = gazetteer or Gazetteer.load()
    toponyms = resolve_spans(gaz, text, mentions, context_countries)
    by_span: dict[tuple[int, int], Place | None] = {}
    for topo in toponyms:
        place = to_place(gaz, topo, text) if topo.entry is not None else None
        for span in topo.spans:
            by_span[span] = place
    return [by_span.get((s, e)) for s, e in mentions]


def population_baseline(gaz: Gazetteer, text: str, mentions: Sequence[tuple[int, int]]) -> list[int | None]:
    """The most populous candidate of each mention (the usual geocoding baseline): gazetteer entries."""
    out: list[int | None] = []
    cache: dict[str, int | None] = {}
    for start, end in mentions:
        surface = text[start:end]
        if surface not in cache:
            cands = candidates_for(gaz, surface)
            cache[surface] = max(cands, key=lambda c: int(gaz.pop[c.entry])).entry if cands else None
        out.append(cache[surface])
    return out
