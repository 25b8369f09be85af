"""Schema checks for the bundled actor KB data files (YAML lists of actor records).

Kept small and strict: every record must load, carry a checkable source, use valid codes, and single-holder offices
must not have overlapping terms.
"""

import calendar
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "dateline" / "actors" / "data"
KINDS = {"person", "country", "organization", "igo", "ngo", "armed_group", "media", "party"}
SECTORS = {
    *("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "IGO", "NGO"),
    *("INS", "UAF", "LEG", "REF", "HLH", "ENV", "AGR", "LAB", "REL", "ELI", "IMG", "SET", "ETH", "HRI"),
}
# Codes outside ISO 3166-1 that the KB uses on purpose: Kosovo's user-assigned code.
ISO3_EXTRA = {"XKX"}
ISO3 = {c.alpha_3 for c in pycountry.countries} | ISO3_EXTRA
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OFFICE_RE = re.compile(r"^[A-Z][A-Z0-9]*/[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The C-accelerated safe loader when libyaml is present (same semantics as yaml.safe_load, much faster).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
QID_RE = re.compile(r"^Q[1-9]\d*$")
RECORD_KEYS = {
    "id",
    "name",
    "kind",
    "country",
    "sectors",
    "aliases",
    "qid",
    "wiki",
    "roles",
    "iso2",
    "demonyms",
    "capital",
}
ROLE_KEYS = {"title", "office", "country", "sector", "organization", "start", "end", "acting"}


def _bounds(value: Any) -> tuple[dt.date, dt.date]:
    """Earliest and latest calendar day a (possibly partial) date value can mean."""
    if isinstance(value, dt.date):
        return value, value
    m = DATE_RE.match(str(value))
    if not m:
        raise ValueError(f"bad date {value!r}")
    year, month, day = int(m[1]), m[2], m[3]
    if day:
        d = dt.date(year, int(month), int(day))
        return d, d
    if month:
        last = calendar.monthrange(year, int(month))[1]
        return dt.date(year, int(month), 1), dt.date(year, int(month), last)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _records() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(DATA.rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
        assert isinstance(data, list), f"{path} is not a YAML list"
        out.extend((path.relative_to(DATA).as_posix(), rec) for rec in data)
    return out


RECORDS = _records()


def test_kb_has_records() -> None:
    assert len(RECORDS) > 500


def test_ids_unique() -> None:
    seen: dict[str, str] = {}
    dupes = []
    for where, rec in RECORDS:
        rid = rec.get("id")
        if rid in seen:
            dupes.append(f"{rid} in {where} and {seen[rid]}")
        seen[rid] = where
    assert not dupes, dupes[:20]


def _record_errors(rec: dict[str, Any]) -> list[str]:
    errs = [f"unknown key {k!r}" for k in rec if k not in RECORD_KEYS]
    for key in ("id", "name", "kind"):
        if not rec.get(key):
            errs.append(f"missing {key}")
    if not ID_RE.match(str(rec.get("id", ""))):
        errs.append("id is not a lowercase ascii slug")
    if rec.get("kind") not in KINDS:
        errs.append(f"bad kind {rec.get('kind')!r}")
    if not rec.get("qid") and not rec.get("wiki"):
        errs.append("needs qid or wiki")
    if rec.get("qid") and not QID_RE.match(str(rec["qid"])):
        errs.append(f"bad qid {rec['qid']!r}")
    if "country" in rec and rec["country"] not in ISO3:
        errs.append(f"bad country {rec['country']!r}")
    errs.extend(f"bad sector {s!r}" for s in rec.get("sectors") or [] if s not in SECTORS)
    aliases = rec.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        errs.append("aliases must be a list of non-empty strings")
    if rec.get("kind") == "country":
        if rec["id"] != str(rec.get("country", "")).lower():
            errs.append("country id must be its lowercased ISO3")
        if not rec.get("iso2") or not isinstance(rec.get("demonyms"), list):
            errs.append("country needs iso2 and a demonyms list")
    for role in rec.get("roles") or []:
        errs.extend(f"role {role.get('office')}: {e}" for e in _role_errors(role))
    return errs


def _role_errors(role: dict[str, Any]) -> list[str]:
    errs = [f"unknown key {k!r}" for k in role if k not in ROLE_KEYS]
    for key in ("title", "office", "start"):
        if not role.get(key):
            errs.append(f"missing {key}")
    if not OFFICE_RE.match(str(role.get("office", ""))):
        errs.append("bad office key")
    if "country" in role and role["country"] not in ISO3:
        errs.append(f"bad country {role['country']!r}")
    if "sector" in role and role["sector"] not in SECTORS:
        errs.append(f"bad sector {role['sector']!r}")
    try:
        start = _bounds(role.get("start"))
        if role.get("end") is not None and _bounds(role["end"])[1] < start[0]:
            errs.append("end before start")
    except ValueError as exc:
        errs.append(str(exc))
    return errs


def test_records_valid() -> None:
    bad = [f"{where}:{rec.get('id')}: {e}" for where, rec in RECORDS for e in _record_errors(rec)]
    assert not bad, "\n".join(bad[:40])


def test_single_holder_offices_do_not_overlap() -> None:
    terms: dict[str, list[tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date] | None, str]]] = defaultdict(list)
    for _, rec in RECORDS:
        for role in rec.get("roles") or []:
            try:
                start = _bounds(role.get("start"))
                end = _bounds(role["end"]) if role.get("end") is not None else None
            except ValueError:
                continue  # reported by test_records_valid
            terms[role["office"]].append((start, end, rec["id"]))
    clashes = []
    for office, items in terms.items():
        items.sort(key=lambda t: t[0][0])
        # Compare each term with the latest-ending earlier term; flag only certain overlaps (the earlier term
        # surely ends after the later one surely starts), so partial dates at a handover pass.
        _, last_end, last_who = items[0]
        for start, end, who in items[1:]:
            if last_end is None or last_end[0] > start[1]:
                clashes.append(f"{office}: {last_who} (to {last_end and last_end[0]}) overlaps {who} (from {start[0]})")
            if last_end is not None and (end is None or end[0] > last_end[0]):
                last_end, last_who = end, who
    assert not clashes, "\n".join(clashes[:40])


@pytest.mark.parametrize("name", ["usa", "isr", "pse", "xkx", "gbr"])
def test_core_countries_present(name: str) -> None:
    assert name in {rec["id"] for _, rec in RECORDS}
