"""Run the pipeline over a stream of ingested items in this process, turning failures into per-document errors.

A batch goes through ``nlp.pipe`` at full speed; if any document in it fails, the batch is redone one document at a
time so that only the bad document becomes an :class:`IngestError` and the rest are kept.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from spacy.language import Language

from dateline.model import Analysis, Article, IngestError
from dateline.pipeline import analyse


def process(
    nlp: Language, items: Iterable[Article | IngestError], batch_size: int = 32
) -> Iterator[Analysis | IngestError]:
    """Analyse articles in order; ingest errors pass through, processing errors become IngestErrors."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, batch_size)):
        articles = [item for item in batch if isinstance(item, Article)]
        try:
            analysed: list[Analysis | IngestError] = list(analyse(nlp, articles, batch_size=batch_size))
        except Exception:  # a failing document must not stop the batch
            analysed = [_one(nlp, article) for article in articles]
        results = iter(analysed)
        for item in batch:
            yield item if isinstance(item, IngestError) else next(results)


def _one(nlp: Language, article: Article) -> Analysis | IngestError:
    try:
        return next(analyse(nlp, [article]))
    except Exception as exc:  # recorded as this document's error
        return IngestError(path=article.path or article.id, id=article.id, message=f"processing failed: {exc!r}")
