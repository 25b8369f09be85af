"""The temporal grammar: regex rules over month names, weekdays, numbers and units, each with a normaliser.

Every rule is a compiled pattern plus a function turning a match into zero or more :class:`Hit` records (a rule may
reject a match, e.g. "may" the verb, or split it, e.g. "between March 4 and 8" gives two dates). Values are computed
against the document creation time (DCT) and, where the calendar leaves a choice, the tense of the clause.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dateline.time import anchors
from dateline.time import calendar as cal
from dateline.time.lexicon import (
    MONTH_RE,
    MONTHS,
    NUMBER_WORD_RE,
    ORDINAL_RE,
    ORDINALS,
    PARTS_OF_DAY,
    REPORTED_PAST,
    SEASONS,
    UNIT_WORDS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_RE,
    WEEKDAYS,
    alternation,
    parse_number,
)
from dateline.time.tense import LexicalCues, Tense, sentence_bounds, tense_from_doc


@dataclass(frozen=True)
class Hit:
    """A recognised expression before it becomes a :class:`~dateline.model.Timex`."""

    start: int
    end: int
    type: str
    value: str | None
    anchor: str = "document"
    quarter_shift: int | None = None
    """Years to move the reported quarter (the first one the article names), if any ("a year earlier" after "the third
    quarter"); 0 for "the quarter", "the latest period"."""
    quarter_year: int | None = None
    """A year whose instance of the reported quarter is meant ("the 1988 period" after "the third quarter")."""
    narrative: tuple[str, int] | None = None
    """Unit and step from the last date mentioned ("the following day" → ("D", 1)); ``value`` is the fallback."""
    known: str | None = None
    """For an expression anchored on an event the knowledge base knows, that event's name."""
    narrated: bool = True
    """Whether later phrases may count from this date ("the afternoon" after "on Monday"); not from an aside counted
    from the article date ("a slide in Hong Kong overnight")."""
    weekday: int | None = None
    """The ISO weekday of a bare weekday ("on Tuesday"): in a sentence that lists days after a scheduled one, the
    later ones run forward from it ("the heats are on Tuesday, the final on Thursday")."""


@dataclass
class Context:
    """What the normalisers need: the text, the DCT and (optionally) the parsed ``Doc`` for tense."""

    text: str
    dct: dt.date
    doc: Doc | None = None
    _tenses: dict[tuple[int, int], Tense | None] = field(default_factory=dict)
    _cued: frozenset[str] | None = None
    _cues: LexicalCues | None = None
    _day_first: bool | None = None

    def cued_events(self) -> frozenset[str]:
        """Names of the known events whose cues the text mentions (computed once per text)."""
        if self._cued is None:
            self._cued = anchors.cued_events(self.text)
        return self._cued

    def cues(self) -> LexicalCues:
        """The text's lexical tense cues (found once per text)."""
        if self._cues is None:
            self._cues = LexicalCues(self.text)
        return self._cues

    def day_first(self) -> bool:
        """Whether the text writes numeric dates day first (computed once per text): none of them cannot be read day
        first, and one cannot be read month first ("25/04/2016"), the text writes its dates in words day first ("14
        March", never "March 14") or one only makes sense day first (a date right after a past verb that month first
        would lie after the article date: "was held on 11/04/2016" written in May 2016)."""
        if self._day_first is None:
            slashes = list(_SLASH.finditer(self.text)) if "/" in self.text else []
            pairs = [(int(m.group("a")), int(m.group("b"))) for m in slashes]
            self._day_first = not any(1 <= a <= 12 < b <= 31 for a, b in pairs) and (
                any(1 <= b <= 12 < a <= 31 for a, b in pairs)
                or (bool(_DAY_MONTH_WORDS.search(self.text)) and not _MONTH_DAY_WORDS.search(self.text))
                or any(self._past_only_day_first(m) for m in slashes)
            )
        return self._day_first

    def _past_only_day_first(self, m: re.Match[str]) -> bool:
        a, b = int(m.group("a")), int(m.group("b"))
        year = int(m.group("y")) if len(m.group("y")) == 4 else _two_digit_year(int(m.group("y")), self.dct)
        month_first, day_first = cal.safe_date(year, a, b), cal.safe_date(year, b, a)
        if month_first is None or day_first is None or not day_first <= self.dct < month_first:
            return False
        # "was held on 11/04/2016", "were stolen on 04/03/2024"; not "said shareholders vote 6/1/2016"
        return self.cues().past_verb_right_before(m.start()) or bool(
            _PAST_PASSIVE_ON.search(self.text, max(0, m.start() - 40), m.start())
        )

    def tense(self, start: int, end: int) -> Tense | None:
        """The tense governing ``text[start:end]`` (cached)."""
        key = (start, end)
        if key not in self._tenses:
            found = tense_from_doc(self.doc, start, end) if self.doc is not None else None
            if found in (None, "present"):
                lexical = self.cues().tense(start, end)
                # A bare present from the parse ("is due on Friday") says less than a future cue around it.
                found = lexical if found is None or lexical == "future" else found
            self._tenses[key] = found
        return self._tenses[key]


Handler = Callable[[re.Match[str], Context], list[Hit] | Hit | None]
RULES: list[Rule] = []


@dataclass(frozen=True)
class Rule:
    """A regex, its handler and the lower-case words one of which every match contains (``needs``): a text without
    any of them is not scanned with the regex at all, which keeps the stage fast on the many rules an article never
    triggers."""

    pattern: re.Pattern[str]
    handler: Handler
    needs: tuple[str, ...] = ()
    gate: re.Pattern[str] | None = None
    """A cheaper regex that every text with a match also matches (a clock time, for the rules that join clock times
    to days): a text without it is not scanned with the full pattern."""


def rule(
    pattern: str, flags: int = re.IGNORECASE, needs: tuple[str, ...] = (), gate: re.Pattern[str] | None = None
) -> Callable[[Handler], Handler]:
    """Register a handler for a regex (case-insensitive by default, word-bounded by the pattern itself).

    A pattern that opens with ``\\b`` is given a leading ``(?=\\w)``: the same matches (every such pattern here
    starts with a word character), found about a third faster, as the regex engine then skips to word characters
    before trying the pattern.
    """
    if pattern.startswith(r"\b"):
        pattern = r"(?=\w)" + pattern

    def register(handler: Handler) -> Handler:
        RULES.append(Rule(re.compile(pattern, flags), handler, needs, gate))
        return handler

    return register


# ----------------------------------------------------------------------------------------------------------- pieces
MONTH_NEEDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAY_NEEDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PART_NEEDS = ("morning", "afternoon", "evening", "night")
UNIT_NEEDS = (
    "sec", "min", "hour", "hr", "day", "night", "week", "fortnight", "month", "quarter", "season", "year", "yr",
    "decade", "centur",
)  # fmt: skip
"""The words (lower case, in part) a month, weekday, part-of-day or unit rule needs in a text to be run at all."""
REL_STEP = {"last": -1, "this": 0, "next": 1}
"""Years or weeks from the DCT's for "last" / "this" / "next"."""
NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\s+|-)(?:1/2|[13]/4)|\d+(?:\.\d+)?|{NUMBER_WORD_RE}|an?|one|"
    r"a couple of|couple of|a dozen|half an?|a full|an entire|a single)"
)
MOD = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|some|more than|less than|fewer than|at least|at most|"
    r"up to|as many as|as much as|as long as|close to|upwards of|well over|over|under)\s+)"
)
ZONE_CODE = (
    r"(?-i:[ECMPA][SD]T|[ECMP]T|GMT|UTC|BST|CET|CEST|EET|EEST|WET|WEST|IST|IDT|JST|KST|HKT|SGT|PHT|ICT|WIB|PKT|IRST|GST|"
    r"MSK|EAT|CAT|WAT|SAST|AEST|AEDT|AWST|ACST|NZST|NZDT|HST|AKST|AKDT|Z)"
)
WIRE_ZONE = r"(?-i:GMT|UTC|Z|[ECMP][SD]T|BST|CEST|CET|EEST|EET|IST|JST|HKT|SGT|MSK|SAST|AEST|AEDT|NZST|NZDT)"
"""Zones that make a bare number a clock time ("1400 GMT", "20.52 BST"); not "MT" (tonnes), "CAT", "GST" (a tax)."""
ZONE = (
    rf"(?:{ZONE_CODE}|local\s+time|(?-i:Eastern|Pacific|Central|Mountain)"
    r"(?!\s+(?-i:[A-Z])|\s+(?:standard\s+|daylight\s+)?time\b|[\w-])|"
    r"(?-i:(?:(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Last|Next|Half|Extra|Prime|Full|Part|Over|Injury|"
    r"Stoppage|Question|Play|Lunch|Dinner|Tea|Bed|Show|Game|Any|Some|Each|Every|This|That|The|No)\b)"
    r"(?:New\s+|Hong\s+|Abu\s+|Kuala\s+|Tel\s+|Buenos\s+|Cape\s+|Mexico\s+|Rio\s+)?[A-Z][a-z]+|UK|US))"
    r"\s+(?:standard\s+|daylight\s+)?time)(?:[+-]\d{1,2}(?::?\d{2})?)?"
    r"(?![\w-])"
)
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
PART_RE = "(?:morning|afternoon|evening|night|overnight)"
CALENDAR_DAY = (
    rf"(?:{WEEKDAY_RE},?\s+)?(?:{MONTH_RE}\s+{DAY_NUM}|(?:the\s+)?{DAY_NUM}\s+(?:of\s+)?{MONTH_RE})"
    rf"(?:,?\s+{YEAR4}|\s+(?-i:this|last|next)\s+year)?"
)
"""A day of the calendar: "March 18", "18 March 2024", "Thursday, Aug. 29", "Thursday 9 August", "14 March last
year"."""
DAYREF = (
    rf"{CALENDAR_DAY}|(?:(?:last|next|this|this past|this coming)\s+)?{WEEKDAY_RE}|today|tonight|tomorrow|yesterday|"
    r"last\s+night"
)
_HOUR_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
}  # fmt: skip
_HOUR_WORD_RE = "(?:" + "|".join(_HOUR_WORDS) + ")"
SPOKEN_CLOCK = (
    rf"(?:(?:half|(?:a\s+)?quarter|(?:twenty|ten|five)(?:-five)?)\s+(?:past|to|after)\s+)?{_HOUR_WORD_RE}\s+o['’]clock|"
    rf"(?:half|(?:a\s+)?quarter)\s+(?:past|to)\s+{_HOUR_WORD_RE}\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:a\.?m|p\.?m|tonight|"
    r"this|that|in\s+the|on|at|local|GMT|and|when|as|before|after|until|yesterday|today|tomorrow|last|every)\b)"
)
"""A clock time in words: "nine o'clock", "half past six", "a quarter to eight"."""
CLOCK = (
    rf"(?:{SPOKEN_CLOCK}|"
    r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|o'clock)|(?:[01]?\d|2[0-3]):[0-5]\d|"
    r"(?:[01]?\d|2[0-3])\s+in\s+the\s+(?:morning|afternoon|evening)|noon|midnight|midday|"
    rf"(?:[01]\d|2[0-3])[0-5]\d(?:(?=\s+(?:{WIRE_ZONE}|local\s+time)(?![\w-]))|\s*(?:hrs|hours)\b)|"
    r"(?:[01]?\d|2[0-3])h[0-5]\d|"
    rf"(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s+{WIRE_ZONE}(?![\w-])))"
)
"""A clock time: "9 a.m.", "14:30", "noon", wire "1400 GMT" / "1630 hrs", French "10h30", British "20.52 GMT"."""
CLOCK_FULL = rf"(?:{CLOCK}(?:\s+{ZONE})?(?:\s+in\s+the\s+(?:morning|afternoon|evening))?)"
HAS_CLOCK = re.compile(CLOCK, re.IGNORECASE)
"""Whether a text holds a clock time at all: the gate of the rules built around one."""
_CLOCK_PREP = re.compile(r"\b(?:at|from|until|till|by)\s+(?:around\s+|about\s+)?\Z", re.IGNORECASE)
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def _military_clock(text: str, start: int, digits: str) -> bool:
    """Whether four digits at ``start`` are a military clock time ("at 1500 hrs", "from 0600"), not a number of hours
    ("1500 hours of work") or a year: a valid HHMM right after a clock preposition."""
    return _HHMM.fullmatch(digits) is not None and _CLOCK_PREP.search(text, max(0, start - 12), start) is not None


def _unit_code(word: str) -> str:
    w = word.lower().rstrip(".")
    if w in ("centuries", "century"):
        return "CE"
    if w in ("min", "mins"):
        return "TM"
    if w in ("hr", "hrs"):
        return "H"
    if w in ("yr", "yrs"):
        return "Y"
    return UNITS[w[:-1] if w.endswith("s") and w[:-1] in UNITS else w]


_RATE = re.compile(
    r"(?:\d%?|\b(?:million|billion|trillion|thousand|hundred|cents|dollars|percent|pct|per\s+cent|mln|bln|dlr|stg|"
    r"yen|yuan|[a-z]{2,}s))\s+\Z"
)
"""An amount or a counted plural just before "a year"/"a week": the phrase is a rate (a set), not a span."""


_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|can|shall|should|must|(?:hopes?|wants?|plans?|aims?|expects?|dreams?)\s+to)\s+\Z",
    re.IGNORECASE,
)
"""A modal or a wish right before "one day": "could one day rival", "hopes to one day lead" (not "cut to one day")."""


def duration(n: float | None, code: str) -> str:
    """A TimeML duration for ``n`` units (``None`` = vague "X")."""
    if code in ("DE", "CE", "F", "WE", "SE", "Q"):
        scale, code = {"DE": (10, "Y"), "CE": (100, "Y"), "F": (2, "W"), "WE": (2, "D"), "SE": (3, "M"), "Q": (3, "M")}[
            code
        ]
        n = None if n is None else n * scale
    if n is None:
        amount = "X"
    elif n == int(n):
        amount = str(int(n))
    elif code in ("H", "TM", "D") and (n * {"H": 60, "TM": 60, "D": 24}[code]) == int(
        n * 60 if code != "D" else n * 24
    ):
        sub = {"H": ("H", "M", 60), "TM": ("M", "S", 60), "D": ("D", "H", 24)}[code]
        whole, frac = int(n), round((n - int(n)) * sub[2])
        if code == "D":
            return f"P{whole}DT{frac}H" if whole else f"PT{frac}H"
        return f"PT{whole}{sub[0]}{frac}{sub[1]}" if whole else f"PT{frac}{sub[1]}"
    elif code == "Y" and (n * 12) == int(n * 12):
        return f"P{int(n)}Y{round((n - int(n)) * 12)}M" if int(n) else f"P{round(n * 12)}M"
    else:
        amount = f"{n:g}"
    if code in ("H", "TM", "S"):
        return f"PT{amount}{'M' if code == 'TM' else code}"
    return f"P{amount}{code}"


def shift(dct: dt.date, n: int, code: str) -> str | None:
    """The date ``n`` units from the DCT, at that unit's granularity ("two weeks ago" → a week value)."""
    if code == "D":
        return cal.day(cal.add_days(dct, n))
    if code == "W":
        return cal.week(cal.add_days(dct, 7 * n))
    if code == "F":
        return cal.week(cal.add_days(dct, 14 * n))
    if code == "M":
        d = cal.add_months(dct, n)
        return cal.month(d.year, d.month)
    if code == "Q":
        d = cal.add_months(dct, 3 * n)
        return f"{d.year:04d}-Q{cal.quarter_of(d)}"
    if code == "Y":
        return f"{dct.year + n:04d}"
    if code == "DE":
        return f"{dct.year + 10 * n:04d}"
    if code == "CE":
        return f"{(dct.year + 100 * n) // 100:02d}"
    if code == "H":
        # The article's hour is unknown: "48 hours ago" is two days back, "six hours ago" still the article's day.
        return cal.day(cal.add_days(dct, int(n / 24)))
    if code in ("TM", "S"):
        return cal.day(dct)
    return None


