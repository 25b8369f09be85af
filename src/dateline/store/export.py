"""Exports of stored events (or fused events) in the formats analysts use.

- ``jsonl``, ``csv``, ``parquet``: every column of :meth:`Queries.event_rows` / :meth:`Queries.fused_rows`.
- ``geojson``: a FeatureCollection of Points (RFC 7946, ``[lon, lat]``) for events with coordinates.
- ``plover``: a JSON array of PLOVER-style records (field names as in the PLOVER gold-standard records).
- ``polecat``: POLECAT-style tab-separated table.
- ``acled``: ACLED-style CSV with ACLED's column names and order (events with an ACLED type only).
- ``gdelt``: GDELT 1.0-style tab-separated event table without a header (58 columns, :data:`GDELT_COLUMNS`).

Near-duplicate articles are never exported twice: raw exports leave them out, fused exports count each real-world
event once. Output paths are resolved inside a chosen root directory and may not escape it.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, Literal

from dateline.countries import name as country_name

ExportFormat = Literal["jsonl", "csv", "parquet", "geojson", "plover", "polecat", "acled", "gdelt"]
SUFFIXES: dict[str, str] = {
    "jsonl": ".jsonl",
    "csv": ".csv",
    "parquet": ".parquet",
    "geojson": ".geojson",
    "plover": ".json",
    "polecat": ".tsv",
    "acled": ".csv",
    "gdelt": ".tsv",
}
ACLED_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
)
_ACTOR_PARTS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code")
_GEO_PARTS = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
_ACTOR_COLUMNS = tuple(
    f"Actor{n}{part}" for n in (1, 2) for part in (*_ACTOR_PARTS, "Type1Code", "Type2Code", "Type3Code")
)
_GEO_COLUMNS = tuple(f"{prefix}Geo_{part}" for prefix in ("Actor1", "Actor2", "Action") for part in _GEO_PARTS)
GDELT_COLUMNS = (
    *("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"),
    *_ACTOR_COLUMNS,
    *("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale"),
    *("NumMentions", "NumSources", "NumArticles", "AvgTone"),
    *_GEO_COLUMNS,
    *("DATEADDED", "SOURCEURL"),
)
POLECAT_COLUMNS = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Event Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Primary Actor Sector",
    "Actor Title",
    "Actor Name Raw",
    "Actor KB ID",
    "Recipient Name",
    "Recipient Country",
    "Primary Recipient Sector",
    "Recipient Title",
    "Recipient Name Raw",
    "Recipient KB ID",
    "Placename",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Feature Type",
    "Source",
    "Publication Date",
    "Number of Reports",
    "Language",
    "Version",
)
QUADS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}


def safe_output(root: str | Path, out: str | Path) -> Path:
    """``out`` resolved inside ``root`` (relative paths are taken from ``root``); ValueError if it would escape.

    Symbolic links are resolved first, so a link pointing outside the root is refused too.
    """
    base = Path(root).expanduser().resolve()
    target = Path(out).expanduser()
    resolved = (target if target.is_absolute() else base / target).resolve()
    if resolved == base or not resolved.is_relative_to(base):
        raise ValueError(f"export path {str(out)!r} is outside the output directory {str(base)!r}")
    return resolved


def export(
    store: Any,
    format: ExportFormat,
    out: str | Path,
    root: str | Path = ".",
    fused: bool = False,
    **filters: Any,
) -> int:
    """Write ``store``'s events (``fused=True``: fused events) as ``format`` to ``out`` inside ``root``.

    ``filters`` are those of :meth:`Queries.event_rows` (the fields of :class:`~dateline.store.select.EventFilter`;
    fused exports those in :data:`~dateline.store.select.FUSED_FILTERS`). Returns the number of records written.
    """
    if format not in SUFFIXES:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(SUFFIXES)}")
    path = safe_output(root, out)
    rows = store.fused_rows(**filters) if fused else store.event_rows(**filters)
    path.parent.mkdir(parents=True, exist_ok=True)
    return WRITERS[format](rows, path)


# -- shared helpers ----------------------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _jsonable(row: dict) -> dict:
    return {key: _json_value(value) for key, value in row.items()}


def _record_id(row: dict) -> str:
    return row.get("id") or f"{row['article_id']}/{row['event_id']}"


def _reports(row: dict) -> int:
    return row.get("support") or 1


def _source(row: dict) -> str:
    return row.get("sources") or row.get("article_source") or row.get("article_url") or row.get("article_id") or ""


@cache
def _quad_of_type(plover_type: str) -> int | None:
    from dateline.events.ontology import load_ontology

    entry = load_ontology().plover.get(plover_type)
    return QUADS.get(entry.quad) if entry else None


def quad_class(row: dict) -> int | None:
    """Quad class 1–4 (verbal / material cooperation, verbal / material conflict) of the PLOVER type or CAMEO root."""
    quad = _quad_of_type(row["type"])
    if quad is None and row.get("cameo") and row["cameo"][:2].isdigit():
        root = int(row["cameo"][:2])
        quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    return quad


def geo_precision(feature_code: str | None) -> int | None:
    """ACLED-style precision: 1 a town or site, 2 a district, 3 a province, region or country."""
    if not feature_code:
        return None
    if feature_code.startswith(("ADM2", "ADM3", "ADM4", "ADM5")):
        return 2
    if feature_code.startswith(("ADM1", "ADMD", "PCL", "RGN", "AREA", "ZN", "TERR")):
        return 3
    return 1


def _gdelt_geo_type(row: dict) -> int | str:
    code, country = row.get("feature_code") or "", row.get("place_country")
    if row.get("lat") is None:
        return 0
    if code.startswith("PCL"):
        return 1
    if code.startswith("ADM1"):
        return 2 if country == "US" else 5
    return 3 if country == "US" else 4


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")


def safe_cell(value: object) -> object:
    """A table cell a spreadsheet will not run as a formula: text starting with = + - @ or a control character gets
    a leading quote (article text is untrusted)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _write_table(rows: Iterable[dict], columns: tuple[str, ...], path: Path, delimiter: str, header: bool) -> int:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: "" if value is None else safe_cell(value) for key, value in row.items()})
        count += 1
    _write_text(path, buffer.getvalue())
    return count


