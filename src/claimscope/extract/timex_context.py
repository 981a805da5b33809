"""Readings of time expressions revised with what the rest of the article says.

``times.py`` reads each expression on its own against the publication date; some need the
article around them:

* a quarter the article reports on ("third-quarter profit rose") is what "the quarter", "the
  1988 quarter" and "a year earlier" refer back to;
* "that year", "the following year", "earlier that day" refer back to the last date the
  article wrote out with its year ("in June 1998 ... later that year");
* "the year ended March 31" is the twelve months that closed on that day, a one-year period
  (TimeML's ``P1Y``), not the calendar year of publication.

Example, for "Profit rose in the third quarter ... up from a year earlier.":
    >>> [r.timex.value for r in with_reported_quarter(doc, readings)]  # doctest: +SKIP
    ['2025-Q3', '2024-Q3']
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from claimscope.extract.timex_lexicon import words_of
from claimscope.extract.timex_values import Timex, resolved


class Reading(NamedTuple):
    """One expression's reading: its tokens ``[start, end)`` in the Doc and its value."""

    start: int
    end: int
    timex: Timex


# A quarter named with its number ("the third quarter", "Q3 2025"), which sets the period an
# article reports on; "the quarter" and year-ago comparisons are then read against it.
_NAMED_QUARTER = re.compile(r"(?:.* )?(?:\d+th|q\d)(?: .*)?")
_SAME_QUARTER = re.compile(
    r"(?:the |that |this )?(?:(?:latest |same |fiscal )*quarter|latest period)"
)
_YEAR_AGO = re.compile(
    r"(?:the |a )?(?:comparable |corresponding )?year (?:earlier|ago)(?: quarter| period)?"
)
# "the year ended March 31", "the fiscal year ending June 30": a year closed by a given day.
_YEAR = re.compile(r"(?:the |its |that )?(?:fiscal |financial )?year")
_CLOSING = {"ended", "ending", "ends", "to", "through"}


def with_reported_quarter(
    doc: Any, readings: list[Reading], published: dt.date | None = None
) -> list[Reading]:
    """Read "the quarter" and "a year earlier" against the quarter the article last named.

    Business news names the quarter it reports on ("third-quarter profit rose") and then
    refers back to it ("in the quarter", "in the 1988 quarter") and compares with the same
    quarter a year before ("up from $4 million a year earlier"): TimeML dates those to the
    quarters themselves.
    """
    quarter: tuple[int, int] | None = None
    out: list[Reading] = []
    for reading in readings:
        timex = reading.timex
        words = " ".join(words_of(doc[reading.start : reading.end].text))
        value = timex.value or ""
        if re.fullmatch(r"\d{4}-Q\d", value) and _NAMED_QUARTER.fullmatch(words):
            if published is None or timex.range_end is None or timex.range_end < published:
                # Only a quarter that is over has results to report: "will take a
                # fourth-quarter charge" in November names a coming one.
                quarter = (int(value[:4]), int(value[-1]))
        elif timex.type == "DATE" and quarter is not None:
            if _YEAR_AGO.fullmatch(words):
                reading = reading._replace(timex=resolved(f"{quarter[0] - 1}-Q{quarter[1]}"))
            elif _SAME_QUARTER.fullmatch(words):
                reading = reading._replace(timex=resolved(f"{quarter[0]}-Q{quarter[1]}"))
            elif re.fullmatch(r"\d{4}-QX", value):
                reading = reading._replace(timex=resolved(f"{value[:4]}-Q{quarter[1]}"))
        out.append(reading)
    return out


def with_closing_day(doc: Any, readings: list[Reading]) -> list[Reading]:
    """Read "the year ended March 31" as a one-year period, not the year of publication.

    A company's year is named by the day it closed ("for the year ended March 31", "the
    fiscal year ending June 30"): twelve months up to that day, which straddle two calendar
    years, so TimeML gives the expression the length it has (``P1Y``), the closing day being
    an expression of its own.
    """
    out: list[Reading] = []
    for reading in readings:
        following = doc[reading.end].lower_ if reading.end < len(doc) else ""
        if following in _CLOSING and reading.timex.type == "DATE":
            words = " ".join(words_of(doc[reading.start : reading.end].text))
            if _YEAR.fullmatch(words) and _names_a_day(doc, reading.end + 1):
                reading = reading._replace(timex=Timex("DURATION", "P1Y", True))
        out.append(reading)
    return out


def _names_a_day(doc: Any, position: int) -> bool:
    """Whether a date follows within a few words ("ended March 31", "ending tomorrow")."""
    window = doc[position : position + 3]
    return any(t.ent_type_ == "DATE" for t in window)


# Anaphoric expressions and how far each moves from the date it refers back to, in its unit.
_BACK_REFERENCE = re.compile(
    r"(?:(?P<pos>earlier|later) )?(?:in )?"
    r"(?:(?P<that>that|the same|that same) (?P<u1>year|month|day)"
    r"|the (?P<dir>following|previous) (?P<u2>year|month))"
)
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b")


def with_back_reference(doc: Any, readings: list[Reading]) -> list[Reading]:
    """Read "that year", "the following month", "earlier that day" against the last date the
    article wrote out with its year.

    Narrative news dates an event in full ("In June 1998 he fled to Florida") and then refers
    back to it ("and returned later that year", "the following year he was arrested"): TimeML
    gives those the year, month or day of that date, moved by "following"/"previous". Without
    such a date before them they keep their own reading.
    """
    last: str | None = None  # the value of the last date written with its year
    out: list[Reading] = []
    for reading in readings:
        text = doc[reading.start : reading.end].text
        words = " ".join(words_of(text))
        match = _BACK_REFERENCE.fullmatch(words)
        if match is not None and last is not None:
            moved = _moved(last, match)
            if moved is not None:
                reading = reading._replace(timex=resolved(moved))
        elif _WRITTEN_YEAR.search(text) and re.match(
            r"\d{4}(?:-\d{2}){0,2}$", reading.timex.value or ""
        ):
            last = reading.timex.value
        out.append(reading)
    return out


def _moved(value: str, match: re.Match[str]) -> str | None:
    """The ``year``/``month``/``day`` of ``value``, moved one on for "following", back for
    "previous"; ``None`` where ``value`` is coarser than the unit."""
    unit = match["u1"] or match["u2"]
    step = {"following": 1, "previous": -1}.get(match["dir"] or "", 0)
    size = {"year": 4, "month": 7, "day": 10}[unit]
    if len(value) < size:
        return None
    if unit == "year":
        return str(int(value[:4]) + step)
    if unit == "month":
        index = int(value[:4]) * 12 + int(value[5:7]) - 1 + step
        return f"{index // 12}-{index % 12 + 1:02d}"
    return value[:10]
