"""Importers: Phoenix/PETRARCH dictionaries and Wikidata entity JSON into KB records, and the YAML writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.actors.importers import import_file, load_phoenix, load_wikidata
from dateline.actors.kb import KnowledgeBase

DATA = Path(__file__).resolve().parent / "data" / "kb"
PHOENIX = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dictionaries" / "phoenix"


def test_phoenix_sample_entries() -> None:
    actors = {a.name: a for a in load_phoenix(DATA / "phoenix_sample.actors.txt")}
    assert "Freedonia" not in actors  # its code is not a country we know: skipped
    vellis = actors["Mara Vellis"]
    assert vellis.kind == "person" and vellis.country == "ISR" and vellis.id == "phoenix:mara-vellis"
    assert "Vellis" in vellis.aliases
    assert [(r.sector, r.start, r.end) for r in vellis.roles] == [
        ("ELI", "1985-01-01", "1999-06-30"),
        ("GOV", "1999-07-01", "2005-03-15"),
        ("GOV", "2012-04-01", None),
    ]
    assert vellis.sectors == ["ELI"]
    assert [r.sector for r in vellis.roles_on(dt.date(2015, 1, 1))] == ["GOV"]
    oro = actors["Tam Oro"]
    assert (oro.roles[0].sector, oro.roles[0].start, oro.roles[0].end) == ("GOV", None, "2003-01-01")
    assert actors["River Front Brigade"].sectors == ["REB"]
    assert actors["World Helpers League"].kind == "ngo"
    assert actors["United Watchers"].kind == "igo" and actors["United Watchers"].sectors == ["IGO"]


@pytest.mark.skipif(not PHOENIX.exists(), reason="needs ../shared")
def test_phoenix_real_dictionaries() -> None:
    countries = load_phoenix(PHOENIX / "Phoenix.Countries.actors.txt")
    assert len(countries) > 10_000
    netanyahu = next(a for a in countries if a.name == "Benjamin Netanyahu")
    assert netanyahu.country == "ISR"
    assert [r.sector for r in netanyahu.roles_on(dt.date(1997, 1, 1))] == ["GOV"]
    assert any(a.kind == "country" and a.country == "AFG" for a in countries)
    groups = load_phoenix(PHOENIX / "Phoenix.MilNonState.actors.txt")
    assert len(groups) > 500
    international = load_phoenix(PHOENIX / "Phoenix.International.actors.txt")
    assert any(a.kind == "igo" for a in international)
    assert len({a.id for a in countries}) == len(countries)


def test_wikidata_fixture() -> None:
    actors = load_wikidata(DATA / "wikidata_sample.json")
    assert [a.id for a in actors] == ["wikidata:q90001"]
    marta = actors[0]
    assert marta.kind == "person" and marta.country == "ISR" and marta.qid == "Q90001"
    assert marta.aliases == ["M. Exampleova"]
    foreign, member = marta.roles
    assert (foreign.title, foreign.office, foreign.sector) == (
        "Minister of Foreign Affairs",
        "ISR/foreign-minister",
        "GOV",
    )
    assert (foreign.start, foreign.end) == ("2019-05-02", "2023")
    assert (member.sector, member.office, member.start, member.end) == ("LEG", None, "2023-07", None)


@pytest.mark.parametrize(
    ("fmt", "source"), [("wikidata", "wikidata_sample.json"), ("phoenix", "phoenix_sample.actors.txt")]
)
def test_import_file_writes_a_loadable_kb(tmp_path: Path, fmt: str, source: str) -> None:
    out = tmp_path / "user" / f"{fmt}.yaml"
    count = import_file(DATA / source, fmt, out)  # type: ignore[arg-type]
    assert count > 0 and out.exists()
    kb = KnowledgeBase.load(extra=[out], bundled=False, use_cache=False)
    assert len(kb) == count
    assert kb.validate() == []


def test_import_file_rejects_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown KB format"):
        import_file(DATA / "wikidata_sample.json", "csv", tmp_path / "x.yaml")  # type: ignore[arg-type]
