"""Word lists the temporal grammar is built from: months, weekdays, numbers, units, seasons, parts of day."""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ],
    start=1,
):
    for _name in _names:
        WEEKDAYS[_name] = _number

UNITS: dict[str, str] = {
    "second": "S",
    "minute": "TM",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "F",
    "month": "M",
    "quarter": "Q",
    "season": "SE",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
"""Singular unit → internal code (``TM`` minute vs ``M`` month; ``F``, ``DE``, ``CE``, ``SE`` are rewritten)."""

UNIT_WORDS = (
    "seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|seasons?|"
    "years?|yrs?|decades?|centuries|century"
)

ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "last": -1,
    "final": -1,
}
VAGUE_NUMBERS = (
    "several|a few|few|many|some|a number of|a couple of|couple of|dozens of|hundreds of|numerous|the past few|"
    "a handful of"
)
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
    "daytime": "DT",
}


REPORTED_PAST = (
    "said", "told", "announced", "added", "stated", "noted", "warned", "claimed", "argued", "insisted", "suggested",
    "reported", "confirmed",
)  # fmt: skip
"""Past forms of the verbs that report a statement: the day after them is when it was said, the date in their object
need not have passed, and "that" after them opens a clause."""


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation, longest phrases first so the regex engine prefers them; spaces match any run of
    whitespace and an apostrophe either form ("valentine's day", "valentine’s day")."""
    return "|".join(
        re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in sorted(phrases, key=len, reverse=True)
    )


MONTH_RE = (
    "(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
WEEKDAY_RE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:mon|tues|tue|wed|thurs|thur|thu|fri|sat)\.)"
)
NUMBER_WORD_RE = (
    "(?:(?:" + alternation(list(TENS)) + ")(?:[- ](?:" + alternation([w for w in ONES if ONES[w] < 10]) + "))?|"
    "(?:" + alternation(list(ONES)) + "))"
)
ORDINAL_RE = "(?:" + alternation([w for w in ORDINALS if ORDINALS[w] > 0]) + r"|\d{1,2}(?:st|nd|rd|th))"


def parse_number(text: str) -> float | None:
    """A cardinal number from digits or English words ("twenty-four", "1,200", "a", "half a"); ``None`` if vague."""
    t = text.lower().replace(",", "").strip()
    t = re.sub(r"\s+", " ", t)
    if t in ("a", "an", "one", "a single", "a full", "an entire", "another", "the"):
        return 1
    if t in ("a couple of", "couple of", "a couple", "two"):
        return 2
    if t in ("a dozen", "dozen"):
        return 12
    if t in ("half a", "half an", "a half"):
        return 0.5
    fraction = re.fullmatch(r"(\d+)[ -]([13])/([24])", t)  # "3 1/2", wire-style "11-1/2", "2-3/4"
    if fraction and (fraction.group(3) == "4" or fraction.group(2) == "1"):
        return int(fraction.group(1)) + int(fraction.group(2)) / int(fraction.group(3))
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in ONES:
        return ONES[t]
    parts = re.split(r"[- ]", t)
    if parts and parts[0] in TENS:
        total = TENS[parts[0]]
        if len(parts) == 2 and parts[1] in ONES and ONES[parts[1]] < 10:
            return total + ONES[parts[1]]
        if len(parts) == 1:
            return total
    return None
