"""The actor knowledge base: records with dated roles, loaded from YAML files, indexed by every name they go by.

The bundled KB is every ``*.yaml`` under ``dateline/actors/data/`` (a YAML list of actor records per file, see
``docs/actors.md``); extra files (user KBs, imports) are read after it and override records with the same id, or are
merged into a bundled record that has the same Wikidata QID or the same name and country. The loaded KB, with its
alias index, is pickled under :func:`dateline.cache.cache_dir` keyed by the files' paths, sizes and mtimes, so a warm
load is a single unpickle.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import os
import pickle
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

import pycountry
import yaml
from anyascii import anyascii
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from rapidfuzz import fuzz, process

from dateline.cache import cache_dir

DATA_DIR = Path(__file__).resolve().parent / "data"
# Bump when the pickled layout of KnowledgeBase changes, so stale caches are not read.
CACHE_FORMAT = 2
#: CAMEO's country-slot codes for international and non-governmental organisations (IGOUNO, NGO...). In the KB they
#: mark transnational records and offices; an actor's sector is what it does (GOV, MIL, REF, ...), never IGO/NGO.
TRANSNATIONAL = frozenset({"IGO", "NGO"})

KBKind = Literal["person", "country", "organization", "igo", "ngo", "armed_group", "media", "party"]

#: PLOVER actor sector codes (PLOVER manual, actor sectors).
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "PTY",
        "COP",
        "JUD",
        "SPY",
        "MED",
        "EDU",
        "BUS",
        "CRM",
        "CVL",
        "IGO",
        "NGO",
        "INS",
        "UAF",
        "LEG",
        "REF",
        "HLH",
        "ENV",
        "AGR",
        "LAB",
        "REL",
        "ELI",
        "IMG",
        "SET",
        "ETH",
        "HRI",
    ]
)
#: Country codes outside ISO 3166-1 that the KB accepts on purpose: Kosovo's user-assigned code.
EXTRA_COUNTRY_CODES = frozenset({"XKX"})
ISO3 = frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_COUNTRY_CODES

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_OFFICE = re.compile(r"^[A-Z][A-Z0-9]*/[a-z0-9]+(?:-[a-z0-9]+)*$")
_ID = re.compile(r"^(?:[a-z0-9]+:)?[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9]\d*$")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_POSSESSIVE = re.compile(r"['’`]s\b")
_DOTS_QUOTES = re.compile(r"[.'’`]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A lookup key: ASCII, lowercase, no dots or apostrophes, hyphens as spaces, no leading "the".

    Cached: the same names recur across mentions and articles."""
    s = anyascii(text).lower()
    s = _POSSESSIVE.sub("", s)
    s = _DOTS_QUOTES.sub("", s)
    s = _NON_ALNUM.sub(" ", s).strip()
    return s[4:] if s.startswith("the ") else s