# ---------------------------------------------------------------------------------------------- calendar dates
def _month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day_of(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _capitalised_month(word: str) -> bool:
    """Month names are proper nouns; lower-case "may"/"march" are the verb, not the month."""
    return word[:1].isupper()


@rule(
    rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:(?:the\s+)?(?P<d1>{DAY_NUM})\s+(?:of\s+)?(?P<m1>{MONTH_RE})|"
    rf"(?P<m2>{MONTH_RE})\s+(?:the\s+)?(?P<d2>{DAY_NUM}))(?!\d|:\d)"
    rf"(?:\s*(?:-|–|to|and|through|until|till)\s*(?P<d3>{DAY_NUM})(?!\d|:\d|\s+(?:of\s+)?{MONTH_RE}\b))?"
    rf"(?:(?:\s*,\s*|\s+)(?P<y>{YEAR4}|'\d\d)(?!\d)|\s+(?P<yrel>(?-i:this|last|next))\s+year)?\b",
    needs=MONTH_NEEDS,
)
def month_day(m: re.Match[str], ctx: Context) -> list[Hit] | None:
    """ "March 18", "18 March 2024", "Tuesday, March 18", "11 August this year", ranges "March 4-8" / "March 4 and
    8" (two dates; "17 June to 7 August" is two dates of their own)."""
    month_word = m.group("m1") or m.group("m2")
    if not _capitalised_month(month_word):
        return None
    mo = _month_of(month_word)
    d = _day_of(m.group("d1") or m.group("d2"))
    year_text = m.group("y")
    end1 = m.end("d2") if m.group("d2") else m.end("m1")

    def year_for(day_: int) -> int:
        if m.group("yrel"):
            return ctx.dct.year + REL_STEP[m.group("yrel").lower()]
        if year_text:
            return int(year_text) if not year_text.startswith("'") else _two_digit_year(int(year_text[1:]), ctx.dct)
        # "He was killed on Sept. 3": a past passive right before the date leaves no doubt that it has passed (a bare
        # participle does not: "shares held on March 23").
        framed = _year_frame(ctx, m.start(), m.end())
        if framed is not None:
            return framed
        certain = ctx.cues().past_verb_right_before(m.start(), after_auxiliary=True)
        return cal.nearest_year(ctx.dct, mo, day_, ctx.tense(m.start(), m.end()), certain)

    if (
        not year_text
        and not m.group("yrel")
        and not m.group("d3")
        and (
            _YEARLY_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()) or _YEARLY_AFTER.match(ctx.text, m.end())
        )
    ):
        return [Hit(m.start(), m.end(), "SET", f"XXXX-{mo:02d}-{d:02d}")]  # "every year on 1 October"
    first = cal.safe_date(year_for(d), mo, d)
    if first is not None and not year_text and first > ctx.dct and _after_since(ctx, m.start()):
        first = cal.safe_date(first.year - 1, mo, d)
    if first is None:
        return None
    anchor = "absolute" if year_text else "document"
    if m.group("d3"):
        d2 = _day_of(m.group("d3"))
        second = cal.safe_date(first.year, mo, d2)
        if second is None or d2 <= d:
            return None
        hits = [Hit(m.start(), end1, "DATE", cal.day(first), anchor)]
        hits.append(Hit(m.start("d3"), m.end(), "DATE", cal.day(second), anchor))
        return hits
    return [Hit(m.start(), m.end(), "DATE", cal.day(first), anchor)]


_YEAR_FRAME = re.compile(r"[\"“']?(?P<rel>Last|Next)\s+year(?:,|\s+(?=(?:the|a|an|it|he|she|they|we|I)\b|[A-Z]))")
_SPACE_YEAR = re.compile(r"\syear")
_FRAME_BREAK = re.compile(r",\s*(?:but|and|while|whereas|although|though|adding|saying)\b|;|\bbut\b", re.IGNORECASE)


def _year_frame(ctx: Context, start: int, end: int) -> int | None:
    """The year a sentence opens with as a frame ("Last year, floods closed the line on 27 December"; not "Last year
    was ..."): a month or a day it names without a year, before any "but" or ";", is in it."""
    if not _SPACE_YEAR.search(ctx.text, max(0, start - 250), start):
        return None  # no "Last year"/"Next year" within reach: skip finding the sentence (months are common)
    left = sentence_bounds(ctx.text, start, end)[0]
    frame = _YEAR_FRAME.match(ctx.text, left)
    if not frame or frame.end() > start or _FRAME_BREAK.search(ctx.text, frame.end(), start):
        return None
    return ctx.dct.year + REL_STEP[frame.group("rel").lower()]


_YEARLY_BEFORE = re.compile(r"\b(?:(?:every|each)\s+year|annually|yearly)\s+(?:on\s+)?\Z", re.IGNORECASE)
_YEARLY_AFTER = re.compile(r",?\s+(?:every|each)\s+year\b|\s+annually\b", re.IGNORECASE)
"""A day of the year that recurs: "every year on 1 October", "on July 14 each year"."""
_SINCE = re.compile(r"\bsince\s+(?:[\w.'-]+\s+){0,3}$", re.IGNORECASE)


def _after_since(ctx: Context, start: int) -> bool:
    """Whether "since" introduces the expression ("since the Oct. 23 attack"): the date then lies in the past."""
    return _SINCE.search(ctx.text, max(0, start - 40), start) is not None


def _two_digit_year(yy: int, dct: dt.date) -> int:
    century = dct.year // 100 * 100
    return century + yy if century + yy <= dct.year + 10 else century - 100 + yy


@rule(rf"\b(?P<y>{YEAR4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])")
def iso_date(m: re.Match[str], ctx: Context) -> Hit | None:
    """ISO dates "2024-03-18"."""
    d = cal.safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return Hit(m.start(), m.end(), "DATE", cal.day(d), "absolute") if d else None


@rule(rf"(?<![\d.])(?P<d>[12]\d|3[01]|0?[1-9])\.(?P<m>1[0-2]|0?[1-9])\.(?P<y>{YEAR4})(?!\d|\.\d)")
def dotted_date(m: re.Match[str], ctx: Context) -> Hit | None:
    """European dotted dates, day first: "11.07.2021"."""
    d = cal.safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return Hit(m.start(), m.end(), "DATE", cal.day(d), "absolute") if d else None


_SLASH_DATE = r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"
_SLASH = re.compile(_SLASH_DATE)
_PAST_PASSIVE_ON = re.compile(r"\b(?:was|were|had\s+been)\s+[a-z]+\s+on\s+\Z", re.IGNORECASE)
_MONTH_WORD = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
"""A capitalised month name other than the ambiguous "May"."""
_DAY_MONTH_WORDS = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}(?!\w)")
_MONTH_DAY_WORDS = re.compile(rf"\b(?:{_MONTH_WORD}|May)\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d,.]*\d)\b")


@rule(_SLASH_DATE, needs=("/",))
def slash_date(m: re.Match[str], ctx: Context) -> Hit | None:
    """Numeric dates "3/18/2024": month first, as in US news, unless the first number cannot be a month or the text
    writes its numeric dates day first ("02/04/2016 and 25/04/2016" are both in April)."""
    a, b = int(m.group("a")), int(m.group("b"))
    year = int(m.group("y")) if len(m.group("y")) == 4 else _two_digit_year(int(m.group("y")), ctx.dct)
    mo, d = (b, a) if a > 12 or (b <= 12 and ctx.day_first()) else (a, b)
    date = cal.safe_date(year, mo, d)
    return Hit(m.start(), m.end(), "DATE", cal.day(date), "absolute") if date else None


@rule(
    rf"\b(?:(?P<rel>last|next|this|this past|this coming|the coming|the following|the previous|that|"
    rf"the\s+month\s+of)\s+)?(?P<m>{MONTH_RE})"
    rf"(?:(?:\s*,\s*|\s+(?:of\s+)?)(?P<y>{YEAR4})(?!\d)|\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year\b|"
    rf"\s+of\s+(?P<that>that|the\s+same)\s+year\b|(?![\s,]+\d))\b",
    needs=MONTH_NEEDS,
)
def month_only(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "March", "last March", "March 2024", "March of 2024"; "May"/"March" only where a month fits."""
    word = m.group("m")
    if not _capitalised_month(word) or (word == "MAY" and re.match(r"\s+[A-Z]{2,}\b", ctx.text[m.end("m") :])):
        return None  # "may" the verb; "THIS TRANSCRIPT MAY NOT BE IN ITS FINAL FORM"
    mo = _month_of(word)
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if rel == "the month of":
        rel = ""  # "the month of May" is May
    end = m.end()
    if m.group("yrel") and m.group("yrel")[0].isupper():
        end = m.end("m")  # "in May Last year, ...": a sentence break the text lost, not "May last year"
    elif m.group("yrel"):
        step = REL_STEP[m.group("yrel").lower()]
        return Hit(m.start(), end, "DATE", cal.month(ctx.dct.year + step, mo))
    if not m.group("y") and word.lower() in MONTHS and len(word) <= 3 and word.lower() != "may":
        return None
    if m.group("y"):
        return Hit(m.start(), m.end(), "DATE", cal.month(int(m.group("y")), mo), "absolute")
    if rel == "that" and (
        _SAID_THAT.search(ctx.text, max(0, m.start() - 14), m.end())
        or _THAT_SUBJECT.match(ctx.text, m.start(), m.end() + 12)
    ):
        return None  # "said that May would resign": a conjunction, not "(fired) that May"
    if m.group("that") or rel == "that":
        # "in that May", "March of that year": the month in the year the article is narrating.
        year = cal.nearest_year(ctx.dct, mo, None, ctx.tense(m.start(), end))
        return Hit(m.start(), end, "DATE", cal.month(year, mo), narrative=(f"MO{mo}", 0))
    if (
        word.rstrip(".").lower() in ("may", "march", "mar", "jan", "sept", "sep", "dec", "jun", "jul", "aug")
        and not rel
    ):
        before = ctx.text[max(0, m.start("m") - 30) : m.start("m")].lower()
        opens_clause = (
            word.lower() != "may"  # "May is expected to resign": the prime minister as often as the month
            and _sentence_initial(ctx.text, m.start("m"))
            and _MONTH_SUBJECT.match(ctx.text, m.end("m"))
        )
        if not opens_clause and not re.search(
            r"\b(?:in|of|since|until|till|by|through|during|from|to|early|late|mid|before|after|and|"
            r"between|end|beginning|start|middle|this|last|next|the|(?:set|scheduled|slated|planned|due)\s+for)[\s-]*$",
            before,
        ):
            return None
        if word.rstrip(".").lower() != word.rstrip(".").lower().title().lower():
            return None
    if rel in ("last", "this past", "the previous"):
        year = ctx.dct.year if mo < ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "this coming", "the coming", "the following"):
        year = ctx.dct.year if mo > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        # A month that modifies a noun ("the January orders", "its September devaluation") names a period, whatever
        # the clause's tense says of the verb ("the January orders will be revised").
        modifier = (
            (
                _DETERMINER_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
                and re.match(r"\s+[a-z]", ctx.text[end : end + 2])
            )
            or _POSSESSIVE_FIGURE.match(ctx.text, end)  # "January's report"
            or (
                # "a report on January employment", "retail sales for February": the month a figure measures
                _DATA_AFTER.match(ctx.text, end) or _DATA_FOR.search(ctx.text, max(0, m.start() - 30), m.start())
            )
        )
        # "Prices rose sharply in January": a past verb right before "in <month>" leaves no doubt, even at year's end;
        # so does one right after "<noun> in <month>" ("Sales in April were strong").
        tense = None if modifier else ctx.tense(m.start(), end)
        tense = _starting_ahead(ctx, m.start(), tense)
        certain = tense == "past" and (
            ctx.cues().past_verb_right_before(m.start()) or bool(_PAST_VERB_AFTER.match(ctx.text, end))
        )
        year = cal.nearest_year(ctx.dct, mo, None, tense, certain)
        if (year, mo) > (ctx.dct.year, ctx.dct.month) and _after_since(ctx, m.start()):
            year -= 1
        framed = _year_frame(ctx, m.start(), end)
        if framed is not None:
            year = framed
        elif (
            not modifier
            and year == ctx.dct.year + 1
            and _THIS_YEAR.search(ctx.text, *sentence_bounds(ctx.text, m.start(), end))
        ):
            year = ctx.dct.year  # "sales in November and December will rise 3.6 percent this year"
    # "the following January" counts from the narrated date, when the article named one.
    narrative = {"the following": (f"MO{mo}", 1), "the previous": (f"MO{mo}", -1)}.get(rel)
    return Hit(m.start(), end, "DATE", cal.month(year, mo), narrative=narrative)


_THIS_YEAR = re.compile(r"(?<!earlier\s)(?<!later\s)(?<!early\s)(?<!late\s)\bthis\s+year\b(?!['’])", re.IGNORECASE)
"""A sentence about this year: a month it names without a year is in it (not one that sets "earlier this year"
against a month to come)."""
_NUMBERED_BEFORE = re.compile(
    r"\b(?:section|sections|title|article|articles|chapter|clause|paragraph|rule|resolution|room|suite|route|"
    r"highway|flight(?:\s+(?-i:[A-Z]{2}|[A-Z]\d|\d[A-Z]))?|box|bill|act|unit|apartment|platform|gate|pier|exit|channel|model|version|catalog|no)\.?\s+\Z",
    re.IGNORECASE,
)
"""A word that numbers what follows ("Section 1983", "Flight 1549", "Resolution 2334"): no year."""
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Square|Sq|"
    r"Court|Ct|Highway|Hwy|Parkway|Pkwy|Terrace|Guineas)\b\.?(?!\w)"
)
"""A street word after a number ("1600 Pennsylvania Avenue"), or a race named by a distance ("the 2000 Guineas")."""
_BODY_AFTER = re.compile(r"\s+(?-i:Committee|Club|Society|Foundation|Movement|Coalition)\b")
"""A capitalised body after a year that names it ("the 1922 Committee")."""


@rule(
    rf"(?<![$€£#\d.,/])\b(?:(?P<fy>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year|the\s+fiscal\s+year)[\s-]*)?"
    rf"(?P<y>{YEAR4})(?:'s)?\b(?![.,]\d|\s*(?:%|percent|per\b|[-–]\d)|-(?:\d|year))",
)
def year(m: re.Match[str], ctx: Context) -> Hit | None:
    """Four-digit years ("1990", "fiscal 1989", "the 1992 protests"), skipping amounts and counts ("2000 troops")."""
    after = ctx.text[m.end() : m.end() + 30].lower()
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    counted = re.match(
        r"\s+(?:people|persons|troops|soldiers|men|women|children|residents|dollars|euros|pounds|yen|"
        r"shares|tons|tonnes|feet|metres|meters|miles|kilometers|km|units|cars|jobs|votes|homes|houses|"
        r"acres|workers|employees|members|points|students|refugees|deaths|cases|rupees|mt\b|kg\b|mw\b|bpd\b|"
        r"(?!(?:as|is|was|has|this|its|his|thus|plus|less|unless|across|towards|perhaps|always|besides|whereas|"
        r"news|levels|highs|lows|peaks|prices|rates|figures|values|standards|emissions|budgets)\b)"
        r"[a-z]+s\b(?<!'s))",
        after,
    )
    # "the 1992 protests" / "in 2011 elections" name events of that year; "2000 troops" counts.
    if (
        counted
        and not m.group("fy")
        and not re.search(
            r"(?:\bthe|\bin|\bits|\btheir|'s|\bby|\bsince|\buntil|\btill|\bbefore|\bafter|\bduring)\s+$", before
        )
    ):
        return None
    if before.endswith("-") and not re.search(r"\b(?:mid|pre|post|early|late)-$", before):
        return None
    if re.search(r"\b(?:no\.|number|about|some|nearly|over|than)\s*$", before) or _NUMBERED_BEFORE.search(
        ctx.text, max(0, m.start() - 12), m.start()
    ):
        return None
    if _STREET_AFTER.match(ctx.text, m.end()):
        return None  # "1600 Pennsylvania Avenue", "the 2000 Guineas"
    if _BODY_AFTER.match(ctx.text, m.end()) and re.search(r"(?:\bthe|['’]s)\s+$", before):
        return None  # "the 1922 Committee", "the 1900 Club": a body named by a year
    return Hit(m.start(), m.end(), "DATE", m.group("y"), "absolute")


@rule(rf"(?<![\d/.-])\b(?P<y1>{YEAR4})\s*[-–]\s*(?P<y2>{YEAR4}|\d\d)\b(?![-–/.]\d)", needs=("-", "–"))
def year_range(m: re.Match[str], ctx: Context) -> list[Hit] | None:
    """ "the 2015-2020 period", "the 2014-16 outbreak": two years (fiscal "1986/87" is left to the year rule)."""
    if _military_clock(ctx.text, m.start(), m.group("y1")) or re.match(
        r"\s*(?:GMT|UTC|hrs|hours|local)\b", ctx.text[m.end() : m.end() + 8]
    ):
        return None  # "at 1500-1530 GMT": clock times
    first = int(m.group("y1"))
    second = int(m.group("y2")) if len(m.group("y2")) == 4 else first // 100 * 100 + int(m.group("y2"))
    if not first < second <= first + 50:
        return None
    return [
        Hit(m.start("y1"), m.end("y1"), "DATE", f"{first:04d}", "absolute"),
        Hit(m.start("y2"), m.end("y2"), "DATE", f"{second:04d}", "absolute"),
    ]


@rule(
    r"(?:\b(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?|(?<![\w'’]))(?:(?P<full>1\d|20)(?P<dec>\d)0['’]?s|['’](?P<short>\d)0s|"
    r"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
    needs=("0s", "0's", "0’s", "ties"),
)
def decade(m: re.Match[str], ctx: Context) -> Hit:
    """Decades: "the 1990s", "the early '80s", "the sixties" → 199, 198, 196; "the 1800s", "the 1900s" are centuries
    (18, 19): they rarely mean a century's first decade ("the 2000s", though, mostly do)."""
    if m.group("full"):
        value = m.group("full") + m.group("dec")
        if m.group("dec") == "0" and m.group("full") != "20":
            value = m.group("full")
    else:
        digit = m.group("short") or str(
            ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].index(
                m.group("word").lower()
            )
            + 2
        )
        century = ctx.dct.year // 100
        if int(digit) * 10 > ctx.dct.year % 100:
            century -= 1
        value = f"{century:02d}{digit}"
    return Hit(m.start(), m.end(), "DATE", value, "absolute" if m.group("full") else "document")


@rule(
    rf"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<n>{ORDINAL_RE}|this|last|next)[\s-]+century\b", needs=("centur",)
)
def century(m: re.Match[str], ctx: Context) -> Hit | None:
    """Centuries: "the 20th century" → 19, "this century"."""
    word = m.group("n").lower()
    if word in ("this", "last", "next"):
        n = ctx.dct.year // 100 + {"this": 0, "last": -1, "next": 1}[word]
    else:
        n = ORDINALS.get(word) or _day_of(word)
        if n <= 0:
            return None
        n -= 1
    return Hit(m.start(), m.end(), "DATE", f"{n:02d}")