# -- writers -----------------------------------------------------------------------------------------------------


def write_jsonl(rows: list[dict], path: Path) -> int:
    """One JSON object per event."""
    _write_text(path, "".join(json.dumps(_jsonable(row), ensure_ascii=False) + "\n" for row in rows))
    return len(rows)


def _frame(rows: list[dict]):
    import pandas as pd

    frame = pd.DataFrame(rows)
    for column in ("day", "article_date", "date_start", "date_end", "first_report", "last_report"):
        if column in frame:
            frame[column] = pd.to_datetime(frame[column])
    for column in ("place", "evidence_start", "evidence_end", "fatalities", "support", "reports"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    for column in ("lat", "lon", "goldstein", "confidence"):
        if column in frame:
            frame[column] = frame[column].astype("float64")
    return frame


def write_csv(rows: list[dict], path: Path) -> int:
    """Every column, one row per event (dates as YYYY-MM-DD)."""
    _frame([{key: safe_cell(value) for key, value in row.items()} for row in rows]).to_csv(
        path, index=False, date_format="%Y-%m-%d"
    )
    return len(rows)


def write_parquet(rows: list[dict], path: Path) -> int:
    """Every column with typed dates (timestamps), floats and nullable integers."""
    _frame(rows).to_parquet(path, index=False)
    return len(rows)


def write_geojson(rows: list[dict], path: Path) -> int:
    """A FeatureCollection of Point features for the events that have coordinates."""
    features = [
        {
            "type": "Feature",
            "id": _record_id(row),
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": _jsonable({k: v for k, v in row.items() if k not in ("lat", "lon")}),
        }
        for row in rows
        if row.get("lat") is not None and row.get("lon") is not None
    ]
    _write_text(path, json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False))
    return len(features)


