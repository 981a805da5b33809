"""TIMEX3 rules for expressions counted from publication or from nothing at all.

Relative dates ("yesterday", "last week", "three weeks ago", "on Tuesday"), durations ("48
hours", "the past three weeks"), sets ("every week") and vague references ("recently").
``timex_rules`` holds the table that sends each pattern here.

Example:
    >>> import re, datetime as dt
    >>> ctx = Context(Anchor(dt.date(2025, 8, 21)))
    >>> relative_unit(re.fullmatch(r"(?P<rel>last) (?P<u>week)", "last week"), ctx).value
    '2025-W33'
"""

from __future__ import annotations

import datetime as dt
import re

from claimscope.extract import timex_calendar as cal
from claimscope.extract.timex_lexicon import MONTHS, WEEKDAYS, unit_of
from claimscope.extract.timex_values import (
    NEXT_WORDS,
    PAST_WORDS,
    UNKNOWN_OF_UNIT,
    Anchor,
    Context,
    Timex,
    count_of,
    direction_of,
    granular,
    of_day,
    period,
    placeholder,
    resolved,
)

__all__ = ["Anchor"]

SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
              "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P1Q", "yearly": "P1Y",
              "annually": "P1Y", "hourly": "PT1H"}  # fmt: skip
REFS = {
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "past": "PAST_REF",
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "present": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "right now": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "future": "FUTURE_REF", "near future": "FUTURE_REF",
    "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "near term": "FUTURE_REF",
    "short term": "FUTURE_REF", "long term": "FUTURE_REF",
}  # fmt: skip


def deictic_day(match: re.Match[str], ctx: Context) -> Timex | None:
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[match[0]]
    if ctx.published is None:
        return placeholder("XXXX-XX-XX")
    return of_day(ctx.published + dt.timedelta(days=offset))


def weekday(match: re.Match[str], ctx: Context) -> Timex | None:
    weekday, rel = WEEKDAYS[match["wd"]], match["rel"]
    if match["pl"] and rel is None:
        return Timex("SET", f"XXXX-WXX-{weekday}", True)  # "on Tuesdays"
    if ctx.published is None:
        return placeholder(f"XXXX-WXX-{weekday}")
    if rel == "this":
        monday = ctx.published - dt.timedelta(days=ctx.published.weekday())
        return of_day(monday + dt.timedelta(days=weekday - 1))
    direction = direction_of(rel, ctx)
    return of_day(cal.weekday_near(weekday - 1, ctx.published, direction, strict=rel is not None))


def relative_unit(match: re.Match[str], ctx: Context) -> Timex | None:
    rel, word = match["rel"], match["u"]
    unit = "WE" if word == "weekend" else unit_of(word)
    if word == "period" and rel == "latest":
        unit = "Q"  # "sales in the latest period": the last quarter reported, in business news
    if unit is None or unit in ("S", "MIN", "H", "D", "FN") or word.endswith("s"):
        return None
    if rel is None and not ctx.had_the:
        return None  # a bare "year" is not a date; "the year" is this one
    if rel in ("past", "last") and ctx.had_the and unit not in ("WE", "Y", "DE", "CE"):
        return window(1, unit, past=True, ctx=ctx)  # "the past week": TimeML's duration
    # "over the past year", "in the last decade": TimeML reads the long units as the calendar
    # year (decade) before the current one, a DATE, like "last year", not a 12-month window.
    if rel in NEXT_WORDS and ctx.had_the and unit != "WE":
        return window(1, unit, past=False, ctx=ctx)
    offset = -1 if rel in PAST_WORDS else 1 if rel in NEXT_WORDS else 0
    if unit == "WE":
        if ctx.published is None:
            return placeholder("XXXX-WXX-WE")
        if rel is None and not ctx.future and ctx.published.weekday() < 5:
            offset = -1  # "the weekend" reported on a weekday is the one just gone
        return resolved(cal.week_value(cal.shift(ctx.published, offset, "W")) + "-WE")
    if ctx.published is None:
        return placeholder(UNKNOWN_OF_UNIT[unit])
    return resolved(granular(cal.shift(ctx.published, offset, unit), unit))


def ago(match: re.Match[str], ctx: Context) -> Timex | None:
    unit, amount = unit_of(match["u"]), count_of(match["n"])
    if unit is None:
        return None
    if amount is None or amount != int(amount):
        return Timex("DATE", "PAST_REF", True)  # "years ago", "several weeks ago"
    sign = 1 if match["dir"] in ("from now", "hence") else -1
    unit = "W" if unit == "FN" else unit
    amount = amount * 2 if match["u"].startswith("fortnight") else amount
    if ctx.published is None:
        return placeholder(UNKNOWN_OF_UNIT.get(unit, "XXXX-XX-XX"))
    day = cal.shift(ctx.published, sign * int(amount), unit)
    return resolved(granular(day, unit))


