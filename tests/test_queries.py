"""Queries on SQLite and PostgreSQL: timeline, actor network, radius search, full-text search, DataFrames."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from backends import BACKENDS, opened_store
from corpus_records import FARAWAY, GUNMEN, LAKESIDE, D, market_attack_reports, report, same_day_same_town
from dateline.model import Place
from dateline.store import Store


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with opened_store(request.param, tmp_path) as opened:
        far = report("far", D, "Gunmen attacked a bus near Faraway.", event_date="2024-03-12", place=FARAWAY,
                     source=GUNMEN)  # fmt: skip
        copy = report("r01-copy", D, market_attack_reports()[0].text, event_date="2024-03-11", source=GUNMEN)
        opened.save([*market_attack_reports(), *same_day_same_town(), far, copy])
        opened.fuse()
        yield opened


def test_timeline_by_actor_place_and_type(store: Store) -> None:
    days = store.timeline(type="ASSAULT")
    assert [(d["day"], d["count"]) for d in days] == [
        (dt.date(2024, 3, 1), 1),  # the month-dated report
        (dt.date(2024, 3, 10), 1),
        (dt.date(2024, 3, 11), 9),  # eight attack reports + the police raid; the duplicate is not counted
        (dt.date(2024, 3, 12), 1),
    ]
    assert days[2]["goldstein"] == -81.0
    assert {d["day"] for d in store.timeline(place="Faraway")} == {dt.date(2024, 3, 12)}
    assert {r["article_id"] for d in store.timeline(actor="kenya-police") for r in d["events"]} == {"p01"}
    assert {r["article_id"] for d in store.timeline(actor="okello") for r in d["events"]} == {"v01", "v02"}
    fused = store.timeline(type="ASSAULT", fused=True)
    assert sum(d["count"] for d in fused) == 3  # the attack, the raid, the bus
    # since/until bound the event's own date: the month-dated report may lie after March 12, so it counts on the
    # first day of the range; the day-dated reports before it do not count.
    later = store.timeline(since=dt.date(2024, 3, 12))
    assert [(d["day"], sorted(r["date"] for r in d["events"])) for d in later] == [
        (dt.date(2024, 3, 12), ["2024-03", "2024-03-12"])
    ]


def test_network_dyads(store: Store) -> None:
    graph = store.network()
    labels = {node["id"]: node["label"] for node in graph["nodes"]}
    dyads = {(labels[e["source"]], labels[e["target"]]): e for e in graph["edges"]}
    assert dyads[("gunmen", "market traders")]["count"] == 1
    visit = dyads[("Piet Lind", "Grace Okello")]
    assert visit["source"] == "piet-lind" and visit["count"] == 2 and visit["goldstein_sum"] == 3.8
    assert visit["types"] == {"CONSULT": 2} and visit["goldstein_mean"] == 1.9
    assert {n["id"] for n in graph["nodes"]} == {k for e in graph["edges"] for k in (e["source"], e["target"])}
    fused = store.network(fused=True)
    assert [e["count"] for e in fused["edges"] if e["source"] == "piet-lind"] == [1]
    assert store.network(min_count=2)["edges"] == [visit]
    assert [e["source"] for e in store.network(actor="okello")["edges"]] == ["piet-lind"]


def test_near_a_point(store: Store) -> None:
    found = store.near(LAKESIDE.lat, LAKESIDE.lon, 20.0)
    assert {r["place_name"] for r in found} == {"Lakeside", "Hillcrest"}
    assert found[0]["distance_km"] == 0.0 and found[-1]["place_name"] == "Hillcrest"
    assert 5 < found[-1]["distance_km"] < 10
    wide = store.near(LAKESIDE.lat, LAKESIDE.lon, 400.0, type="ASSAULT", fused=True)
    assert [r["place_name"] for r in wide][-1] == "Faraway"
    # the Hillcrest reports are fused into the Lakeside attack, which keeps the town most reports name
    assert {r["place_name"] for r in store.near(LAKESIDE.lat, LAKESIDE.lon, 20.0, fused=True)} == {"Lakeside"}
    with pytest.raises(ValueError):
        store.near(95.0, 0.0, 1.0)
    with pytest.raises(ValueError, match="fused events filter only on"):
        store.near(LAKESIDE.lat, LAKESIDE.lon, 20.0, fused=True, article="r01")


@pytest.mark.parametrize("backend", BACKENDS)
def test_near_across_the_antimeridian_and_the_pole(backend: str, tmp_path: Path) -> None:
    """A radius that crosses ±180° or reaches a pole still finds what lies within it, and only that."""
    towns = [("Eastcape", -17.8, 179.9), ("Westcape", -17.8, -179.95)]  # 5 km apart, either side of ±180°
    towns += [("Far North", 88.0, 0.0), ("Across", 88.5, 180.0)]  # 389 km apart over the pole
    places = [
        Place(name=name, lat=lat, lon=lon, geonameid=990001 + i, country="FJ", feature_code="PPL", confidence=0.9)
        for i, (name, lat, lon) in enumerate(towns)
    ]
    with opened_store(backend, tmp_path) as opened:
        opened.save([report(f"a{i}", D, f"Gunmen attacked a bus in {p.name}.", place=p, source=GUNMEN)
                     for i, p in enumerate(places)])  # fmt: skip
        assert [r["place_name"] for r in opened.near(-17.8, 179.95, 20.0)] in (
            ["Eastcape", "Westcape"],
            ["Westcape", "Eastcape"],
        )
        assert [r["place_name"] for r in opened.near(-17.8, -179.95, 1.0)] == ["Westcape"]
        assert [r["place_name"] for r in opened.near(88.0, 0.0, 500.0)] == ["Far North", "Across"]
        assert 380 < opened.near(88.0, 0.0, 500.0)[1]["distance_km"] < 400  # over the pole, not around it


def test_full_text_search(store: Store) -> None:
    hits = store.search("Okello talks")
    assert [h["id"] for h in hits] == ["v02"]
    assert "[" in hits[0]["snippet"] and hits[0]["date"] == D
    assert {h["id"] for h in store.search("gunmen market")} >= {"r01", "r08", "r01-copy"}
    assert store.search('"unbalanced (quote AND') == []  # operators are ignored, never a syntax error
    assert store.search("") == []
    store.save([report("v02", D, "A rewritten text about fishing boats.", type="CONSULT", acled=None)])
    assert store.search("Okello") == [h for h in store.search("Okello") if h["id"] == "v01"]
    assert [h["id"] for h in store.search("fishing boats")] == ["v02"]


def test_dataframes_have_useful_dtypes(store: Store) -> None:
    events = store.events_df()
    assert len(events) == 14 and "r01-copy" not in set(events["article_id"])
    assert str(events["day"].dtype).startswith("datetime64") and str(events["place"].dtype) == "Int64"
    assert events["lat"].dtype == "float64"
    assert len(store.events_df(include_duplicates=True)) == 15
    fused = store.fused_df()
    assert len(fused) == 4 and fused["support"].max() == 10 and str(fused["support"].dtype) == "Int64"
    assert str(fused["first_report"].dtype).startswith("datetime64")
    actors = store.actors_df()
    assert {"article_id", "actor_id", "kb_id", "article_date"} <= set(actors.columns)
    places = store.places_df()
    assert str(places["geonameid"].dtype) == "Int64" and set(places["name"]) >= {"Lakeside", "Faraway"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_name_filters_fold_every_letter(backend: str, tmp_path: Path) -> None:
    """ "Élysée" matches "élysée" and "ÉLYSÉE" on SQLite as on PostgreSQL, for raw and fused events."""
    from corpus_records import Actor

    palace = Actor(id="palace", name="Élysée Palace", kind="organization", country="FRA", sector="GOV", confidence=0.9)
    with opened_store(backend, tmp_path) as opened:
        opened.save([report("e1", D, "The Élysée Palace condemned the attack.", source=palace)])
        opened.fuse()
        for query in ("élysée", "ÉLYSÉE", "Élysée"):
            assert [r["article_id"] for r in opened.event_rows(actor=query)] == ["e1"]
            assert len(opened.fused_rows(actor=query)) == 1