def _actor_code(row: dict, side: str) -> str:
    """The actor's CAMEO country slot: its ISO3 country, or IGO / NGO for a transnational actor (from the KB the
    export runs with; stores written before sectors became functions carry IGO / NGO as the sector)."""
    from dateline.actors.kb import TRANSNATIONAL, get_kb

    if row.get(f"{side}_sector") in TRANSNATIONAL and not row.get(f"{side}_country"):
        return row[f"{side}_sector"]
    country = row.get(f"{side}_country")
    if country or not row.get(f"{side}_kb_id"):
        return country or ""
    kb_id, role, sector = row.get(f"{side}_kb_id"), row.get(f"{side}_role"), row.get(f"{side}_sector")
    return get_kb().country_slot(None, kb_id, role, sector) or ""


def _function_sector(row: dict, side: str) -> str:
    """The actor's sector, empty where an older store kept the IGO / NGO country slot there."""
    from dateline.actors.kb import TRANSNATIONAL

    sector = row.get(f"{side}_sector") or ""
    return "" if sector in TRANSNATIONAL else sector


def _plover_actor(row: dict, side: str) -> list[dict]:
    name = row.get(f"{side}_name")
    if not name:
        return []
    actor = {"actorText": name, "code": _actor_code(row, side), "sector": _function_sector(row, side)}
    if row.get(f"{side}_kb_id"):
        actor["kbId"] = row[f"{side}_kb_id"]
    return [actor]


def plover_record(row: dict) -> dict:
    """One PLOVER-style JSON record."""
    from dateline import __version__

    record = {
        "id": _record_id(row),
        "date": _json_value(row["day"]),
        "source": _plover_actor(row, "source"),
        "target": _plover_actor(row, "target"),
        "event": row["type"],
        "mode": row.get("mode") or "",
        "context": "",
        "modality": row.get("modality"),
        "text": row.get("evidence_text") or "",
        "language": "en",
        "publication": _source(row),
        "url": row.get("article_url") or "",
        "coder": "dateline",
        "version": __version__,
        "dateCoded": dt.date.today().isoformat(),
    }
    if row.get("fatalities") is not None:
        record["dead"] = row["fatalities"]
    if row.get("place") is not None or row.get("place_name"):
        record["geolocation"] = {
            "placeName": row.get("place_name"),
            "geonamesID": row.get("place"),
            "lat": row.get("lat"),
            "lon": row.get("lon"),
            "countryCode": row.get("place_country"),
            "admin1": row.get("admin1"),
            "featureCode": row.get("feature_code"),
        }
    return record


def write_plover(rows: list[dict], path: Path) -> int:
    """A JSON array of PLOVER-style records."""
    _write_text(path, json.dumps([plover_record(row) for row in rows], ensure_ascii=False, indent=1))
    return len(rows)


def polecat_row(row: dict) -> dict:
    """One POLECAT-style row."""
    from dateline import __version__

    out = {
        "Event ID": _record_id(row),
        "Event Date": _json_value(row["day"]),
        "Event Type": row["type"],
        "Event Mode": row.get("mode"),
        "Event Intensity": row.get("goldstein"),
        "Quad Code": quad_class(row),
        "Contexts": "",
    }
    for prefix, side in (("Actor", "source"), ("Recipient", "target")):
        out |= {
            f"{prefix} Name": row.get(f"{side}_name"),
            f"{prefix} Country": _actor_code(row, side) or None,
            f"Primary {prefix} Sector": _function_sector(row, side) or None,
            f"{prefix} Title": "",
            f"{prefix} Name Raw": row.get(f"{side}_name"),
            f"{prefix} KB ID": row.get(f"{side}_kb_id"),
        }
    return out | {
        "Placename": row.get("place_name"),
        "Province": row.get("admin1"),
        "Country": row.get("place_country"),
        "Latitude": row.get("lat"),
        "Longitude": row.get("lon"),
        "GeoNames ID": row.get("place"),
        "Feature Type": row.get("feature_code"),
        "Source": _source(row),
        "Publication Date": _json_value(row.get("article_date") or row.get("first_report")),
        "Number of Reports": _reports(row),
        "Language": "en",
        "Version": f"dateline {__version__}",
    }


