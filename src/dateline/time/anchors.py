"""Known events that temporal expressions anchor on: "since the full-scale invasion" → 2022-02-24.

An expression such as "after the ceasefire" has no calendar value of its own; TimeML leaves it out. When the event is
one the knowledge base (``data/known_events.yaml``) knows, the anchor's date is known too, and analysts want it: the
expression keeps ``anchor="event"`` and gains the event's date as its value and the event's name. A specific name
("the Fukushima disaster") is enough; a bare head ("since the war") needs a cue in the article ("Gaza", "Hamas") and no
rival known event cued there as well. Events after the article's date are never anchors.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, field_validator

from dateline.time.calendar import add_days, day, is_valid_value
from dateline.time.lexicon import alternation


class KnownEvent(BaseModel):
    """An event with a known start (and, if over, end) date that articles refer to by name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    date: str
    """TimeML value of the start: a day, a month or a year."""
    end: str | None = None
    names: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    not_cues: tuple[str, ...] = ()
    """Phrases that hold a cue but are no cue ("South Sudan" for the events in Sudan)."""

    @field_validator("date", "end", mode="before")
    @classmethod
    def _timeml(cls, value: object) -> str | None:
        if value is None:
            return None
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        if not is_valid_value(text):
            raise ValueError(f"not a TimeML date value: {text!r}")
        return text

    def began_by(self, when: dt.date) -> bool:
        """Whether the event had started on ``when`` (compared at the date's own granularity)."""
        return self.date <= when.isoformat()[: len(self.date)]

    def value_for(self, part: str | None) -> str | None:
        """The date a phrase about ``part`` of the event means: its start, its end, or the eve of it."""
        part = (part or "").lower()
        if part in ("", "onset", "start", "beginning", "outbreak", "launch", "first day"):
            return self.date
        if part in ("end", "close", "conclusion", "last day"):
            return self.end
        if part == "aftermath":
            return self.end or self.date  # what follows an event that is over, or a point event
        if part == "eve" and len(self.date) == 10:
            return day(add_days(dt.date.fromisoformat(self.date), -1))
        return None  # "the height of": anchored on the event, but no single date


def _key(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.replace("’", "'").strip().lower())


@lru_cache(maxsize=1)
def known_events() -> tuple[KnownEvent, ...]:
    """Every event in the knowledge base, validated."""
    text = resources.files("dateline.time").joinpath("data/known_events.yaml").read_text(encoding="utf-8")
    return tuple(KnownEvent(**entry) for entry in yaml.safe_load(text))


@lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[KnownEvent, ...]]:
    table: dict[str, list[KnownEvent]] = {}
    for event in known_events():
        for name in event.names:
            table.setdefault(_key(name), []).append(event)
    return {name: tuple(events) for name, events in table.items()}


def name_pattern() -> str:
    """A regex alternation of every specific event name (longest first), for the grammar's anchor rule."""
    return alternation(_by_name())


DATED_NAME = re.compile(r"[a-z]+\.?\s+\d{1,2}\b|\d{1,2}/\d{1,2}\b")
"""The calendar part a name may open with ("jan. 6 attack", "9/11", "26/11 attacks")."""


def dated_name_pattern() -> str:
    """A regex alternation of the names that open with a day and go on ("the Jan. 6 attack"), longest first; a bare
    "9/11" stays a date unless a temporal preposition makes it the anchor ("after 9/11")."""
    return alternation(n for n in _by_name() if (d := DATED_NAME.match(n)) and d.end() < len(n))


def by_name(phrase: str, dct: dt.date) -> KnownEvent | None:
    """The known event a specific name means, if it had begun by the article's date."""
    found = [e for e in _by_name().get(_key(phrase), ()) if e.began_by(dct)]
    return found[-1] if found else None


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per event, a regex whose group ``not`` is a phrase that is no cue and whose other matches are cues."""
    patterns = []
    for e in known_events():
        if e.cues:
            excluded = rf"(?P<not>\b(?:{alternation(e.not_cues)})\b)|" if e.not_cues else ""
            patterns.append((e.name, re.compile(rf"{excluded}\b(?:{alternation(e.cues)})\b")))
    return tuple(patterns)


def cued_events(text: str) -> frozenset[str]:
    """Names of the known events one of whose cues the text mentions (one pass per event, once per article)."""
    return frozenset(
        name
        for name, pattern in _cue_patterns()
        if (found := pattern.search(text)) is not None
        and (found.lastgroup != "not" or any(m.lastgroup != "not" for m in pattern.finditer(text, found.end())))
    )


def by_head(head: str, cued: frozenset[str], dct: dt.date) -> KnownEvent | None:
    """The one known event a bare head ("the war") means in an article that cues the events in ``cued``."""
    head = _key(head)
    found = [e for e in known_events() if head in e.generic and e.name in cued and e.began_by(dct)]
    return found[0] if len(found) == 1 else None
