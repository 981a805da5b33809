"""The TIMEX3 rules: from the normalised words of one expression to its type and value.

``read(words, ctx)`` tries clock times first, then calendar dates, publication-relative
expressions, durations, sets and vague references, and returns the first reading that fits
the whole expression. Every rule is a full match on the space-joined words that
``timex_lexicon.words_of`` produced, so a rule never reads half an expression.

Example:
    >>> import datetime as dt
    >>> read("3 weeks ago", Context(Anchor(dt.date(2025, 8, 21)))).value
    '2025-W31'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from claimscope.extract import timex_calendar as cal
from claimscope.extract import timex_dates as dates
from claimscope.extract.timex_lexicon import DECADE_WORDS, MONTHS, WEEKDAYS
from claimscope.extract.timex_periods import (
    REFS,
    SET_WORDS,
    ago,
    deictic_day,
    duration,
    event_relative,
    half,
    ordinal_unit,
    reference,
    relative_unit,
    set_every,
    set_month,
    set_times,
    set_word,
    weekday,
    window_rule,
)
from claimscope.extract.timex_values import (
    Anchor,
    Context,
    Timex,
)

__all__ = ["Anchor", "Context", "Timex", "read"]


Rule = Callable[["re.Match[str]", Context], "Timex | None"]

_MONTH = "(?P<m>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = "(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_NUM = r"(?P<n>\d+(?:\.\d+)?|a|an|x)"
_UNIT = r"(?P<u>[a-z]+)"  # checked with unit_of() in the handler
_ORD = r"(?:st|nd|rd|th)"
_DAYNUM = rf"(?P<d>\d{{1,2}}){_ORD}?"
_TOD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_GLUE = {"at", "on", "of", "in", "the", "and", "o'clock", "sharp", "local", "time"}
_ZONES = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "gmt", "utc",
          "bst", "cet", "cest", "eet", "eest", "msk"}  # fmt: skip
_CLOCK = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))? ?(?P<ap>am|pm)\b"
    r"|(?P<h2>\d{1,2}):(?P<mi2>\d{2})"
    r"|(?P<h3>\d{1,2}) in the (?P<part>morning|afternoon|evening|night)"
    r"|\b(?P<word>noon|midday|midnight)\b"
)


def read(text: str, ctx: Context) -> Timex | None:
    """The reading of the space-joined normalised words ``text``, or ``None``."""
    words = text.split()
    if len(words) > 1 and words[0] in WEEKDAYS and _DATE_START.match(" ".join(words[1:])):
        # "Tuesday, August 20": the date says it all, but the weekday picks its year.
        return _weekday_agreeing(" ".join(words[1:]), WEEKDAYS[words[0]], ctx)
    clock = _clock_time(text, ctx)
    if clock is not None:
        return clock
    for pattern, rule in _RULES:
        match = pattern.fullmatch(text)
        if match is not None:
            result = rule(match, ctx)
            if result is not None:
                return result
    return None


def _weekday_agreeing(text: str, weekday: int, ctx: Context) -> Timex | None:
    """A date written with its weekday: of the years near publication, one where they agree.

    "Saturday, April 25" in an article of April 24 is tomorrow when this year's April 25 is a
    Saturday, whatever the tense of the clause; a written year is kept as it is.
    """
    result = read(text, ctx)
    published = ctx.published
    if result is None or result.range_start is None or published is None:
        return result
    day = result.range_start
    if result.range_end != day or day.isoweekday() == weekday or re.search(r"\d{4}", text):
        return result
    agreeing = [
        d
        for year in range(published.year - 1, published.year + 2)
        if (d := cal.make_date(year, day.month, day.day)) and d.isoweekday() == weekday
    ]
    if not agreeing:
        return result
    best = min(agreeing, key=lambda d: abs((d - published).days))
    return result._replace(
        value=best.isoformat() + (result.value or "")[10:], range_start=best, range_end=best
    )


# --- clock times and parts of the day ------------------------------------------------------


def _clock_time(text: str, ctx: Context) -> Timex | None:
    match = _CLOCK.search(text)
    if match is None:
        return _part_of_day(text, ctx)
    hour, minute = _hour_minute(match)
    if hour is None:
        return None
    rest = [w for w in (text[: match.start()] + " " + text[match.end() :]).split()]
    rest = [w for w in rest if w not in _GLUE and w not in _ZONES]
    day = _day_value(" ".join(rest), ctx) if rest else _sentence_day(ctx)
    if day is None:
        return None
    value = f"{day}T{hour:02d}:{minute:02d}"
    return Timex("TIME", value, "X" not in day, *(cal.value_range(value) or (None, None)))


def _hour_minute(match: re.Match[str]) -> tuple[int | None, int]:
    if match["word"]:
        return (24 if match["word"] == "midnight" else 12), 0
    if match["h"]:
        hour, minute = int(match["h"]) % 12, int(match["mi"] or 0)
        hour += 12 if match["ap"] == "pm" else 0
    elif match["h2"]:
        hour, minute = int(match["h2"]), int(match["mi2"])
    else:
        hour, minute = int(match["h3"]), 0
        if match["part"] != "morning" and hour < 12:
            hour += 12
    if hour > 24 or minute > 59:
        return None, 0
    return hour, minute


def _sentence_day(ctx: Context) -> str:
    """The day a bare clock time or part of day falls on: the sentence's date, else publication."""
    day = ctx.anchor.day or ctx.published
    return day.isoformat() if day else "XXXX-XX-XX"