def write_polecat(rows: list[dict], path: Path) -> int:
    """POLECAT-style tab-separated table with a header."""
    return _write_table((polecat_row(row) for row in rows), POLECAT_COLUMNS, path, "\t", header=True)


def acled_row(row: dict) -> dict:
    """One ACLED-style row."""
    return {
        "event_date": _json_value(row["day"]),
        "event_type": row["acled_event_type"],
        "sub_event_type": row.get("acled_sub_event_type"),
        "actor1": row.get("source_name"),
        "actor2": row.get("target_name"),
        "country": country_name(row["place_country"]) if row.get("place_country") else None,
        "admin1": row.get("admin1"),
        "location": row.get("place_name"),
        "latitude": row.get("lat"),
        "longitude": row.get("lon"),
        "geo_precision": geo_precision(row.get("feature_code")),
        "source": _source(row),
        "notes": row.get("evidence_text"),
    }


def write_acled(rows: list[dict], path: Path) -> int:
    """ACLED-style CSV: the events that carry an ACLED event type."""
    coded = (acled_row(row) for row in rows if row.get("acled_event_type"))
    return _write_table(coded, ACLED_COLUMNS, path, ",", header=True)


def _gdelt_actor(row: dict, side: str, n: int) -> dict:
    country, sector = _actor_code(row, side), _function_sector(row, side)
    name = row.get(f"{side}_name")
    return {
        f"Actor{n}Code": (country + sector) if name else "",
        f"Actor{n}Name": (name or "").upper(),
        f"Actor{n}CountryCode": country if name else "",
        f"Actor{n}Type1Code": sector if name else "",
    }


def gdelt_row(row: dict) -> dict:
    """One GDELT 1.0-style row (country codes are ISO, not FIPS; AvgTone is left empty)."""
    day: dt.date = row["day"]
    cameo = row.get("cameo") or ""
    reports = _reports(row)
    digest = hashlib.sha1(_record_id(row).encode("utf-8")).hexdigest()
    geo = {
        "ActionGeo_Type": _gdelt_geo_type(row),
        "ActionGeo_FullName": ", ".join(x for x in (row.get("place_name"), row.get("admin1")) if x),
        "ActionGeo_CountryCode": row.get("place_country"),
        "ActionGeo_ADM1Code": row.get("place_country"),
        "ActionGeo_Lat": row.get("lat"),
        "ActionGeo_Long": row.get("lon"),
        "ActionGeo_FeatureID": row.get("place"),
    }
    return {
        "GLOBALEVENTID": int(digest[:13], 16),
        "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"),
        "Year": day.year,
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}",
        **_gdelt_actor(row, "source", 1),
        **_gdelt_actor(row, "target", 2),
        "IsRootEvent": 1,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2],
        "QuadClass": quad_class(row),
        "GoldsteinScale": row.get("goldstein"),
        "NumMentions": reports,
        "NumSources": reports,
        "NumArticles": reports,
        **geo,
        "DATEADDED": dt.date.today().strftime("%Y%m%d"),
        "SOURCEURL": row.get("article_url") or _source(row),
    }


def write_gdelt(rows: list[dict], path: Path) -> int:
    """GDELT 1.0-style tab-separated events, no header (read with ``names=GDELT_COLUMNS``)."""
    return _write_table((gdelt_row(row) for row in rows), GDELT_COLUMNS, path, "\t", header=False)


WRITERS: dict[str, Callable[[list[dict], Path], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
    "geojson": write_geojson,
    "plover": write_plover,
    "polecat": write_polecat,
    "acled": write_acled,
    "gdelt": write_gdelt,
}
