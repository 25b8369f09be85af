"""Near-duplicate articles (MinHash LSH over word shingles): wire copies, syndicated reprints, light re-edits.

Duplicates are kept and linked to their original (the earliest article, ties broken by input order) so that
fusion and exports count each story once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Protocol

WORD = re.compile(r"\w+", re.UNICODE)
#: How much looser than the final threshold the LSH candidate search is.
CANDIDATE_SLACK = 0.1


class Document(Protocol):
    """What deduplication needs of an article (an :class:`~dateline.model.Article` or a stored row)."""

    id: str
    date: dt.date
    text: str


def shingles(text: str, size: int = 3) -> set[bytes]:
    """Lower-cased word ``size``-grams of ``text`` (the whole text as one shingle when it is shorter)."""
    words = WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def find_near_duplicates(
    articles: Iterable[Document],
    threshold: float = 0.8,
    num_perm: int = 128,
    shingle_size: int = 3,
    max_days: int | None = 7,
) -> dict[str, str]:
    """Map each near-duplicate article's id to its original's id (Jaccard similarity of shingles ≥ ``threshold``).

    MinHash LSH proposes candidates with a looser threshold (``threshold - CANDIDATE_SLACK``) and the exact Jaccard
    similarity of the shingle sets decides, so the answer does not depend on MinHash's estimation noise. Originals
    are visited first (earliest date, then input order); a duplicate of a duplicate maps to the root. Articles more
    than ``max_days`` apart are never duplicates (recurring templated items such as "central bank leaves rates
    unchanged" are separate stories); ``None`` lifts the limit.
    """
    from datasketch import MinHash, MinHashLSH

    ordered = sorted(enumerate(articles), key=lambda pair: (pair[1].date, pair[0]))
    lsh = MinHashLSH(threshold=max(0.05, threshold - CANDIDATE_SLACK), num_perm=num_perm)
    seen: dict[str, frozenset[int]] = {}
    dates: dict[str, dt.date] = {}
    original_of: dict[str, str] = {}
    for _, article in ordered:
        grams = shingles(article.text, shingle_size)
        if not grams or article.id in seen:
            continue
        signature = MinHash(num_perm=num_perm, seed=1)
        signature.update_batch(list(grams))
        hashed = frozenset(hash(gram) for gram in grams)
        scored = [
            (len(hashed & seen[other]) / len(hashed | seen[other]), other)
            for other in lsh.query(signature)
            if max_days is None or (article.date - dates[other]).days <= max_days
        ]
        best = max((pair for pair in scored if pair[0] >= threshold), default=None)
        if best is not None:
            original_of[article.id] = original_of.get(best[1], best[1])
        seen[article.id] = hashed
        dates[article.id] = article.date
        lsh.insert(article.id, signature)
    return original_of
