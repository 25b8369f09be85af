"""Run the temporal grammar over a text and turn its hits into non-overlapping :class:`~dateline.model.Timex`."""

from __future__ import annotations

import datetime as dt
import logging
import re

from spacy.tokens import Doc

from dateline.model import Timex
from dateline.time.calendar import (
    add_days,
    add_months,
    day,
    granularity_of,
    is_valid_value,
    month,
    safe_date,
    week,
    weekday_near,
)
from dateline.time.grammar import RULES, Context, Hit
from dateline.time.lexicon import MONTH_RE, REPORTED_PAST, alternation
from dateline.time.tense import SENTENCE_END

log = logging.getLogger(__name__)

_LEFT_MODIFIER = re.compile(
    r"(?:\b(?:the\s+)?(?:very\s+)?(?:(?:early|late|earlier|later)(?:\s+in)?|mid|(?:end|beginning|start|middle|turn|close|"
    r"first\s+half|second\s+half|last\s+half|first\s+part|latter\s+part|rest|remainder|balance|dawn)\s+of)"
    r"(?:\s+the)?[\s-]+|\bmid-)$",
    re.IGNORECASE,
)
_EXTENDABLE = {"DATE", "TIME"}
_BARE_MONTH = re.compile(MONTH_RE, re.IGNORECASE)
_BARE_PART = re.compile(r"(?:(?:early|late|mid)[\s-]*)?(?:morning|afternoon|evening|night)", re.IGNORECASE)
_PART_LINK = re.compile(r"\s*(?:,\s*)?(?:or|and|into)\s+(?:the\s+)?", re.IGNORECASE)
"""What joins a dated part of day to a bare one ("Sunday afternoon or early evening")."""
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+(?:week|month|quarter|period)\s+(?:ended|ending)\s+)?\Z", re.IGNORECASE)
"""A date after "since" ("the worst drop since Oct. 13, 1989", "since the week ended Oct. 13") is a point of
comparison, not the narrated day."""
_COMPARED_BEFORE = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?)\s+(?:about\s+|some\s+)?[$€£]?\d[\d.,]*"
    r"(?:\s+(?:million|billion|percent|pct|points?|shares|%))?\s+(?:on\s+)?\Z",
    re.IGNORECASE,
)
"""A day a figure is compared with ("volume fell to 148 million, down from 176.5 million Thursday"): a point of
comparison, not the day being narrated."""


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """Whether an expression sits in a short parenthetical aside ("at 6:42 am local time (2242 GMT Tuesday)"): an aside
    converts or glosses a date; it does not move the story to another day."""
    opening = text.rfind("(", max(0, start - 40), start)
    if opening < 0 or text.rfind(")", opening, start) >= 0:
        return False
    closing = text.find(")", end, end + 40)
    return closing >= 0 and text.find("(", end, closing) < 0


_SAID_BEFORE = re.compile(
    rf"\b(?:says|told\s+(?:reporters|[A-Z]\w+|the\s+\w+)|{alternation(w for w in REPORTED_PAST if w != 'told')})"
    r"\s+(?:on\s+)?\Z"
)
"""The day a statement was made ("officials said Tuesday"): when it was said, not the day the story narrates (a year
after the verb is its object: "reported 1986 earnings")."""


def _same_text(doc: Doc, text: str) -> bool:
    """Whether ``doc`` was made from ``text``, checked on token boundaries (``Doc.text`` is rebuilt on each access)."""
    if not len(doc):
        return not text.strip()
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text) and text.startswith(doc[0].text, doc[0].idx)


