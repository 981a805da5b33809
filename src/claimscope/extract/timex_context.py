"""Readings of time expressions revised with what the rest of the article says.

``times.py`` reads each expression on its own against the publication date; some need the
article around them:

* a quarter the article reports on ("third-quarter profit rose") is what "the quarter", "the
  1988 quarter" and "a year earlier" refer back to;
* "the year ended March 31" is the twelve months that closed on that day, a one-year period
  (TimeML's ``P1Y``), not the calendar year of publication.

Example:
    >>> # "Profit rose in the third quarter ... up from a year earlier."  # doctest: +SKIP
    >>> [r.timex.value for r in with_reported_quarter(doc, readings)]  # doctest: +SKIP
    ['2025-Q3', '2024-Q3']
"""

from __future__ import annotations

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
_SAME_QUARTER = re.compile(r"(?:the |that |this )?(?:latest |same |fiscal )*quarter")
_YEAR_AGO = re.compile(
    r"(?:the |a )?(?:comparable |corresponding )?year (?:earlier|ago)(?: quarter| period)?"
)
# "the year ended March 31", "the fiscal year ending June 30": a year closed by a given day.
_YEAR = re.compile(r"(?:the |its |that )?(?:fiscal |financial )?year")
_CLOSING = {"ended", "ending", "ends", "to", "through"}


def with_reported_quarter(doc: Any, readings: list[Reading]) -> list[Reading]:
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
