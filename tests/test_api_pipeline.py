"""One end-to-end run through the real pipeline: POST the seed article to a live server and read it back."""

from __future__ import annotations

import re

import pytest

from conftest import SEED
from dateline.api import create_app
from dateline.model import Analysis
from webdata import TOKEN, serve


def test_seed_article_through_the_real_pipeline(tmp_path) -> None:
    raw = SEED.read_text(encoding="utf-8")
    header = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s+", raw)
    assert header, "seed header missing"
    article = {"id": "seed", "date": header[1], "text": raw[header.end() :], "title": "Seed article"}
    with serve(create_app(str(tmp_path / "seed.db"), token=TOKEN), timeout=120) as client:
        response = client.post("/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
        if response.status_code == 500:
            message = response.json()["error"]["message"]
            if re.search(r"\b(NotImplementedError|ImportError|ModuleNotFoundError)\(", message):
                pytest.skip(f"an analysis stage is not available yet: {message}")
        assert response.status_code == 201, response.text
        analysis = Analysis.model_validate(response.json())
        assert analysis.text == article["text"] and analysis.pipeline_version
        assert analysis.actors and analysis.places and analysis.times
        stored = Analysis.model_validate(client.get("/api/articles/seed").json())
        assert stored == analysis
        page = client.get("/articles/seed")
        assert page.status_code == 200 and 'class="hl-place' in page.text
        listed = client.get("/api/events", params={"article": "seed"}).json()
        assert listed["total"] == len(analysis.events)
