"""Near-duplicate detection (MinHash LSH): copies and light re-edits are linked to the original, others are not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from backends import BACKENDS, opened_store
from dateline.ingest import find_near_duplicates
from dateline.ingest.dedup import shingles
from dateline.model import Analysis, Article
from dateline.store import Store

STORY = (
    "The coastal town of Port Elwin reopened its harbour on Wednesday after a warehouse fire had kept ships away "
    "for a day and a half. The harbour master said two cargo vessels that had been diverted to the northern "
    "terminal would return by the weekend, and that an inquiry into the cause of the fire would begin next week. "
    "Local traders said the closure had cost them several days of business during the busiest month of the year."
)
EDITED = STORY.replace("Wednesday", "Wednesday morning").replace("several days", "a few days") + " (Updated.)"
OTHER = (
    "Farmers in the upper valley met the agriculture minister on Thursday to ask for a fairer share of the "
    "irrigation water, saying that two dry summers had already forced several families to sell their herds."
)


def article(id: str, text: str, day: int = 1) -> Article:
    return Article(id=id, date=dt.date(2024, 5, day), text=text)


def test_copies_and_re_edits_link_to_the_earliest() -> None:
    articles = [
        article("wire-copy", STORY, day=3),
        article("original", STORY, day=1),
        article("edited", EDITED, day=2),
        article("other", OTHER, day=1),
    ]
    assert find_near_duplicates(articles) == {"edited": "original", "wire-copy": "original"}


def test_threshold_and_short_texts() -> None:
    half = STORY[: len(STORY) // 2]
    assert find_near_duplicates([article("a", STORY), article("b", half, day=2)]) == {}
    assert find_near_duplicates([article("a", STORY), article("b", half, day=2)], threshold=0.4) == {"b": "a"}
    short = [article("x", "Rain."), article("y", "Rain.", day=2), article("z", "Snow.", day=3)]
    assert find_near_duplicates(short) == {"y": "x"}
    assert find_near_duplicates([article("e", "  ... "), article("f", "!!!")]) == {}
    assert shingles("One two three four") == {b"one two three", b"two three four"}


def test_ties_go_to_input_order() -> None:
    assert find_near_duplicates([article("b", STORY), article("a", STORY)]) == {"a": "b"}


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with opened_store(request.param, tmp_path) as opened:
        yield opened


def test_store_links_duplicates_and_queries_skip_them(store: Store) -> None:
    analyses = [
        Analysis(id=a.id, date=a.date, text=a.text)
        for a in (article("original", STORY), article("copy", STORY, day=2), article("other", OTHER))
    ]
    store.save(analyses)
    assert store.dedup() == {"copy": "original"}
    assert store.duplicates() == {"copy": "original"}
    assert {h["id"]: h["duplicate_of"] for h in store.search("harbour master")} == {
        "original": None,
        "copy": "original",
    }
    store.link_duplicates({})
    assert store.duplicates() == {}


def test_articles_far_apart_in_time_are_separate_stories() -> None:
    far = [article("a", STORY, day=1), article("b", STORY, day=20)]
    assert find_near_duplicates(far) == {}
    assert find_near_duplicates(far, max_days=None) == {"b": "a"}
