"""TIMEX3 rules for calendar dates: days, months, years, decades, quarters, seasons.

Each handler takes the match of its pattern in ``timex_rules`` (named groups ``y``, ``m``,
``d``, ``q``, ...) and the ``Context`` of the expression, and returns its reading or
``None``.

Example:
    >>> import re, datetime as dt
    >>> ctx = Context(Anchor(dt.date(1998, 3, 1)))
    >>> decade(re.fullmatch(r"(?P<dec>)(?P<d1>)(?P<word>nineties)", "nineties"), ctx).value
    '199'
"""

from __future__ import annotations

import datetime as dt
import re

from claimscope.extract import timex_calendar as cal
from claimscope.extract.timex_lexicon import DECADE_WORDS, MONTHS
from claimscope.extract.timex_values import (
    NEXT_WORDS,
    PAST_WORDS,
    Anchor,
    Context,
    Timex,
    direction_of,
    full_year,
    of_day,
    placeholder,
    resolved,
)

__all__ = ["Anchor"]

HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year day": (1, 1), "new years day": (1, 1), "new year eve": (12, 31),
             "new years eve": (12, 31), "halloween": (10, 31)}  # fmt: skip

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def iso(match: re.Match[str], ctx: Context) -> Timex | None:
    if match["d"] is None:
        month = int(match["m"])
        return resolved(f"{match['y']}-{month:02d}") if 1 <= month <= 12 else None
    return of_day(cal.make_date(int(match["y"]), int(match["m"]), int(match["d"])))


def numeric_mdy(match: re.Match[str], ctx: Context) -> Timex | None:
    year = full_year(match["y"], ctx.published)
    return of_day(cal.make_date(year, int(match["m"]), int(match["d"])))


def month_day_year(match: re.Match[str], ctx: Context) -> Timex | None:
    year = full_year(match["y"], ctx.published)
    return of_day(cal.make_date(year, MONTHS[match["m"]], int(match["d"])))


def month_day(match: re.Match[str], ctx: Context) -> Timex | None:
    return _resolve_month_day(MONTHS[match["m"]], int(match["d"]), ctx)


def _resolve_month_day(month: int, day: int, ctx: Context) -> Timex | None:
    if cal.make_date(2024, month, day) is None:  # 2024: a leap year, so February 29 exists
        return None
    if ctx.published is None:
        return placeholder(f"XXXX-{month:02d}-{day:02d}")
    return of_day(cal.month_day_near(month, day, ctx.published, ctx.direction))


def holiday(match: re.Match[str], ctx: Context) -> Timex | None:
    return _resolve_month_day(*HOLIDAYS[match[0]], ctx)


#: US holidays that fall on a weekday of their month: (month, ISO weekday, which one; -1 the
#: last, and for Election Day the Tuesday after the first Monday, the 2nd to 8th).
FLOATING_HOLIDAYS = {"thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4),
                      "labor day": (9, 1, 1), "memorial day": (5, 1, -1),
                      "election day": (11, 2, 0)}  # fmt: skip


def _floating_day(year: int, name: str) -> dt.date:
    month, weekday, nth = FLOATING_HOLIDAYS[name]
    if nth == 0:  # the Tuesday after the first Monday: between the 2nd and the 8th
        first = dt.date(year, month, 2)
    elif nth > 0:
        first = dt.date(year, month, 1 + 7 * (nth - 1))
    else:
        first = cal.month_end(year, month) - dt.timedelta(days=6)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7)


