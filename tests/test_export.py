"""Exports open in their consumers: pandas (CSV, Parquet, TSV), GeoJSON validation, ACLED's exact columns."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import geojson
import pandas as pd
import pytest

from backends import BACKENDS, opened_store
from corpus_records import D, market_attack_reports, report, same_day_same_town
from dateline.store import Store
from dateline.store.export import ACLED_COLUMNS, GDELT_COLUMNS, POLECAT_COLUMNS, export, safe_output


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with opened_store(request.param, tmp_path) as opened:
        copy = report("r01-copy", D, market_attack_reports()[0].text, event_date="2024-03-11")
        opened.save([*market_attack_reports(), *same_day_same_town(), copy])
        opened.fuse()
        yield opened


def test_jsonl_and_csv(store: Store, tmp_path: Path) -> None:
    assert export(store, "jsonl", "events.jsonl", root=tmp_path) == 13  # the duplicate is left out
    records = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["article_id"] for r in records} >= {"r01", "v01"} and "r01-copy" not in {r["article_id"] for r in records}
    assert records[0]["day"] == "2024-03-01"
    assert export(store, "csv", "out/events.csv", root=tmp_path, type="CONSULT") == 2
    frame = pd.read_csv(tmp_path / "out" / "events.csv", parse_dates=["day", "article_date"])
    assert len(frame) == 2 and str(frame["day"].dtype).startswith("datetime64")
    assert frame["goldstein"].dtype == "float64" and frame["lat"].dtype == "float64"
    assert set(frame["source_name"]) == {"Piet Lind"}


def test_parquet_keeps_types(store: Store, tmp_path: Path) -> None:
    assert store.export("parquet", "events.parquet", root=str(tmp_path)) == 13
    frame = pd.read_parquet(tmp_path / "events.parquet")
    assert str(frame["day"].dtype).startswith("datetime64") and str(frame["place"].dtype) == "Int64"
    assert frame["confidence"].dtype == "float64" and frame["date_from_text"].dtype == bool
    fused = tmp_path / "fused.parquet"
    assert export(store, "parquet", fused, root=tmp_path, fused=True) == 3
    frame = pd.read_parquet(fused)
    assert sorted(frame["support"].tolist()) == [1, 2, 10] and str(frame["fatalities"].dtype) == "Int64"


def test_geojson_validates(store: Store, tmp_path: Path) -> None:
    count = export(store, "geojson", "events.geojson", root=tmp_path)
    collection = geojson.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == count == 13
    lakeside = next(f for f in collection["features"] if f["properties"]["place_name"] == "Lakeside")
    assert lakeside["geometry"]["coordinates"] == [36.10, -0.30]  # [lon, lat]
    fused_count = export(store, "geojson", "fused.geojson", root=tmp_path, fused=True)
    fused = geojson.loads((tmp_path / "fused.geojson").read_text(encoding="utf-8"))
    assert fused.is_valid and fused_count == 3
    assert max(f["properties"]["support"] for f in fused["features"]) == 10


def test_acled_columns_and_rows(store: Store, tmp_path: Path) -> None:
    assert export(store, "acled", "acled.csv", root=tmp_path) == 11  # the two visits have no ACLED type
    with (tmp_path / "acled.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        header = tuple(rows[0].keys())
    assert header == ACLED_COLUMNS == (
        "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
        "latitude", "longitude", "geo_precision", "source", "notes",
    )  # fmt: skip
    raid = next(r for r in rows if r["actor1"] == "Kenya Police")
    assert raid["event_date"] == "2024-03-11" and raid["country"] == "Kenya" and raid["location"] == "Lakeside"
    assert raid["event_type"] == "Violence against civilians" and raid["geo_precision"] == "1"
    assert raid["notes"].startswith("Police beat market traders")
    assert {r["geo_precision"] for r in rows} == {"1", "3"}  # towns and the province
    frame = pd.read_csv(tmp_path / "acled.csv", parse_dates=["event_date"])
    assert list(frame.columns) == list(ACLED_COLUMNS) and frame["latitude"].dtype == "float64"
    assert export(store, "acled", "fused-acled.csv", root=tmp_path, fused=True) == 2
    fused = pd.read_csv(tmp_path / "fused-acled.csv")
    assert fused["source"].str.count(";").max() == 9  # ten outlets for the attack


def test_gdelt_polecat_plover(store: Store, tmp_path: Path) -> None:
    assert export(store, "gdelt", "events.tsv", root=tmp_path, fused=True) == 3
    frame = pd.read_csv(tmp_path / "events.tsv", sep="\t", names=list(GDELT_COLUMNS), dtype={"EventCode": str})
    assert len(GDELT_COLUMNS) == 58 and frame.shape == (3, 58)
    attack = frame[frame["NumArticles"] == 10].iloc[0]
    assert attack["SQLDATE"] == 20240311 and attack["EventRootCode"] == 18 and attack["QuadClass"] == 4
    assert attack["ActionGeo_Lat"] == -0.3 and attack["ActionGeo_FeatureID"] == 9100001
    visit = frame[frame["EventCode"] == "042"].iloc[0]
    assert visit["Actor1Code"] == "NLDGOV" and visit["Actor2Name"] == "GRACE OKELLO" and visit["QuadClass"] == 1
    assert export(store, "polecat", "polecat.tsv", root=tmp_path) == 13
    polecat = pd.read_csv(tmp_path / "polecat.tsv", sep="\t")
    assert tuple(polecat.columns) == POLECAT_COLUMNS and set(polecat["Event Type"]) == {"ASSAULT", "CONSULT"}
    assert export(store, "plover", "plover.json", root=tmp_path, type="CONSULT") == 2
    records = json.loads((tmp_path / "plover.json").read_text(encoding="utf-8"))
    first = records[0]
    assert first["event"] == "CONSULT" and first["mode"] == "visit" and first["date"] == "2024-03-11"
    assert first["source"] == [{"actorText": "Piet Lind", "code": "NLD", "sector": "GOV", "kbId": "piet-lind"}]
    assert first["geolocation"]["geonamesID"] == 9100001


@pytest.mark.parametrize("out", ["../escape.csv", "/etc/passwd", "a/../../escape.csv", ".", "link/x.csv"])
def test_export_paths_cannot_escape_the_output_directory(store: Store, tmp_path: Path, out: str) -> None:
    root = tmp_path / "exports"
    root.mkdir()
    (root / "link").symlink_to(tmp_path)
    with pytest.raises(ValueError, match="outside the output directory"):
        export(store, "csv", out, root=root)
    assert not (tmp_path / "escape.csv").exists() and not (tmp_path / "x.csv").exists()


def test_safe_output_accepts_nested_paths(tmp_path: Path) -> None:
    assert safe_output(tmp_path, "a/b/../c.csv") == tmp_path.resolve() / "a" / "c.csv"
    assert safe_output(tmp_path, tmp_path / "d.csv") == tmp_path.resolve() / "d.csv"


def test_unknown_format(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xlsx", "x.xlsx", root=tmp_path)  # type: ignore[arg-type]


def test_transnational_actors_get_their_cameo_country_slot(tmp_path: Path) -> None:
    """An IGO/NGO actor has no ISO3 country; the PLOVER, POLECAT and GDELT tables still code it IGO / NGO."""
    from dateline.model import Actor, Span

    text = "The Security Council urged the Red Cross to reach the town."
    council = Actor(
        id="council", name="United Nations Security Council", kind="organization", sector="GOV",
        kb_id="un-security-council", mentions=[Span(text="Security Council", start=4, end=20)], confidence=0.9,
    )  # fmt: skip
    red_cross = Actor(
        id="icrc", name="International Committee of the Red Cross", kind="organization", sector="HLH",
        kb_id="icrc", mentions=[Span(text="Red Cross", start=31, end=40)], confidence=0.9,
    )  # fmt: skip
    store = Store(tmp_path / "igo.db")
    store.save([report("igo", D, text, type="REQUEST", source=council, target=red_cross, acled=None)])
    export(store, "plover", "igo.json", root=tmp_path)
    (record,) = json.loads((tmp_path / "igo.json").read_text(encoding="utf-8"))
    assert (record["source"][0]["code"], record["source"][0]["sector"]) == ("IGO", "GOV")
    assert (record["target"][0]["code"], record["target"][0]["sector"]) == ("NGO", "HLH")
    export(store, "gdelt", "igo.tsv", root=tmp_path)
    row = dict(
        zip(GDELT_COLUMNS, (tmp_path / "igo.tsv").read_text(encoding="utf-8").rstrip("\n").split("\t"), strict=True)
    )
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor2Code"]) == ("IGOGOV", "IGO", "NGOHLH")


def test_fused_export_rejects_filters_fused_events_lack(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="fused events filter only on"):
        export(store, "jsonl", "fused.jsonl", root=tmp_path, fused=True, article="r01")
    with pytest.raises(ValueError, match="fused events filter only on"):
        export(store, "jsonl", "fused.jsonl", root=tmp_path, fused=True, include_duplicates=True)


def test_store_from_before_function_sectors_exports_clean_codes() -> None:
    """Stores written when IGO / NGO was the sector still export the country slot once, not IGOIGO."""
    from dateline.store.export import gdelt_row

    row = {"day": D, "type": "CONSULT", "article_id": "a", "event_id": "e1", "source_name": "United Nations"}
    row["source_sector"] = "IGO"
    gdelt = gdelt_row(row)
    assert (gdelt["Actor1Code"], gdelt["Actor1CountryCode"], gdelt["Actor1Type1Code"]) == ("IGO", "IGO", "")


def test_csv_tables_do_not_carry_spreadsheet_formulas(tmp_path: Path) -> None:
    """Article text is untrusted: a cell that starts like a formula gets a leading quote in every CSV / TSV table."""
    text = "=HYPERLINK(1) Gunmen attacked a market in Lakeside."
    store = Store(tmp_path / "formula.db")
    store.save([report("f1", D, text)])
    export(store, "csv", "events.csv", root=tmp_path)
    assert next(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))["evidence_text"] == "'" + text
    export(store, "acled", "acled.csv", root=tmp_path)
    assert next(csv.DictReader((tmp_path / "acled.csv").open(encoding="utf-8")))["notes"].startswith("'=")
