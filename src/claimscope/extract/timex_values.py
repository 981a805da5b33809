"""Values of TIMEX3 readings: the result type, what an expression is read against, and the
helpers that build values (resolved dates, X placeholders, periods such as ``P3W``).

Example:
    >>> period(3, "W")
    'P3W'
    >>> resolved("2025-W33").range_start
    datetime.date(2025, 8, 11)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from claimscope.extract import timex_calendar as cal
from claimscope.schema import TimeType

PAST_WORDS = {"last", "past", "previous", "recent", "latest", "prior"}
NEXT_WORDS = {"next", "coming", "following", "upcoming"}


class Timex(NamedTuple):
    """A normalised time expression (``timex.py`` explains what ``anchored`` means)."""

    type: TimeType
    value: str | None
    anchored: bool
    range_start: dt.date | None = None
    range_end: dt.date | None = None


@dataclass(frozen=True)
class Anchor:
    """What an expression is read against.

    Attributes:
        published: the publication date, when known.
        tense: what the clause says of its time: "past" ("met on Tuesday": the last Tuesday),
            "future" ("will meet", "is scheduled to": the next one), or ``None`` when it does
            not say (present tense, a noun phrase): the nearer one.
        day: a date the same sentence gives, for a bare clock time ("at 3 p.m.").
    """

    published: dt.date | None
    tense: Literal["past", "future"] | None = None
    day: dt.date | None = None


@dataclass
class Context:
    """An ``Anchor`` plus what the expression's leading words said ("the", "early", ...)."""

    anchor: Anchor
    had_the: bool = False
    mods: set[str] = field(default_factory=set)

    @property
    def published(self) -> dt.date | None:
        return self.anchor.published

    @property
    def future(self) -> bool:
        return self.anchor.tense == "future"

    @property
    def direction(self) -> cal.Direction:
        return self.anchor.tense or "nearest"


def resolved(value: str, kind: TimeType = "DATE") -> Timex:
    """A complete calendar value, with the days it covers."""
    days = cal.value_range(value)
    return Timex(kind, value, True, *(days or (None, None)))


def placeholder(value: str | None, kind: TimeType = "DATE") -> Timex:
    """A value that still waits on an anchor: X digits, or no value at all."""
    return Timex(kind, value, False)


def of_day(day: dt.date | None) -> Timex | None:
    return resolved(day.isoformat()) if day else None


def full_year(text: str, published: dt.date | None) -> int:
    """A written year; two digits pivot to the century that keeps it not far after publication."""
    year = int(text)
    if len(text) == 2:
        limit = (published.year if published else 2030) % 100 + 1
        year += 2000 if year <= limit else 1900
    return year


def granular(day: dt.date, unit: str) -> str:
    """The value of the unit-sized period holding ``day``: "3 weeks ago" is a week."""
    if unit == "W":
        return cal.week_value(day)
    if unit == "M":
        return f"{day.year}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit == "Y":
        return str(day.year)
    if unit == "DE":
        return str(day.year // 10)
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


UNKNOWN_OF_UNIT = {"W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX", "DE": "XXX",
                    "CE": "XX"}  # fmt: skip


def count_of(text: str | None) -> float | None:
    """A count as written (``a`` = 1); ``None`` for a vague amount."""
    if text in (None, "a", "an"):
        return 1
    if text == "x":
        return None
    return float(text)


def period(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration: P3W, PT48H, P20Y (two decades), PXW (weeks)."""
    if unit == "FN":
        unit, amount = "W", None if amount is None else amount * 2
    if unit in ("DE", "CE") and amount is not None:
        unit, amount = "Y", amount * (10 if unit == "DE" else 100)
    if amount is not None and amount != int(amount) and unit in _SMALLER:
        # A fraction is written in the next smaller unit, after the whole units: "two and a
        # half years" is P2Y6M, "5 1/2 hours" PT5H30M, "half an hour" PT30M.
        smaller, factor = _SMALLER[unit]
        part = (amount - int(amount)) * factor
        if part == int(part):
            whole = period(int(amount), unit) if int(amount) else ""
            rest = period(part, smaller)
            if not whole:
                return rest
            if "T" in rest and "T" not in whole:
                return whole + rest[1:]  # P1D + PT12H -> P1DT12H
            return whole + rest[2 if "T" in whole else 1 :]
    count = "X" if amount is None else (str(int(amount)) if amount == int(amount) else str(amount))
    if unit in ("H", "MIN", "S"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}"
    return f"P{count}{unit}"


#: The unit a fraction of each unit is written in, and how many of it make one.
_SMALLER = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def direction_of(rel: str | None, ctx: Context) -> cal.Direction:
    """ "last"/"next" in the words decide; without them, the clause's tense."""
    if rel in PAST_WORDS:
        return "past"
    if rel in NEXT_WORDS:
        return "future"
    return ctx.direction