# ------------------------------------------------------------------------------------------------- weekdays
_CLOCK_BEFORE = r"(?:(?:noon|midnight|\d[\d:.]*\s*(?:[ap]\.?m\.?)?)\s+)?"
"""An optional clock time between a preposition and the weekday it times ("from 9 p.m. Wednesday")."""
_UNTIL = re.compile(
    r"\b(?:(?:until|till)\s+(?:\S+\s+){0,3}|(?:through|thru)\s+(?:(?:next|this|the\s+end\s+of)\s+)?)$", re.IGNORECASE
)
"""A deadline or a last day just before the expression ("until 9 a.m. Tuesday", "until the end of Friday", "runs
through Sunday")."""
_STARTING = re.compile(
    rf"\b(?:(?P<start>starting|beginning|effective)|from)\s+{_CLOCK_BEFORE}$",
    re.IGNORECASE,
)
"""The start of a measure before a weekday ("starting Monday", "from 9 p.m. Wednesday")."""
_BY_OR_DUE = re.compile(rf"\b(?:by|due)\s+{_CLOCK_BEFORE}\Z", re.IGNORECASE)
"""A deadline or a due date right before a weekday ("by Tuesday", "due Thursday", "by noon Friday")."""
_PAST_AFTER = re.compile(r"[^.;!?]{0,30}?\b(?:was|were|had)\b", re.IGNORECASE)
_CLOCK_START = re.compile(r"\d|noon\b|midnight\b|midday\b", re.IGNORECASE)
_PAST_STATE = re.compile(
    r"\b(?:was|were|stayed|remained|had\s+been|had\s+remained)\s+(?:(?:largely|mostly|still|also|all)\s+)?"
    r"(?:closed|shut|grounded|suspended|banned|halted|paused|in\s+(?:effect|force|place))\b",
    re.IGNORECASE,
)
"""A measure stated as a past state ("schools stayed closed through Wednesday", "the curfew was in effect until
Sunday"): its last day has passed."""


def _in_force(sentence: str, upto: int) -> bool:
    """Whether a measure put in force ends ``sentence[:upto]`` and is not stated as a past state."""
    return bool(_IN_FORCE.search(sentence, 0, upto)) and not _PAST_STATE.search(sentence, 0, upto)


_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?[a-z]+(?:ed|ing)\b", re.IGNORECASE)
_DEFERRED = re.compile(
    r"\b(?:postponed|delayed|deferred|adjourned|extended|put\s+off|pushed\s+back|suspended|recessed|(?<!had\sto\s)wait)\b"
    r"(?:\s+[^\s.;!?]+){0,6}\s*$",
    re.IGNORECASE,
)
"""A verb of putting off just before "until": the new date lies after the decision, i.e. usually still ahead."""
_IN_FORCE = re.compile(
    r"\b(?:issued|imposed|declared|ordered|announced|extended|closed|shut|suspended|banned|cancell?ed|halted|"
    r"grounded|paused|in\s+effect|in\s+force)\b(?:\s+(?:[ap]\.m\.|[^\s.;!?]+)){0,10}\s*$",
    re.IGNORECASE,
)
"""A measure put in force before "starting", "until" or a clocked "from" ("ordered schools closed for two weeks,
starting Monday", "issued a storm watch from 9 p.m. Wednesday until noon Thursday"): its dates lie ahead."""


_MONTH_SUBJECT = re.compile(r"\s+(?:was|is|has|had|saw|will|brought|marked|ended|began|became|proved)\b")
"""A verb right after a sentence-initial "March": the month is the subject ("March was the deadliest month")."""

_PAST_VERB_AFTER = re.compile(
    rf"(?:(?:\s*,\s*|\s+(?:and|or|to|through)\s+){MONTH_RE})*"
    r",?\s+(?:was|were|had\s+been|fell|rose|dropped|climbed|jumped|slipped|declined|increased|decreased|grew|"
    r"slumped|surged|totalled|totaled|reached|came\s+in)\b",
    re.IGNORECASE,
)
"""A past verb right after "<noun> in <month>", or after a list of months: the month has passed ("Sales in April were
strong", "Rainfall in April and May was double")."""
_DATA_AFTER = re.compile(
    r"\s+(?:employment|payrolls?|jobs|retail\s+sales|sales|data|figures|output|inflation|exports|imports|CPI|GDP|"
    r"orders|production|trade|unemployment|jobless|(?:consumer|producer|import|export|wholesale)\s+prices|"
    r"housing\s+starts|home\s+sales|building\s+permits|spending|income)\b",
    re.IGNORECASE,
)
_DATA_FOR = re.compile(
    r"\b(?:sales|data|figures|numbers|statistics|index|output|inflation|employment|payrolls|jobs|CPI|GDP|orders|"
    r"production|exports|imports|report|reading|prices|starts|permits)(?:\s+of(?:\s+[\w-]+){1,3})?\s+for\s+\Z|"
    r"\b(?:(?:\d+|two|three|four|six|nine|twelve)\s+months|[a-z\d]+-month\s+period)\s+(?:to|through|ended|ending)\s+\Z",
    re.IGNORECASE,
)
"""A figure named with its month ("January employment", "retail sales for February", "sales of existing homes for
April", "the three months to February"): the month it measures, near the DCT whatever the clause says of the release."""
_POSSESSIVE_FIGURE = re.compile(
    r"['’]s\s+(?:[\w.%-]+\s+){0,4}?(?:report|data|figures?|numbers?|sales|inflation|jobs|payrolls|reading|rate|record|"
    r"index|output|orders|exports|imports|trade|deficit|surplus|survey|results|level|total|high|low)\b",
    re.IGNORECASE,
)
_STARTING_IN = re.compile(r"\b(?:starting|beginning|effective)\s+(?:in\s+)?(?:(?:early|mid|late)[\s-]+)?\Z", re.I)


def _starting_ahead(ctx: Context, start: int, tense: Tense | None) -> Tense | None:
    """The tense of a month or season after "starting (in)" in a clause with no other cue: a change still to come ("a
    3% raise starting in January", "weekly pickup starting in the fall")."""
    if tense is None and _STARTING_IN.search(ctx.text, max(0, start - 24), start):
        return "future"
    return tense


_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our|a|an)|'s)\s+\Z", re.IGNORECASE)
"""A determiner before a month that, with a noun after it, makes the month a modifier ("the January orders")."""

_TITLE_WORD_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Herald|Express|Mirror|Post|Tribune|Independent|Observer|Mail|Star|Sport|Business|World|"
    r"People|Nation|Standard|Review|Magazine|Edition|Night\s+Football)\b"
)
"""A capitalised word after a weekday that makes it part of a title ("The Sunday Times")."""

_NAMED_DAY_BEFORE = re.compile(r"\b(?-i:Good|Bloody|Black|Blue|Mad|Manic|Spy)\s+\Z")
"""A capitalised word that makes the weekday after it part of a name ("Bloody Sunday", "Black Monday", "the Good
Friday Agreement", where the holiday rule declined "Good Friday"); holidays such as "Palm Sunday" are the holiday
rule's, which wins by length."""
_SHARED_PLURAL_PART = re.compile(rf"\s+(?:and|or|&)\s+{WEEKDAY_RE}\s+(?P<part>{PART_RE})s\b", re.IGNORECASE)
"""A second weekday carrying a plural part of day ("Monday and Tuesday nights") that the first one shares."""


_SINCE_FROM = re.compile(r"\b(?:since|from)\s+\Z", re.IGNORECASE)
_RANGE_TO_WEEKDAY = re.compile(rf"\s*(?:to|until|till|through|-|–)\s*{WEEKDAY_RE}", re.IGNORECASE)
_SAID_THAT = re.compile(
    rf"\b(?:{alternation(REPORTED_PAST)}|says|saying|say|believes?|believed|thinks?|thought|hoped|feared|knew|know|"
    r"suggests?)\s+that\s+\S+\s*\Z",
    re.IGNORECASE,
)
"""A reporting verb before "that <month or season>": "that" opens a clause ("analysts said that fall ...")."""
_THAT_SUBJECT = re.compile(
    r"\bthat\s+\S+\s+(?:would|will|is|was|has|had|could|should|must|can|might|said|says)\b", re.IGNORECASE
)
"""A verb after "that May": the month word is a subject, likely a person ("that May would resign")."""
_SCHEDULED_ON = re.compile(
    r"\b(?:is|are)\s+(?:(?:\w+ed|sworn|held|run|shown|sung|given|done|seen|laid|buried|played|heard)\s+"
    rf"(?:(?:in|out|up|off|down)\s+)?)?(?:(?:at|from)\s+{CLOCK_FULL}\s*(?:\([^()\n]{{1,24}}\)\s*)?\s+)?(?:on\s+)?\Z",
    re.IGNORECASE,
)
"""A weekday that is what a present copula or passive states ("the final is on Sunday", "Kick-off is at 7pm on
Friday", "the new Congress is sworn in on Thursday"): a day on the schedule, still to come."""
_CALLED_FOR = re.compile(
    r"\b(?:has|have|'ve)\s+(?:also\s+|now\s+|already\s+)?(?:called|set|scheduled|planned|slated|fixed|announced|"
    r"organi[sz]ed|booked)\s+(?:[\w'’-]+\s+){1,6}?for\s+(?:next\s+|this\s+)?\Z",
    re.IGNORECASE,
)
"""A present perfect of planning before "for <weekday>" ("unions have called a strike for Wednesday"): the day is
still to come."""
_AWAITED = re.compile(
    r"\b(?:ahead\s+of|awaiting|until|till|(?:looking|look|looks)\s+(?:ahead|forward)\s+to)\s+\Z", re.IGNORECASE
)
"""Words before a possessive weekday that make it a day still to come ("ahead of Friday's vote")."""
_NEXT_WEEK = re.compile(
    r"\bnext\s+week(?:['’]s\s+(?:schedule|fixtures|games|matches|agenda|programme|program|slate)[^.:\n]{0,30}:.*|"
    r"[\s,]+(?:on\s+)?)\Z",
    re.IGNORECASE | re.DOTALL,
)
""""next week" right before a weekday ("next week, on Tuesday") or heading the schedule it is in ("Next week's
fixtures: Tuesday, ...")."""
_THIS_WEEK = re.compile(r"\bthis\s+week\b(?!['’]s)", re.IGNORECASE)
_WILL_BEFORE = re.compile(
    r"\b(?:will|'ll|shall|(?:is|are)\s+(?:going|set|due|scheduled|expected)\s+to)\s+(?!have\b)[^.;:!?\n]*\Z",
    re.IGNORECASE,
)
"""A plain future before a possessive weekday in its clause ("will face Smith in Thursday's semi-final")."""
_EVENT_SLOT_BEFORE = re.compile(r"\b(?:in|at|for|on)\s+\Z", re.IGNORECASE)
_SCHEDULE_NOUN_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:final|semi-?finals?|quarter-?finals?|game|match|race|derby|clash|tie|fixture|"
    r"opener|vote|ballot|poll|election|referendum|debate|hearing|meeting|summit|session|talks|show|programme|program|"
    r"broadcast|concert|launch|trip|showdown)\b",
    re.IGNORECASE,
)
"""A possessive weekday naming a scheduled event after a preposition ("will face Lund in Thursday's semi-final"):
after a plain future it is still to come; an event reacted to ("will appeal Tuesday's ruling") is not."""
_DEADLINE = re.compile(r"\s+(?:deadline|kickoff|kick-off)\b", re.IGNORECASE)
"""Nouns after a possessive weekday that make it a day still to come ("Thursday's deadline")."""


def weekday_date(ctx: Context, weekday: int, rel: str, start: int, end: int) -> dt.date:
    """Resolve a weekday by its modifier or, when bare, by the clause's tense (past → last one, future → next)."""
    rel = rel.lower()
    if rel in ("last", "this past", "the previous", "past"):
        day = cal.weekday_near(ctx.dct, weekday, -2)
        # "last Wednesday" said on a Thursday: yesterday would be "yesterday", so it is the one a week before.
        return cal.add_days(day, -7) if rel == "last" and (ctx.dct - day).days == 1 else day
    if rel in ("next", "this coming", "the coming", "coming", "the following"):
        day = cal.weekday_near(ctx.dct, weekday, 2)
        # "next Saturday" said on a Friday: the one a week after tomorrow.
        return cal.add_days(day, 7) if rel == "next" and (day - ctx.dct).days == 1 else day
    if rel == "possessive":
        # "Wednesday's ruling" has happened, unless it is still awaited ("ahead of Friday's vote", "Thursday's
        # deadline") or its clause looks ahead.
        awaited = (
            _AWAITED.search(ctx.text, max(0, start - 25), start)
            or _DEADLINE.match(ctx.text, end)
            or (
                _WILL_BEFORE.search(ctx.text, max(0, start - 100), start)
                and _EVENT_SLOT_BEFORE.search(ctx.text, max(0, start - 6), start)
                and _SCHEDULE_NOUN_AFTER.match(ctx.text, end)
            )
        )
        return cal.weekday_near(ctx.dct, weekday, 1 if awaited else -1)
    before = ctx.text[max(0, start - 60) : start]
    if not rel and (_SCHEDULED_ON.search(before) or _CALLED_FOR.search(ctx.text, max(0, start - 90), start)):
        return cal.weekday_near(ctx.dct, weekday, 1)
    tense = ctx.tense(start, end)
    sentence = ctx.text[max(0, start - 150) : start]
    until = _UNTIL.search(before)
    starting = _STARTING.search(before)
    if not rel and tense != "past" and _BY_OR_DUE.search(before) and not _PAST_AFTER.match(ctx.text, end):
        # "data due Thursday", "highs return by Tuesday"; not "originally due Monday, was postponed"
        return cal.weekday_near(ctx.dct, weekday, 1)
    if not rel and until:
        in_force = _in_force(sentence, len(sentence) - len(before) + until.start())
        if tense != "past" or _DEFERRED.search(before, 0, until.start()) or in_force:
            # "has until Tuesday to reply", "postponed the vote until Tuesday", "issued a watch ... until noon
            # Thursday": a day still to come.
            return cal.weekday_near(ctx.dct, weekday, 1)
    if not rel and starting:
        in_force = _in_force(sentence, len(sentence) - len(before) + starting.start())
        perfect = _PERFECT.search(ctx.text, *sentence_bounds(ctx.text, start, end))
        clocked = not starting.group("start") and (
            starting.group(0).strip().lower() != "from" or _CLOCK_START.match(ctx.text, start) is not None
        )  # "from 9 p.m. Wednesday", the clock before the day or opening the expression
        if (
            tense == "future"
            or (tense != "past" and starting.group("start") and not perfect)
            or (in_force and (starting.group("start") or clocked))
        ):
            # "closed schools for two weeks, starting Monday", "issued a watch from 9 p.m. Wednesday", "the rate is
            # cut starting Thursday"; not "footage from Sunday", "beginning Monday, crowds gathered".
            return cal.weekday_near(ctx.dct, weekday, 1)
    if rel == "this" and tense is None:
        return cal.weekday_near(ctx.dct, weekday, 0)
    if not rel and tense != "past":
        left = sentence_bounds(ctx.text, start, end)[0]
        if _NEXT_WEEK.search(ctx.text, left, start):
            # "Next week's fixtures: Tuesday, ...", "the talks resume next week, on Tuesday": a day of next week.
            return cal.weekday_near(cal.add_days(ctx.dct, 7), weekday, 0)
        if _THIS_WEEK.search(ctx.text, max(left, start - 80), start):
            # "the worst disruption this week, with no trains on Tuesday and Wednesday": a day of this week.
            return cal.weekday_near(ctx.dct, weekday, 0)
    return cal.weekday_near(ctx.dct, weekday, 1 if tense == "future" else -1)


