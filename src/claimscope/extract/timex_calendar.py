"""Calendar arithmetic for TIMEX3 values: shifting dates, resolving years, value ranges.

Pure functions on ``datetime.date``; no spaCy. ``timex.py`` uses them to turn "August 20",
"last week" or "three weeks ago" into TIMEX3 values, and ``value_range`` turns any resolved
value back into the first and last calendar day it covers.

Example:
    >>> import datetime as dt
    >>> value_range("2025-W33")
    (datetime.date(2025, 8, 11), datetime.date(2025, 8, 17))
    >>> month_day_near(8, 20, dt.date(2025, 8, 21), "past")
    datetime.date(2025, 8, 20)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

#: Where an unqualified date lies from publication: reported ("past": the last one), announced
#: ("future": the next one), or, when the clause does not say, the nearer of the two.
Direction = Literal["past", "future", "nearest"]

#: TIMEX3 season codes with the month each (meteorological, northern-hemisphere) season starts.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-([QH])(\d)")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEARS = re.compile(r"\d{2,4}")


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or ``None`` where it does not exist (February 30, year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` TIMEX3 units (D, W, M, Q, Y, DE, CE); sub-day units: 0 days."""
    if unit == "D":
        return day + dt.timedelta(days=amount)
    if unit == "W":
        return day + dt.timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:  # hours, minutes, seconds: the publication date is as fine as we know
        return day
    return add_months(day, amount * months)


def week_value(day: dt.date) -> str:
    """The ISO week holding ``day``, as a TIMEX3 value: ``2025-W33``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_day_near(
    month: int, day: int, published: dt.date, direction: Direction
) -> dt.date | None:
    """The month-day nearest publication in ``direction`` (see ``Direction``).

    Both directions include the publication day itself: "on August 20" in an article of
    August 20 is that day.
    """
    candidates = [
        make_date(year, month, day) for year in range(published.year - 4, published.year + 5)
    ]
    dates = [d for d in candidates if d is not None]
    if direction == "future":
        dates = [d for d in dates if d >= published]
    elif direction == "past":
        dates = [d for d in dates if d <= published]
    # Nearest first; on a tie, the past one (news reports more than it announces).
    dates.sort(key=lambda d: (abs((d - published).days), d > published))
    return dates[0] if dates else None


def month_near(
    month: int, published: dt.date, direction: Direction, *, strict: bool
) -> tuple[int, int]:
    """(year, month) of the named month nearest publication in ``direction``.

    ``strict`` leaves out the publication month itself ("last November" said in November
    means the year before).
    """
    pub = published.year * 12 + published.month - 1
    this_year = published.year * 12 + month - 1
    options = [this_year - 12, this_year, this_year + 12]
    if direction == "future":
        options = [i for i in options if (i > pub if strict else i >= pub)]
    elif direction == "past":
        options = [i for i in options if (i < pub if strict else i <= pub)]
    chosen = min(options, key=lambda i: (abs(i - pub), i > pub))
    return chosen // 12, chosen % 12 + 1


def weekday_near(
    weekday: int, published: dt.date, direction: Direction, *, strict: bool
) -> dt.date:
    """The weekday (Monday = 0) nearest publication in ``direction``.

    "nearest" (the clause gives no tense) takes the coming one only a day or two ahead: news
    reports more than it announces, so a weekday three days ahead or four back ("over
    Thursday's closing price" on a Monday) is the one just gone.
    """
    ahead = (weekday - published.weekday()) % 7
    back = (published.weekday() - weekday) % 7
    if strict:
        ahead, back = ahead or 7, back or 7
    if direction == "future" or (direction == "nearest" and ahead < back and ahead <= 2):
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def value_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last calendar day a resolved TIMEX3 value covers; ``None`` when it has none.

    Covers days (and clock times, as their day), ISO weeks and weekends, months, quarters and
    halves, seasons, years, decades (``199``) and centuries (``19``).
    """
    if not value or "X" in value:
        return None
    if match := _DAY.fullmatch(value):
        day = make_date(int(match[1]), int(match[2]), int(match[3]))
        return (day, day) if day else None
    if match := _WEEK.fullmatch(value):
        try:
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return None
        if match[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if match := _MONTH.fullmatch(value):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            return None
        return dt.date(year, month, 1), month_end(year, month)
    if match := _QUARTER.fullmatch(value):
        year, size, part = int(match[1]), 3 if match[2] == "Q" else 6, int(match[3])
        if not 1 <= part <= 12 // size:
            return None
        first = (part - 1) * size + 1
        return dt.date(year, first, 1), month_end(year, first + size - 1)
    if match := _SEASON.fullmatch(value):
        start = dt.date(int(match[1]), SEASON_START[match[2]], 1)
        return start, add_months(start, 3) - dt.timedelta(days=1)
    if _YEARS.fullmatch(value):
        # 4 digits: a year; 3: a decade (199 = the 1990s); 2: a century (19 = 1900-1999).
        span = 10 ** (4 - len(value))
        first = int(value) * span
        if first < 1:
            return None
        return dt.date(first, 1, 1), dt.date(first + span - 1, 12, 31)
    return None
