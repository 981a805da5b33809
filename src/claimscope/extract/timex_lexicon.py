"""Words of time expressions: months, weekdays, units, numbers, and word normalisation.

``words_of`` turns an expression as written ("Aug. 20", "twenty-four hours", "the past few
weeks", "45-year-old", "last year's") into the lower-case words the TIMEX3 rules read
(``["aug", "20"]``, ``["24", "hours"]``, ``["the", "past", "x", "weeks"]``, ...).

Example:
    >>> words_of("the past twenty-four hours")
    ['the', 'past', '24', 'hours']
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

#: Monday = 1 as in ISO weeks and TIMEX3 ("XXXX-WXX-2" is a Tuesday).
WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}  # fmt: skip

#: Unit words to their TIMEX3 unit; sub-day units are written after a "T" (PT48H).
UNITS: dict[str, str] = {
    "second": "S", "sec": "S", "minute": "MIN", "min": "MIN", "hour": "H", "hr": "H",
    "day": "D", "week": "W", "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y",
    "yr": "Y", "decade": "DE", "century": "CE",
}  # fmt: skip

#: Words that head a time expression; ``looks_temporal`` uses them to tell a date that could
#: not be read from a non-temporal phrase the parser labelled DATE ("the age of 45").
_TEMPORAL_HEADS = {
    *MONTHS, *WEEKDAYS, *UNITS, "today", "tonight", "yesterday", "tomorrow", "weekend",
    "morning", "afternoon", "evening", "night", "spring", "summer", "autumn", "fall", "winter",
    "christmas", "easter", "recently", "now", "currently", "future", "past",
}  # fmt: skip

_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

#: Words that multiply the count before them: "two thousand years", "a hundred years".
_SCALES = {"hundred": 100, "thousand": 1000}

_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip

#: Decades written as words: "the nineties" -> the 1990s.
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip

# An ordinal word is read as a number only before these ("the second quarter", "the first
# nine months"), because "second" is also a unit and "first" an ordinary adjective.
_ORDINAL_BEFORE = {"quarter", "half", "week", "day", "month", "year", "century", "time"}
_VAGUE_AMOUNT = {"few", "several", "some", "many", "numerous"}

_SPACE_PUNCT = re.compile(r"[,;()\[\]\"“”]")
_LETTER_HYPHEN = re.compile(r"(?<=[a-z])[-–](?=[a-z0-9])|(?<=[0-9])[-–](?=[a-z])")
_DOTS = re.compile(r"\.(?!\d)")


def unit_of(word: str) -> str | None:
    """The TIMEX3 unit of a unit word, singular or plural ("weeks" -> "W")."""
    if word in UNITS:
        return UNITS[word]
    if word == "centuries":
        return "CE"
    if word.endswith("s") and word[:-1] in UNITS:
        return UNITS[word[:-1]]
    return None


def is_number(word: str) -> bool:
    """Whether a normalised word is a count: digits, or ``x`` for a vague amount."""
    return word == "x" or re.fullmatch(r"\d+(?:\.\d+)?", word) is not None


def words_of(text: str) -> list[str]:
    """The lower-case words a time expression's text is read as (see the module example)."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\ba\.m\.?|\ba\.m\b", " am", text)
    text = re.sub(r"\bp\.m\.?|\bp\.m\b", " pm", text)
    text = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", text)  # possessives: "last year's"
    text = _SPACE_PUNCT.sub(" ", text)
    text = _LETTER_HYPHEN.sub(" ", text)
    text = _DOTS.sub(" ", text)
    return _counts(text.split())


def is_age(words: list[str]) -> bool:
    """Whether the words give someone's age ("45-year-old", "52 years old"), which TimeML and
    TimeBank do not treat as a time expression."""
    return bool(words) and (words[-1] == "old" or words[-2:] == ["of", "age"])


def looks_temporal(text: str) -> bool:
    """Whether the words name a time at all (a month, weekday, unit, year, ...)."""
    words = words_of(text)
    if is_age(words):
        return False
    return any(w in _TEMPORAL_HEADS or unit_of(w) or re.fullmatch(r"\d{4}s?", w) for w in words)


def _is_spoken_year(word: str, nxt: str) -> bool:
    """Whether two number words read out a year: "nineteen ninety", "twenty fifteen".

    The first names the century (eleven to twenty-nine hundred: "nineteen", "twenty"), the
    second a two-digit number from ten up; no count of time is said that way.
    """
    first, second = _NUMBERS.get(word, 0), _NUMBERS.get(nxt, 0)
    return 11 <= first <= 20 and second >= 10


def _counts(words: list[str]) -> list[str]:
    """Number words to digits, ordinals before units to ``1st``.., vague amounts to ``x``."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in _NUMBERS and _is_spoken_year(word, nxt):
            # "nineteen ninety-four": a year read out as two numbers (broadcast transcripts).
            value = _NUMBERS[word] * 100 + _NUMBERS[nxt]
            i += 1
            after = words[i + 1] if i + 1 < len(words) else ""
            if _NUMBERS[nxt] >= 20 and _NUMBERS.get(after, 10) < 10:
                value += _NUMBERS[after]
                i += 1
            out.append(str(value))
        elif word in _NUMBERS or (word in _SCALES and out[-1:] in (["a"], ["1"])):
            if word in _SCALES:  # "a hundred years": the "a" is the count
                out.pop()
                value = _SCALES[word]
            else:
                value = _NUMBERS[word]
            if value >= 20 and nxt in _NUMBERS and _NUMBERS[nxt] < 10:
                value += _NUMBERS[nxt]
                i += 1
            while i + 1 < len(words) and words[i + 1] in _SCALES:
                value *= _SCALES[words[i + 1]]  # "two thousand", "three hundred"
                i += 1
            out.append(str(value))
        elif word.isdigit() and nxt == "1/2":
            out.append(f"{word}.5")  # "2 1/2 years"
            i += 1
        elif word in _ORDINALS and (nxt in _ORDINAL_BEFORE or nxt in _NUMBERS or nxt.isdigit()):
            out.append(f"{_ORDINALS[word]}th")
        elif word == "couple" and nxt == "of":
            if out and out[-1] == "a":
                out.pop()
            out.append("2")
            i += 1
        elif word in _VAGUE_AMOUNT and unit_of(nxt):
            if out and out[-1] == "a":
                out.pop()
            out.append("x")
        else:
            out.append(word)
        i += 1
    return out