def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a partial date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) can mean."""
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise ValueError(f"bad date {value!r}")
    year = int(m[1])
    if m[3]:
        day = dt.date(year, int(m[2]), int(m[3]))
        return day, day
    if m[2]:
        month = int(m[2])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


class _KBRecord(BaseModel):
    """Base for KB records: unknown fields are errors, so typos in data files are reported by ``validate``."""

    model_config = ConfigDict(extra="forbid")


class KBRole(_KBRecord):
    """An office held between two (possibly partial) dates; no ``end`` means still held."""

    title: str
    office: str | None = Field(default=None, description="single-holder office key, e.g. ISR/defence-minister")
    country: str | None = None
    sector: str | None = None
    organization: str | None = None
    start: str | None = None
    end: str | None = None
    acting: bool = False

    @field_validator("start", "end", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        """YAML reads full dates as ``date`` and bare years as ``int``: keep them all as partial-date text."""
        if isinstance(value, dt.date | int):
            return value.isoformat() if isinstance(value, dt.date) else str(value)
        return value

    @field_validator("start", "end")
    @classmethod
    def _valid_date(cls, value: str | None) -> str | None:
        if value is not None:
            date_bounds(value)
        return value

    def held_on(self, day: dt.date) -> bool:
        """True when the role may have been held on ``day`` (partial dates count in full)."""
        if self.start is not None and date_bounds(self.start)[0] > day:
            return False
        return self.end is None or date_bounds(self.end)[1] >= day

    def ended_before(self, day: dt.date) -> bool:
        """True when the role surely ended before ``day``."""
        return self.end is not None and date_bounds(self.end)[1] < day

    @property
    def slug(self) -> str | None:
        """The office key without its country part, e.g. ``defence-minister``."""
        return self.office.split("/", 1)[1] if self.office and "/" in self.office else None


class KBActor(_KBRecord):
    """One actor: person, country, organisation or group, with aliases and dated roles."""

    id: str
    name: str
    kind: KBKind
    country: str | None = None
    sectors: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    qid: str | None = None
    wiki: str | None = None
    roles: list[KBRole] = Field(default_factory=list)
    iso2: str | None = None
    demonyms: list[str] = Field(default_factory=list)
    capital: str | None = None
    source: str | None = Field(default=None, description="where an imported record came from, e.g. phoenix")

    def roles_on(self, day: dt.date) -> list[KBRole]:
        """The roles held on ``day``, non-acting first."""
        return sorted((r for r in self.roles if r.held_on(day)), key=lambda r: r.acting)

    def roles_before(self, day: dt.date) -> list[KBRole]:
        """Roles that ended before ``day``, latest first."""
        past = [r for r in self.roles if r.ended_before(day)]
        return sorted(past, key=lambda r: date_bounds(r.end or "0001")[1], reverse=True)

    def names(self) -> list[str]:
        """Canonical name, aliases and demonyms: every surface form the actor is indexed under."""
        return [self.name, *self.aliases, *self.demonyms]


class KnowledgeBase:
    """Actors by id with a folded-name index, a surname index, an office index and a fuzzy matcher."""

    def __init__(self, actors: Iterable[KBActor] = (), problems: Sequence[str] = ()) -> None:
        self.actors: dict[str, KBActor] = {}
        self._index: _Index | None = None
        self._merge_keys: dict[tuple[str, ...], str] | None = None
        self.problems: list[str] = list(problems)
        for actor in actors:
            self.add(actor)

    # -- building -------------------------------------------------------------------------------------------

    def add(self, actor: KBActor, merge: bool = False) -> None:
        """Add ``actor``, replacing a record with the same id; with ``merge``, fold it into a matching record."""
        if merge:
            target = self._merge_target(actor)
            if target is not None:
                self._merge(target, actor)
                self._index = None
                return
        self.actors[actor.id] = actor
        self._index = None
        if self._merge_keys is not None:
            for key in _merge_keys(actor):
                self._merge_keys.setdefault(key, actor.id)

    def _merge_target(self, actor: KBActor) -> KBActor | None:
        """A record already here with the same QID, or the same folded name, kind family and country."""
        if actor.id in self.actors:
            return None
        if self._merge_keys is None:
            self._merge_keys = {}
            for other in self.actors.values():
                for key in _merge_keys(other):
                    self._merge_keys.setdefault(key, other.id)
        for key in _merge_keys(actor):
            if key in self._merge_keys and self._merge_keys[key] in self.actors:
                return self.actors[self._merge_keys[key]]
        return None

    @staticmethod
    def _merge(target: KBActor, extra: KBActor) -> None:
        """Add ``extra``'s aliases (and its roles and QID when ``target`` has none) to ``target``."""
        known = {fold(n) for n in target.names()}
        target.aliases.extend(a for a in [extra.name, *extra.aliases] if fold(a) not in known)
        target.aliases[:] = list(dict.fromkeys(target.aliases))
        if not target.roles:
            target.roles.extend(extra.roles)
        if not target.qid:
            target.qid = extra.qid
        if not target.sectors:
            target.sectors.extend(extra.sectors)

    def _build_index(self) -> _Index:
        index = _Index()
        for actor in self.actors.values():
            for rank, name in enumerate(actor.names()):
                key = fold(name)
                if key:
                    index.names[key].append((0 if rank == 0 else 1, actor.id))
            if actor.kind == "person":
                last = fold(actor.name).rsplit(" ", 1)[-1]
                if last:
                    index.surnames[last].append(actor.id)
            if actor.kind == "country" and actor.country:
                index.countries[actor.country] = actor.id
            for role in actor.roles:
                if role.office:
                    index.offices[role.office].append(actor.id)
        for key, hits in index.names.items():
            index.names[key] = sorted(set(hits))
        index.keys = sorted(index.names)
        index.by_length = sorted(index.keys, key=len)
        longest = len(index.by_length[-1]) if index.by_length else 0
        index.length_start = [bisect_left(index.by_length, n, key=len) for n in range(longest + 2)]
        index.first_words = {key.split(" ", 1)[0] for key in index.keys}
        self._index = index
        return index

    @property
    def index(self) -> _Index:
        """The lookup tables, built on first use."""
        return self._index if self._index is not None else self._build_index()

    # -- loading --------------------------------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[Path] = (), bundled: bool = True, use_cache: bool = True) -> KnowledgeBase:
        """The bundled KB plus ``extra`` files (or folders of ``*.yaml``); cached as a pickle keyed by the files."""
        files = sorted(DATA_DIR.rglob("*.yaml")) if bundled else []
        extras = [p for path in extra for p in (sorted(Path(path).rglob("*.yaml")) if Path(path).is_dir() else [path])]
        cache_file = cache_dir() / f"kb-{_fingerprint([*files, *extras])}.pkl" if use_cache else None
        if cache_file is not None and cache_file.exists():
            try:
                with cache_file.open("rb") as fh:
                    kb = pickle.load(fh)
                if isinstance(kb, KnowledgeBase):
                    return kb
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                pass
        kb = cls()
        for path in files:
            kb._load_file(path, override=False)
        for path in extras:
            kb._load_file(path, override=True)
        kb._build_index()
        if cache_file is not None:
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache_file)
        return kb

    def _load_file(self, path: Path, override: bool) -> None:
        """Read one YAML list of records; bad records become problems, not exceptions."""
        try:
            data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_YAML_LOADER)
        except (OSError, yaml.YAMLError) as exc:
            self.problems.append(f"{path}: cannot read: {exc}")
            return
        if data is None:
            return
        if not isinstance(data, list):
            self.problems.append(f"{path}: not a YAML list of records")
            return
        for n, raw in enumerate(data):
            try:
                actor = KBActor.model_validate(raw)
            except ValidationError as exc:
                rid = raw.get("id") if isinstance(raw, dict) else None
                errors = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
                self.problems.append(f"{path}[{n}] {rid}: {errors}")
                continue
            if not override and actor.id in self.actors:
                self.problems.append(f"{path}: duplicate id {actor.id}")
                continue
            self.add(actor, merge=override)

    # -- lookups --------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> KBActor | None:
        """The record with this id, if any."""
        return self.actors.get(actor_id)

    def starts_a_name(self, word: str) -> bool:
        """Whether some canonical name, alias or demonym begins with this word (a cheap test before lookups)."""
        key = fold(word)
        return bool(key) and key.split(" ", 1)[0] in self.index.first_words

    def candidates(self, name: str) -> list[KBActor]:
        """Actors whose canonical name, alias or demonym folds to the same key as ``name`` (canonical first)."""
        return [self.actors[i] for _, i in self.index.names.get(fold(name), [])]

    def by_surname(self, name: str) -> list[KBActor]:
        """People whose canonical name ends with ``name`` (one word)."""
        return [self.actors[i] for i in self.index.surnames.get(fold(name), [])]

    def fuzzy(self, name: str, limit: int = 5, cutoff: float = 80.0) -> list[tuple[KBActor, float]]:
        """The closest actors by name (rapidfuzz ratio on folded keys), best first, one entry per actor."""
        key = fold(name)
        if not key:
            return []
        cache = self.index.fuzzy_cache
        if (key, limit, cutoff) not in cache:
            cache[key, limit, cutoff] = self._fuzzy(key, limit, cutoff)
        return cache[key, limit, cutoff]

    def _fuzzy(self, key: str, limit: int, cutoff: float) -> list[tuple[KBActor, float]]:
        # fuzz.ratio ≥ cutoff bounds the other key's length, so only keys of those lengths are compared.
        share = cutoff / 100.0
        low, high = int(len(key) * share / (2 - share)), int(len(key) * (2 - share) / share) + 1
        starts = self.index.length_start
        keys = self.index.by_length[starts[min(low, len(starts) - 1)] : starts[min(high + 1, len(starts) - 1)]]
        hits = process.extract(key, keys, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=cutoff)
        out: dict[str, float] = {}
        for matched, score, _ in hits:
            for _, actor_id in self.index.names[matched]:
                out[actor_id] = max(out.get(actor_id, 0.0), float(score))
        ranked = sorted(out.items(), key=lambda kv: -kv[1])[:limit]
        return [(self.actors[i], s) for i, s in ranked]

    def country_slot(
        self, country: str | None, kb_id: str | None = None, role: str | None = None, sector: str | None = None
    ) -> str | None:
        """What CAMEO puts in an actor's country slot: its ISO3 country, else IGO / NGO for a transnational actor —
        one whose KB record is an IGO or NGO (also its groups: "UN peacekeepers"), or a person holding ``role`` in
        an office the KB marks IGO / NGO (a UN Secretary-General). The actor's sector then says what it does."""
        if country is not None:
            return country
        if sector in TRANSNATIONAL:
            return sector
        record = self.get(kb_id) if kb_id else None
        if record is None:
            return None
        if record.kind in ("igo", "ngo"):
            return record.kind.upper()
        return next((r.sector for r in record.roles if role and r.title == role and r.sector in TRANSNATIONAL), None)

    def country(self, code: str) -> KBActor | None:
        """The country record for an ISO3 code."""
        actor_id = self.index.countries.get(code)
        return self.actors.get(actor_id) if actor_id else None

    def holders(self, office: str, on: dt.date) -> list[KBActor]:
        """Who held ``office`` on a day (non-acting first); a head of government falls back to the head of state."""
        out = self._holders(office, on)
        if not out and office.endswith("/head-of-government"):
            out = self._holders(office.rsplit("/", 1)[0] + "/head-of-state", on)
        return out

    def _holders(self, office: str, on: dt.date) -> list[KBActor]:
        found: list[tuple[bool, KBActor]] = []
        for actor_id in dict.fromkeys(self.index.offices.get(office, [])):
            actor = self.actors[actor_id]
            roles = [r for r in actor.roles_on(on) if r.office == office]
            if roles:
                found.append((roles[0].acting, actor))
        return [a for _, a in sorted(found, key=lambda t: t[0])]

    # -- checking -------------------------------------------------------------------------------------------

    def validate(self) -> list[str]:
        """Every problem found: unreadable records, bad codes and dates, overlapping single-holder terms."""
        problems = list(self.problems)
        terms: dict[str, list[tuple[dt.date, dt.date, dt.date | None, str]]] = defaultdict(list)
        for actor in self.actors.values():
            problems.extend(f"{actor.id}: {p}" for p in _actor_problems(actor))
            for role in actor.roles:
                if role.office and role.start and _OFFICE.match(role.office):
                    first, last = date_bounds(role.start)
                    end = date_bounds(role.end)[0] if role.end else None
                    terms[role.office].append((first, last, end, actor.id))
        for office, items in terms.items():
            items.sort(key=lambda t: (t[0], t[1], t[3]))
            last_end: dt.date | None = dt.date.min
            last_who = ""
            for first, latest_start, end, who in items:
                # Only certain overlaps count: the earlier term surely ends after this one surely starts.
                if last_end is None or last_end > latest_start:
                    problems.append(f"{office}: {last_who} overlaps {who} (from {first})")
                if last_end is not None and (end is None or end > last_end):
                    last_end, last_who = end, who
        return problems


