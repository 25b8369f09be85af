"""Run the temporal grammar over a text and turn its hits into non-overlapping :class:`~dateline.model.Timex` records."""

from __future__ import annotations

import datetime as dt
import logging
import re

from spacy.tokens import Doc

from dateline.model import Timex
from dateline.time.calendar import granularity_of, is_valid_value
from dateline.time.grammar import RULES, Context, Hit

log = logging.getLogger(__name__)

_LEFT_MODIFIER = re.compile(
    r"(?:\b(?:the\s+)?(?:very\s+)?(?:(?:early|late|earlier|later)(?:\s+in)?|mid|(?:end|beginning|start|middle|turn|close|"
    r"first\s+half|second\s+half|last\s+half|first\s+part|latter\s+part|rest|remainder|balance|dawn)\s+of)"
    r"(?:\s+the)?[\s-]+|\bmid-)$",
    re.IGNORECASE,
)
_EXTENDABLE = {"DATE", "TIME"}


def _rule_hits(ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    for pattern, handler in RULES:
        for match in pattern.finditer(ctx.text):
            if match.end() == match.start():
                continue
            try:
                result = handler(match, ctx)
            except (ValueError, KeyError, IndexError, OverflowError, TypeError) as error:
                log.debug("rule %s failed on %r: %s", handler.__name__, match.group(0), error)
                continue
            if result is None:
                continue
            hits.extend(result if isinstance(result, list) else [result])
    return hits


def _select(hits: list[Hit]) -> list[Hit]:
    """Keep the longest hits that do not overlap; event anchors only where no calendar expression is."""
    chosen: list[Hit] = []
    taken: list[tuple[int, int]] = []
    ordered = sorted(hits, key=lambda h: (h.anchor == "event", -(h.end - h.start), h.start))
    for hit in ordered:
        if hit.end <= hit.start or any(hit.start < e and s < hit.end for s, e in taken):
            continue
        chosen.append(hit)
        taken.append((hit.start, hit.end))
    return sorted(chosen, key=lambda h: h.start)


def _extend_left(text: str, hit: Hit, floor: int) -> int:
    """Start of the hit after taking in "early", "the end of", "mid-" and similar modifiers just before it."""
    if hit.type not in _EXTENDABLE or hit.anchor == "event":
        return hit.start
    window_start = max(floor, hit.start - 40)
    match = _LEFT_MODIFIER.search(text[window_start : hit.start])
    return window_start + match.start() if match else hit.start


def find_timexes(text: str, dct: dt.date, doc: Doc | None = None) -> list[Timex]:
    """All temporal expressions in ``text``, normalised to TimeML values against the document date ``dct``.

    ``doc`` (a spaCy parse of the same text) sharpens tense decisions but is optional. Offsets are character offsets
    into ``text``; expressions anchored on events carry ``anchor="event"`` and no value. Never raises on any input.
    """
    if not isinstance(text, str) or not text:
        return []
    if doc is not None and doc.text != text:
        doc = None
    ctx = Context(text=text, dct=dct, doc=doc)
    result: list[Timex] = []
    floor = 0
    for hit in _select(_rule_hits(ctx)):
        value = hit.value if hit.value is not None and is_valid_value(hit.value) else None
        if value is None and hit.anchor != "event":
            continue
        start = _extend_left(text, hit, floor)
        end = hit.end - 2 if text[start : hit.end].endswith(("'s", "’s")) and hit.end - start > 2 else hit.end
        floor = hit.end
        result.append(
            Timex(
                text=text[start:end],
                start=start,
                end=end,
                type=hit.type,  # type: ignore[arg-type]
                value=value,
                granularity=granularity_of(value, hit.type),
                anchor=hit.anchor,  # type: ignore[arg-type]
            )
        )
    return result
