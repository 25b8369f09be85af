"""TimeML values as calendar intervals, so that dates of any granularity can be compared."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a calendar TimeML value (day, week, month, quarter, year); else None."""
    if not value:
        return None
    try:
        if match := _DAY.match(value):
            day = dt.date(*(int(g) for g in match.groups()))
            return day, day
        if match := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if match := _MONTH.match(value):
            year, month = int(match[1]), int(match[2])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if match := _QUARTER.match(value):
            year, quarter = int(match[1]), int(match[2])
            first = dt.date(year, 3 * quarter - 2, 1)
            last_month = 3 * quarter
            return first, dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        if match := _YEAR.match(value):
            year = int(match[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return None
