"""TIMEX3 normalisation of one time expression, relative to the publication date.

``normalize(text, anchor)`` reads the words of a single candidate expression ("August 20",
"last week", "three weeks ago", "every week", "3 p.m. Tuesday") and returns its TIMEX3 type
and value, or ``None`` when it cannot read them. It knows nothing of spaCy: ``times.py`` finds
the candidates and the clause tense, this module only interprets the words.

What ``anchored`` means (``Timex.anchored``, copied to ``TimeExpression.anchored``):

* DATE and TIME: ``True`` when the value is complete — written out in full ("August 20, 2024"),
  resolved against the publication date ("August 20", "last week"), or a TIMEX3 reference
  value (``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``) that no anchor could make more precise.
  ``False`` when it needs an anchor it lacks: ``X`` placeholders where the publication date is
  unknown ("XXXX-08-20"), or no value at all where the expression counts from an event or
  reference time the text does not date ("weeks after the vote", "two days later").
* DURATION and SET: always ``True``: a length or a frequency needs no anchor. Where a duration
  is also placed in time ("the past three weeks") and the publication date is known, its range
  is filled in.

Example:
    >>> import datetime as dt
    >>> normalize("August 20", Anchor(dt.date(2025, 8, 21))).value
    '2025-08-20'
    >>> normalize("last week", Anchor(dt.date(2025, 8, 21))).value
    '2025-W33'
    >>> normalize("three weeks", Anchor(None)).value
    'P3W'
"""

from __future__ import annotations

import re

from claimscope.extract import timex_rules
from claimscope.extract.timex_lexicon import is_number, looks_temporal, words_of
from claimscope.extract.timex_values import Anchor, Context, Timex

__all__ = ["Anchor", "Timex", "is_reference", "looks_temporal", "normalize"]


#: Leading words that qualify an expression without changing its value ("about three weeks",
#: "early next year", "the end of August"), as word tuples with the modifier they record.
_MODIFIERS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("the", "end", "of"), "end"),
    (("the", "beginning", "of"), "start"),
    (("the", "start", "of"), "start"),
    (("the", "middle", "of"), "mid"),
    (("the", "turn", "of"), "start"),
    (("end", "of"), "end"),
    # The same without "the", which the loop strips first ("the middle of October").
    (("beginning", "of"), "start"),
    (("start", "of"), "start"),
    (("middle", "of"), "mid"),
    (("turn", "of"), "start"),
    (("more", "than"), "approx"),
    (("less", "than"), "approx"),
    (("at", "least"), "approx"),
    (("at", "most"), "approx"),
    (("up", "to"), "approx"),
    (("a", "mere"), "approx"),
    (("about",), "approx"),
    (("around",), "approx"),
    (("approximately",), "approx"),
    (("roughly",), "approx"),
    (("nearly",), "approx"),
    (("almost",), "approx"),
    (("some",), "approx"),
    (("over",), "approx"),
    (("just",), "approx"),
    (("only",), "approx"),
    (("mere",), "approx"),
    (("early",), "start"),
    (("late",), "end"),
    (("mid",), "mid"),
    (("earlier",), "earlier"),
    (("later",), "later"),
)

# "earlier"/"later" qualify a following deictic ("earlier this month"); elsewhere they are the
# head of the expression ("a year earlier") and must stay.
_DEICTIC = {"this", "next", "last", "that", "in", "the"}


def normalize(text: str, anchor: Anchor) -> Timex | None:
    """The TIMEX3 reading of one expression's text, or ``None`` when it is not understood.

    Args:
        text: the expression as written, without a leading preposition ("August 20").
        anchor: publication date, clause tense and sentence date to read it against.
    """
    words = words_of(text)
    ctx = Context(anchor)
    words = _strip_modifiers(words, ctx)
    if not words:
        return None
    result = timex_rules.read(" ".join(words), ctx)
    if result is None:
        return None
    return _apply_position(result, ctx)


def _strip_modifiers(words: list[str], ctx: Context) -> list[str]:
    changed = True
    while changed and words:
        changed = False
        if words[0] == "the" and len(words) > 1:
            ctx.had_the = True
            words = words[1:]
            changed = True
            continue
        for phrase, mod in _MODIFIERS:
            size = len(phrase)
            if tuple(words[:size]) != phrase or len(words) == size:
                continue
            if phrase[0] == "some" and not is_number(words[size]):
                continue  # "some 300 days" is approximate; "some time" is not a time
            if phrase[0] in ("earlier", "later") and words[size] not in _DEICTIC:
                continue
            ctx.mods.add(mod)
            ctx.had_the = ctx.had_the or phrase[0] == "the"
            words = words[size:]
            changed = True
            break
    return words


def _apply_position(result: Timex, ctx: Context) -> Timex:
    """Narrow the range of "earlier this month" / "later this year" at the publication date."""
    published = ctx.published
    if published is None or result.range_start is None or result.range_end is None:
        return result
    if not result.range_start <= published <= result.range_end:
        return result
    if "earlier" in ctx.mods:
        return result._replace(range_end=published)
    if "later" in ctx.mods:
        return result._replace(range_start=published)
    return result


def is_reference(value: str | None) -> bool:
    """Whether a value is one of TIMEX3's vague references (PAST_REF, ...)."""
    return value is not None and re.fullmatch(r"(PAST|PRESENT|FUTURE)_REF", value) is not None