@rule(
    rf"\b(?:(?P<rel>last|next|this|this past|this coming|the coming|the following|the previous|coming|past)\s+)?"
    rf"(?P<wd>{WEEKDAY_RE})(?P<pl>s)?(?:'s)?(?:\s+(?P<part>{PART_RE})(?P<ppl>s)?|(?P<week>\s+week(?![\w-]))|"
    r"\s+of\s+(?P<ofweek>last|this|next)\s+week\b)?(?!\w)",
    needs=WEEKDAY_NEEDS,
)
def weekday(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "Monday", "last Tuesday", "Friday morning", plural "Tuesdays" / "Friday nights" (sets)."""
    word = m.group("wd")
    if not word[0].isupper() and not m.group("rel"):
        return None
    if not m.group("part") and _TITLE_WORD_AFTER.match(ctx.text, m.end()):
        return None  # "the Sunday Times", "Monday Night Football": part of a name
    if not m.group("rel") and _NAMED_DAY_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
        return None  # "Bloody Sunday", "Black Monday", "the Good Friday Agreement": a name, not that weekday
    wd = WEEKDAYS[word.lower().rstrip(".")]
    part = PARTS_OF_DAY.get((m.group("part") or "").lower())
    plural = bool(m.group("pl") or m.group("ppl"))
    shared = None if part else _SHARED_PLURAL_PART.match(ctx.text, m.end())
    if shared and not m.group("rel"):
        # "on Monday and Tuesday nights": the first weekday shares the plural part of day, and is a set too.
        part, plural = PARTS_OF_DAY[shared.group("part").lower()], True
    suffix = f"T{part}" if part else ""
    if plural:
        return Hit(m.start(), m.end(), "SET", f"XXXX-WXX-{wd}{suffix}")
    rel = m.group("rel") or ""
    if not rel and ctx.text[m.end("wd") : m.end("wd") + 2] in ("'s", "’s") and not m.group("part"):
        # "Wednesday's ruling": a possessive weekday names something that has happened.
        rel = "possessive"
    end = m.end()
    if m.group("ofweek"):
        # "Wednesday of last week": that weekday in the ISO week before, of or after the DCT's.
        step = REL_STEP[m.group("ofweek").lower()]
        return Hit(m.start(), end, "DATE", cal.day(cal.weekday_near(cal.add_days(ctx.dct, 7 * step), wd, 0)))
    if m.group("part") and m.group("part")[0].isupper() and re.match(r"\s+[A-Z]", ctx.text[end : end + 2]):
        return None  # "Sunday Morning Shout": a title
    if m.group("week"):
        if not rel and not plural and not _DETERMINER_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
            # "on Monday week" (British): a week after the coming Monday.
            return Hit(m.start(), end, "DATE", cal.day(cal.add_days(cal.weekday_near(ctx.dct, wd, 2), 7)))
        end = m.end("wd")  # "last Monday week", "the Monday week before": the weekday alone
    date = weekday_date(ctx, wd, rel, m.start(), end)
    narrative = None
    if rel.lower() in ("the previous", "the following") and not part:
        # "the previous Friday" counts from the day the article is narrating, not from its own date.
        narrative = (f"WD{wd}", -1 if rel.lower() == "the previous" else 1)
    # A bare weekday may continue a list of days still to come, unless its own clause is past ("said on Monday") or
    # it is a starting point ("has risen since Monday").
    listable = (
        not rel
        and (
            not _SINCE_FROM.search(ctx.text, max(0, m.start() - 8), m.start())
            or _RANGE_TO_WEEKDAY.match(ctx.text, end) is not None  # "from Monday to Wednesday"
        )
        and ctx.tense(m.start(), end) != "past"
    )
    bare = wd if listable else None
    return Hit(m.start(), end, "TIME" if part else "DATE", cal.day(date) + suffix, narrative=narrative, weekday=bare)


@rule(
    rf"\b(?:the\s+)?(?P<ord>{ORDINAL_RE}|last)\s+(?P<wd>{WEEKDAY_RE})\s+(?:of|in)\s+(?P<m>{MONTH_RE})"
    rf"(?:,?\s+(?P<y>{YEAR4}))?\b",
    needs=WEEKDAY_NEEDS,
)
def ordinal_weekday(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "the second Tuesday of March" → that day."""
    mo = _month_of(m.group("m"))
    n = ORDINALS.get(m.group("ord").lower()) or _day_of(m.group("ord"))
    year_ = int(m.group("y")) if m.group("y") else cal.nearest_year(ctx.dct, mo, None, ctx.tense(m.start(), m.end()))
    date = cal.nth_weekday(year_, mo, WEEKDAYS[m.group("wd").lower().rstrip(".")], n)
    return Hit(m.start(), m.end(), "DATE", cal.day(date)) if date else None


@rule(
    rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)\s+week\s+(?:of|in)\s+"
    rf"(?P<m>{MONTH_RE})(?:,?\s+(?P<y>{YEAR4}))?\b",
    needs=("week",),
)
def week_of_month(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "the third week of May" → the ISO week holding its middle day (the 18th); "the last week of June"."""
    mo = _month_of(m.group("m"))
    if not _capitalised_month(m.group("m")):
        return None
    year_ = int(m.group("y")) if m.group("y") else cal.nearest_year(ctx.dct, mo, None, ctx.tense(m.start(), m.end()))
    word = m.group("ord").lower()
    if word in ("last", "final"):
        middle = cal.add_days(cal.add_months(dt.date(year_, mo, 1), 1), -4)
    else:
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(word, 5)
        middle = cal.safe_date(year_, mo, min(7 * (n - 1) + 4, 28))
    if middle is None:
        return None
    return Hit(m.start(), m.end(), "DATE", cal.week(middle), "absolute" if m.group("y") else "document")


# -------------------------------------------------------------------------------------------- relative days
@rule(
    r"\b(?:(?P<pre>earlier|later|early|late)\s+)?(?:(?P<dbl>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))|"
    rf"(?P<word>today|yesterday|tomorrow|tonight|last\s+night))(?:'s)?(?:\s+(?P<part>{PART_RE}))?\b",
    needs=("today", "yesterday", "tomorrow", "tonight", "night"),
)
def relative_day(m: re.Match[str], ctx: Context) -> Hit:
    """ "today", "yesterday morning", "tonight", "last night", "the day before yesterday"."""
    if m.group("dbl"):
        offset = -2 if "yesterday" in m.group("dbl").lower() else 2
        return Hit(m.start(), m.end(), "DATE", cal.day(cal.add_days(ctx.dct, offset)))
    word = re.sub(r"\s+", " ", m.group("word").lower())
    if word in ("today", "tonight") and not m.group("pre") and _programme_name(ctx.text, m.start(), m.end()):
        return None
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1}[word]
    part = PARTS_OF_DAY.get((m.group("part") or "").lower())
    if word in ("tonight", "last night"):
        part = "NI"
    value = cal.day(cal.add_days(ctx.dct, offset))
    return Hit(m.start(), m.end(), "TIME" if part else "DATE", value + (f"T{part}" if part else ""))


_MEDIA_NAME_BEFORE = re.compile(r"\b(?:USA|CNN|ABC|NBC|CBS|BBC|NPR|NEWS|WORLD|AMERICA)\s+\Z")
"""An all-capitals broadcaster or news word before "TODAY"/"TONIGHT" ("CNN TODAY", "WORLD NEWS TONIGHT")."""
_PROGRAMME_AFTER_DAY = re.compile(r"\s+(?:show|programme|program|newspaper)\b", re.IGNORECASE)


def _programme_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised "Today"/"Tonight" names a newspaper or a programme ("told USA Today", "on World News
    Tonight", "CNN TODAY -- 1:00 p.m.", "NBC's Today show"): mid-sentence after a capitalised word, outside a Title
    Case headline; in capitals, after a broadcaster or news word."""
    word = text[start:end]
    if word.isupper():
        return _MEDIA_NAME_BEFORE.search(text, max(0, start - 10), start) is not None
    if not word[0].isupper() or _sentence_initial(text, start) or _in_headline(text, start):
        return False
    return bool(
        re.search(r"\b[A-Z][\w&.'’-]*\s+\Z", text[max(0, start - 30) : start]) or _PROGRAMME_AFTER_DAY.match(text, end)
    )


_MEDIA_AFTER = re.compile(
    r"\s+(?:news|newspapers?|papers?|editions?|bulletins?|shows?|programmes?|programs?|broadcasts?|headlines|"
    r"newscasts?|briefings?|anchors?|star)\b",
    re.IGNORECASE,
)


@rule(
    r"\b(?:(?:earlier|later|early|late)\s+)?(?P<det>this|the|that)\s+"
    r"(?P<part>morning|afternoon|evening|(?<=this\s)night|(?<=that\s)night)\b",
    needs=PART_NEEDS,
)
def this_part_of_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "this morning", "later this afternoon" (of the DCT); "the morning", "that night" (of the day being narrated,
    the DCT when none was mentioned)."""
    det = m.group("det").lower()
    if det == "the" and ctx.tense(m.start(), m.end()) == "future":
        return None
    if det == "the" and _MEDIA_AFTER.match(ctx.text, m.end()):
        return None  # "the morning news", "the evening paper": a programme or an edition
    part = "T" + PARTS_OF_DAY[m.group("part").lower()]
    return Hit(m.start(), m.end(), "TIME", cal.day(ctx.dct) + part, narrative=None if det == "this" else (part, 0))


@rule(
    r"\b(?:(?:earlier|later|early|late)\s+in|(?P<through>during|through|throughout|overnight|in))\s+"
    r"(?P<the>the\s+(?P<unit>day|night))\b(?!\s+(?:of|before|after|when|that|in\s+question)\b|['’])",
    needs=("day", "night"),
)
def in_the_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "later in the day", "worked through the night": the day being narrated, or its night (the DCT's when none
    was named)."""
    night = m.group("unit").lower() == "night"
    if not night and (m.group("through") or re.match(r"\s+(?:for|to)\b", ctx.text[m.end() : m.end() + 5])):
        return None  # "twice in the day", "during the day" (a part of every day); "late in the day for a U-turn"
    tense = ctx.tense(m.start(), m.end())
    start, end = m.start("the"), m.end()
    if night and tense == "future":
        return Hit(start, end, "TIME", cal.day(ctx.dct) + "TNI")  # "will work through the night": tonight
    if night and (tense == "present" or (tense is None and m.group("through") == "in")):
        return None  # "temperatures drop in the night": any night
    if night:
        # "worked through the night": of a narrated day gone by, else the night before the DCT.
        past = tense == "past"
        day = cal.add_days(ctx.dct, -1) if past else ctx.dct
        return Hit(start, end, "TIME", cal.day(day) + "TNI", narrative=("PNI" if past else "TNI", 0))
    return Hit(start, end, "DATE", cal.day(ctx.dct), narrative=("D", 0))


@rule(
    r"\bthe\s+(?:morning|afternoon|evening|night)\s+of\s+(?=(?:the\s+)?[A-Z0-9])",
    needs=PART_NEEDS,
)
def part_of_named_day(m: re.Match[str], ctx: Context) -> Hit:
    """ "the morning of Dec. 12": the day that follows is the expression (as the TimeML corpora mark it); this
    claims "the morning of" so that it is not read as a part of some other, earlier day."""
    return Hit(m.start(), m.end(), "TIME", None)


@rule(
    r"\bthe\s+(?P<rel>next|following|previous|prior|preceding)\s+(?P<part>morning|afternoon|evening|night)\b",
    needs=PART_NEEDS,
)
def next_part_of_day(m: re.Match[str], ctx: Context) -> Hit:
    """ "the next morning", "the previous afternoon": that part of the day after or before the one being narrated."""
    part = PARTS_OF_DAY[m.group("part").lower()]
    step = 1 if m.group("rel").lower() in ("next", "following") else -1
    return Hit(
        m.start(), m.end(), "TIME", f"{cal.day(cal.add_days(ctx.dct, step))}T{part}", narrative=(f"T{part}", step)
    )


@rule(
    rf"\b(?:(?:mid|early|late)[\s-]*)(?P<part>morning|afternoon|evening)(?:\s+(?P<ref>{DAYREF}))?\b",
    needs=PART_NEEDS,
)
def vague_part_of_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "mid-afternoon", "late evening yesterday": a part of the DCT or of the named day."""
    day = _day_of_ref(m.group("ref"), ctx, m.start(), m.end()) if m.group("ref") else ctx.dct
    if day is None:
        return None
    return Hit(m.start(), m.end(), "TIME", cal.day(day) + "T" + PARTS_OF_DAY[m.group("part").lower()])


@rule(
    rf"\bthe\s+(?:early|small|wee)\s+hours\s+of\s+(?:(?P<ref>{DAYREF})(?:\s+morning)?|"
    r"the\s+(?P<rel>next|following)\s+(?:morning|day))(?!\w)",
    needs=("hours",),
)
def early_hours(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "the early hours of Friday", "the small hours of the following morning": the small hours of that day."""
    if m.group("rel"):
        return Hit(m.start(), m.end(), "TIME", f"{cal.day(cal.add_days(ctx.dct, 1))}TMO", narrative=("TMO", 1))
    day = _day_of_ref(m.group("ref"), ctx, m.start(), m.end())
    return Hit(m.start(), m.end(), "TIME", f"{cal.day(day)}TMO") if day else None


@rule(rf"\b(?:the\s+)?week\s+of\s+(?P<ref>{MONTH_RE}\s+{DAY_NUM}(?:,?\s+{YEAR4})?)\b", needs=("week",))
def week_of(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "the week of March 6" → that ISO week."""
    day = _day_of_ref(m.group("ref"), ctx, m.start(), m.end())
    return Hit(m.start(), m.end(), "DATE", cal.week(day)) if day else None


_NOT_BEFORE = re.compile(
    r"(?:\b(?:not|never|cannot)|n't)(?:\s+(?:be|been|have|happen|come|go|just|simply|all))*\s+"
    r"(?:happen(?:ed|s)?|chang(?:e|ed|es)|come|came|disappear(?:ed|s)?|go\s+away|[a-z]+ed|built|done|made|won|fixed)\s+\Z",
    re.IGNORECASE,
)


@rule(r"\bovernight\b", needs=("overnight",))
def overnight(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "overnight": the night before the DCT, or the coming one in a future clause ("snow will fall overnight")."""
    if _NOT_BEFORE.search(ctx.text, max(0, m.start() - 50), m.start()):
        return None  # "will not happen overnight": all at once, not a night
    ahead = ctx.tense(m.start(), m.end()) == "future"
    return Hit(m.start(), m.end(), "TIME", cal.day(cal.add_days(ctx.dct, 0 if ahead else -1)) + "TNI", narrated=False)


# ------------------------------------------------------------------------------------------------ clock times
_TITLE_END = re.compile(r",?[\"”]|\s+With\b")
"""What follows a capitalised expression that is the title of a programme: a closing quote, "With ..."."""


def _in_headline(text: str, start: int) -> bool:
    """Whether ``start`` lies in a Title Case headline line ("Fed Signals Rate Hike Next Month")."""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    line_end = text.find("\n", start, start + 200)
    if (line_start == 0 and start > 200) or (line_end < 0 and len(text) > start + 200):
        return False  # a line this long is running text, not a headline
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    words = re.findall(r"[A-Za-z][\w'-]*", line)
    if len(words) < 4 or line.endswith((".", "?", '"')):
        return False
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "as", "vs", "from"}
    content = [w for w in words if w.lower() not in small]
    return bool(content) and sum(w[0].isupper() for w in content) / len(content) >= 0.8


def _sentence_initial(text: str, start: int) -> bool:
    return re.search(r"(?:^|[.!?\n]\s*|[\"'`(]\s*)$", text[max(0, start - 4) : start]) is not None


_RANGE_PREP = re.compile(r"\b(?:from|to|until|till|between|and|by|before|after)\s+\Z", re.IGNORECASE)
"""A preposition that makes a bare "14:00" a clock time ("from 14:00 to 16:00", "between 14:00 and 16:00")."""


def _clock_value(text: str) -> str | None:
    t = text.lower()
    if "noon" in t or "midday" in t:
        return "12:00"
    if "midnight" in t:
        return "24:00"
    spoken = re.match(
        r"(?:(?P<frac>half|(?:a\s+)?quarter|twenty-five|twenty|ten|five)\s+(?P<dir>past|to|after)\s+)?(?P<h>[a-z]+)\b",
        t,
    )
    m = re.match(r"(\d{1,2})(?:[:.]?(\d{2}))?", t)  # "9", "9:30", "10.30", wire-style "1400" (GMT)
    if spoken and spoken.group("h") in _HOUR_WORDS:
        hour, minute = _HOUR_WORDS[spoken.group("h")], 0
        if spoken.group("frac"):
            frac = spoken.group("frac").split()[-1]
            minute = {"half": 30, "quarter": 15, "twenty-five": 25, "twenty": 20, "ten": 10, "five": 5}[frac]
            if spoken.group("dir") == "to":
                hour, minute = (hour - 1) % 12 or 12, 60 - minute
    elif m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
    else:
        return None
    pm = re.search(r"p\.?m|afternoon|evening", t) is not None
    am = re.search(r"a\.?m|morning", t) is not None
    if pm and hour < 12:
        hour += 12
    if am and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


_REF_WEEKDAY = re.compile(rf"(?:(?P<rel>last|next|this|this past|this coming)\s+)?(?P<wd>{WEEKDAY_RE})", re.IGNORECASE)
_REF_CALENDAR_DAY = re.compile(
    rf"(?:{WEEKDAY_RE},?\s+)?(?:(?P<m>{MONTH_RE})\s+(?P<d>{DAY_NUM})|(?:the\s+)?(?P<d1>{DAY_NUM})\s+(?:of\s+)?"
    rf"(?P<m1>{MONTH_RE}))(?:,?\s+(?P<y>{YEAR4})|\s+(?P<yrel>this|last|next)\s+year)?",
    re.IGNORECASE,
)
"""The parts of a :data:`DAYREF` a clock time or "the day before" is attached to."""


def _day_of_ref(ref: str, ctx: Context, start: int, end: int) -> dt.date | None:
    ref_l = re.sub(r"\s+", " ", ref.lower())
    words = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "last night": -1}
    if ref_l in words:
        return cal.add_days(ctx.dct, words[ref_l])
    m = _REF_WEEKDAY.fullmatch(ref)
    if m:
        return weekday_date(ctx, WEEKDAYS[m.group("wd").lower().rstrip(".")], m.group("rel") or "", start, end)
    m = _REF_CALENDAR_DAY.fullmatch(ref)
    if m:
        if not _capitalised_month(m.group("m") or m.group("m1")):
            return None  # "At 9 a.m. 12 may attend": the verb
        mo, d = _month_of(m.group("m") or m.group("m1")), _day_of(m.group("d") or m.group("d1"))
        if m.group("y"):
            y = int(m.group("y"))
        elif m.group("yrel"):
            y = ctx.dct.year + REL_STEP[m.group("yrel").lower()]
        else:
            y = cal.nearest_year(ctx.dct, mo, d, ctx.tense(start, end))
        return cal.safe_date(y, mo, d)
    return None