def _rule_hits(ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    lower = ctx.text.lower()
    gates: dict[re.Pattern[str], bool] = {}
    for rule in RULES:
        if rule.needs and not any(word in lower for word in rule.needs):
            continue
        if rule.gate is not None:
            if rule.gate not in gates:
                gates[rule.gate] = rule.gate.search(ctx.text) is not None
            if not gates[rule.gate]:
                continue
        handler = rule.handler
        for match in rule.pattern.finditer(ctx.text):
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
    """Keep the longest hits that do not overlap; unknown event anchors only where no calendar expression is.

    A known event goes first: "since the Jan. 6 attack" means that event's date, not this year's January 6.
    """
    chosen: list[Hit] = []
    taken = bytearray(max((h.end for h in hits), default=0))
    ordered = sorted(
        hits, key=lambda h: (h.anchor == "event" and h.known is None, -(h.end - h.start), h.known is None, h.start)
    )
    for hit in ordered:
        if hit.end <= hit.start or any(taken[hit.start : hit.end]):
            continue
        chosen.append(hit)
        taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    return sorted(chosen, key=lambda h: h.start)


_LIST_LINK = re.compile(
    r"\s*,\s*|[\s,]*(?:(?:and|or|to|through|thru|until|till|-|–)[\s,]+|and\s+(?:[a-z]+\s+){0,2}(?:to|through|until|till)\s+)",
    re.IGNORECASE,
)
"""What joins the months of a list or range ("May, June and July", "from May to October", "and lasts to")."""


def _extend_left(text: str, hit: Hit, floor: int) -> int:
    """Start of the hit after taking in "early", "the end of", "mid-" and similar modifiers just before it."""
    if hit.type not in _EXTENDABLE or hit.anchor == "event" or (hit.value or "").endswith("_REF"):
        return hit.start
    window_start = max(floor, hit.start - 40)
    match = _LEFT_MODIFIER.search(text[window_start : hit.start])
    return window_start + match.start() if match else hit.start


_PERIOD_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12, "Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7}
"""First month of a season, quarter or half: where "the following January" after "the fall of 2013" counts from."""


def _as_reference(value: str) -> tuple[dt.date, str] | None:
    """A mentioned date as a narrative reference point: the date and whether a day, month or year is known (a
    season, quarter or half counts as its first month)."""
    period = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])", value)
    if period:
        date = safe_date(int(period.group(1)), _PERIOD_START[period.group(2)], 1) if int(period.group(1)) else None
        return (date, "month") if date else None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)", value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    grain = "day" if m.group(3) else ("month" if m.group(2) else "year")
    date = safe_date(y, mo, d) if y >= 1 else None
    return (date, grain) if date else None


def _covers(reference: tuple[dt.date, str], day_: dt.date) -> bool:
    """Whether a month or year reference contains the day."""
    date, grain = reference
    return date.year == day_.year and (grain == "year" or date.month == day_.month)


def _from_reference(reference: tuple[dt.date, str], code: str, step: int) -> str | None:
    """The value ``step`` units from the reference point, if the reference is fine-grained enough for the unit.

    Besides the units ``D``/``W``/``M``/``Y``, ``WD<n>`` is ISO weekday ``n`` before (``step`` -1) or after (+1) the
    reference day, ``T<part>`` that part of the reference day, or of the day ``step`` days after it ("in the
    morning" after "on Friday", "the next morning"), and ``MO<n>`` / ``SE<season>`` month ``n`` or the season in the
    reference's year (``step`` 0: "that May"), or the first one after (+1: "the following January") or before it.
    """
    date, grain = reference
    if code.startswith(("MO", "SE")):
        first = int(code[2:]) if code.startswith("MO") else _PERIOD_START[code[2:]]
        if step == 0 or grain == "year":
            year = date.year + step
        elif step > 0:
            year = date.year if first > date.month else date.year + 1
        else:
            year = date.year if first < date.month else date.year - 1
        if not 1 <= year <= 9999:
            return None
        return month(year, first) if code.startswith("MO") else f"{year:04d}-{code[2:]}"
    if code.startswith("WD") and grain == "day":
        return day(weekday_near(date, int(code[2:]), 2 * step))
    if code.startswith("T") and grain == "day":
        return f"{day(add_days(date, step))}{code}"
    if code == "D" and grain == "day":
        return day(add_days(date, step))
    if code == "W" and grain == "day":
        return week(add_days(date, 7 * step))
    if code == "M" and grain in ("day", "month"):
        moved = add_months(date, step)
        return month(moved.year, moved.month)
    if code == "Y":
        return f"{date.year + step:04d}" if 1 <= date.year + step <= 9999 else None
    return None