def event_relative(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "weeks after", "days later": a time counted from an event the words do not date.

    Only a bare unit is read here. With a count ("three days later", "a month after the
    vote") TimeML marks the count alone, as a DURATION (P3D), and leaves "later"/"after" to a
    signal: this rule then declines, so that the count is read as the duration it is.
    """
    if unit_of(match["u"]) is None or match["n"] is not None:
        return None
    return placeholder(None)


# --- durations, sets and vague references ---------------------------------------------------


def window(amount: float | None, unit: str, *, past: bool, ctx: Context) -> Timex:
    """A duration that ends (past) or starts (next) at publication: "the past three weeks"."""
    value = period(amount, unit)
    if ctx.published is None or amount is None or amount != int(amount):
        return Timex("DURATION", value, True)
    moved = cal.shift(
        ctx.published, (-1 if past else 1) * int(amount), "W" if unit == "FN" else unit
    )
    start, end = (moved, ctx.published) if past else (ctx.published, moved)
    return Timex("DURATION", value, True, start, end)


def window_rule(match: re.Match[str], ctx: Context) -> Timex | None:
    unit, rel = unit_of(match["u"]), match["rel"]
    if unit is None or (match["n"] is None and not match["u"].endswith("s")):
        return None
    if rel in ("recent", "past") and match["n"] is None:
        if unit == "Y":
            # "in recent years", "in past years": too vague to count as a stretch of years;
            # TimeML tags them as the vague past, a DATE of PAST_REF.
            return Timex("DATE", "PAST_REF", True)
        # "in recent months": a stretch up to now whose length is not given (PXM).
        return Timex("DURATION", period(None, unit), True)
    amount = count_of(match["n"]) if match["n"] else None
    if rel.endswith("th") or rel == "final":  # "the first nine months": no fixed placement
        return Timex("DURATION", period(amount, unit), True)
    return window(amount, unit, past=rel not in NEXT_WORDS and rel != "ahead", ctx=ctx)


def duration(match: re.Match[str], ctx: Context) -> Timex | None:
    unit = unit_of(match["u"])
    count, half = match.groupdict().get("n"), match.groupdict().get("half")
    if unit is None:
        return None
    if ctx.had_the and count is not None and re.fullmatch(r"1\d{3}|2\d{3}", count):
        return None  # "the 1988 second (quarter)": a year, not 1,988 seconds
    if count is None and half is None:
        if not match["u"].endswith("s"):
            return None
        return Timex("DURATION", period(None, unit), True)  # "weeks", "for months"
    amount = count_of(count)
    if amount is not None and half:
        amount += 0.5
    return Timex("DURATION", period(amount, unit), True)


def ordinal_unit(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "a fourth week (of the strike)": one unit of an ongoing span, so a one-unit duration."""
    unit = unit_of(match["u"])
    if unit is None:
        return None
    return Timex("DURATION", period(1, unit), True)


def half(match: re.Match[str], ctx: Context) -> Timex | None:
    unit = unit_of(match["u"])
    if unit is None:
        return None
    if unit == "Y":
        return Timex("DURATION", "P6M", True)
    return Timex("DURATION", period(0.5, unit), True)


def set_every(match: re.Match[str], ctx: Context) -> Timex | None:
    day = match["wd"] or match["u"]
    if day in WEEKDAYS and not match["n"]:
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS[day]}", True)  # "every Tuesday"
    unit = unit_of(match["u"] or "")
    if unit is None:
        return None
    amount = count_of(match["n"]) if match["n"] else 1
    if match["other"]:
        amount = 2
    return Timex("SET", period(amount, unit), True)


def set_month(match: re.Match[str], ctx: Context) -> Timex | None:
    """ "each July", "every March": that month in every year."""
    return Timex("SET", f"XXXX-{MONTHS[match['m']]:02d}", True)


def set_word(match: re.Match[str], ctx: Context) -> Timex | None:
    return Timex("SET", SET_WORDS[match[0]], True)


def set_times(match: re.Match[str], ctx: Context) -> Timex | None:
    unit = unit_of(match["u"])
    return None if unit is None else Timex("SET", period(1, unit), True)


def reference(match: re.Match[str], ctx: Context) -> Timex | None:
    return Timex("DATE", REFS[match[0]], True)
