"""TIMEX3 values from the third round (both TempEval-3 corpora as development data): counts
written with "hundred", "thousand" and "1/2", "N more years", months and quarters of a deictic
year, "as early as", back references ("later that year"), dates that modify a noun, periods
"ended" on a day, and weekdays whose clause gives no tense.

Dates were worked out by hand from a calendar; the publication date of each case is given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claimscope.extract.times import extract_times
from claimscope.extract.timex import Anchor, normalize
from claimscope.extract.timex_values import period
from timex_cases import timex_of

D = dt.date


# --- counts and fractions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (2.5, "Y", "P2Y6M"),  # a fraction goes into the next smaller unit
        (5.5, "H", "PT5H30M"),
        (1.5, "D", "P1DT12H"),  # days and hours: the T sits between them
        (1.5, "MIN", "PT1M30S"),
        (0.5, "H", "PT30M"),  # no whole units: the smaller unit alone
        (3, "W", "P3W"),
    ],
)
def test_fractional_periods(amount: float, unit: str, expected: str) -> None:
    assert period(amount, unit) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("almost a hundred years", "P100Y"),
        ("more than two thousand years", "P2000Y"),
        ("three hundred days", "P300D"),
        ("2 1/2 years", "P2Y6M"),
        ("one and a half days", "P1DT12H"),
        ("20 more years", "P20Y"),
    ],
)
def test_counts_in_words(text: str, expected: str) -> None:
    timex = normalize(text, Anchor(D(2031, 3, 10)))
    assert timex is not None and (timex.type, timex.value) == ("DURATION", expected)


def test_the_year_said_in_words() -> None:
    timex = normalize("the year two thousand", Anchor(D(1998, 3, 10)))
    assert timex is not None and timex.value == "2000"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Corvale may lease the harbour for at least 20 more years.", "at least 20 more years",
         "P20Y"),
        ("The Varn family lived in Belmora for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
    ],
)  # fmt: skip
def test_counted_durations_in_text(nlp: Any, text: str, span: str, expected: str) -> None:
    assert timex_of(nlp, text, span, D(2031, 3, 10)) == ("DURATION", expected)


# --- parts of a deictic year -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June last year", "2030-06"),
        ("March of next year", "2032-03"),
        ("this year's third quarter", "2031-Q3"),
        ("next year's first quarter", "2032-Q1"),
        ("last year's second half", "2030-H2"),
    ],
)
def test_parts_of_a_deictic_year(text: str, expected: str) -> None:
    timex = normalize(text, Anchor(D(2031, 3, 10)))
    assert timex is not None and timex.value == expected


def test_as_early_as_is_left_out(nlp: Any) -> None:
    text = "The Corvale Textiles spin-off could be effective as early as next year's first quarter."
    assert timex_of(nlp, text, "next year's first quarter", D(2031, 3, 10)) == ("DATE", "2032-Q1")


# --- back references -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Ilse Varn left Corvale in June 2029 and returned to Belmora later that year.",
         "later that year", "2029"),
        ("On May 22, 2025, Varn was made a general, and the following year he was sent to "
         "Belmora.", "the following year", "2026"),
        ("The Corvale mill closed in March 2029. The following month, the owners put it up for "
         "sale.", "The following month", "2029-04"),
        ("Mayor Varn was shot on Oct. 23, 2029. Earlier that day, his aides had sent a fax.",
         "Earlier that day", "2029-10-23"),
        (
            "Ilse Varn left Corvale on Oct. 23, 2029, and the mayor resigned the same day.",
            "the same day",
            "2029-10-23",
        ),
    ],
)  # fmt: skip
def test_back_references_take_the_last_written_date(
    nlp: Any, text: str, span: str, expected: str
) -> None:
    assert timex_of(nlp, text, span, D(2031, 3, 10)) == ("DATE", expected)


def test_back_reference_without_a_written_date_keeps_no_value(nlp: Any) -> None:
    # "this year" names no year in writing, so "that year" has nothing to refer back to.
    text = "Corvale grew this year. Belmora shrank that year."
    found = {t.span.text: t.value for t in extract_times(nlp(text), D(2031, 3, 10))}
    assert found.get("that year") is None


# --- tense -----------------------------------------------------------------------------------


def test_a_date_modifying_a_noun_is_not_dated_by_the_verb(nlp: Any) -> None:
    # "gave" is past, but the deadline is nine days after publication, not a year before.
    text = "Mayor Ilse Varn gave no reason for the Jan. 14 deadline."
    assert timex_of(nlp, text, "Jan. 14", D(2032, 1, 5)) == ("DATE", "2032-01-14")


def test_a_period_ended_on_a_day_is_past(nlp: Any) -> None:
    # 2031-11-02: the nearer March 31 is 2032's; "ended" says the year is over.
    text = "Belmora Mills earned $3 million in the year ended March 31."
    assert timex_of(nlp, text, "March 31", D(2031, 11, 2)) == ("DATE", "2031-03-31")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # 2031-10-27 is a Monday: Thursday is three days ahead or four back; with no tense the
        # report of the one just gone is the likelier reading
        ("The Varn notes convert at a premium over Thursday's closing price.", "Thursday",
         "2031-10-23"),
        # a day or two ahead stays ahead
        ("The Corvale harvest fair is Tuesday.", "Tuesday", "2031-10-28"),
    ],
)  # fmt: skip
def test_weekdays_without_tense(nlp: Any, text: str, span: str, expected: str) -> None:
    assert timex_of(nlp, text, span, D(2031, 10, 27)) == ("DATE", expected)


# --- clock times with their weekday, sets of months, quarters ------------------------------


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # 2031-10-27 is a Monday; "until" ends a stretch, so the nearer Tuesday, tomorrow
        ("Corvale gave the Varn family until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday",
         "2031-10-28T09:00"),
        # a past verb: the Saturday just gone
        ("The Belmora deadline passed at noon Saturday.", "noon Saturday", "2031-10-25T12:00"),
    ],
)  # fmt: skip
def test_clock_time_with_its_weekday(nlp: Any, text: str, span: str, expected: str) -> None:
    assert timex_of(nlp, text, span, D(2031, 10, 27)) == ("TIME", expected)


def test_a_weekday_with_a_clock_time_dates_the_sentence(nlp: Any) -> None:
    # "4 a.m. Thursday" gives the day; "4 in the morning" later in the sentence is that day.
    text = "The Corvale talks ended at 4 a.m. Thursday, and Mayor Varn spoke at 4 in the morning."
    assert timex_of(nlp, text, "4 in the morning", D(2031, 10, 31)) == ("TIME", "2031-10-30T04:00")


def test_each_month_is_a_set(nlp: Any) -> None:
    text = "The Belmora marchers parade each July through Corvale."
    assert timex_of(nlp, text, "each July", D(2031, 3, 10)) == ("SET", "XXXX-07")


def test_a_quarter_after_an_article_is_the_quarter(nlp: Any) -> None:
    text = "Varn Mutual expects a fourth-quarter charge of $10 million."
    assert timex_of(nlp, text, "fourth-quarter", D(2031, 11, 2))[1] == "2031-Q4"


def test_a_quarter_not_yet_over_is_not_the_reported_one(nlp: Any) -> None:
    # The article reports the third quarter; a coming fourth-quarter charge does not make
    # "a year earlier" the fourth quarter of 2030.
    text = (
        "Varn Mutual said third-quarter profit rose to $5 million. It expects a fourth-quarter "
        "charge of $10 million. Profit was $4 million a year earlier."
    )
    assert timex_of(nlp, text, "a year earlier", D(2031, 11, 2)) == ("DATE", "2030-Q3")


# --- holidays, deferrals, halves and weeks of a date, "the near term" ----------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Thanksgiving is the fourth Thursday of November: 2030-11-28
        ("Varn was found off Corvale on Thanksgiving Day.", D(2031, 1, 7), "2030-11-28"),
        ("Varn was found off Corvale last Thanksgiving.", D(2031, 2, 10), "2030-11-28"),
        # US Election Day is the Tuesday after the first Monday of November: 2031-11-04
        ("Belmora will be a theme of the campaign from now to Election Day.", D(2031, 10, 20),
         "2031-11-04"),
        # Labor Day: the first Monday of September, 2031-09-01
        ("The Corvale parade is on Labor Day.", D(2031, 8, 20), "2031-09-01"),
    ],
)  # fmt: skip
def test_floating_holidays(nlp: Any, text: str, published: dt.date, expected: str) -> None:
    found = [t for t in extract_times(nlp(text), published) if t.value == expected]
    assert found, [(t.span.text, t.value) for t in extract_times(nlp(text), published)]


def test_postponed_until_a_weekday_is_ahead(nlp: Any) -> None:
    # 2031-10-30 is a Thursday: the Tuesday before is two days nearer, but a postponement is
    # to a later day.
    text = "Corvale officials postponed until Tuesday morning any action on the Varn permit."
    assert timex_of(nlp, text, "Tuesday morning", D(2031, 10, 30)) == ("TIME", "2031-11-04TMO")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("the last half of 2029", D(2031, 3, 10), "2029-H2"),
        ("the first half of 2029", D(2031, 3, 10), "2029-H1"),
        # 2031-03-06 is a Thursday of ISO week 10
        ("the week of March 6", D(2031, 2, 24), "2031-W10"),
        ("the near term", D(2031, 3, 10), "FUTURE_REF"),
    ],
)
def test_halves_weeks_and_terms(text: str, published: dt.date, expected: str) -> None:
    timex = normalize(text, Anchor(published))
    assert timex is not None and timex.value == expected


def test_the_short_term_before_a_noun_is_no_time(nlp: Any) -> None:
    text = "Varn Mutual sold the short term debt of Corvale."
    assert [t.span.text for t in extract_times(nlp(text), D(2031, 3, 10))] == []
