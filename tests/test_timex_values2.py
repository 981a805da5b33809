"""TIMEX3 values from the second tuning round: tense of the clause, quarters written with their
year, weekday-and-date agreement, year-end, fiscal years, spoken years, decade words.

Dates were worked out by hand from a calendar; the publication date of each case is given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claimscope.extract.times import extract_times
from claimscope.extract.timex import Anchor, normalize
from claimscope.extract.timex_lexicon import words_of
from timex_cases import timex_of

D = dt.date


# --- the tense of the clause, through the parser --------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "published", "expected"),
    [
        # a date hanging on an adjective is not dated by the sentence's past verb
        (
            "Corvale Mills declared a dividend, payable Dec. 7 to holders of record.",
            "Dec. 7",
            D(2031, 10, 27),
            ("DATE", "2031-12-07"),
        ),
        # "is to" + verb is a plan: the coming Tuesday (2031-10-27 is a Monday)
        (
            "Varn Holdings stock is to resume trading in Corvale Tuesday.",
            "Tuesday",
            D(2031, 10, 27),
            ("DATE", "2031-10-28"),
        ),
        # a schedule in the past perfect: the nearer Friday, here the one just gone
        (
            "The Belmora offer had been due to expire Friday.",
            "Friday",
            D(2031, 10, 27),
            ("DATE", "2031-10-24"),
        ),
        # the end of a stretch after a past verb: the nearer Nov. 20, not last year's
        (
            "Varn Holdings extended its Corvale offer to Nov. 20.",
            "Nov. 20",
            D(2031, 11, 2),
            ("DATE", "2031-11-20"),
        ),
        # ... unless "from" opened the stretch, which then lies in the past (2031-10-27: Monday)
        (
            "Mayor Ilse Varn bought shares from Oct. 1 to Thursday.",
            "Thursday",
            D(2031, 10, 27),
            ("DATE", "2031-10-23"),
        ),
    ],
)
def test_tense_of_the_clause(
    nlp: Any, text: str, span: str, published: dt.date, expected: tuple[str, str]
) -> None:
    assert timex_of(nlp, text, span, published) == expected


def test_the_plain_past_still_wins_for_the_day_of_an_event(nlp: Any) -> None:
    # A regression guard: the stretch rule must not touch "reopened on August 25".
    text = "The Corvale bridge reopened on August 25."
    assert timex_of(nlp, text, "August 25", D(2031, 8, 21)) == ("DATE", "2030-08-25")


# --- expressions read with the article around them -------------------------------------------


def test_the_year_ended_a_day_is_one_year_long(nlp: Any) -> None:
    text = "Corvale Mills earned $4 million in the year ended March 31."
    assert timex_of(nlp, text, "the year", D(2031, 10, 31)) == ("DURATION", "P1Y")


def test_the_year_alone_is_the_year_of_publication(nlp: Any) -> None:
    text = "Corvale Mills expects higher sales for the year."
    assert timex_of(nlp, text, "the year", D(2031, 10, 31)) == ("DATE", "2031")


def test_a_quarter_written_with_its_year_takes_the_reported_quarter(nlp: Any) -> None:
    text = (
        "Belmora Foods said third-quarter profit rose 8%. It earned $2 million in the 2030 quarter."
    )
    assert timex_of(nlp, text, "the 2030 quarter", D(2031, 10, 30)) == ("DATE", "2030-Q3")


def test_a_weekday_picks_the_year_of_its_date(nlp: Any) -> None:
    # 2031-04-26 is a Saturday, 2030-04-26 a Friday: the weekday decides, not the past tense.
    text = "The Belmora Daily Courier said in an editorial on Saturday, April 26, that it agreed."
    assert timex_of(nlp, text, "Saturday, April 26", D(2031, 4, 25)) == ("DATE", "2031-04-26")


def test_weekday_without_a_date_in_agreement_is_left_to_the_date(nlp: Any) -> None:
    # 2031-10-13 is a Monday: "Friday Oct. 13" agrees with no year near publication.
    text = "Corvale Mills lost $4 million on Friday Oct. 13 alone."
    assert timex_of(nlp, text, "Friday Oct. 13", D(2031, 10, 27))[1] == "2031-10-13"


def test_a_clock_time_with_its_day(nlp: Any) -> None:
    text = "Varn Holdings extended its offer until 5 p.m. EST Nov. 9."
    assert timex_of(nlp, text, "5 p.m. EST Nov. 9", D(2031, 11, 2)) == ("TIME", "2031-11-09T17:00")


# --- single expressions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        ("the 1988 third quarter", D(1989, 10, 30), None, ("DATE", "1988-Q3")),
        ("the 1988 second quarter", D(1989, 10, 30), None, ("DATE", "1988-Q2")),
        ("the 1988 quarter", D(1989, 10, 30), None, ("DATE", "1988-QX")),
        # results are reported after a quarter ends: in October, the quarter just ended
        ("third-quarter", D(2031, 10, 30), "future", ("DATE", "2031-Q3")),
        # ... but a quarter that ended more than three months ago is next year's
        ("first-quarter", D(2031, 10, 30), "future", ("DATE", "2032-Q1")),
        ("the nineties", D(1998, 3, 3), None, ("DATE", "199")),
        ("the nineties", D(2031, 3, 3), None, ("DATE", "199")),
        ("the twenties", D(2031, 3, 3), None, ("DATE", "202")),
        ("the middle of October", D(2031, 11, 5), "past", ("DATE", "2031-10")),
        ("the beginning of October", D(2031, 11, 5), "past", ("DATE", "2031-10")),
        ("January nineteen ninety-seven", D(1998, 2, 27), None, ("DATE", "1997-01")),
        ("the winter of nineteen ninety-four", D(1998, 2, 27), None, ("DATE", "1994-WI")),
        ("year-end", D(2031, 10, 26), "future", ("DATE", "2031")),
        ("year's end", D(2031, 10, 26), None, ("DATE", "2031")),
        ("year-end", D(2031, 10, 26), "past", ("DATE", "2030")),
        ("the fiscal year", D(2031, 11, 2), None, ("DATE", "2031")),
        ("the full year", D(2031, 11, 2), None, ("DATE", "2031")),
        ("the latest fiscal year", D(2031, 11, 2), None, ("DATE", "2030")),
        ("an additional year", D(2031, 11, 2), None, ("DURATION", "P1Y")),
        ("eight trading days", D(2031, 11, 2), None, ("DURATION", "P8D")),
        ("five business days", D(2031, 11, 2), None, ("DURATION", "P5D")),
    ],
)
def test_normalize(text: str, published: dt.date, tense: Any, expected: tuple[str, str]) -> None:
    timex = normalize(text, Anchor(published, tense=tense))
    assert timex is not None
    assert (timex.type, timex.value) == expected


def test_a_year_before_a_unit_is_not_a_count() -> None:
    # "the 1988 second" once read as 1,988 seconds (PT1988S).
    assert normalize("the 1988 second", Anchor(D(1989, 10, 30))) is None


def test_year_end_covers_the_last_month() -> None:
    timex = normalize("year-end", Anchor(D(2031, 10, 26)))
    assert timex is not None
    assert (timex.range_start, timex.range_end) == (D(2031, 12, 1), D(2031, 12, 31))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("nineteen ninety-four", ["1994"]),
        ("twenty fifteen", ["2015"]),
        ("nineteen eighty", ["1980"]),
        # counts stay counts
        ("twenty-four hours", ["24", "hours"]),
        ("twenty four hours", ["24", "hours"]),
        ("ten years", ["10", "years"]),
    ],
)
def test_spoken_years(text: str, words: list[str]) -> None:
    assert words_of(text) == words


def test_both_is_left_out_of_a_pair_of_years(nlp: Any) -> None:
    text = "The Corvale merger will cut earnings in both 2032 and 2033."
    spans = [t.span.text for t in extract_times(nlp(text), D(2031, 10, 30))]
    assert "2032" in spans and "both 2032" not in spans
