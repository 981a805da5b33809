"""TIMEX3 readings from the fifth round (TimeBank and AQUAINT as development data): dates in
lists ("April 24 and 25", "2019, 2020 and 2022"), a month and day the parser took for part of
an event's name, ordinal "a second", the dangling "the night of", and the scheduled present
("the ministers meet Monday").

Dates were worked out by hand from a calendar; the publication date of each case is given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimscope.extract.times import extract_times
from timex_cases import timex_of

D = dt.date


def _spans(nlp: Any, text: str, published: dt.date) -> list[str]:
    return [t.span.text for t in extract_times(nlp(text), published)]


def test_bare_day_after_a_date_shares_its_month(nlp: Any) -> None:
    # Published Wednesday 2031-04-02: the summit days are later this month.
    text = "The Corvale summit will still be held on April 24 and 25."
    assert timex_of(nlp, text, "April 24", D(2031, 4, 2)) == ("DATE", "2031-04-24")
    assert timex_of(nlp, text, "25", D(2031, 4, 2)) == ("DATE", "2031-04-25")


def test_each_year_of_a_list_is_its_own_date(nlp: Any) -> None:
    text = "Cameras caught the Belmora van near the border in 2019, 2020 and 2022."
    spans = _spans(nlp, text, D(2031, 4, 2))
    assert [s for s in spans if s.isdigit()] == ["2019", "2020", "2022"]


def test_month_and_day_inside_an_event_name_is_a_date(nlp: Any) -> None:
    text = "Bookings fell after the Aug. 7 embassy bombings in Corvale, hotel owners said."
    assert timex_of(nlp, text, "Aug. 7", D(2031, 8, 25)) == ("DATE", "2031-08-07")


def test_ordinal_second_is_no_duration(nlp: Any) -> None:
    published = D(2031, 4, 2)
    assert _spans(nlp, "A second group of Belmora directors backed the offer.", published) == []
    assert _spans(nlp, "It would be a second betrayal, Mayor Varn said.", published) == []
    # A second of time stays one.
    assert timex_of(nlp, "The lights went out for a second.", "a second", published) == (
        "DURATION",
        "PT1S",
    )


def test_night_of_leaves_the_date_alone(nlp: Any) -> None:
    text = "Dr. Ilse Varn was attacked at home on the night of Thursday, Oct. 23."
    spans = _spans(nlp, text, D(2031, 10, 26))
    assert spans == ["Thursday, Oct. 23"]


def test_scheduled_present_points_forward(nlp: Any) -> None:
    # Published Friday 2031-05-02: "meet Monday" is the coming Monday, 2031-05-05.
    text = "The two ministers meet separately Monday with the envoy from Belmora."
    assert timex_of(nlp, text, "Monday", D(2031, 5, 2)) == ("DATE", "2031-05-05")
    # A past verb keeps the day before publication.
    text = "The two ministers met separately Monday with the envoy from Belmora."
    assert timex_of(nlp, text, "Monday", D(2031, 5, 2)) == ("DATE", "2031-04-28")
