"""TIMEX3 values from the fourth round (TimeBank and AQUAINT as development data): "the past
year" and "the last decade" as the calendar unit before this one, "recent years" as the vague
past, "quarterly" before a noun as no time at all, and "the latest period" of business news.

Dates were worked out by hand from a calendar; the publication date of each case is given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claimscope.extract.times import extract_times

D = dt.date


def _found(nlp: Any, text: str, published: dt.date) -> dict[str, tuple[str, str | None]]:
    return {t.span.text: (t.type, t.value) for t in extract_times(nlp(text), published)}


# --- the past year, the last decade ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # published 2031-03-04: "the past year" is 2030, the year before this one
        ("Membership of the Corvale rowing club grew over the past year.", "the past year",
         ("DATE", "2030")),
        ("Wages in Belmora lagged prices in the last decade.", "the last decade",
         ("DATE", "202")),  # the 2020s: the decade before the 2030s
    ],
)  # fmt: skip
def test_past_year_and_last_decade_are_the_unit_before(
    nlp: Any, text: str, span: str, expected: tuple[str, str]
) -> None:
    assert _found(nlp, text, D(2031, 3, 4))[span] == expected


def test_past_week_stays_a_window(nlp: Any) -> None:
    # Short units keep TimeML's reading as a duration that ends at publication.
    found = _found(nlp, "Ferries to Corvale ran late all through the past week.", D(2031, 3, 4))
    assert found["the past week"] == ("DURATION", "P1W")


# --- recent years -----------------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["recent years", "past years"])
def test_bare_recent_years_is_the_vague_past(nlp: Any, phrase: str) -> None:
    text = f"The Belmora canal has silted up in {phrase}."
    assert _found(nlp, text, D(2031, 3, 4))[phrase] == ("DATE", "PAST_REF")


def test_recent_months_stays_a_duration(nlp: Any) -> None:
    found = _found(nlp, "Corvale rents have risen in recent months.", D(2031, 3, 4))
    assert found["recent months"] == ("DURATION", "PXM")


# --- quarterly ------------------------------------------------------------------------------


def test_quarterly_before_a_noun_is_no_time(nlp: Any) -> None:
    found = _found(nlp, "Varn Mills raised its quarterly dividend to 12 cents.", D(2031, 3, 4))
    assert "quarterly" not in found


def test_quarterly_as_an_adverb_is_a_set(nlp: Any) -> None:
    found = _found(nlp, "The Corvale reserve will be adjusted quarterly.", D(2031, 3, 4))
    assert found["quarterly"] == ("SET", "P1Q")


# --- the latest period ----------------------------------------------------------------------


def test_latest_period_is_the_reported_quarter(nlp: Any) -> None:
    # published 2031-10-28: the article reports on the third quarter of 2031
    text = (
        "Varn Mills said third-quarter profit rose 8%. Sales in the latest period "
        "climbed to $40 million."
    )
    assert _found(nlp, text, D(2031, 10, 28))["the latest period"] == ("DATE", "2031-Q3")


def test_latest_period_alone_is_the_last_quarter(nlp: Any) -> None:
    # published 2031-10-28, in the fourth quarter: the latest quarter is the third
    found = _found(nlp, "Belmora Freight said sales in the latest period fell.", D(2031, 10, 28))
    assert found["the latest period"] == ("DATE", "2031-Q3")


# --- fractions and ages ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Corvale imports about three-quarters of its grain.",
        "Belmora Fund holds more than a quarter of the market.",
    ],
)
def test_a_fraction_of_a_whole_is_no_quarter(nlp: Any, text: str) -> None:
    assert not any("quarter" in s for s in _found(nlp, text, D(2031, 3, 4)))


def test_quarters_of_something_undetermined_stay_a_duration(nlp: Any) -> None:
    text = "Varn Mills returned to profit after several quarters of losses."
    assert _found(nlp, text, D(2031, 3, 4))["several quarters"] == ("DURATION", "PXQ")


def test_a_decade_after_a_possessive_is_an_age(nlp: Any) -> None:
    found = _found(nlp, "Ilse Varn moved to Corvale in her 30s.", D(2031, 3, 4))
    assert not any("30s" in s for s in found)


def test_a_decade_without_a_possessive_is_a_date(nlp: Any) -> None:
    found = _found(nlp, "Corvale grew quickly in the 1960s.", D(2031, 3, 4))
    assert found["the 1960s"] == ("DATE", "196")


# --- "set on" and "set for" -----------------------------------------------------------------


def test_set_on_a_day_is_a_deed_done(nlp: Any) -> None:
    # published 2031-02-06: Aug. 6 lies exactly six months either side; "set on" is a
    # record made, so the earlier one
    text = "The Corvale index ended 70 points below its record high set on Aug. 6."
    assert _found(nlp, text, D(2031, 2, 6))["Aug. 6"] == ("DATE", "2030-08-06")


def test_set_for_is_still_a_schedule(nlp: Any) -> None:
    # published 2031-03-12: a summit "set for" April is the coming one
    text = "The dispute will dominate a Belmora summit set for Corvale in April."
    assert _found(nlp, text, D(2031, 3, 12))["April"] == ("DATE", "2031-04")