class _Index:
    """Lookup tables of a :class:`KnowledgeBase` (pickled with it)."""

    def __init__(self) -> None:
        self.names: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.surnames: dict[str, list[str]] = defaultdict(list)
        self.offices: dict[str, list[str]] = defaultdict(list)
        self.countries: dict[str, str] = {}
        self.keys: list[str] = []
        self.by_length: list[str] = []
        """The keys ordered by length; ``length_start[n]`` is the position of the first key of length ≥ n."""
        self.length_start: list[int] = []
        self.first_words: set[str] = set()
        self.fuzzy_cache: dict[tuple[str, int, float], list[tuple[KBActor, float]]] = {}


def _merge_keys(actor: KBActor) -> list[tuple[str, ...]]:
    """Keys under which an imported record is the same actor as a loaded one: QID, or name + country + person-ness."""
    keys: list[tuple[str, ...]] = [("qid", actor.qid)] if actor.qid else []
    keys.append(("name", fold(actor.name), actor.country or "", str(actor.kind == "person")))
    return keys


def _actor_problems(actor: KBActor) -> list[str]:
    """Code and date problems of one record."""
    out = []
    if not _ID.match(actor.id):
        out.append("id is not a slug")
    if actor.qid and not _QID.match(actor.qid):
        out.append(f"bad qid {actor.qid!r}")
    if actor.country is not None and actor.country not in ISO3:
        out.append(f"bad country {actor.country!r}")
    if actor.kind == "country" and not actor.country:
        out.append("country record without an ISO3 code")
    out.extend(f"bad sector {s!r}" for s in actor.sectors if s not in SECTORS)
    for role in actor.roles:
        if role.office is not None and not _OFFICE.match(role.office):
            out.append(f"bad office key {role.office!r}")
        if role.country is not None and role.country not in ISO3:
            out.append(f"role {role.title}: bad country {role.country!r}")
        if role.sector is not None and role.sector not in SECTORS:
            out.append(f"role {role.title}: bad sector {role.sector!r}")
        if role.start and role.end and date_bounds(role.end)[1] < date_bounds(role.start)[0]:
            out.append(f"role {role.title}: ends before it starts")
    return out


def _fingerprint(paths: Sequence[Path]) -> str:
    """A key that changes when any file (or this module) changes."""
    h = hashlib.sha1(f"{CACHE_FORMAT}".encode())
    for path in [Path(__file__), *paths]:
        st = Path(path).stat()
        h.update(f"{Path(path).resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:20]


@cache
def get_kb() -> KnowledgeBase:
    """The bundled KB, loaded once per process (plus files in ``$DATELINE_KB``, a path list, if set)."""
    extra = [Path(p) for p in os.environ.get("DATELINE_KB", "").split(os.pathsep) if p]
    return KnowledgeBase.load(extra=extra)