def _day_value(text: str, ctx: Context) -> str | None:
    """The day-sized value of ``text`` ("Tuesday", "this", "yesterday"), or ``None``."""
    if text in ("this", "today", "tonight"):
        return ctx.published.isoformat() if ctx.published else "XXXX-XX-XX"
    inner = read(text, ctx)
    if inner is None or inner.value is None or inner.type not in ("DATE", "TIME"):
        return None
    value = inner.value.split("T")[0]
    return value if _DAY_VALUE.fullmatch(value) else None


_DAY_VALUE = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}|XXXX-WXX-\d")


def _part_of_day(text: str, ctx: Context) -> Timex | None:
    words = text.split()
    if text == "tonight":
        part, rest = "NI", "today"
    elif text == "overnight":
        return None
    elif words and words[-1] in _TOD:
        part, rest = _TOD[words[-1]], " ".join(words[:-1])
    elif words and words[0] in _TOD:
        part, rest = _TOD[words[0]], " ".join(words[1:])
    else:
        return None
    if rest == "last" and part == "NI":
        day = None if ctx.published is None else (ctx.published - dt.timedelta(days=1)).isoformat()
    elif rest in ("", "this"):
        day = _sentence_day(ctx) if rest == "" else _day_value("this", ctx)
    else:
        day = _day_value(rest, ctx)
    if day is None and rest == "last":
        day = "XXXX-XX-XX"
    if day is None:
        return None
    value = f"{day}T{part}"
    return Timex("TIME", value, "X" not in day, *(cal.value_range(value) or (None, None)))


# --- relative to publication --------------------------------------------------------------


def _words(options: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(k) for k in sorted(options, key=len, reverse=True)) + ")"


# A weekday is left out before a date ("Tuesday, August 20") but not before a clock time.
_MONTH_WORD = "(?:" + "|".join(MONTHS) + ")"
_DATE_START = re.compile(rf"{_MONTH_WORD} |\d{{1,2}}{_ORD}? (?:of )?{_MONTH_WORD}|\d{{1,2}}/")

_REL = r"(?:(?P<rel>this|last|next|past|coming|previous|current|following|upcoming|latest) )?"
_YEAR = r"(?P<y>\d{4}|'\d{2})"

_RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?"), dates.iso),
    (re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"), dates.iso),
    (re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})"), dates.numeric_mdy),
    (re.compile(rf"{_MONTH} {_DAYNUM} (?P<y>\d{{4}})"), dates.month_day_year),
    (re.compile(rf"{_DAYNUM} (?:of )?{_MONTH} (?P<y>\d{{4}})"), dates.month_day_year),
    (re.compile(rf"{_MONTH} {_DAYNUM}"), dates.month_day),
    (re.compile(rf"{_DAYNUM} (?:of )?{_MONTH}"), dates.month_day),
    (re.compile(_words(dates.HOLIDAYS)), dates.holiday),
    (re.compile(rf"{_REL}(?P<name>{_words(dates.FLOATING_HOLIDAYS)})"), dates.floating_holiday),
    (re.compile(rf"{_MONTH} (?:of )?(?P<y>\d{{4}})"), dates.month_year),
    (re.compile(rf"{_REL}{_MONTH}"), dates.month),
    # "June last year", "March of next year", "this year's third quarter": a part of the
    # year that the deictic names.
    (re.compile(rf"{_MONTH} (?:of )?(?P<yrel>this|last|next|past|previous|coming) year"),
     dates.month_of_relative_year),
    (re.compile(r"(?P<yrel>this|last|next|past|previous|coming) year (?:(?P<q>\d)th )?"
                r"(?:fiscal )?(?:quarter|(?P<h>half))"), dates.quarter_of_relative_year),
    (re.compile(r"(?:fiscal |fy ?|(?:the )?year |calendar )?(?P<y>\d{4})"), dates.year_only),
    (re.compile(r"(?P<dec>\d{3})0s|'?(?P<d1>\d)0s|(?P<word>" + "|".join(DECADE_WORDS) + ")"),
     dates.decade),
    (re.compile(rf"(?P<c>\d{{1,2}}){_ORD}? century"), dates.century),
    # "a fourth-quarter charge": the quarter, not one quarter of a span ("a fourth week").
    (re.compile(rf"(?:a )?{_REL}(?P<q>\d){_ORD} (?:fiscal )?(?:quarter|(?P<h>half))"
                rf"(?: (?:of )?(?:fiscal )?{_YEAR})?"), dates.quarter),
    (re.compile(rf"(?:q|(?P<h>h))(?P<q>\d)(?: {_YEAR})?"), dates.quarter),
    # "the last half of 1989": the second half; "the week of March 6": the week holding it.
    (re.compile(r"(?P<which>first|last|second|latter) half (?:of )?(?P<y>\d{4})"),
     dates.half_of_year),
    (re.compile(rf"week (?:of )?{_MONTH} {_DAYNUM}(?: (?P<y>\d{{4}}))?"), dates.week_of),
    (re.compile(rf"(?P<y>\d{{4}}) (?:fiscal )?(?:(?P<q>\d){_ORD} )?(?:fiscal )?"
                r"(?:quarter|(?P<h>half))"), dates.year_quarter),
    (re.compile(rf"{_REL}(?P<s>spring|summer|autumn|fall|winter)(?: (?:of )?{_YEAR})?"),
     dates.season),
    (re.compile(r"today|yesterday|tomorrow"), deictic_day),
    (re.compile(rf"{_REL}{_WEEKDAY}(?P<pl>s)?"), weekday),
    # "the fiscal year", "the full year": the year that holds publication, like "the year".
    (re.compile(rf"{_REL}(?:(?:fiscal|full|calendar) )?(?P<u>[a-z]+)"), relative_unit),
    (re.compile(r"year end"), dates.year_end),
    (re.compile(r"(?:a |comparable |corresponding )?year (?:earlier|ago)"
                r"(?: (?:quarter|period|level|figure|results?))?"), dates.year_ago),
    (re.compile(rf"{_NUM} {_UNIT} (?P<dir>ago|from now|hence)"), ago),
    (re.compile(rf"(?:{_NUM} )?{_UNIT} (?:earlier|later|before|after|previously|afterwards)"),
     event_relative),
    # "a fourth week (of the strike)": one unit of an ongoing span, a duration, not a date.
    (re.compile(r"(?:a |the )?(?:(?:[2-9]|1\d)(?:nd|rd|th)|second|third|fourth|fifth|sixth"
                r"|seventh|eighth|ninth|tenth) "
                rf"(?:straight |consecutive |full )?{_UNIT}"), ordinal_unit),
    (re.compile(rf"(?P<rel>past|last|next|coming|previous|recent|latest|\d+{_ORD}|final)"
                rf"(?: {_NUM})? {_UNIT}"), window_rule),
    (re.compile(rf"(?:{_NUM} )?{_UNIT} (?P<rel>ahead)"), window_rule),
    (re.compile(rf"(?:{_NUM}(?: (?:to|or) \d+)?(?P<half> and a half)? )?"
                rf"(?:(?:more|full|straight|consecutive|long|additional|extra|further|trading"
                rf"|business|working|calendar) )?{_UNIT}"
                r"(?: (?:long|running|in a row))?"), duration),
    (re.compile(rf"(?:a |an )?{_UNIT} and a (?P<half>half)"), duration),
    (re.compile(rf"half (?:a |an )?{_UNIT}"), half),
    (re.compile(rf"(?:every|each) {_MONTH}"), set_month),
    (re.compile(rf"(?:every|each|per) (?:(?P<other>other) )?(?:(?:{_NUM} )?{_UNIT}|{_WEEKDAY})"),
     set_every),
    (re.compile(_words(SET_WORDS)), set_word),
    (re.compile(rf"(?:once|twice|thrice|\d+ times) (?:a|an|per|every|each) {_UNIT}"), set_times),
    (re.compile(_words(REFS)), reference),
]  # fmt: skip