def floating_holiday(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "Thanksgiving Day", "last Thanksgiving", "Election Day": the nearest one in the
    direction that the words or the clause give (as for "August 20")."""
    if ctx.published is None:
        return placeholder(None)
    pub = ctx.published
    days = [_floating_day(year, match["name"]) for year in range(pub.year - 1, pub.year + 2)]
    direction = direction_of(match["rel"], ctx)
    if direction == "past":
        days = [d for d in days if d < pub or (d == pub and match["rel"] is None)]
    elif direction == "future":
        days = [d for d in days if d > pub or (d == pub and match["rel"] is None)]
    return of_day(min(days, key=lambda d: (abs((d - pub).days), d > pub)))


def month_year(match: re.Match[str], ctx: Context) -> Timex | None:
    return resolved(f"{full_year(match['y'], ctx.published)}-{MONTHS[match['m']]:02d}")


def month(match: re.Match[str], ctx: Context) -> Timex | None:
    month, rel = MONTHS[match["m"]], match["rel"]
    if ctx.published is None:
        return placeholder(f"XXXX-{month:02d}")
    if rel == "this":
        return resolved(f"{ctx.published.year}-{month:02d}")
    direction = direction_of(rel, ctx)
    year, month = cal.month_near(month, ctx.published, direction, strict=rel is not None)
    return resolved(f"{year}-{month:02d}")


def _relative_year(rel: str, ctx: Context) -> int | None:
    """The year "this/last/next year" names, or ``None`` without a publication date."""
    if ctx.published is None:
        return None
    offset = -1 if rel in PAST_WORDS else 1 if rel in NEXT_WORDS else 0
    return ctx.published.year + offset


def month_of_relative_year(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "June last year", "March of next year": the month of the year the deictic names."""
    month = MONTHS[match["m"]]
    year = _relative_year(match["yrel"], ctx)
    return placeholder(f"XXXX-{month:02d}") if year is None else resolved(f"{year}-{month:02d}")


def quarter_of_relative_year(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "this year's third quarter", "last year's quarter": a quarter of a deictic year.

    Without its number, the quarter is left ``QX`` for ``times.py`` to fill in with the
    quarter the article reports on.
    """
    kind = "H" if match["h"] else "Q"
    part = match["q"] or "X"
    if part != "X" and int(part) > (2 if kind == "H" else 4):
        return None
    year = _relative_year(match["yrel"], ctx)
    if year is None:
        return placeholder(f"XXXX-{kind}{part}")
    if part == "X":
        return Timex("DATE", f"{year}-{kind}X", True, dt.date(year, 1, 1), dt.date(year, 12, 31))
    return resolved(f"{year}-{kind}{part}")


def year_only(match: re.Match[str], ctx: Context) -> Timex | None:
    year = int(match["y"])
    return resolved(str(year)) if 1000 <= year <= 2999 else None


def decade(match: re.Match[str], ctx: Context) -> Timex | None:
    if match["dec"]:
        return resolved(match["dec"])
    digit = int(match["d1"]) if match["d1"] else DECADE_WORDS[match["word"]]
    # A decade named without its century is one that has begun by publication ("the nineties"
    # in 1998 or 2025 is the 1990s), not the two-digit-year pivot, which looks ahead.
    year = 2000 + digit * 10
    if ctx.published is None or year > ctx.published.year:
        year -= 100
    return resolved(str(year // 10))


def century(match: re.Match[str], ctx: Context) -> Timex | None:
    if match["c"]:
        return resolved(f"{int(match['c']) - 1:02d}")
    return None


def quarter(match: re.Match[str], ctx: Context) -> Timex | None:
    part, kind = int(match["q"]), "H" if match["h"] else "Q"
    size = 6 if kind == "H" else 3
    if part > 12 // size:
        return None
    if match["y"]:
        return resolved(f"{full_year(match['y'], ctx.published)}-{kind}{part}")
    if ctx.published is None:
        return placeholder(f"XXXX-{kind}{part}")
    if ctx.future:
        # A quarter's results come out in the weeks after it ends: "will report third-quarter
        # results" in October is the quarter just ended, not next year's. So the first one
        # that had not ended three months before publication.
        cutoff = ctx.published - dt.timedelta(days=92)
        year = next(
            y
            for y in range(ctx.published.year - 1, ctx.published.year + 2)
            if cal.month_end(y, part * size) >= cutoff
        )
        return resolved(f"{year}-{kind}{part}")
    # The last quarter that has begun by publication.
    year, _ = cal.month_near((part - 1) * size + 1, ctx.published, "past", strict=False)
    return resolved(f"{year}-{kind}{part}")


def half_of_year(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "the last half of 1989" is its second half (``1989-H2``), "the first half" ``H1``."""
    return resolved(f"{match['y']}-H{1 if match['which'] == 'first' else 2}")


def week_of(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "the week of March 6": the ISO week holding that day."""
    month, day = MONTHS[match["m"]], int(match["d"])
    if match["y"]:
        found = of_day(cal.make_date(int(match["y"]), month, day))
    else:
        found = _resolve_month_day(month, day, ctx)
    if found is None or found.range_start is None:
        return None if found is None else placeholder("XXXX-WXX")
    return resolved(cal.week_value(found.range_start))


def year_quarter(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "the 1988 third quarter", "the 1988 quarter": a year written before its quarter.

    Without a number it is some quarter of that year (``1988-QX``); ``times.py`` gives it
    the number of the quarter the article reports on, when it has named one.
    """
    year = int(match["y"])
    if not 1000 <= year <= 2999:
        return None
    if match["q"] is None:
        return Timex("DATE", f"{year}-QX", True, dt.date(year, 1, 1), dt.date(year, 12, 31))
    part, kind = int(match["q"]), "H" if match["h"] else "Q"
    if part > (2 if kind == "H" else 4):
        return None
    return resolved(f"{year}-{kind}{part}")


def season(match: re.Match[str], ctx: Context) -> Timex | None:
    code, rel = SEASONS[match["s"]], match["rel"]
    if match["y"]:
        return resolved(f"{full_year(match['y'], ctx.published)}-{code}")
    if ctx.published is None:
        return placeholder(f"XXXX-{code}")
    start = cal.SEASON_START[code]
    pub = ctx.published
    if rel == "this":
        year = pub.year
    elif rel in PAST_WORDS:  # the last season of that name that is over
        year = pub.year if start + 3 <= pub.month else pub.year - 1
    elif rel in NEXT_WORDS or (rel is None and ctx.future):
        year = pub.year if start > pub.month else pub.year + 1
    else:
        year = pub.year if start <= pub.month else pub.year - 1
    return resolved(f"{year}-{code}")


def year_ago(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "a year earlier", "the year-ago quarter": the comparison period of a year before.

    Read alone it is the year before publication; ``times.py`` narrows it to the quarter a
    year before when the article has named the quarter it reports on.
    """
    if ctx.published is None:
        return placeholder("XXXX")
    return resolved(str(ctx.published.year - 1))


def year_end(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "by year-end", "at year's end": the end of the year of publication.

    In a past-tense clause ("debt at year-end was ...") the year-end is the last one that
    has passed, the year before.
    """
    if ctx.published is None:
        return placeholder("XXXX")
    year = ctx.published.year - (1 if ctx.anchor.tense == "past" else 0)
    return resolved(str(year))._replace(range_start=dt.date(year, 12, 1))  # its last month
