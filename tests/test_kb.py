"""The actor KB: loading, lookups, dated roles, merging and validation (fixture KB and the bundled data)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import yaml

from dateline.actors.kb import KBActor, KnowledgeBase, fold, get_kb

FIXTURE = Path(__file__).resolve().parent / "data" / "kb"


@pytest.fixture(scope="module")
def small() -> KnowledgeBase:
    return KnowledgeBase.load(extra=[FIXTURE / "fixture.yaml"], bundled=False, use_cache=False)


def test_fold_makes_lookup_keys() -> None:
    assert fold("U.S.") == "us"
    assert fold("the Israeli Ministry of Defense") == "israeli ministry of defense"
    assert fold("Ben-Gvir's") == "ben gvir"


def test_candidates_by_name_alias_and_demonym(small: KnowledgeBase) -> None:
    assert [a.id for a in small.candidates("Netanyahu")] == ["benjamin-netanyahu"]
    assert [a.id for a in small.candidates("U.S.")] == ["usa"]
    assert [a.id for a in small.candidates("Israeli")] == ["isr"]
    assert small.candidates("Nobody Atall") == []


def test_fuzzy_finds_misspellings(small: KnowledgeBase) -> None:
    best, score = small.fuzzy("Galant", limit=3)[0]
    assert best.id == "yoav-gallant" and score > 85


def test_roles_on_dates(small: KnowledgeBase) -> None:
    biden = small.get("joe-biden")
    assert biden is not None
    assert [r.title for r in biden.roles_on(dt.date(2015, 6, 1))] == ["Vice President"]
    assert [r.title for r in biden.roles_on(dt.date(2024, 3, 20))] == ["President"]
    assert biden.roles_on(dt.date(2018, 1, 1)) == []
    assert biden.roles_before(dt.date(2018, 1, 1))[0].title == "Vice President"


def test_partial_dates_count_in_full(small: KnowledgeBase) -> None:
    gallant = small.get("yoav-gallant")
    assert gallant is not None
    # Construction role is dated 2015-05 .. 2019-01: any day of those months is inside.
    assert [r.title for r in gallant.roles_on(dt.date(2015, 5, 1))] == ["Minister of Construction"]
    assert [r.title for r in gallant.roles_on(dt.date(2019, 1, 31))] == ["Minister of Construction"]


def test_holders_by_office_and_date(small: KnowledgeBase) -> None:
    assert [a.id for a in small.holders("ISR/head-of-government", dt.date(2021, 12, 1))] == ["naftali-bennett"]
    assert [a.id for a in small.holders("USA/defence-minister", dt.date(2024, 3, 20))] == ["lloyd-austin"]
    # A presidential system: the head of government is the head of state.
    assert [a.id for a in small.holders("USA/head-of-government", dt.date(2024, 3, 20))] == ["joe-biden"]


def test_fixture_validates(small: KnowledgeBase) -> None:
    assert small.validate() == []


def test_validate_reports_problems(tmp_path: Path) -> None:
    bad = [
        {
            "id": "a-one",
            "name": "A One",
            "kind": "person",
            "country": "XXX",
            "sectors": ["FOO"],
            "wiki": "A",
            "roles": [
                {"title": "President", "office": "ISR/head-of-state", "start": "2010-01-01", "end": "2009-01-01"}
            ],
        },
        {
            "id": "b-two",
            "name": "B Two",
            "kind": "person",
            "wiki": "B",
            "roles": [{"title": "President", "office": "ISR/head-of-state", "start": "2008"}],
        },
        {"id": "c-three", "name": "C", "kind": "planet", "wiki": "C"},
        {"id": "d-four", "name": "D", "kind": "person", "wiki": "D", "colour": "red"},
    ]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad), encoding="utf-8")
    problems = KnowledgeBase.load(extra=[path], bundled=False, use_cache=False).validate()
    text = "\n".join(problems)
    assert "bad country 'XXX'" in text
    assert "bad sector 'FOO'" in text
    assert "ends before it starts" in text
    assert "ISR/head-of-state" in text and "overlaps" in text
    assert "c-three" in text and "d-four" in text


def test_duplicate_ids_in_bundled_files_are_problems(tmp_path: Path) -> None:
    kb = KnowledgeBase()
    rec = [{"id": "x", "name": "X", "kind": "person", "wiki": "X"}]
    for name in ("one.yaml", "two.yaml"):
        (tmp_path / name).write_text(yaml.safe_dump(rec), encoding="utf-8")
        kb._load_file(tmp_path / name, override=False)
    assert any("duplicate id x" in p for p in kb.validate())


def test_extra_files_override_and_merge(tmp_path: Path, small: KnowledgeBase) -> None:
    extra = [
        {
            "id": "benjamin-netanyahu",
            "name": "Benjamin Netanyahu",
            "kind": "person",
            "country": "ISR",
            "wiki": "BN",
            "aliases": ["Bibi"],
        },
        {
            "id": "phoenix:ron-dermer",
            "name": "Ron Dermer",
            "kind": "person",
            "country": "ISR",
            "aliases": ["R. Dermer"],
            "source": "phoenix",
        },
    ]
    path = tmp_path / "user.yaml"
    path.write_text(yaml.safe_dump(extra), encoding="utf-8")
    kb = KnowledgeBase.load(extra=[FIXTURE / "fixture.yaml", path], bundled=False, use_cache=False)
    netanyahu = kb.get("benjamin-netanyahu")
    assert netanyahu is not None and netanyahu.aliases == ["Bibi"]  # same id: replaced
    assert kb.get("phoenix:ron-dermer") is None  # same name and country: merged
    assert [a.id for a in kb.candidates("R. Dermer")] == ["ron-dermer"]
    assert len(kb) == len(small)


def test_cache_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    first = KnowledgeBase.load(extra=[FIXTURE / "fixture.yaml"], bundled=False)
    assert list(tmp_path.glob("kb-*.pkl"))
    second = KnowledgeBase.load(extra=[FIXTURE / "fixture.yaml"], bundled=False)
    assert second.actors.keys() == first.actors.keys()
    assert [a.id for a in second.candidates("Hanegbi")] == ["tzachi-hanegbi"]


def test_bundled_kb_validates_and_loads_fast() -> None:
    KnowledgeBase.load()  # builds the cache if the data changed
    began = time.perf_counter()
    kb = KnowledgeBase.load()
    assert time.perf_counter() - began < 3.0  # about 0.4 s measured; slack for shared CI cores
    assert len(kb) > 500
    assert kb.validate() == []


def test_get_kb_is_cached() -> None:
    assert get_kb() is get_kb()
    assert isinstance(next(iter(get_kb().actors.values())), KBActor)