def find_timexes(text: str, dct: dt.date, doc: Doc | None = None) -> list[Timex]:
    """All temporal expressions in ``text``, normalised to TimeML values against the document date ``dct``.

    ``doc`` (a spaCy parse of the same text) sharpens tense decisions but is optional. Offsets are character offsets
    into ``text``; expressions anchored on events carry ``anchor="event"`` and no value. Never raises on any input.
    """
    if not isinstance(text, str) or not text:
        return []
    if doc is not None and not _same_text(doc, text):
        doc = None
    ctx = Context(text=text, dct=dct, doc=doc)
    result: list[Timex] = []
    floor = 0
    reported_quarter: tuple[int, int] | None = None
    # The last date the text named, and the last one named to the day: "at 3 p.m." after "convicted Tuesday ... two
    # years ago" is on Tuesday; "the following year" counts from whatever came last.
    reference: tuple[dt.date, str] | None = None
    day_reference: tuple[dt.date, str] | None = None
    listed: tuple[int, int, int] | None = None  # end offset, year and month of the last month named
    bare_months: list[int] = []  # where in the result the bare months ("June") of the current list of months are
    listed_day: tuple[int, dt.date] | None = None  # end offset and date of the last bare weekday named
    last_day: tuple[int, dt.date] | None = None  # end offset and day of the last expression dated to the day
    for hit in _select(_rule_hits(ctx)):
        value = hit.value if hit.value is not None and is_valid_value(hit.value) else None
        month_value = re.fullmatch(r"(\d{4})-(\d{2})", value or "")
        closes_list = False
        if month_value and hit.type == "DATE":
            mo, bare = int(month_value.group(2)), _BARE_MONTH.fullmatch(text, hit.start, hit.end) is not None
            linked = listed is not None and _LIST_LINK.fullmatch(text, listed[0], hit.start) is not None
            if not linked:
                bare_months = []
            if bare:
                if linked and listed is not None:
                    # "in May, June, July and August", "starts in May and lasts to October": a list or range runs
                    # forward from the month before it, whatever the tense says of each month alone.
                    value = month(listed[1] if mo >= listed[2] else listed[1] + 1, mo)
                bare_months.append(len(result))
            else:
                closes_list = bool(bare_months)
            listed = (hit.end, int(value[:4]), mo)
        if (
            last_day is not None
            and value is not None
            and hit.type == "TIME"
            and _BARE_PART.fullmatch(text, hit.start, hit.end)
            and _PART_LINK.fullmatch(text, last_day[0], hit.start)
        ):
            # "late Sunday afternoon or early evening": a bare part of day joined to a dated one shares its day.
            value = day(last_day[1]) + value[10:]
        if hit.weekday is not None and value is not None:
            if (
                listed_day is not None
                and listed_day[1] > dct
                and hit.start - listed_day[0] < 150
                and not SENTENCE_END.search(text, listed_day[0], hit.start)
            ):
                # "The heats are on Tuesday, with the final on Thursday": days listed after a day still to come take the
                # occurrence nearest the day before them, either side, never before the article date, whatever the
                # tense says of each alone.
                after, before = (
                    weekday_near(listed_day[1], hit.weekday, 1),
                    weekday_near(listed_day[1], hit.weekday, -1),
                )
                own = dt.date.fromisoformat(value[:10])
                near = before if before > dct and (listed_day[1] - before) < (after - listed_day[1]) else after
                # A day the grammar already put in the week after the one before it ("next week's fixtures: Tuesday,
                # ...; Saturday, ...") stays there.
                value = day(own if own == after else near) + value[10:]
            listed_day = (hit.end, dt.date.fromisoformat(value[:10]))
        unplaced_clock = False  # a bare clock time put on the article's day for want of a fitting narrated day
        if hit.narrative is not None:
            code, step = hit.narrative
            base = day_reference if code in ("D", "W") or code.startswith(("WD", "T", "U", "P")) else reference
            if code.startswith(("U", "P")) and base is not None:
                # A clock time still to come is on a narrated day not yet past; one gone by ("said shortly after
                # 2 p.m.", after "cuts due to begin Wednesday") on a narrated day not still to come.
                base = base if (base[0] >= dct if code[0] == "U" else base[0] <= dct) else None
                code = "T" + code[1:]
                unplaced_clock = base is None
            if base is not None:
                value = _from_reference(base, code, step) or value
        if reported_quarter is not None and hit.quarter_year is not None:
            value = f"{hit.quarter_year:04d}-Q{reported_quarter[1]}"
        elif reported_quarter is not None and hit.quarter_shift is not None:
            value = f"{reported_quarter[0] + hit.quarter_shift:04d}-Q{reported_quarter[1]}"
        elif hit.quarter_shift == 0 and value is None:
            continue
        elif hit.quarter_shift in (None, 0) and hit.quarter_year is None:
            # The quarter an earnings story reports on is the first one it names (in its lead); later quarters are
            # asides ("after a flat second quarter"), and quarters derived from it ("a year ago") never replace it.
            quarter = re.fullmatch(r"(\d{4})-Q([1-4])", value or "")
            if reported_quarter is None and quarter and int(quarter.group(1)) >= dct.year - 1:
                # Earnings stories report a recent quarter; "the third quarter of 1984" is history, not the subject.
                reported_quarter = (int(quarter.group(1)), int(quarter.group(2)))
        if value is None and hit.anchor != "event":
            continue
        if (
            hit.type in ("DATE", "TIME")
            and value is not None
            and hit.anchor != "event"
            and hit.known is None
            and hit.narrated
            and not unplaced_clock
            and not _SINCE_BEFORE.search(text, max(0, hit.start - 40), hit.start)
            and not _COMPARED_BEFORE.search(text, max(0, hit.start - 50), hit.start)
            and not _in_parentheses(text, hit.start, hit.end)
            and not (len(value) >= 10 and _SAID_BEFORE.search(text, max(0, hit.start - 30), hit.start))
        ):
            # A known event's date ("the Jan. 6 riot") is not the day the article is narrating, nor a point of
            # comparison after "since" ("the worst drop since Oct. 13, 1989").
            named = _as_reference(value)
            if named is not None:
                reference = named
                if named[1] == "day":
                    day_reference = named
                elif (
                    hit.anchor == "absolute"
                    and day_reference is not None
                    and named[0] > day_reference[0]
                    and not _covers(named, day_reference[0])
                ):
                    # "founded on June 3, 2019. In 2023 it moved ...": the story has moved on past that day; a look
                    # back ("unbeaten since January 2023") or an aside counted from the DCT ("two years ago") has not.
                    day_reference = None
        if value is not None and re.match(r"\d{4}-\d{2}-\d{2}", value) and hit.type in ("DATE", "TIME"):
            last_day = (hit.end, dt.date.fromisoformat(value[:10]))
        start = _extend_left(text, hit, floor)
        plural_decade = re.fullmatch(r"\d{3}", value or "") is not None  # "the 1990's" is a decade, not a possessive
        possessive = text[start : hit.end].endswith(("'s", "’s")) and hit.end - start > 2 and not plural_decade
        end = hit.end - 2 if possessive else hit.end
        floor = hit.end
        if closes_list and value is not None and re.fullmatch(r"\d{4}-\d{2}", value):
            # "between March and August of last year", "from May to July 2015": the bare months before a month with
            # its year run up to it.
            year_, mo = int(value[:4]), int(value[5:7])
            for i in reversed(bare_months):
                earlier = int(result[i].value[5:7])  # type: ignore[index]
                year_ = year_ if earlier <= mo else year_ - 1
                result[i] = result[i].model_copy(update={"value": month(year_, earlier)})
                mo = earlier
            bare_months = []
        result.append(
            Timex(
                text=text[start:end],
                start=start,
                end=end,
                type=hit.type,  # type: ignore[arg-type]
                value=value,
                granularity=granularity_of(value, hit.type),
                anchor=hit.anchor,  # type: ignore[arg-type]
                anchor_event=hit.known,
            )
        )
    return result
