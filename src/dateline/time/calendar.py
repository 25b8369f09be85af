"""Calendar arithmetic and TimeML value formatting used by the grammar's normalisers."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hijridate import Gregorian, Hijri

from dateline.model import Granularity

_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_CLOCK = r"(?:(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?)?|MO|AF|EV|NI|MI|DT)"
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
VALUE_RE = re.compile(
    r"(?:PRESENT_REF|PAST_REF|FUTURE_REF)"
    rf"|(?:\d{{4}}|XXXX)(?:-{_MONTH}(?:-{_DAY})?)?(?:T{_CLOCK})?"
    rf"|(?:\d{{4}}|XXXX)-W(?:0[1-9]|[1-4]\d|5[0-3]|XX)(?:-(?:[1-7]|WE))?(?:T{_CLOCK})?"
    r"|\d{4}-(?:Q[1-4X]|H[12]|SP|SU|FA|WI)"
    r"|XXXX-(?:SP|SU|FA|WI)"
    r"|\d{2,3}"
    rf"|P(?=[\dX.]*[YMWD]|T)(?:{_AMOUNT}Y)?(?:{_AMOUNT}M)?(?:{_AMOUNT}W)?(?:{_AMOUNT}D)?"
    rf"(?:T(?=[\dX.]*[HMS])(?:{_AMOUNT}H)?(?:{_AMOUNT}M)?(?:{_AMOUNT}S)?)?"
)
"""Every value :func:`dateline.time.find_timexes` may return (dates, weeks, quarters, seasons, decades, durations)."""


def is_valid_value(value: str) -> bool:
    """Whether ``value`` is a TimeML value of the forms this package produces."""
    return VALUE_RE.fullmatch(value) is not None


def day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def month(year: int, m: int) -> str:
    return f"{year:04d}-{m:02d}"


def week(d: dt.date) -> str:
    """The ISO week value containing ``d``, e.g. ``2024-W12``."""
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by whole months, the day clamped to the target month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, m = divmod(index, 12)
    year = min(max(year, 1), 9999)
    return dt.date(year, m + 1, min(d.day, calendar.monthrange(year, m + 1)[1]))


def add_days(d: dt.date, days: int) -> dt.date:
    """``d`` moved by ``days``, clamped to the representable range."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def safe_date(year: int, m: int, d: int) -> dt.date | None:
    """A date or ``None`` when the parts do not form one."""
    try:
        return dt.date(year, m, d)
    except ValueError:
        return None


def weekday_near(dct: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of ISO ``weekday`` (1=Mon) nearest the DCT: 0 same week, -1 the last one before, +1 the next one after.

    A weekday equal to the DCT's own weekday is the DCT itself unless the direction is explicit (``-2``/``+2`` mean
    "last"/"next" said in the text: strictly before/after).
    """
    delta = weekday - dct.isoweekday()
    if direction == 0:
        return add_days(dct, delta)
    if direction in (-1, -2):
        if delta > 0 or (delta == 0 and direction == -2):
            delta -= 7
        return add_days(dct, delta)
    if delta < 0 or (delta == 0 and direction == 2):
        delta += 7
    return add_days(dct, delta)


def nth_weekday(year: int, m: int, weekday: int, n: int) -> dt.date | None:
    """The ``n``-th (``-1`` = last) ISO ``weekday`` of a month."""
    days = [dt.date(year, m, d) for d in range(1, calendar.monthrange(year, m)[1] + 1)]
    matching = [d for d in days if d.isoweekday() == weekday]
    if n == -1:
        return matching[-1]
    return matching[n - 1] if 0 < n <= len(matching) else None


def hijri_day(year: int, month: int, day: int) -> dt.date | None:
    """The first day of Gregorian ``year`` that is ``day`` of Hijri ``month`` in the Umm al-Qura calendar (covered
    for 1924–2077; ``None`` outside it): Eid al-Fitr is 1 Shawwal (month 10), Eid al-Adha 10 Dhu al-Hijjah (12)."""
    try:
        first = Gregorian(year, 1, 1).to_hijri().year
        for hijri_year in (first, first + 1):
            g = Hijri(hijri_year, month, day).to_gregorian()
            if g.year == year:
                return dt.date(g.year, g.month, g.day)
    except (OverflowError, ValueError):
        return None
    return None


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month_, day_ = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month_, day_ + 1)


def nearest_year(dct: dt.date, m: int, d: int | None, tense: str | None, certain: bool = False) -> int:
    """The year for a month (and day) given without one: the occurrence nearest the DCT, bent by a clear tense.

    News mostly refers to dates close to its own; a past-tense clause pushes a date lying four months or more ahead
    (any date ahead, if the past tense is ``certain``: "prices rose in January", written in December) back a year, a
    future-tense clause pushes a month already gone (a day more than a month behind) forward a year ("will rule in
    December", written in January); of two equally near occurrences (six months either way) the past one wins, as
    news reports more than it announces.
    """

    def offset(year: int) -> int:
        if d is None:
            return 30 * ((year * 12 + m) - (dct.year * 12 + dct.month))
        target = safe_date(year, m, d) or safe_date(year, m, 28) or dt.date(year, m, 1)
        return (target - dct).days

    best = min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: (abs(offset(y)), y))  # ties: the past one
    if tense == "past" and offset(best) >= (1 if certain else 120):
        best -= 1
    elif tense == "future" and offset(best) < (-30 if d is not None else 0):
        best += 1
    return best


def granularity_of(value: str | None, kind: str) -> Granularity:
    """The model's granularity for a TimeML value."""
    if not value or value.endswith("_REF"):
        return "none"
    if kind in ("DURATION", "SET") and value.startswith("P"):
        unit = value.rstrip("0123456789.X")[-1:] if not value[-1].isalpha() else value[-1]
        if "T" in value:
            return "time"
        return {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter"}.get(unit, "none")
    if "T" in value:
        return "time"
    if "-W" in value:
        return "week" if value.count("-") == 1 else ("day" if value[-1].isdigit() else "week")
    if re.fullmatch(r"[\dX]{4}-(?:\d{2}|XX)-(?:\d{2}|XX)", value):
        return "day"
    if re.fullmatch(r"[\dX]{4}-(?:\d{2}|XX)", value):
        return "month"
    if re.fullmatch(r"[\dX]{4}-(?:Q.|H.)", value):
        return "quarter"
    if re.fullmatch(r"[\dX]{4}-(?:SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"[\dX]{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    return "none"
