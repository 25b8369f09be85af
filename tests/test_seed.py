"""The seed article end to end: article → actors, places, dates, events, flags → store → query."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import SEED, assert_spans_valid
from dateline.ingest import read_paths
from dateline.model import Analysis, Article
from dateline.pipeline import analyse
from dateline.store import Store


@pytest.fixture(scope="module")
def seed(dateline_nlp) -> Analysis:
    (article,) = read_paths([SEED])
    assert isinstance(article, Article)
    return next(analyse(dateline_nlp, [article]))


def actor_named(analysis: Analysis, surface: str):
    """The actor one of whose mentions contains ``surface``."""
    found = [a for a in analysis.actors if any(surface in m.text for m in a.mentions)]
    assert found, f"no actor mentioned as {surface!r}: {[a.name for a in analysis.actors]}"
    return found[0]


def test_article_date(seed: Analysis) -> None:
    assert seed.date == dt.date(2024, 3, 20)


@pytest.mark.parametrize(
    ("surface", "name", "country", "role"),
    [
        ("Galant", "Yoav Gallant", "ISR", "Minister of Defense"),
        ("Austin", "Lloyd Austin", "USA", "Secretary of Defense"),
        ("Biden", "Joe Biden", "USA", "President"),
        ("Netanyahu", "Benjamin Netanyahu", "ISR", "Prime Minister"),
        ("Hanegbi", "Tzachi Hanegbi", "ISR", None),
        ("Dermer", "Ron Dermer", "ISR", None),
    ],
)
def test_actors(seed: Analysis, surface: str, name: str, country: str, role: str | None) -> None:
    actor = actor_named(seed, surface)
    assert actor.name == name
    assert (actor.country, actor.sector, actor.kind) == (country, "GOV", "person")
    if role:
        assert actor.role and role.lower() in actor.role.lower().replace("defence", "defense")


def test_times(seed: Analysis) -> None:
    values = {t.text: t.value for t in seed.times}
    assert values.get("next week") == "2024-W13"
    assert values.get("March 18") == "2024-03-18"


def test_rafiyah_is_rafah_gaza(seed: Analysis) -> None:
    rafah = [p for p in seed.places if any(m.text == "Rafiyah" for m in p.mentions)]
    assert len(rafah) == 1
    assert (rafah[0].geonameid, rafah[0].country) == (281102, "PS")


def test_northern_gaza_flag(seed: Analysis) -> None:
    flags = [f for f in seed.flags if f.kind == "place_qualifier"]
    assert flags, seed.flags
    assert any("north" in f.evidence.text.lower() and "south" in f.message.lower() for f in flags)


def test_events(seed: Analysis) -> None:
    actors = {a.id: a for a in seed.actors}

    def country(actor_id: str | None) -> str | None:
        return actors[actor_id].country if actor_id in actors else None

    visits = [e for e in seed.events if e.type == "CONSULT" and e.mode == "visit"]
    assert any(
        country(e.source) == "ISR" and country(e.target) == "USA" and e.date == "2024-W13" and e.modality == "planned"
        for e in visits
    ), visits
    calls = [e for e in seed.events if e.type == "CONSULT" and e.date == "2024-03-18"]
    assert any(
        {actors[e.source].name, actors[e.target].name} == {"Joe Biden", "Benjamin Netanyahu"}
        and e.modality == "occurred"
        for e in calls
        if e.source in actors and e.target in actors
    ), calls
    operations = [e for e in seed.events if e.type in {"ASSAULT", "MOBILIZE"} and e.place == 281102]
    assert any(e.modality == "planned" for e in operations), seed.events


def test_every_span_matches_the_text(seed: Analysis) -> None:
    assert seed.events and seed.flags
    assert_spans_valid(seed)


def test_store_and_query(seed: Analysis, tmp_path: Path) -> None:
    store = Store(tmp_path / "seed.db")
    store.save([seed])
    assert store.analysis(seed.id) == seed
    rows = store.events(actor="Gallant", type="CONSULT")
    assert rows and all(row["type"] == "CONSULT" for row in rows)
