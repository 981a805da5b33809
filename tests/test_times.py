"""Time expressions: candidates, spans and TIMEX3 values against a fixed publication date.

The publication date of every case is Thursday 2025-08-21 (ISO week 34) unless a case says
otherwise; expected values were worked out by hand from a calendar.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.extract.times import extract_times
from claimscope.extract.timex import Anchor, normalize
from claimscope.extract.timex_calendar import value_range
from claimscope.schema import TimeExpression

PUBLISHED = dt.date(2025, 8, 21)  # a Thursday
D = dt.date


def _times(nlp: Any, text: str, published: dt.date | None = PUBLISHED) -> list[TimeExpression]:
    return extract_times(nlp(text), published)


def _only(nlp: Any, text: str, published: dt.date | None = PUBLISHED) -> TimeExpression:
    found = _times(nlp, text, published)
    assert len(found) == 1, [(t.span.text, t.value) for t in found]
    return found[0]


# --- whole sentences, through the parser --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        # absolute and month-day dates; the preposition stays out of the span
        ("The Corvale council voted on August 20.", "August 20", "DATE", "2025-08-20"),
        ("Mayor Ilse Varn signed the deal on May 3, 2024.", "May 3, 2024", "DATE", "2024-05-03"),
        ("The Belmora mill closed in April 2023.", "April 2023", "DATE", "2023-04"),
        ("The Belmora mill closed in 2019.", "2019", "DATE", "2019"),
        ("Rents in Corvale doubled in the 1990s.", "the 1990s", "DATE", "199"),
        # future tense: the next such date, not the last one
        ("The Corvale bridge will reopen on August 25.", "August 25", "DATE", "2025-08-25"),
        ("The Corvale bridge reopened on August 25.", "August 25", "DATE", "2024-08-25"),
        ("The hearing is scheduled for August 25.", "August 25", "DATE", "2025-08-25"),
        # relative to publication
        ("Mayor Ilse Varn resigned yesterday.", "yesterday", "DATE", "2025-08-20"),
        ("The Corvale council votes tomorrow.", "tomorrow", "DATE", "2025-08-22"),
        ("The council of Corvale met on Tuesday.", "Tuesday", "DATE", "2025-08-19"),
        ("The council of Corvale will meet on Tuesday.", "Tuesday", "DATE", "2025-08-26"),
        ("The council of Corvale met on Friday.", "Friday", "DATE", "2025-08-15"),
        ("The council of Corvale will meet on Friday.", "Friday", "DATE", "2025-08-22"),
        ("The Belmora ferry sank last week.", "last week", "DATE", "2025-W33"),
        ("The Belmora ferry sails next week.", "next week", "DATE", "2025-W35"),
        ("The Corvale budget passed last month.", "last month", "DATE", "2025-07"),
        ("The Corvale budget passed earlier this month.", "earlier this month", "DATE", "2025-08"),
        ("The Corvale budget will pass next month.", "next month", "DATE", "2025-09"),
        ("The Corvale budget passed last year.", "last year", "DATE", "2024"),
        ("Tolls in Corvale rose this year.", "this year", "DATE", "2025"),
        ("The Belmora ferry sank two days ago.", "two days ago", "DATE", "2025-08-19"),
        ("The Belmora ferry sank three weeks ago.", "three weeks ago", "DATE", "2025-W31"),
        # durations
        ("The Corvale strike lasted three weeks.", "three weeks", "DURATION", "P3W"),
        ("Mayor Ilse Varn has led Corvale for two years.", "two years", "DURATION", "P2Y"),
        ("The Belmora port was shut for 48 hours.", "48 hours", "DURATION", "PT48H"),
        # sets
        ("The Corvale market opens every week.", "every week", "SET", "P1W"),
        ("The Belmora Daily Courier prints a weekly digest.", "weekly", "SET", "P1W"),
        ("The Corvale fair is held each year.", "each year", "SET", "P1Y"),
        # vague references
        ("Mayor Ilse Varn recently left Corvale.", "recently", "DATE", "PAST_REF"),
        ("The Corvale plan is currently under review.", "currently", "DATE", "PRESENT_REF"),
        ("The Corvale plan failed in the past.", "the past", "DATE", "PAST_REF"),
        ("The recent floods hit the Corvale valley.", "recent", "DATE", "PAST_REF"),
        # clock times and parts of the day
        ("At 3 p.m. on August 19, the Corvale council met.", "3 p.m.", "TIME", "2025-08-19T15:00"),
        ("The Corvale council met this morning.", "this morning", "TIME", "2025-08-21TMO"),
    ],
)
def test_expression(nlp: Any, text: str, span: str, kind: str, value: str) -> None:
    found = [t for t in _times(nlp, text) if t.span.text == span]
    assert found, [(t.span.text, t.value) for t in _times(nlp, text)]
    assert (found[0].type, found[0].value) == (kind, value)
    assert found[0].anchored


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("The Belmora ferry sank last week.", "last week", D(2025, 8, 11), D(2025, 8, 17)),
        ("The Corvale budget passed last month.", "last month", D(2025, 7, 1), D(2025, 7, 31)),
        ("It passed earlier this month.", "earlier this month", D(2025, 8, 1), D(2025, 8, 21)),
        ("The Corvale council voted on August 20.", "August 20", D(2025, 8, 20), D(2025, 8, 20)),
        (
            "Tolls rose over the past three weeks.",
            "the past three weeks",
            D(2025, 7, 31),
            PUBLISHED,
        ),
    ],
)
def test_range(nlp: Any, text: str, span: str, start: dt.date, end: dt.date) -> None:
    found = {t.span.text: t for t in _times(nlp, text)}
    assert (found[span].range_start, found[span].range_end) == (start, end)


@pytest.mark.parametrize(
    ("text", "span", "value", "anchored"),
    [
        ("The Corvale council voted on August 20.", "August 20", "XXXX-08-20", False),
        ("The Belmora ferry sank last week.", "last week", "XXXX-WXX", False),
        ("The council of Corvale met on Tuesday.", "Tuesday", "XXXX-WXX-2", False),
        ("Mayor Ilse Varn resigned yesterday.", "yesterday", "XXXX-XX-XX", False),
        # complete without an anchor
        ("The Belmora mill closed in 2019.", "2019", "2019", True),
        ("Mayor Ilse Varn signed the deal on May 3, 2024.", "May 3, 2024", "2024-05-03", True),
        ("The Corvale strike lasted three weeks.", "three weeks", "P3W", True),
        ("The Corvale market opens every week.", "every week", "P1W", True),
    ],
)
def test_without_publication_date(
    nlp: Any, text: str, span: str, value: str, anchored: bool
) -> None:
    found = {t.span.text: t for t in _times(nlp, text, published=None)}
    assert (found[span].value, found[span].anchored) == (value, anchored)
    assert found[span].range_start is None or anchored


def test_weeks_after_an_undated_event_is_unanchored(nlp: Any) -> None:
    text = "The Corvale mayor resigned just weeks after the reported flood."
    expr = _only(nlp, text)
    assert (expr.span.text, expr.type, expr.value, expr.anchored) == (
        "just weeks after",
        "DATE",
        None,
        False,
    )


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Three days later, the Corvale dam opened again.", "Three days", "P3D"),
        ("The mayor resigned a month after the Corvale flood.", "a month", "P1M"),
        ("Ilse Varn left Belmora several months before the vote.", "several months", "PXM"),
        # The parser's entity holds the count and "later"; the count alone is read.
        ("Two and a half years later, the Corvale dam reopened.", "Two and a half years", "P2Y6M"),
    ],
)
def test_counted_time_from_an_event_is_a_duration(
    nlp: Any, text: str, span: str, value: str
) -> None:
    # TimeML marks the count alone ("three days") as a DURATION; "later"/"after" is a signal.
    # Only a bare unit ("weeks after") stays a date that cannot be anchored.
    expr = _only(nlp, text)
    assert (expr.span.text, expr.type, expr.value, expr.anchored) == (span, "DURATION", value, True)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # No date in the sentence: the checker must find what the count counts from.
        ("The dam failed in Corvale. Three days later, the Belmora council met.",
         ["Three days later"]),
        # The sentence gives the date it counts from.
        ("Relief teams reached Corvale on Tuesday, five days after the river burst its banks.",
         []),
        # A span of time, not a count from an event.
        ("The Corvale dockers stayed out for a week after the talks failed.", []),
    ],
)  # fmt: skip
def test_a_count_from_an_undated_event_is_still_flagged(
    analyzer: Any, text: str, flagged: list[str]
) -> None:
    analysis = analyzer.analyze(text, published=PUBLISHED)
    found = [f.spans[0].text for f in analysis.findings if f.kind == "unanchored_date"]
    assert found == flagged


def test_count_of_time_before_a_date_stays_a_duration(nlp: Any) -> None:
    found = _times(nlp, "The Corvale vote came two days after August 3.")
    assert [(t.span.text, t.value) for t in found] == [
        ("two days", "P2D"),
        ("August 3", "2025-08-03"),
    ]


def test_clock_time_takes_the_nearest_date_before_it(nlp: Any) -> None:
    text = "The hearing is set for August 25; the vote took place on August 19 at 3 p.m. there."
    found = {t.span.text: t.value for t in _times(nlp, text)}
    assert found["3 p.m."] == "2025-08-19T15:00"


def test_range_of_two_years_gives_two_expressions(nlp: Any) -> None:
    found = _times(nlp, "Revenue in Corvale fell between 2010 and 2015.")
    assert [(t.span.text, t.value) for t in found] == [("2010", "2010"), ("2015", "2015")]


@pytest.mark.parametrize(
    "text",
    [
        "The 45-year-old mayor of Corvale resigned.",  # an age, not a duration
        "The Belmora Daily Courier printed the letter.",  # part of an outlet's name
        "Mayor Ilse Varn may resign.",  # a modal verb, not the month
    ],
)
def test_not_a_time_expression(nlp: Any, text: str) -> None:
    assert _times(nlp, text) == []


def test_records_are_numbered_ordered_and_never_overlap(nlp: Any) -> None:
    text = (
        "Mayor Ilse Varn said on Tuesday that the Corvale bridge, shut for three weeks, "
        "would reopen next month.\nThe Belmora Daily Courier reported it yesterday."
    )
    found = _times(nlp, text)
    assert [t.id for t in found] == [f"T{i}" for i in range(1, len(found) + 1)]
    assert [t.span.text for t in found] == ["Tuesday", "three weeks", "next month", "yesterday"]
    assert [t.sentence for t in found] == [0, 0, 0, 1]
    for first, second in itertools.pairwise(found):
        assert first.span.end <= second.span.start
    for expr in found:
        assert text[expr.span.start : expr.span.end] == expr.span.text


def test_unanchored_date_becomes_a_finding(analyzer: Any) -> None:
    analysis = analyzer.analyze("The Corvale council voted on August 20.")
    assert [f.kind for f in analysis.findings] == ["unanchored_date"]
    assert analysis.findings[0].spans[0].text == "August 20"
    anchored = analyzer.analyze("The Corvale council voted on August 20.", published=PUBLISHED)
    assert "unanchored_date" not in [f.kind for f in anchored.findings]


# --- the normaliser alone, without the parser ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Aug. 7, 1998", "DATE", "1998-08-07"),
        ("11/02/89", "DATE", "1989-11-02"),
        ("2024-03-05", "DATE", "2024-03-05"),
        ("Friday, August 15", "DATE", "2025-08-15"),
        ("the third quarter", "DATE", "2025-Q3"),
        ("last summer", "DATE", "2024-SU"),
        ("the 20th century", "DATE", "19"),
        ("the nineties", "DATE", "199"),
        ("last November", "DATE", "2024-11"),
        ("tonight", "TIME", "2025-08-21TNI"),
        ("last night", "TIME", "2025-08-20TNI"),
        ("Tuesday night", "TIME", "2025-08-19TNI"),
        ("10:30 a.m. EST", "TIME", "2025-08-21T10:30"),
        ("noon", "TIME", "2025-08-21T12:00"),
        ("the weekend", "DATE", "2025-W33-WE"),
        ("twenty-four hours", "DURATION", "PT24H"),
        ("half an hour", "DURATION", "PT30M"),
        ("two decades", "DURATION", "P20Y"),
        ("a few weeks", "DURATION", "PXW"),
        ("every other week", "SET", "P2W"),
        ("every Tuesday", "SET", "XXXX-WXX-2"),
        ("twice a year", "SET", "P1Y"),
        ("several years ago", "DATE", "PAST_REF"),
        ("the near future", "DATE", "FUTURE_REF"),
    ],
)
def test_normalize(text: str, kind: str, value: str) -> None:
    timex = normalize(text, Anchor(PUBLISHED))
    assert timex is not None
    assert (timex.type, timex.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Tuesday", "past", "2025-08-19"),
        ("Tuesday", "future", "2025-08-26"),
        ("Tuesday", None, "2025-08-19"),  # nearer: two days back, five ahead
        ("Saturday", None, "2025-08-23"),  # nearer: two days ahead, five back
        ("Thursday", "past", "2025-08-21"),  # the publication day itself
        ("last Thursday", None, "2025-08-14"),
        ("next Thursday", None, "2025-08-28"),
        ("February 10", "past", "2025-02-10"),
        ("February 10", "future", "2026-02-10"),
        ("August 21", "future", "2025-08-21"),
    ],
)
def test_tense_decides_direction(text: str, tense: Any, value: str) -> None:
    timex = normalize(text, Anchor(PUBLISHED, tense=tense))
    assert timex is not None and timex.value == value


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2025-W01", D(2024, 12, 30), D(2025, 1, 5)),  # ISO week 1 starts in the old year
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2025-Q4", D(2025, 10, 1), D(2025, 12, 31)),
        ("199", D(1990, 1, 1), D(1999, 12, 31)),
        ("2025-W33-WE", D(2025, 8, 16), D(2025, 8, 17)),
    ],
)
def test_value_range(value: str, start: dt.date, end: dt.date) -> None:
    assert value_range(value) == (start, end)


def test_value_range_of_unresolved_values_is_none() -> None:
    assert value_range("XXXX-08-20") is None
    assert value_range("PAST_REF") is None
    assert value_range("P3W") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalize_never_raises(text: str) -> None:
    normalize(text, Anchor(PUBLISHED))
    normalize(text, Anchor(None, tense="future"))


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The dockers stay out for a fourth week after the talks failed.", "a fourth week", "P1W"),
        (
            "Prices in Corvale rose for a third consecutive month.",
            "a third consecutive month",
            "P1M",
        ),
    ],
)
def test_ordinal_unit_is_a_duration_not_an_unanchored_date(
    nlp: Any, text: str, span: str, value: str
) -> None:
    # Regression: "a fourth week after the talks" was read as "<count> after <event>", an
    # unanchored date, and produced a false "cannot be resolved" finding.
    found = _times(nlp, text)
    assert [(t.span.text, t.type, t.value, t.anchored) for t in found] == [
        (span, "DURATION", value, True)
    ]


# --- the period a business report is about -------------------------------------------------

_REPORTED = dt.date(2025, 10, 28)  # late October: third-quarter results are being reported


def test_year_earlier_is_the_same_quarter_a_year_before_once_a_quarter_is_named(nlp: Any) -> None:
    text = (
        "Belmora Mills said third-quarter profit rose to $4 million from $3 million a year "
        "earlier. Sales in the quarter grew 5%."
    )
    found = {t.span.text: t.value for t in _times(nlp, text, _REPORTED)}
    assert found["third-quarter"] == "2025-Q3"
    assert found["a year earlier"] == "2024-Q3"
    assert found["the quarter"] == "2025-Q3"


def test_year_ago_quarter_is_one_expression(nlp: Any) -> None:
    text = (
        "Corvale Foods earned $9 million in the second quarter, up from $7 million in the "
        "year-ago quarter."
    )
    found = {t.span.text: t.value for t in _times(nlp, text, dt.date(2025, 7, 30))}
    assert found["the second quarter"] == "2025-Q2"
    assert found["the year-ago quarter"] == "2024-Q2"


def test_year_earlier_without_a_quarter_is_the_year_before(nlp: Any) -> None:
    found = _only(nlp, "Wages in Corvale were 3 percent higher than a year earlier.")
    assert (found.span.text, found.type, found.value) == ("a year earlier", "DATE", "2024")


def test_recent_years_is_the_vague_past(nlp: Any) -> None:
    # TimeBank tags bare "recent years" as PAST_REF far more often than as PXY.
    found = _only(nlp, "The Belmora harbour has silted up in recent years.")
    assert (found.span.text, found.type, found.value) == ("recent years", "DATE", "PAST_REF")