_PROGRAMME_AFTER = re.compile(r"\s+(?:news|bulletin|show|programme|program|edition)\b", re.IGNORECASE)
_LATER_PART = re.compile(r"\b(?:afternoon|evening|tonight)\b", re.IGNORECASE)
_LISTED_CLOCK = re.compile(r"\)|[ \t]+[-–][ \t]")
"""What follows a bare "15:00" in a timetable: a closing bracket ("City v Leeds (15:00)") or a dash after a line's
clock time ("15:00 - Closing news conference")."""
_LINE_START = re.compile(r"(?:^|\n)[ \t]*\Z")
_BRACKET_OPEN = re.compile(r"\((?:[^()\n]{1,24},\s*)?\Z")


def _timetable_clock(text: str, start: int, end: int) -> bool:
    """Whether a bare two-digit "15:00" is a timetable's clock time: alone in brackets after a fixture ("City v Leeds
    (15:00)", "(Pyramid stage, 22:15)") or opening a line before a dash ("15:00 - Closing session"); not a race time
    "(2:05)" or a verse "(John 10:10)"."""
    if not re.fullmatch(r"\d{2}:\d{2}", text[start:end]):
        return False
    if text[end : end + 1] == ")":
        return _BRACKET_OPEN.search(text, max(0, start - 30), start) is not None
    return bool(_LINE_START.search(text, max(0, start - 20), start) and re.match(r"[ \t]+[-–][ \t]", text[end:]))


_PERFECT_SINCE = re.compile(r"\b(?:has|have)\s+(?:[a-z]+\s+){0,3}since\s+(?:about\s+|around\s+)?\Z", re.IGNORECASE)
"""A present perfect up to a clock time ("has been closed since 06:00"): today's, not the narrated day's."""


