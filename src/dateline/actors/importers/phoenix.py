"""Read PETRARCH / Phoenix (TABARI-format) actor dictionaries into KB records.

An entry is a name line (``BENJAMIN_NETANYAHU_``), optional synonym lines (``+BIBI_NETANYAHU_``) and code lines
(``[ISRGOV 090331-210613]``, ``[ISRGOV >090401]`` from a day on, ``[ISRELI <960618]`` until a day, ``[ISRELI]``
undated); codes may also follow the name on its line, ``#`` starts a comment. Names without codes of their own take
the codes that follow (TABARI's synonym blocks). A CAMEO code is a country (or IGO/NGO/...) part and role parts of
three letters each; dated codes become roles, undated ones the record's country and sectors.
"""

from __future__ import annotations

import re
from pathlib import Path

from dateline.actors.kb import ISO3, SECTORS, KBActor, KBRole, fold

#: CAMEO role codes that are not PLOVER sector codes, mapped to the nearest PLOVER sector.
CAMEO_SECTORS = {"SEP": "REB", "MNC": "BUS", "DEV": "NGO", "MOD": "ELI", "RAD": "OPP", "CIV": "CVL", "JRN": "MED"}
#: CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_COUNTRIES = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR", "KOS": "XKX"}
#: CAMEO codes for actors that belong to no country, and the KB kind they import as.
TRANSNATIONAL = {"IGO": "igo", "NGO": "ngo", "IMG": "armed_group", "MNC": "organization", "NGM": "organization"}
_CODE = re.compile(r"\[([^\]]*)\]")
_TITLES = {
    "GOV": "government",
    "MIL": "military",
    "ELI": "elite",
    "OPP": "opposition",
    "LEG": "legislature",
    "JUD": "judiciary",
    "REB": "rebels",
    "IGO": "intergovernmental organisation",
    "SPY": "intelligence",
    "COP": "police",
    "BUS": "business",
    "MED": "media",
}


def _name(raw: str) -> str:
    """``BENJAMIN_NETANYAHU_`` → ``Benjamin Netanyahu`` (TABARI uses ``_`` for spaces and a final ``_`` as a stop)."""
    words = raw.strip().strip("+").replace("_", " ").split()
    return " ".join(w if len(w) <= 3 and "." in w else w.capitalize() if w.isupper() else w for w in words)


def _date(raw: str) -> str | None:
    """A TABARI date (``YYMMDD`` with years <= 30 in the 2000s, or ``YYYYMMDD``) as ``YYYY-MM-DD``."""
    if len(raw) == 6:
        yy = int(raw[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        raw = f"{year}{raw[2:]}"
    if len(raw) != 8 or not raw.isdigit() or not (1 <= int(raw[4:6]) <= 12 and 1 <= int(raw[6:]) <= 31):
        return None
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"


def _split_code(code: str) -> tuple[str | None, str | None, str | None]:
    """A CAMEO code → (ISO3 country, PLOVER sector, transnational kind)."""
    code = code.upper()
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not parts:
        return None, None, None
    first = CAMEO_COUNTRIES.get(parts[0], parts[0])
    country = first if first in ISO3 else None
    kind = TRANSNATIONAL.get(parts[0])
    rest = parts[1:] if country or kind else parts
    sector = next((CAMEO_SECTORS.get(p, p) for p in rest if CAMEO_SECTORS.get(p, p) in SECTORS), None)
    if sector is None and parts[0] in ("IGO", "NGO"):
        sector = parts[0]
    return country, sector, kind


class _Entry:
    """One dictionary entry being read: names and code strings."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.codes: list[str] = []


def _parse(path: Path) -> list[_Entry]:
    entries: list[_Entry] = []
    pending = _Entry()
    for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = _CODE.findall(line)
        name_part = _CODE.sub(" ", line).strip()
        if line[:1] in " \t" and not name_part:
            pending.codes.extend(codes)
            continue
        if pending.codes and not line.startswith("+"):
            entries.append(pending)
            pending = _Entry()
        if name_part and name_part != "+":
            pending.names.append(_name(name_part))
        pending.codes.extend(codes)
    if pending.codes:
        entries.append(pending)
    return entries


def _actor(entry: _Entry, used: set[str]) -> KBActor | None:
    """A KB record from one entry, or None when its codes carry no country or sector."""
    roles: list[KBRole] = []
    countries: list[str] = []
    sectors: list[str] = []
    kinds: list[str] = []
    for code in entry.codes:
        fields = code.split()
        if not fields or fields[0].startswith("-"):
            continue
        country, sector, kind = _split_code(fields[0])
        if kind:
            kinds.append(kind)
        dates = " ".join(fields[1:])
        if not dates:
            countries += [country] if country else []
            sectors += [sector] if sector else []
            continue
        start = end = None
        if m := re.fullmatch(r"(\d+)\s*-\s*(\d+)", dates):
            start, end = _date(m[1]), _date(m[2])
        elif m := re.fullmatch(r">\s*(\d+)", dates):
            start = _date(m[1])
        elif m := re.fullmatch(r"<\s*(\d+)", dates):
            end = _date(m[1])
        if start is None and end is None:
            continue
        title = _TITLES.get(sector or "", "actor")
        label = f"{title} ({fields[0]})"
        roles.append(KBRole(title=label, country=country, sector=sector, start=start, end=end))
        countries += [country] if country else []
    names = list(dict.fromkeys(n for n in entry.names if n))
    if not names or not (countries or sectors or roles or kinds):
        return None
    country = countries[0] if countries else None
    if roles:
        kind = "person"
    elif kinds:
        kind = kinds[0]
    elif not sectors and country and all(not c.split()[0][3:] for c in entry.codes if c.split()):
        kind = "country"
    else:
        kind = "organization"
    base = "phoenix:" + (fold(names[0]).replace(" ", "-") or "actor")
    actor_id, n = base, 1
    while actor_id in used:
        n += 1
        actor_id = f"{base}-{n}"
    used.add(actor_id)
    return KBActor(
        id=actor_id,
        name=names[0],
        kind=kind,  # type: ignore[arg-type]
        country=country,
        sectors=list(dict.fromkeys(sectors)),
        aliases=names[1:],
        roles=roles,
        source="phoenix",
    )


def load_phoenix(path: Path) -> list[KBActor]:
    """KB records for every entry of a Phoenix ``*.actors.txt`` dictionary that carries a usable code."""
    used: set[str] = set()
    return [a for a in (_actor(e, used) for e in _parse(path)) if a is not None]
