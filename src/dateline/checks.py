"""Contradiction checks that need several layers at once (events × time × article date).

Single-layer checks live with their stage (place qualifiers in ``places``, titles against the KB in ``actors``);
this module looks across layers.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from dateline.model import Event, Flag
from dateline.timeml import interval


def check_events_against_date(events: list[Event], article_date: dt.date) -> list[Flag]:
    """Flag events whose modality contradicts their date: reported as done but dated after the article, or
    planned but dated wholly before it."""
    flags: list[Flag] = []
    for event in events:
        if not event.date_from_text:
            continue
        span = interval(event.date)
        if span is None:
            continue
        first, last = span
        if event.modality == "occurred" and first > article_date:
            flags.append(
                Flag(
                    kind="event_date_future",
                    message=f"{event.type} is reported as having happened but is dated {event.date}, "
                    f"after the article date {article_date}",
                    evidence=event.evidence,
                )
            )
        elif event.modality == "planned" and last < article_date:
            flags.append(
                Flag(
                    kind="event_date_past",
                    message=f"{event.type} is reported as planned but is dated {event.date}, "
                    f"before the article date {article_date}",
                    evidence=event.evidence,
                )
            )
    return flags


def check_document(doc: Doc) -> list[Flag]:
    """All cross-layer checks for one annotated Doc."""
    return check_events_against_date(doc._.dateline_events or [], doc._.dateline_date)