@rule(
    rf"\b(?:(?:at|around|about|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    rf"(?P<clock>{CLOCK_FULL})(?:(?=\s*\([^()\n]{{1,24}}\),?\s+(?:on\s+)?(?P<later>{DAYREF})(?!\w))|"
    rf",?\s+(?:(?-i:on)\s+)?(?P<ref>{DAYREF}))?(?!\w)(?![ \t]*:)"
    r"(?P<evening>\s+(?:tonight|this\s+(?:evening|afternoon)|that\s+night))?",
    gate=HAS_CLOCK,
)
def clock_then_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "9 a.m.", "5 p.m. EST Nov. 9", "noon Thursday", "10:35 a.m. GMT", "4 in the morning"."""
    if ctx.text[max(0, m.start("clock") - 5) : m.start("clock")].lower() == "high ":
        return None  # "high noon"
    clock = _clock_value(m.group("clock"))
    if clock is None or _PROGRAMME_AFTER.match(ctx.text, m.end("clock")):
        return None  # "the six o'clock news" is a programme
    if re.fullmatch(r"\d{4}\s*(?:hrs|hours)", m.group("clock")) and not _military_clock(
        ctx.text, m.start("clock"), m.group("clock")[:4]
    ):
        return None  # "1500 hours of work" is an amount; "at 1500 hrs" a clock time
    if (
        re.fullmatch(r"\d{1,2}:\d{2}", m.group("clock"))
        and not m.group(0).lower().startswith(("at", "around", "about", "approximately", "shortly", "just"))
        and not _RANGE_PREP.search(ctx.text, max(0, m.start() - 9), m.start())
        and not _timetable_clock(ctx.text, m.start("clock"), m.end("clock"))
    ):
        return None  # "a 3:45 mile", scores and ratios; "at 14:00", "from 14:00 to 16:00" are clock times
    start = m.start("clock") if not m.group(0)[:1].isalpha() or m.group(0).lower().startswith("at ") else m.start()
    # "10 p.m. (2000 GMT) on Sunday": the day after an aside dates the clock time but stays its own expression.
    ref = m.group("ref") or m.group("later")
    evening = m.group("evening") or (
        ref if ref and re.sub(r"\s+", " ", ref.lower()) in ("tonight", "last night") else None
    )
    bare_hour = int(clock[:2]) < 12 and not re.search(r"[ap]\.?m\b|morning|afternoon|evening", m.group("clock"), re.I)
    if bare_hour and (
        evening
        or (
            re.search(r"o['’]clock|half|quarter", m.group("clock"), re.IGNORECASE)
            and _LATER_PART.search(ctx.text, sentence_bounds(ctx.text, m.start(), m.end())[0], m.start())
            and not re.match(r"\s+(?:this|that|in\s+the)\s+morning", ctx.text[m.end() : m.end() + 20], re.IGNORECASE)
        )
    ):
        # "8 o'clock tonight" is 20:00; so is "by 4 o'clock" after "this afternoon" in its sentence
        clock = f"{int(clock[:2]) + 12:02d}{clock[2:]}"
    day = _day_of_ref(ref, ctx, m.start(), m.end()) if ref else ctx.dct
    end = m.end()
    if day is None:  # "At 9 a.m. 12 may attend": what follows is no day; the clock time stands alone
        ref, day, end = None, ctx.dct, m.end("clock")
    if evening and not evening.strip().lower().startswith("that"):
        ref = ref or "today"  # "at 4:30 this afternoon", "tonight": today's, not a narrated day's
    # A bare clock time belongs to the day being narrated ("was shot at 10 p.m."), the DCT when none was named; one
    # still to come ("will be released at 4 p.m.") to a narrated day not yet past (code U), one said in the past tense
    # to a narrated day not still to come (code P).
    narrative = None
    if not ref and not _PERFECT_SINCE.search(ctx.text, max(0, m.start() - 60), m.start("clock")):
        prefix = {"future": "U", "past": "P"}.get(ctx.tense(m.start(), end) or "", "T")
        narrative = (f"{prefix}{clock}", 0)
    return Hit(start, end, "TIME", f"{cal.day(day)}T{clock}", narrative=narrative)


@rule(rf"\bthe\s+day\s+(?P<dir>before|after)\s+(?P<ref>{DAYREF})(?!\w)", needs=("day",))
def day_next_to(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "the day before last Tuesday", "the day after March 3": one day either side of a named day."""
    ref = m.group("ref")
    if not ref[0].isupper() and not re.match(r"(?:last|next|this)\s", ref, re.IGNORECASE):
        return None  # "the day after tomorrow" and friends are relative_day's
    day = _day_of_ref(ref, ctx, m.start("ref"), m.end())
    if day is None:
        return None
    return Hit(m.start(), m.end(), "DATE", cal.day(cal.add_days(day, -1 if m.group("dir") == "before" else 1)))


@rule(rf"\b(?P<ref>{DAYREF})(?:,?\s+at|,)?\s+(?P<clock>{CLOCK_FULL})(?!\w)", gate=HAS_CLOCK)
def day_then_clock(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "Tuesday at 9 a.m.", "March 18, 10:00 GMT"."""
    clock = _clock_value(m.group("clock"))
    ref = m.group("ref")
    spoken = ref[0].isupper() or ref[0].isdigit() or ref.lower().startswith("the ")  # "3 June", "the 3rd of June"
    if clock is None or (not spoken and ref.lower() not in ("today", "tonight", "tomorrow", "yesterday", "last night")):
        return None
    if "\n" in ctx.text[m.end("ref") : m.start("clock")] and _LISTED_CLOCK.match(ctx.text, m.end("clock")):
        return None  # a timetable's day heading and its first line ("Friday, Sept 6\n09:30 - Second session")
    day = _day_of_ref(m.group("ref"), ctx, m.start(), m.end())
    return Hit(m.start(), m.end(), "TIME", f"{cal.day(day)}T{clock}") if day else None


# ----------------------------------------------------------------------------------- this/last/next + unit
@rule(
    r"\b(?P<rel>this|last|next|the\s+coming|the\s+current|current|this\s+past|the\s+previous|the\s+following|"
    r"the\s+latest|the\s+most\s+recent|the\s+same|the\s+past|the\s+last|the\s+next|the\s+prior|the\s+preceding|"
    r"the\s+year-(?:earlier|ago)|the\s+comparable|the\s+full|the\s+whole|the\s+entire|the\s+year-(?:earlier|ago)\s+comparable|the\s+comparable\s+"
    r"year-(?:earlier|ago)|that|its|their|the)"
    r"\s+(?P<fiscal>(?:fiscal|financial)\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century|period|half)(?!-)\b",
    needs=("week", "month", "year", "quarter", "decade", "century", "period", "half"),
)
def relative_unit(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "this week" (ISO week), "last month", "next year", "the quarter", "the weekend", "the past year" (a span)."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    dct = ctx.dct
    start, end = m.start(), m.end()
    tense = ctx.tense(start, end)
    if (
        m.group("unit")[0].isupper()
        and (not _sentence_initial(ctx.text, start) or _TITLE_END.match(ctx.text, end))
        and not _in_headline(ctx.text, start)
    ):
        return None  # a title such as "This Week" or ABC's "This Week With ..."
    if unit in ("period", "half") or (rel in ("that", "the same", "its", "their") and unit not in ("quarter", "year")):
        return None
    if rel in _NARRATIVE_STEPS and unit in ("week", "month", "year"):
        return None  # left to narrative_unit
    if rel in ("the whole", "the entire") and unit in ("week", "month", "year", "decade", "century"):
        return Hit(start, end, "DURATION", duration(1, _unit_code(unit)))  # "fasting lasts the whole month"
    if rel in ("the past", "the last", "the next", "the coming") and unit not in ("weekend", "quarter"):
        if rel == "the last" and unit == "week":
            return Hit(start, end, "DATE", cal.week(dct))
        return Hit(start, end, "DURATION", duration(1, _unit_code(unit)))
    step = {
        "last": -1,
        "the previous": -1,
        "this past": -1,
        "the prior": -1,
        "the preceding": -1,
        "next": 1,
        "the following": 1,
        "the coming": 1,
        "the next": 1,
    }.get(rel, 0)
    if unit == "weekend":
        base = dct if step == 0 else cal.add_days(dct, 7 * step)
        # Early in the week "the weekend" is mostly the one just gone; "this weekend" the coming one unless the clause
        # says it is over.
        looking_back = (tense == "past" and dct.isoweekday() <= 3) if rel == "this" else tense != "future"
        if step == 0 and dct.isoweekday() < 5 and looking_back:
            base = cal.add_days(dct, -7)
        return Hit(start, end, "DATE", cal.week(base) + "-WE")
    ended = _ENDED_ON.match(ctx.text, end) if rel == "the" and unit in ("week", "month") else None
    if ended:
        # "the week ended March 7": the reporting period that closed on that day.
        closing = _day_of_ref(ended.group("ref"), ctx, ended.start("ref"), ended.end())
        if closing is not None:
            value = cal.week(closing) if unit == "week" else cal.month(closing.year, closing.month)
            return Hit(start, end, "DATE", value)
    if unit == "week":
        if rel in ("that", "the same", "its", "their"):
            return None
        ahead = re.match(r"\s+ahead\b", ctx.text[end : end + 8]) if rel == "the" else None
        if ahead:
            # "the week ahead": the coming week
            return Hit(start, end + ahead.end(), "DATE", cal.week(cal.add_days(dct, 7)))
        # "For the week, the index lost 1.9%" after "fell Friday": the week of the narrated day, else the DCT's.
        narrative = (
            ("W", 0)
            if rel == "the" and tense != "future" and not _ONGOING.search(ctx.text, max(0, start - 24), start)
            else None
        )
        return Hit(start, end, "DATE", cal.week(cal.add_days(dct, 7 * step)), narrative=narrative)
    if unit == "month":
        d = cal.add_months(dct, step)
        # "rose 1.6 pct in the month" after "in December": the month the article is narrating, else the DCT's; a
        # month still to come ("hope to agree a deal by the end of the month") is the DCT's.
        narrative = ("M", 0) if rel == "the" and tense != "future" else None
        return Hit(start, end, "DATE", cal.month(d.year, d.month), narrative=narrative)
    if unit == "quarter":
        return _relative_quarter(rel, start, end, ctx)
    if unit == "decade":
        if step == 0:
            return Hit(start, end, "DATE", f"{dct.year // 10:03d}")
        return Hit(start, end, "DATE", f"{dct.year // 10 + step:03d}")
    if unit == "century":
        return Hit(start, end, "DATE", f"{dct.year // 100 + step:02d}")
    # year
    if rel in ("the year-earlier", "the year-ago", "the comparable", "the same") or "year-" in rel:
        return Hit(start, end, "DATE", f"{dct.year - 1:04d}")
    if rel in ("that", "its", "their"):
        return None
    if rel == "the full":
        step = 0
    if rel == "the" and ctx.text[end : end + 1] == "'":
        return None
    if rel == "the" and re.match(r"\s+(?:ended|ending|through|to\s+(?:date|\w+\.?\s+\d))", ctx.text[end : end + 20]):
        # "the year ended March 31": a reporting period, i.e. a span.
        return Hit(start, end, "DURATION", "P1Y")
    return Hit(start, end, "DATE", f"{dct.year + step:04d}")


_ONGOING = re.compile(r"\b(?:throughout|(?:the\s+)?rest\s+of|(?:the\s+)?remainder\s+of|later\s+in)\s+\Z", re.I)
"""Words before "the week" that make it the one under way ("delays throughout the week")."""
_ENDED_ON = re.compile(
    rf"\s+(?:ended|ending|that\s+ended|which\s+ended|through|to)\s+(?P<ref>{MONTH_RE}\s+{DAY_NUM}(?:,?\s+{YEAR4})?)\b",
    re.IGNORECASE,
)
"""A closing day after a period ("the week ended March 7")."""

_NARRATIVE_STEPS = {
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the prior": -1,
    "the preceding": -1,
    "the same": 0,
    "that": 0,
    "that same": 0,
}


@rule(
    r"\b(?:(?P<pre>earlier|later|early|late)\s+)?(?P<rel>the\s+following|the\s+next|the\s+previous|the\s+prior|"
    r"the\s+preceding|the\s+same|that\s+same|that)\s+(?P<unit>day|week|month|year)\b(?!-|\s+(?:or|of|and\s+(?:a\s+half|night|the\s+next))\b|\s+to\s+(?:\d|the\b|that\b|this\b))"
    r"(?P<year_back>(?:(?<=same\smonth)|(?<=same\sweek))\s+(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|"
    r"the\s+(?:previous\s+year|year\s+before)))?",
    needs=("day", "week", "month", "year"),
)
def narrative_unit(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "the following day", "the previous year", "that day": counted from the last date the article mentioned."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    if rel == "the next" and unit != "day":
        return None  # "the next year" is a span or the DCT's next year, handled elsewhere
    step = _NARRATIVE_STEPS[rel]
    code = _unit_code(unit)
    if m.group("year_back"):
        # "the same month last year", "the same week a year ago": the narrated month or week, a year back.
        back = ("M", -12) if unit == "month" else ("W", -52)
        return Hit(m.start(), m.end(), "DATE", shift(ctx.dct, back[1], back[0]), narrative=back)
    fallback = shift(ctx.dct, step, code)
    return Hit(m.start(), m.end(), "DATE", fallback, narrative=(code, step))


@rule(
    r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier)"
    r"(?=\s*[,.;:)!?]|\s*$|\s+(?:and|but|when|as|in|on|at|with|to|for|by|from|amid)\b)",
    needs=("before", "after", "earlier"),
)
def unit_before(m: re.Match[str], ctx: Context) -> Hit:
    """ "lost money the year before", "the day after, police ...": one unit before or after the narrated date (from
    the DCT when none was named)."""
    code = _unit_code(m.group("unit").lower())
    step = 1 if m.group("dir").lower() == "after" else -1
    return Hit(m.start(), m.end(), "DATE", shift(ctx.dct, step, code), narrative=(code, step))


def _relative_quarter(rel: str, start: int, end: int, ctx: Context) -> Hit | None:
    """Quarter phrases without an ordinal: current, previous (latest reported) or year-ago quarter."""
    dct = ctx.dct
    current = dt.date(dct.year, (cal.quarter_of(dct) - 1) * 3 + 1, 1)
    tense = ctx.tense(start, end)
    if rel in ("this", "the current", "current"):
        base = current
    elif rel in ("next", "the coming", "the next", "the following"):
        base = cal.add_months(current, 3)
    elif rel in ("last", "the previous", "the latest", "the most recent", "the past", "the last", "the prior"):
        base = cal.add_months(current, -3)
    elif "year-" in rel or "comparable" in rel or rel == "the same":
        base = cal.add_months(current, -15)
    elif rel in ("the", "its", "their", "that"):
        base = current if tense == "future" else cal.add_months(current, -3)
    else:
        return None
    # Without an ordinal, "the quarter" is the one the article is discussing, if it named one.
    shift = 0 if rel in ("the", "its", "their", "that", "the latest", "the most recent") else None
    if "year-" in rel or "comparable" in rel or rel == "the same":
        shift = -1
    return Hit(start, end, "DATE", f"{base.year:04d}-Q{cal.quarter_of(base)}", quarter_shift=shift)


QUARTER_ORD = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"


_RESULTS_AFTER = re.compile(
    r"[\s-]+(?:results|figures|earnings|profits?|losses|sales|revenues?|numbers|data|report|GDP|growth|output)\b",
    re.IGNORECASE,
)


def _period_year(n: int, half: bool, ctx: Context, start: int, end: int) -> int:
    """The year of quarter (or half) ``n`` named without one: the DCT's, unless it would start after the DCT in a
    non-future clause (then last year's), or ended more than three months before it in a future one (next year's:
    "deliveries will start in the first quarter", said in November; a quarter just ended is still the one being
    reported, "expects a profit for the third quarter", said in October)."""
    start_month = (n - 1) * (6 if half else 3) + 1
    end_month = start_month + (5 if half else 2)
    tense = ctx.tense(start, end)
    fiscal = "fiscal" in ctx.text[start:end].lower()
    if (
        start_month > ctx.dct.month
        and (ctx.dct.month + 12 - end_month) <= 3
        and not fiscal
        and _RESULTS_AFTER.match(ctx.text, end)
    ):
        # "will release fourth-quarter figures in March", said in January: the results of a calendar quarter not yet
        # begun this year that ended at most three months ago are last year's, whatever the clause says of their
        # release.
        return ctx.dct.year - 1
    if start_month > ctx.dct.month and tense != "future" and not fiscal:
        # A fiscal quarter is named by the fiscal year, which is mostly the DCT's ("its fiscal fourth quarter",
        # reported in July): only a calendar quarter not yet begun is last year's.
        return ctx.dct.year - 1
    if end_month < ctx.dct.month - 3 and tense == "future":
        return ctx.dct.year + 1
    return ctx.dct.year


@rule(
    rf"\b(?:the\s+(?:(?P<first>{MONTH_RE})\s*[-–]\s*)?(?P<m>{MONTH_RE})\s+quarter|"
    rf"(?:the\s+)?(?P<first2>{MONTH_RE})[-–](?P<m2>{MONTH_RE})(?:\s+(?:period|quarter))?)\b"
    rf"(?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<yrel>this|last|next)\s+year)\b|,?\s+(?P<yr>{YEAR4})\b)?",
    needs=("quarter", "-", "–"),
)
def month_quarter(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "the December quarter" (as Australian and fiscal reports name them), "the April-June quarter", "July-September":
    the calendar quarter ending in that month."""
    last_word, first_word = m.group("m") or m.group("m2"), m.group("first") or m.group("first2")
    if not _capitalised_month(last_word) or (first_word and not _capitalised_month(first_word)):
        return None
    mo = _month_of(last_word)
    if mo % 3 or (first_word and _month_of(first_word) != mo - 2):
        return None  # "the January quarter", "the February-April quarter" name no calendar quarter
    if m.group("y") or m.group("yr"):
        year_ = int(m.group("y") or m.group("yr"))
    elif m.group("yrel"):
        year_ = ctx.dct.year + REL_STEP[m.group("yrel").lower()]
    else:
        year_ = cal.nearest_year(ctx.dct, mo, None, ctx.tense(m.start(), m.end()))
    return Hit(m.start(), m.end(), "DATE", f"{year_:04d}-Q{mo // 3}")


_SPORT = re.compile(
    r"\b(?:scored|scoring|halftime|half-time|touchdowns?|quarterback|innings|kick-?off|equali[sz]er|striker|"
    r"midfielder|the\s+final\s+whistle|free\s+kick|field\s+goal|three-pointers?|own\s+goal|hat-trick)\b",
    re.IGNORECASE,
)
"""Words of a match report: a quarter or half in their sentence is a period of play, not of the calendar."""


@rule(
    rf"\b(?:(?:the|its|this|last|next|a|an)\s+)?(?P<ago>(?:comparable\s+)?year-(?:ago|earlier)\s+)?(?:(?P<ya>{YEAR4})(?:'s)?\s+|(?P<ry>last|this|next)\s+year's\s+)?"
    rf"(?:(?:fiscal|calendar)[\s-]+)?(?P<q>{QUARTER_ORD}|last|latter)[\s-]+(?:fiscal[\s-]+)?"
    r"(?P<unit>quarter|half|two\s+quarters)"
    rf"(?:\s+(?:of|in|for)\s+(?:(?:fiscal|calendar)\s+)?(?P<yb>{YEAR4}|this\s+year|last\s+year|next\s+year))?\b",
    needs=("quarter", "half"),
)
def quarter(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "the third quarter", "third-quarter", "the fiscal first quarter", "1988's second quarter", "first half"."""
    word = m.group("q").lower()
    unit = re.sub(r"\s+", " ", m.group("unit").lower())
    half = unit != "quarter"
    if word in ("last", "latter") or unit == "two quarters":
        # "the last half of 1989", "the first two quarters of 1990": positions in a named year; without one, "the
        # last half hour", "the last two quarters" (a span back from now) are something else.
        if not m.group("yb") or (unit == "two quarters" and word not in ("first", "last", "latter")):
            return None
        if word in ("last", "latter"):
            word = "second" if half else "fourth"
    start = m.start()
    if ctx.text[m.end("q") : m.end("q") + 1] == "-" or m.group(0).lower().startswith(("its ", "a ", "an ")):
        start = m.start("ya") if m.group("ya") else (m.start("ry") if m.group("ry") else m.start("q"))
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}[word]
    if half and n > 2:
        return None
    if not (m.group("ya") or m.group("yb") or m.group("ry") or m.group("ago")) and _SPORT.search(
        ctx.text, *sentence_bounds(ctx.text, m.start(), m.end())
    ):
        return None  # "scored twice in the second half", "trailed after the third quarter": periods of play
    year_text = (m.group("ya") or m.group("yb") or "").lower()
    rel = (m.group("ry") or "").lower()
    if year_text.isdigit():
        year_ = int(year_text)
    elif year_text or rel:
        key = year_text.split()[0] if year_text else rel
        year_ = ctx.dct.year + REL_STEP[key]
    else:
        year_ = _period_year(n, half, ctx, m.start(), m.end())
    if m.group("ago"):
        year_ -= 1
    value = f"{year_:04d}-{'H' if half else 'Q'}{n}"
    anchor = "absolute" if year_text.isdigit() else "document"
    return Hit(start, m.end(), "DATE", value, anchor)


@rule(
    rf"\b(?:H(?P<h>[12])|(?P<h2>[12])H)(?:(?:\s+|[-/])(?P<y>{YEAR4})|\s*['’](?P<yy>\d\d))\b",
    re.NOFLAG,
    needs=("h1", "h2", "1h", "2h"),
)
def half_abbrev(m: re.Match[str], ctx: Context) -> Hit:
    """ "H1 2024", "2H 2023", "H2'24" (a bare "H2" is hydrogen more often than a half-year)."""
    year_ = int(m.group("y")) if m.group("y") else _two_digit_year(int(m.group("yy")), ctx.dct)
    return Hit(m.start(), m.end(), "DATE", f"{year_:04d}-H{m.group('h') or m.group('h2')}")


@rule(rf"\b(?P<q>Q[1-4])(?:\s+|[-/]|\s*')?(?P<y>{YEAR4}|\d\d)?\b", re.NOFLAG, needs=("q1", "q2", "q3", "q4"))
def quarter_abbrev(m: re.Match[str], ctx: Context) -> Hit:
    """ "Q3", "Q3 2024", "Q1'24"; a bare "Q3" takes its year as "the third quarter" does."""
    y = m.group("y")
    n = int(m.group("q")[1])
    year_ = (
        _period_year(n, False, ctx, m.start(), m.end())
        if not y
        else (int(y) if len(y) == 4 else _two_digit_year(int(y), ctx.dct))
    )
    return Hit(m.start(), m.end(), "DATE", f"{year_:04d}-{m.group('q')}")


@rule(
    r"\b(?:(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+latest|the\s+coming)\s+)?fiscal\s+year\b"
    rf"(?:\s+(?P<y>{YEAR4}))?",
    needs=("fiscal",),
)
def fiscal_year(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "fiscal year 2024", "last fiscal year", "the current fiscal year"."""
    if m.group("y"):
        return Hit(m.start(), m.end(), "DATE", m.group("y"), "absolute")
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if not rel:
        return None
    step = {"last": -1, "the previous": -1, "the latest": -1, "next": 1, "the coming": 1}.get(rel, 0)
    return Hit(m.start(), m.end(), "DATE", f"{ctx.dct.year + step:04d}")


@rule(
    r"\b(?:(?P<part>Q[1-4]|H[12])\s*)?(?:FY|fiscal(?:\s+year)?|financial\s+year)\s*'?(?P<y1>\d{4}|\d{2})"
    r"(?:\s*[-–/]\s*(?P<y2>\d{4}|\d{2}))?(?![-–/.]?\d)",
    needs=("fy", "fiscal", "financial"),
)
def fiscal_period(m: re.Match[str], ctx: Context) -> Hit | None:
    """Fiscal years written as a range ("FY 2022-23", "financial year 2021-22": the year they end in) and quarters or
    halves of fiscal years ("Q4 FY23" → 2023-Q4, as TimeML labels fiscal periods by the fiscal year's number)."""
    if not (m.group("y2") or m.group("part")):
        return None  # "FY24", "fiscal 1989": the year rules'
    first = int(m.group("y1")) if len(m.group("y1")) == 4 else _two_digit_year(int(m.group("y1")), ctx.dct)
    year_ = first
    if m.group("y2"):
        last = int(m.group("y2")) if len(m.group("y2")) == 4 else first // 100 * 100 + int(m.group("y2"))
        if last < first:
            last += 100  # "FY 1999-00"
        if last != first + 1:
            return None
        year_ = last
    value = f"{year_:04d}-{m.group('part').upper()}" if m.group("part") else f"{year_:04d}"
    return Hit(m.start(), m.end(), "DATE", value, "absolute")


@rule(r"\b(?:FY|fiscal\s+)'?(?P<y>\d{2})\b", needs=("fy", "fiscal"))
def fiscal_short(m: re.Match[str], ctx: Context) -> Hit:
    """ "FY24", "fiscal '24" → the fiscal year's number."""
    return Hit(m.start(), m.end(), "DATE", f"{_two_digit_year(int(m.group('y')), ctx.dct):04d}")


# ------------------------------------------------------------------------------------------------- seasons
@rule(
    r"(?<!\bthe\s)\b(?P<rel>last|this|next|the\s+coming|the\s+previous|the\s+current)\s+season\b(?![-\s](?:tickets?|pass|opener)\b)",
    needs=("season",),
)
def sports_season(m: re.Match[str], ctx: Context) -> Hit:
    """ "last season", "this season", "next season": a season of play, which straddles calendar years, so a reference
    to the past, present or future rather than a year."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    value = {"last": "PAST_REF", "the previous": "PAST_REF", "next": "FUTURE_REF", "the coming": "FUTURE_REF"}
    return Hit(m.start(), m.end(), "DATE", value.get(rel, "PRESENT_REF"))


@rule(
    r"\b(?:(?P<rel>this|last|next|this\s+past|this\s+coming|the\s+coming|the\s+past|the\s+following|"
    r"the\s+previous|that|the|early|late|mid)[\s-]+)?"
    r"(?:(?:early|late|mid)[\s-]*)?(?P<s>spring|summer|fall|autumn|winter)(?:time)?"
    rf"(?:(?:\s+(?:of\s+)?|\s*,\s*)(?P<y>{YEAR4})(?!\d)|\s+of\s+(?P<that>that|the\s+same)\s+year)?\b",
    needs=("spring", "summer", "fall", "autumn", "winter"),
)
def season(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "this summer", "last fall", "the spring of 1990", "winter 2024"."""
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    word = m.group("s").lower()
    code = SEASONS[word]
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if m.group("y"):
        return Hit(m.start(), m.end(), "DATE", f"{m.group('y')}-{code}", "absolute")
    if m.group("that"):
        # "the spring of that year": in the year the article is narrating (the DCT's when it named none).
        return Hit(m.start(), m.end(), "DATE", f"{ctx.dct.year:04d}-{code}", narrative=(f"SE{code}", 0))
    if (
        m.group("s")[0].isupper()
        and re.match(r"\s+(?-i:[A-Z][a-z])", ctx.text[m.end() : m.end() + 4])
        and not _in_headline(ctx.text, m.start())
    ):
        return None  # "the Spring Festival", "the Winter Olympics", "the Summer Palace": names
    if not rel and not re.search(r"\b(?:in|during|since|until|by|through|over|this|last|next)\s+$", before):
        return None
    if (
        rel == "the"
        and word == "fall"
        and not re.search(r"\b(?:in|during|since|until|till|by|through|over|before|after)\s+$", before)
    ):
        return None  # "The fall compares with a 2 pct rise", "said the fall was due to": the noun
    after = ctx.text[m.end() : m.end() + 10].lower()
    named_season = rel in ("last", "this", "next", "this past", "this coming", "the coming", "the past")
    if word == "fall" and not named_season and re.match(r"\s+(?:of|in|to|from|back)\b", after):
        return None  # "the fall in prices", "the previous fall in oil prices" (not "last fall in his home")
    if word == "spring" and rel and re.match(r"\s+(?:of|water|from|every)\b", after):
        return None  # "the spring of youth", "drink from that spring every day"
    if rel == "that" and _SAID_THAT.search(ctx.text, max(0, m.start() - 14), m.end()):
        return None  # "analysts said that fall ...": a conjunction
    dct = ctx.dct
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    current = {12: "WI", 1: "WI", 2: "WI"}.get(dct.month) or ["SP", "SU", "FA"][(dct.month - 3) // 3]
    year_ = dct.year
    if rel in ("last", "this past", "the past"):
        if code == current or start_month > dct.month:
            year_ -= 1
    elif rel in ("next", "this coming", "the coming"):
        if code == current or start_month <= dct.month:
            year_ += 1
    elif rel != "this":
        tense = ctx.tense(m.start(), m.end())
        tense = _starting_ahead(ctx, m.start(), tense)
        if tense == "past" and start_month > dct.month and code != current:
            year_ -= 1
        elif tense == "future" and start_month + 4 < dct.month and code != "WI":
            # "will report in the summer", written in December: a season gone by more than two months lies ahead
            # (nearer than that, a lexical "future" is too often wrong: "hard to meet demand well into the summer").
            year_ += 1
    if code == "WI" and dct.month <= 2 and current == "WI" and rel not in ("next", "this coming", "the coming"):
        year_ -= 1 if rel not in ("last", "this past", "the past") else 0
    if rel in ("", "the") and dt.date(year_, start_month, 1) > dct and _after_since(ctx, m.start()):
        year_ -= 1  # "working in shifts since the summer", written in January: a season already begun
    # "the following spring", "that summer": counted from the narrated date, when the article named one.
    step = {"the following": 1, "the previous": -1, "that": 0}.get(rel)
    narrative = (f"SE{code}", step) if step is not None else None
    return Hit(m.start(), m.end(), "DATE", f"{year_:04d}-{code}", narrative=narrative)


# ----------------------------------------------------------------------------------------------- holidays
HOLIDAYS: dict[str, Callable[[int], dt.date | None]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year": lambda y: dt.date(y, 1, 1),
    **dict.fromkeys(
        ("eid al-fitr", "eid al fitr", "eid ul-fitr", "eid-ul-fitr", "eid-al-fitr", "eid el-fitr"),
        lambda y: cal.hijri_day(y, 10, 1),
    ),
    **dict.fromkeys(
        ("eid al-adha", "eid al adha", "eid ul-adha", "eid-ul-adha", "eid-al-adha", "eid el-adha", "eid ul-azha"),
        lambda y: cal.hijri_day(y, 12, 10),
    ),
    "islamic new year": lambda y: cal.hijri_day(y, 1, 1),
    "hijri new year": lambda y: cal.hijri_day(y, 1, 1),
    "thanksgiving day": lambda y: cal.nth_weekday(y, 11, 4, 4),
    "thanksgiving": lambda y: cal.nth_weekday(y, 11, 4, 4),
    "easter sunday": cal.easter,
    "easter": cal.easter,
    "good friday": lambda y: cal.add_days(cal.easter(y), -2),
    "easter monday": lambda y: cal.add_days(cal.easter(y), 1),
    "holy saturday": lambda y: cal.add_days(cal.easter(y), -1),
    "maundy thursday": lambda y: cal.add_days(cal.easter(y), -3),
    "holy thursday": lambda y: cal.add_days(cal.easter(y), -3),
    "palm sunday": lambda y: cal.add_days(cal.easter(y), -7),
    "ash wednesday": lambda y: cal.add_days(cal.easter(y), -46),
    "shrove tuesday": lambda y: cal.add_days(cal.easter(y), -47),
    "fat tuesday": lambda y: cal.add_days(cal.easter(y), -47),
    "mardi gras": lambda y: cal.add_days(cal.easter(y), -47),
    "giving tuesday": lambda y: cal.add_days(cal.nth_weekday(y, 11, 4, 4), 5),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "labor day": lambda y: cal.nth_weekday(y, 9, 1, 1),
    "presidents day": lambda y: cal.nth_weekday(y, 2, 1, 3),
    "presidents' day": lambda y: cal.nth_weekday(y, 2, 1, 3),
    "martin luther king day": lambda y: cal.nth_weekday(y, 1, 1, 3),
    "martin luther king jr. day": lambda y: cal.nth_weekday(y, 1, 1, 3),
    "columbus day": lambda y: cal.nth_weekday(y, 10, 1, 2),
    "memorial day": lambda y: cal.nth_weekday(y, 5, 1, -1),
    "independence day": lambda y: dt.date(y, 7, 4),
    "the fourth of july": lambda y: dt.date(y, 7, 4),
    "july fourth": lambda y: dt.date(y, 7, 4),
    "fourth of july": lambda y: dt.date(y, 7, 4),
    "bastille day": lambda y: dt.date(y, 7, 14),
    "may day": lambda y: dt.date(y, 5, 1),
    "election day": lambda y: cal.add_days(cal.nth_weekday(y, 11, 1, 1), 1),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "black friday": lambda y: cal.add_days(cal.nth_weekday(y, 11, 4, 4), 1),
    "cyber monday": lambda y: cal.add_days(cal.nth_weekday(y, 11, 4, 4), 4),
}
_HOLIDAY_NEEDS = tuple({max(re.split(r"[ '’]", name), key=len) for name in HOLIDAYS})
"""The longest word of each holiday's name: one of them is in every holiday mention."""


_HOLIDAY_THING = re.compile(
    r"\s+(?:market|markets|tree|trees|card|cards|shopping|lights|decorations|carols?|gifts?|presents|eggs?|"
    r"pudding|menu|songs?|movie|film|bonus|bonuses|agreement|accords?|offensive|massacre|"
    r"inquiry|uprising|bombings?|honours|honors|resolutions?)\b",
    re.IGNORECASE,
)


_OTHER_NEW_YEAR = re.compile(
    r"\b(?:Lunar|Chinese|Jewish|Persian|Islamic|Hijri|Muslim|Hindu|Thai|Tamil|Sikh|Khmer|Orthodox|Julian|Ethiopian|"
    r"Coptic|Vietnamese|Korean|Tibetan|Mongolian|Nepali|Bengali|Sinhala|Sinhalese|Kurdish|Iranian|Balinese|Burmese|"
    r"Lao|Hmong|Assyrian|Buddhist|Zoroastrian|Bahai|Baha'i)\s+\Z"
)
"""A calendar before "New Year" that puts it on another day than January 1."""


_NAMED_HOLIDAY = rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{alternation(HOLIDAYS)})(?:\s+(?P<y>{YEAR4}))?"
"""A holiday's name, with "last"/"next"/"this" before it or a year after it."""


@rule(rf"\b{_NAMED_HOLIDAY}(?P<week>\s+week)?\b", needs=_HOLIDAY_NEEDS)
def holiday(m: re.Match[str], ctx: Context) -> Hit | None:
    """Fixed and movable holidays ("Christmas", "Thanksgiving Day", "Easter") in the nearest or named year, and the
    week they fall in ("Easter week")."""
    if not m.group("h")[0].isupper() and not m.group("h").lower().startswith("the"):
        return None
    if not m.group("y") and _HOLIDAY_THING.match(ctx.text, m.end()):
        return None  # "a Christmas market", "Easter eggs": things, not days
    key = m.group("h").lower().replace("’", "'")
    if key == "new year" and (
        m.group("h") != "New Year"
        or _OTHER_NEW_YEAR.search(ctx.text, max(0, m.start() - 12), m.start())
        or ctx.text[m.end() : m.end() + 2] in ("'s", "’s")
    ):
        return None  # "the new year", "Lunar New Year", "New Year's Eve" (the longer holiday's)
    compute = HOLIDAYS[key]
    rel = (m.group("rel") or "").lower()
    every = re.search(r"\b(?:every|each)\s+\Z", ctx.text[max(0, m.start() - 7) : m.start()], re.IGNORECASE)
    if every and not rel and not m.group("y") and not m.group("week"):
        # "every Fourth of July": a set, dated when the holiday keeps its day from year to year (a moving one,
        # "every Thanksgiving", is left as the nearest instance).
        first, second = compute(2001), compute(2002)
        if first is not None and second is not None and (first.month, first.day) == (second.month, second.day):
            return Hit(m.start() - len(every.group(0)), m.end(), "SET", f"XXXX-{first.month:02d}-{first.day:02d}")
    date = _holiday_date(key, rel, m.group("y"), ctx, m.start(), m.end())
    if date is None:
        return None
    # "Easter week", "Christmas week": the ISO week the holiday falls in.
    return Hit(m.start(), m.end(), "DATE", cal.week(date) if m.group("week") else cal.day(date))


def _holiday_date(key: str, rel: str, year: str | None, ctx: Context, start: int, end: int) -> dt.date | None:
    """The day of holiday ``key``: in the named year, else the last or next one, else the nearest by tense."""
    compute = HOLIDAYS[key]
    if year:
        return compute(int(year))
    this_year = compute(ctx.dct.year)
    if this_year is None:
        return None
    if rel == "last":
        return this_year if this_year < ctx.dct else compute(ctx.dct.year - 1)
    if rel == "next":
        return this_year if this_year > ctx.dct else compute(ctx.dct.year + 1)
    return compute(cal.nearest_year(ctx.dct, this_year.month, this_year.day, ctx.tense(start, end)))


@rule(rf"\bthe\s+(?P<wd>{WEEKDAY_RE}|day)\s+(?P<dir>before|after)\s+{_NAMED_HOLIDAY}\b", needs=_HOLIDAY_NEEDS)
def weekday_by_holiday(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "the Sunday after Thanksgiving", "the Friday before Easter", "the day after Christmas": the nearest such
    weekday (or the next day) on that side of the holiday."""
    if not m.group("h")[0].isupper():
        return None
    key = m.group("h").lower().replace("’", "'")
    date = _holiday_date(key, (m.group("rel") or "").lower(), m.group("y"), ctx, m.start(), m.end())
    if date is None:
        return None
    step = 1 if m.group("dir").lower() == "after" else -1
    if m.group("wd").lower() == "day":
        return Hit(m.start(), m.end(), "DATE", cal.day(cal.add_days(date, step)))
    wd = WEEKDAYS[m.group("wd").lower().rstrip(".")]
    gap = ((wd - date.isoweekday()) * step) % 7 or 7
    return Hit(m.start(), m.end(), "DATE", cal.day(cal.add_days(date, step * gap)))


# ---------------------------------------------------------------------------------------------- durations
@rule(
    rf"\b(?P<pre>the\s+(?:past|last|next|previous|coming|following|first|final|latest|initial|ensuing|same|"
    rf"full|entire|whole|remaining|preceding|prior)\s+|another\s+|an\s+additional\s+|the\s+|{MOD}|past\s+)?"
    rf"(?P<n>{NUM})(?P<half1>\s+and\s+a\s+half)?(?:\s+(?:more|additional|straight|consecutive|full|business|working|trading|school|(?P<kind>fiscal|financial|calendar)))?(?P<sep>[\s-]+)(?P<unit>{UNIT_WORDS})\b(?P<half2>\s+and\s+a\s+half)?"
    rf"(?P<post>(?:\s+or\s+so)?\s+(?:ago(?:\s+today)?|earlier|later|before|after|from\s+(?:now|today)|hence|back|"
    r"in\s+a\s+row|running|"
    r"straight)\b)?(?!-old|\s+old\b|-long|\s*%)",
    needs=UNIT_NEEDS,
)
def counted(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "three weeks", "the past two months", "five-year", "two days ago", "a year earlier", "an hour and a half"."""
    n = parse_number(m.group("n"))
    unit_word = m.group("unit").lower()
    code = _unit_code(unit_word)
    if n is None:
        return None
    pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower()).strip()
    plural = unit_word.endswith("s") or unit_word == "centuries"
    if m.group("kind") and not plural:
        return None  # "from a fiscal year to a calendar year": a kind of year, not a span; "two fiscal years" is one
    # "one day" / "a day" etc.; "the year"/"the week" without a number are not counted durations.
    if m.group("n").lower() in ("an", "a") and pre in ("the", "past"):
        return None
    if pre == "the" and m.group("n").lower() in ("one", "a", "an"):
        return None
    if m.group(0).lower() == "one day" and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return Hit(m.start(), m.end(), "DATE", "FUTURE_REF")  # "could one day become": some day to come
    if m.group("half1") or m.group("half2"):
        n += 0.5
    if n > 10000 or (n == 0):
        return None
    if _military_clock(ctx.text, m.start(), m.group("n")):
        return None  # "at 1500 hrs": a clock time
    if re.fullmatch(YEAR4, m.group("n")) and not plural:
        return None  # "the 1988 quarter": a year modifying the unit, not 1,988 of them
    if m.group("sep").strip() == "-" and m.group("n")[:1].isdigit() and plural:
        return None
    if (
        m.group("n").lower() in ("a", "an")
        and not pre
        and not m.group("post")
        and _MEASURE_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
    ):
        return None  # "70 miles an hour": a speed
    if (
        m.group("n").lower() in ("a", "an")
        and not pre
        and not m.group("post")
        and _RATE.search(ctx.text, max(0, m.start() - 30), m.start())
    ):
        # A rate ("$2 million a year", "four flights a week") is a set in TimeML: once per unit.
        return Hit(m.start(), m.end(), "SET", duration(1, code)) if code not in ("S", "WE") else None
    if code == "S" and m.group("n").lower() in ("a", "an"):
        return None
    if code == "WE" and n == 1:
        return None
    if code == "Q" and (m.group("sep").strip() == "-" or m.group("n").lower() in ("a", "an", "one")):
        return None
    post = re.sub(r"^or\s+so\s+", "", (m.group("post") or "").strip().lower())
    if post == "before" and re.match(r"\s*(?:[.,;:)]|$)", ctx.text[m.end() : m.end() + 2]):
        post = "earlier"  # "up 60 pct from a year before.": nothing follows, so it counts back from the DCT
    if code == "SE" or (
        m.group("unit")[0].isupper() and m.group("n")[0].isdigit() and not _in_headline(ctx.text, m.start())
    ):
        return None  # "7 Days", "24 Hours": titles, except in a Title Case headline ("Gets 12 Years for Fraud")
    post = re.sub(r"\s+", " ", post)
    if post in ("ago", "ago today", "earlier", "back", "from now", "from today", "hence"):
        if n != int(n):
            return None
        sign = -1 if post in ("ago", "ago today", "earlier", "back") else 1
        value = shift(ctx.dct, sign * int(n), code)
        if post in ("from today", "ago today") and code in ("D", "W"):
            # "a week from today", "a week ago today": a day
            value = cal.day(cal.add_days(ctx.dct, sign * int(n) * (7 if code == "W" else 1)))
        elif post == "ago today" and code in ("M", "Y"):
            # "four years ago today": the anniversary
            value = cal.day(cal.add_months(ctx.dct, -int(n) * (12 if code == "Y" else 1)))
        if value is None:
            return None
        type_ = "TIME" if code in ("TM", "S") or (code == "H" and n < 24) else "DATE"
        year_back = code == "Y" and n == 1 and sign == -1
        return Hit(m.start(), m.end(), type_, value, quarter_shift=-1 if year_back else None)
    # A hyphenated compound is an adjective ("the 72-hour truce"): its determiner belongs to the noun.
    start = m.start("n") if m.group("sep").strip() == "-" and pre in ("the", "another") else m.start()
    return Hit(start, m.start("post") if post else m.end(), "DURATION", duration(n, code))


@rule(
    rf"\b(?P<pre>the\s+(?:past|last|next|coming|previous|following|first|early|remaining)\s+(?:(?:{VAGUE_NUMBERS})\s+)?|"
    rf"(?:the\s+)?(?:past|coming|recent)\s+|in\s+recent\s+|(?:{VAGUE_NUMBERS})\s+|"
    r"the\s+(?=(?:days|weeks|months|years)\s+(?:ahead|to\s+come))|"
    r"(?<!\d\s)(?=(?:days|weeks|months|years|decades)\s+ago\b)|"
    r"(?<=\bfor )|(?<=\bin )|(?<=\bover )|(?<=\bwithin )|(?<=\bthan )|(?<=\bafter )|"
    r"(?:(?<=[,;(] )|(?<=\bjust )|(?<=\bonly )|(?<=\bmere )|(?<=\bmerely ))"
    r"(?=(?:hours|days|weeks|months)\s+(?:before|after|later|earlier)\b))"
    r"(?P<unit>seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)"
    r"(?P<post>\s+ago|\s+(?:ahead|to\s+come))?\b(?![-\s]old)",
    needs=UNIT_NEEDS,
)
def vague_span(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "recent years", "the past few weeks", "several months", "for years", "the coming months", "years ago",
    "hours before the vote"."""
    pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower()).strip()
    code = _unit_code(m.group("unit"))
    post = (m.group("post") or "").strip().lower()
    start = m.start()
    if pre.startswith("in recent"):
        start = m.start() + 3
    if post == "ago":
        return Hit(start, m.end(), "DATE", "PAST_REF")
    if pre in ("the coming", "coming") and not post:
        return Hit(start, m.end(), "DATE", "FUTURE_REF")
    return Hit(start, m.end(), "DURATION", duration(None, code))


@rule(r"\b(?P<word>(?:year|day|week|month|decade)s?)[\s-]long\b", needs=("long",))
def long_adjective(m: re.Match[str], ctx: Context) -> Hit:
    """ "year-long", "decades-long" → a duration."""
    word = m.group("word").lower()
    code = _unit_code(word)
    return Hit(m.start(), m.end(), "DURATION", duration(None if word.endswith("s") else 1, code))


@rule(r"\b(?:a|one|half\s+an?)\s+(?:half[\s-])?(?P<unit>hour|day)\b(?=\s+(?:and\s+a\s+half))?", needs=("hour", "day"))
def half_units(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "a half hour", "half an hour" (the plain "an hour" is a counted duration)."""
    if "half" not in m.group(0).lower():
        return None
    return Hit(m.start(), m.end(), "DURATION", "PT30M" if m.group("unit").lower() == "hour" else "PT12H")


@rule(
    r"\b(?:the\s+(?:past|last|next|previous|coming|first|second)\s+|a\s+)?half[\s-](?P<unit>century|decade)\b",
    needs=("half",),
)
def half_century(m: re.Match[str], ctx: Context) -> Hit:
    """ "the past half-century", "a half-decade": fifty or five years."""
    return Hit(m.start(), m.end(), "DURATION", "P50Y" if m.group("unit").lower() == "century" else "P5Y")


# ----------------------------------------------------------------------------------------------------- sets
_UNIT_AFTER = re.compile(rf"\s+(?P<unit>{UNIT_WORDS})\b", re.IGNORECASE)
"""A unit right after "every second" ("every second day")."""


@rule(
    rf"\b(?:every|each)\s+(?P<other>other\s+)?(?:(?P<n>{NUM})(?:\s*(?:to|or|-|–)\s*{NUM})?\s+)?(?P<what>{UNIT_WORDS}|{WEEKDAY_RE}|{MONTH_RE}|"
    r"morning|afternoon|evening|night|spring|summer|fall|autumn|winter)\b"
    r"(?:\s+(?P<part>morning|afternoon|evening|night)\b)?",
    needs=("every", "each"),
)
def every(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "every week", "each Thursday", "every Tuesday morning", "every other month", "each July", "every three
    years", "every five to six days" (a range counts by its lower end)."""
    what = m.group("what").lower().rstrip(".")
    if re.search(r"\bworth\s+\Z", ctx.text[max(0, m.start() - 8) : m.start()], re.IGNORECASE):
        return None  # "worth every penny / second": praise, not a frequency
    if what == "second" and not m.group("n"):
        other = _UNIT_AFTER.match(ctx.text, m.end("what"))
        if other:  # "every second day": every other one
            end = other.end()
            return Hit(m.start(), end, "SET", duration(2, _unit_code(other.group("unit"))))
    n = parse_number(m.group("n")) if m.group("n") else 1
    if n is None:
        return None
    if m.group("other"):
        n *= 2
    if what in WEEKDAYS:
        part = f"T{PARTS_OF_DAY[m.group('part').lower()]}" if m.group("part") else ""
        return Hit(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[what]}{part}")
    end = m.end("what")  # "every day morning" is not a phrase: the part of day stays out
    if what in MONTHS:
        return Hit(m.start(), end, "SET", f"XXXX-{MONTHS[what]:02d}")
    if what in PARTS_OF_DAY:
        return Hit(m.start(), end, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}")
    if what in SEASONS:
        return Hit(m.start(), end, "SET", f"XXXX-{SEASONS[what]}")
    code = _unit_code(what)
    if code == "SE":
        return None
    if code == "WE" and n == 1:
        return Hit(m.start(), end, "SET", "XXXX-WXX-WE")  # "every weekend": each weekend, not every two days
    return Hit(m.start(), end, "SET", duration(n, code))


@rule(r"\b(?:on|at|over|during)\s+(?P<w>weekends)\b", needs=("weekends",))
def on_weekends(m: re.Match[str], ctx: Context) -> Hit:
    """ "on weekends": every weekend."""
    return Hit(m.start("w"), m.end(), "SET", "XXXX-WXX-WE")


_PUBLICATION = re.compile(
    r"\b(?:business|economic|economics|financial|official|national|regional|local|leading|influential|popular|"
    r"independent|liberal|conservative|opposition|pro-government|state-run|state-owned|government-run|party|"
    r"mass-circulation|tabloid|english-language|french-language|arabic-language|news|newsmagazine)\s+\Z",
    re.IGNORECASE,
)
_NAMED_AFTER = re.compile(
    rf"\s+(?:newspaper\b|paper\b|(?!(?:{WEEKDAY_RE}|{MONTH_RE})\b)(?-i:[A-Z][a-z]+)\b(?!\s+said))", re.IGNORECASE
)
"""What shows an adjective like "daily" is a publication: a press adjective before it, a paper's name after it."""

SET_ADVERBS = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "bimonthly": "P2M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "semiannually": "P6M",
    "biannually": "P6M",
}


@rule(r"\b(?P<w>" + "|".join(SET_ADVERBS) + r")\b", needs=("ly",))
def set_adverb(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "daily", "weekly", "annually", adverbs and adjectives alike (not in names like "the Daily Telegraph")."""
    if (
        m.group("w")[0].isupper()
        and m.start() > 0
        and ctx.text[m.start() - 2 : m.start()].strip() not in ("", ".", '"')
    ):
        return None
    if _PUBLICATION.search(ctx.text, max(0, m.start() - 30), m.start()) or _NAMED_AFTER.match(ctx.text, m.end()):
        return None  # "the business daily Nikkei", "a weekly, Der Spiegel": a publication, not a frequency
    return Hit(m.start(), m.end(), "SET", SET_ADVERBS[m.group("w").lower()])


_MEASURE_BEFORE = re.compile(
    r"\b(?:miles|mile|kilometres|kilometers|kilometre|kilometer|km|metres|meters|feet|knots|words|beats|frames|"
    r"revolutions|rounds|litres|liters|gallons|barrels|tonnes|tons|bits|bytes|megabits|gigabits|gigabytes|calls|"
    r"requests|transactions|cubic\s+\w+)\)?\s+\Z",
    re.IGNORECASE,
)


@rule(
    rf"\b(?:(?P<freq>once|twice|thrice|(?:{NUM})\s+times)\s+)?(?P<per>a|an|per)\s+(?P<unit>second|minute|hour|day|"
    r"week|month|quarter|year|decade|century)\b",
    needs=UNIT_NEEDS,
)
def per_unit(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "twice a week", "per year" → a set (rates like "$5 a month" are not annotated as times)."""
    if not m.group("freq") and m.group("per").lower() != "per":
        return None
    if not m.group("freq") and _MEASURE_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()):
        return None  # "125 miles per hour", "80 km an hour", "600 rounds a minute": a speed, not a recurring time
    return Hit(m.start(), m.end(), "SET", duration(1, _unit_code(m.group("unit"))))


@rule(r"\bper\s+annum\b|(?<![\w.])p\.a\.(?!\w)", needs=("annum", "p.a."))
def per_annum(m: re.Match[str], ctx: Context) -> Hit:
    """ "4.5 per cent per annum", "3% p.a.": yearly."""
    return Hit(m.start(), m.end(), "SET", "P1Y")


@rule(
    r"\b(?:the\s+(?:past|last|next|coming|previous|following|preceding|final|first)\s+|(?<=over\s)the\s+|(?<=during\s)the\s+|"
    r"another\s+)fortnight\b(?!['’]s)",
    needs=("fortnight",),
)
def relative_fortnight(m: re.Match[str], ctx: Context) -> Hit:
    """ "over the past fortnight", "in the next fortnight", "over the fortnight": two weeks up to or from the DCT."""
    return Hit(m.start(), m.end(), "DURATION", "P2W")


@rule(rf"\b(?P<h>{NUM})\s+hours?,?\s+and\s+(?P<m>{NUM})\s+minutes?\b", needs=("hour",))
def hours_and_minutes(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "two hours and 16 minutes": one duration."""
    hours, minutes = parse_number(m.group("h")), parse_number(m.group("m"))
    if hours is None or minutes is None or hours != int(hours) or minutes != int(minutes):
        return None
    return Hit(m.start(), m.end(), "DURATION", f"PT{int(hours)}H{int(minutes)}M")


@rule(
    r"\bthe\s+(?:(?:past|previous)\s+(?P<unit>minute|hour)|last\s+(?P<hour>hour))\b(?!\s+(?:of|before|in|to)\b)",
    needs=("minute", "hour"),
)
def last_small_unit(m: re.Match[str], ctx: Context) -> Hit:
    """ "in the past hour", "over the last hour": a span back from now (not the idiom "at the last minute")."""
    return Hit(m.start(), m.end(), "DURATION", duration(1, _unit_code(m.group("unit") or m.group("hour"))))


@rule(r"\banother\s+(?P<unit>hour|day|week|month|year|decade)\b(?![-\w])", needs=("another",))
def another_unit(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "closed for another week": one more of the unit (not "a story for another day", "another day's work")."""
    if m.group("unit").lower() == "day" and re.match(r"['’]s|\s*[.,;:!?]", ctx.text[m.end() : m.end() + 2]):
        return None
    return Hit(m.start(), m.end(), "DURATION", duration(1, _unit_code(m.group("unit"))))


@rule(r"\bthe\s+new\s+year\b(?!['’]s|\s+(?:holiday|break|eve|day|honours?|honors?|message|address)\b)", needs=("new",))
def new_year(m: re.Match[str], ctx: Context) -> Hit:
    """ "into the new year", "early in the New Year": the coming year, or the current one in its first two months or
    in a past-tense clause ("strikes over Christmas and the New Year had hurt sales")."""
    coming = ctx.dct.month > 2 and ctx.tense(m.start(), m.end()) != "past"
    return Hit(m.start(), m.end(), "DATE", f"{ctx.dct.year + coming:04d}")


# ----------------------------------------------------------------------------------------------- references
REF_WORDS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the medium term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
}


_ADVERBIAL_BEFORE = re.compile(r"\b(?:in|over|for|during|beyond)\s+\Z", re.IGNORECASE)
"""A preposition making "the long term" an adverbial ("in the long term the economy will recover")."""
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|but|as|than|to|in|of|for|on|at|is|are|was|were|will|would)\b)[a-z]")
"""A lower-case content word next: "the long term" is then an adjective ("the long term bond market")."""


@rule(r"\b(?P<w>" + alternation(REF_WORDS) + r")\b(?!-)")
def reference(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "now", "currently", "recently", "the past", "the future"."""
    word = re.sub(r"\s+", " ", m.group("w").lower())
    if " " in m.group("w") and m.group("w").split()[-1][:1].isupper():
        return None  # "Exploring the Future of ...", "Back to the Future": a title
    after = ctx.text[m.end() : m.end() + 20].lower()
    if word == "the present" and re.match(r"\s+(?:tense|value|case)", after):
        return None
    if word in ("the past", "the future") and re.match(r"\s+(?:tense|perfect)\b", after):
        return None
    if word == "current" and re.match(r"\s+(?:account|accounts|affairs|events|assets|liabilities)\b", after):
        return None
    if word in ("current", "recent") and not re.match(r"\s+[a-z]", after):
        return None
    if (
        word.endswith(" term")
        and _NOUN_AFTER.match(after)
        and not _ADVERBIAL_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    ):
        return None  # "the long term interest rate": an adjective, not the long run
    return Hit(m.start(), m.end(), "DATE", REF_WORDS[word])


@rule(
    r"\b(?:(?P<since>since)\s+)?(?:(?:the|around|by|at)\s+)?"
    r"(?:(?P<point>year-end)|year\s+end|year's\s+end|the\s+end\s+of\s+the\s+year)\b",
    needs=("year",),
)
def year_end(m: re.Match[str], ctx: Context) -> Hit:
    """ "year-end", "by year's end", "the end of the year" (the previous year's after "since").

    The accounting compound "year-end" is the closing date, 31 December; "the end of the year" and "year's end" are the
    year itself with TimeML's ``mod="END"``, whose value is the year (as for "the end of the month").
    """
    start = m.end("since") if m.group("since") else m.start()
    lead = re.match(r"\s*(?:(?:by|at)\s+)?", ctx.text[start : m.end()])
    start += lead.end() if lead else 0
    y = ctx.dct.year - (1 if m.group("since") else 0)
    return Hit(start, m.end(), "DATE", f"{y:04d}-12-31" if m.group("point") else f"{y:04d}")


@rule(
    r"\b(?:(?:the|a|its)\s+)?(?:comparable\s+)?year[\s-](?:earlier|ago)(?:\s+(?:comparable\s+)?"
    r"(?P<unit>period|quarter|results|level|figure|figures))?\b",
    needs=("year",),
)
def year_earlier(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "year-earlier", "the year-ago period": the year before the DCT, or the quarter before the one discussed."""
    whole = m.group("unit") in ("period", "quarter")
    if not whole:
        lead = re.match(r"(?:(?:the|a|its)\s+)?", m.group(0), re.IGNORECASE)
        start = m.start() + (lead.end() if lead else 0)
        end = m.start("unit") - 1 if m.group("unit") else m.end()
        if start >= end:
            return None
        return Hit(start, end, "DATE", f"{ctx.dct.year - 1:04d}", quarter_shift=-1)
    return Hit(m.start(), m.end(), "DATE", f"{ctx.dct.year - 1:04d}", quarter_shift=-1)


@rule(
    r"\b(?:(?:the|its)\s+(?:same\s+|corresponding\s+|comparable\s+)?(?:fiscal\s+)?(?:quarter|period)\s+"
    r"(?:a\s+year\s+(?:ago|earlier|before)|(?:of\s+|in\s+)?(?:last\s+year|the\s+(?:previous|prior|preceding)\s+year))|"
    r"last\s+year's\s+(?:same\s+|corresponding\s+|comparable\s+)?(?:fiscal\s+)?(?:quarter|period))\b",
    needs=("quarter", "period"),
)
def period_a_year_before(m: re.Match[str], ctx: Context) -> Hit:
    """ "the quarter a year ago", "the same period last year", "last year's quarter": in an earnings report the quarter
    under discussion one year back (the previous year when no quarter was named)."""
    return Hit(m.start(), m.end(), "DATE", f"{ctx.dct.year - 1:04d}", quarter_shift=-1)


@rule(r"\b(?:the\s+)?(?:latest|most\s+recent|current|same)\s+(?:fiscal\s+)?period\b", needs=("period",))
def latest_period(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "the latest period": the reporting quarter under discussion (kept only when a quarter was mentioned)."""
    return Hit(m.start(), m.end(), "DATE", None, quarter_shift=0)


@rule(rf"\bthe\s+(?P<y>{YEAR4})\s+(?:fiscal\s+)?(?:period|quarter)\b", needs=("period", "quarter"))
def year_period(m: re.Match[str], ctx: Context) -> Hit:
    """ "the 1988 period": that year's instance of the quarter under discussion (or just the year)."""
    y = int(m.group("y"))
    return Hit(m.start(), m.end(), "DATE", f"{y:04d}", "absolute", quarter_year=y)


_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_DIGITS = "one|two|three|four|five|six|seven|eight|nine"


_SPOKEN = (
    rf"(?P<a>eighteen|nineteen|twenty)[\s-](?:(?P<t>{_TEENS})|(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|"
    rf"eighty|ninety)(?:[\s-](?P<o>{_DIGITS}))?|oh[\s-](?P<oh>{_DIGITS}))"
    rf"|(?P<k>two[\s-]thousand)(?:(?:\s+and)?[\s-](?P<ko>{_TEENS}|{_DIGITS}))?"
)


_TIME_PREPOSITION = re.compile(r"\b(?:in|by|until|since|before|after)\s+$", re.IGNORECASE)


def _spoken_year_value(m: re.Match[str]) -> int | None:
    """The year read out in a :data:`_SPOKEN` match: "nineteen ninety-six" → 1996, "two thousand and one" → 2001."""
    if m.group("k"):
        return 2000 + int(parse_number(m.group("ko")) or 0) if m.group("ko") else 2000
    century = parse_number(m.group("a"))
    rest_words = m.group("t") or m.group("oh") or (m.group("tens") + (" " + m.group("o") if m.group("o") else ""))
    rest = parse_number(rest_words)
    return None if century is None or rest is None else int(century * 100 + rest)


@rule(
    rf"\b(?:(?P<lead>the\s+year)\s+|(?P<m>{MONTH_RE})\s+|(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?)?"
    rf"(?:{_SPOKEN})\b(?![\s-](?:{UNIT_WORDS}|percent|people|dollars))",
    needs=("eighteen", "nineteen", "twenty", "thousand"),
)
def spoken_year(m: re.Match[str], ctx: Context) -> Hit | None:
    """Years read out as words in broadcast transcripts: "nineteen ninety-six", "the year two thousand", "January
    nineteen ninety-seven", "the winter of nineteen ninety-four"."""
    value = _spoken_year_value(m)
    if value is None:
        return None
    # A bare "two thousand" is a count far more often than a year, unless a preposition of time introduces it.
    before = ctx.text[max(0, m.start() - 8) : m.start()]
    introduced = m.group("lead") or m.group("m") or m.group("s") or _TIME_PREPOSITION.search(before)
    if m.group("k") and not introduced:
        return None
    if m.group("m"):
        if not _capitalised_month(m.group("m")):
            return None
        return Hit(m.start(), m.end(), "DATE", cal.month(value, _month_of(m.group("m"))), "absolute")
    if m.group("s"):
        return Hit(m.start(), m.end(), "DATE", f"{value:04d}-{SEASONS[m.group('s').lower()]}", "absolute")
    return Hit(m.start(), m.end(), "DATE", f"{value:04d}", "absolute")


# -------------------------------------------------------------------------------------------- event anchors
EVENT_NOUNS = (
    r"war|conflict|fighting|ceasefire|cease-fire|truce|armistice|election|elections|vote|referendum|attack|attacks|"
    r"invasion|incursion|offensive|coup|revolution|uprising|summit|talks|meeting|crisis|earthquake|quake|hurricane|"
    r"storm|cyclone|typhoon|flood|floods|flooding|tsunami|pandemic|epidemic|outbreak|bombing|bombings|shooting|"
    r"massacre|strike|strikes|airstrike|airstrikes|protests|riots|independence|collapse|withdrawal|agreement|accord|"
    r"deal|treaty|inauguration|funeral|olympics|games|visit|trial|verdict|arrest|occupation|siege|explosion|blast|"
    r"crash|disaster|killing|killings|assassination|merger|takeover|acquisition|hostilities|raid|raids|"
    r"kidnapping|abduction|hijacking|ruling|launch|announcement|resignation|death|surgery|hearing|debate|primary|"
    r"primaries|ceremony|negotiations|reforms?|unification|partition|genocide|famine|drought|recession|downturn|"
    r"shutdown|lockdown|evacuation|transition|handover|earthquakes|quakes|fall|ouster|overthrow|annexation|"
    r"crackdown|uprisings|storming|murder|breakup|dissolution|reunification|exit|departure"
)


_ANCHOR_NEEDS = (
    "since", "after", "before", "until", "following", "during", "ahead", "prior", "wake", "eve", "run-up", "aftermath",
    "time of", "throughout", "amid",
)  # fmt: skip
_ANCHOR_PREP = (
    r"(?P<prep>since|after|before|until|following|during|ahead\s+of|prior\s+to|in\s+the\s+wake\s+of|on(?=\s+the\s+eve\b)|"
    r"in\s+the\s+run-up\s+to|in\s+the\s+aftermath\s+of|at\s+the\s+time\s+of|throughout|amid)\s+"
    r"(?:the\s+(?P<part>onset|start|beginning|end|outbreak|eve|aftermath|height|launch|close|conclusion|first\s+day|"
    r"last\s+day)\s+of\s+)?"
)


@rule(rf"\b{_ANCHOR_PREP}(?:the\s+)?(?P<name>{anchors.name_pattern()})(?![\w-])", needs=_ANCHOR_NEEDS)
def known_event_anchor(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "since the full-scale invasion", "after 9/11": anchored on an event the knowledge base dates."""
    event = anchors.by_name(m.group("name"), ctx.dct)
    if event is None:
        return None  # a later event of that name cannot be meant; a date inside the phrase is read as usual
    return Hit(m.start(), m.end(), "DATE", event.value_for(m.group("part")), "event", known=event.name)


@rule(
    rf"(?<![\w/])(?P<name>{anchors.dated_name_pattern()})(?![\w-])",
    re.IGNORECASE,
    needs=(*MONTH_NEEDS, "/"),
)
def dated_known_event(m: re.Match[str], ctx: Context) -> Hit | None:
    """ "in the Jan. 6 attack", "the 9/11 commission": the day a known event's name opens with is that event's."""
    event = anchors.by_name(m.group("name"), ctx.dct)
    day = anchors.DATED_NAME.match(m.group("name").lower())
    if event is None or day is None or len(event.date) != 10:
        return None
    return Hit(m.start(), m.start() + day.end(), "DATE", event.date, "absolute", known=event.name)


@rule(
    rf"\b{_ANCHOR_PREP}(?P<det>the|a|an|his|her|their|its|this|that|last\s+\w+'s|this\s+\w+'s)\s+"
    r"(?P<mods>(?:[\w'-]+\s+){0,3}?)(?P<event>" + EVENT_NOUNS + r")\b",
    needs=_ANCHOR_NEEDS,
)
def event_anchor(m: re.Match[str], ctx: Context) -> Hit:
    """ "since the onset of the conflict", "after the ceasefire": anchored on an event, dated only if known.

    A bare head after "the" ("since the war", "after the civil war") is the known event the article's cues single
    out, if any; another modifier ("the Soviet invasion") or a number ("the 2010 quake") says it is some other one.
    """
    event = None
    if m.group("det").lower() == "the" and not any(ch.isdigit() for ch in m.group(0)):
        event = anchors.by_head(m.group("mods") + m.group("event"), ctx.cued_events(), ctx.dct)
    if event is None:
        return Hit(m.start(), m.end(), "DATE", None, "event")
    return Hit(m.start(), m.end(), "DATE", event.value_for(m.group("part")), "event", known=event.name)
