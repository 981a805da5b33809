"""Acronyms defined next to their expansion, found in a parsed ``Doc``.

A shared helper: ``extract.acronyms`` turns the pairs into ``Acronym`` records and
``extract.entities`` makes both forms mentions of one entity, without either extractor calling
the other.

The forms recognised:

- ``SHORT (Long Form)``: "NRB (National Radio of Belmora)";
- ``Long Form (SHORT)``: "National Radio of Belmora (NRB)";
- ``Long Form, known as SHORT`` and ``Long Form (known as SHORT)``.

Whether a short form fits its expansion (``fits``) follows the usual practice of acronym
building: every content word of the expansion gives its first letter, in order; function words
("of", "the", "and", ...) may give theirs or nothing; a word may give further letters from
inside it, in order, after its first ("Interpol", "CENTCOM"). Content words are never skipped,
so "TAK" cannot stand for "Central Telegraph Agency of Korea" (initials CTAK).

Example:
    >>> fits("NATO", "North Atlantic Treaty Organization")
    True
    >>> fits("TAK", "Central Telegraph Agency of Korea")
    False
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

#: Words an acronym may skip ("The Associated Press (AP)" skips "The").
FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "de", "del", "der", "des", "di", "du", "en", "for", "in",
     "la", "le", "les", "of", "on", "the", "to", "und", "van", "von", "&"}
)  # fmt: skip
#: Most words a long form may have when it is searched for before "(SHORT)".
_MAX_LONG_WORDS = 12
_KNOWN_AS = (("known", "as"), ("called",), ("dubbed",))


@dataclass(frozen=True, slots=True)
class AcronymPair:
    """Character offsets of a short form and its expansion, and whether they fit."""

    short_start: int
    short_end: int
    long_start: int
    long_end: int
    fits: bool


def is_short_form(text: str) -> bool:
    """Whether ``text`` looks like an acronym: 2-10 characters, mostly capital letters."""
    if not 2 <= len(text) <= 10 or not text[0].isalpha() or not text[0].isupper():
        return False
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return (
        upper >= 2 and upper * 2 >= len(letters) and all(ch.isalnum() or ch in "&.-" for ch in text)
    )


def _letters(short: str) -> str:
    core = "".join(ch for ch in short if ch.isalnum())
    # A plural short form ("NGOs") stands for a plural expansion: the "s" is not an initial.
    if len(core) > 2 and core.endswith("s") and core[:-1].isupper():
        core = core[:-1]
    return core.casefold()


def fits(short: str, long: str) -> bool:
    """Whether the acronym ``short`` fits the initials of ``long`` (see the module docstring)."""
    words = [w for w in long.replace("/", " ").split() if any(ch.isalnum() for ch in w)]
    letters = _letters(short)
    if not letters or not words:
        return False
    return _align(letters, tuple(words))


def _align(letters: str, words: tuple[str, ...]) -> bool:
    @cache
    def match(i: int, w: int) -> bool:
        if w == len(words):
            return i == len(letters)
        word = words[w]
        plain = "".join(ch for ch in word if ch.isalnum()).casefold()
        if plain in FUNCTION_WORDS and match(i, w + 1):
            return True
        if i >= len(letters) or not plain or plain[0] != letters[i]:
            return False
        return inside(i + 1, w, plain, 1)

    @cache
    def inside(i: int, w: int, plain: str, pos: int) -> bool:
        # Having used the word's first letter, take further letters from it in order, or none.
        if match(i, w + 1):
            return True
        if i >= len(letters):
            return False
        return any(
            plain[p] == letters[i] and inside(i + 1, w, plain, p + 1)
            for p in range(pos, len(plain))
        )

    return match(0, 0)


def find_acronym_pairs(doc: Any) -> list[AcronymPair]:
    """Every acronym defined next to its expansion in ``doc``, in text order."""
    pairs: list[AcronymPair] = []
    for token in doc:
        if token.text == "(":
            pair = _around_parenthesis(doc, token.i)
        elif token.lower_ in ("known", "called", "dubbed"):
            pair = _known_as(doc, token.i)
        else:
            continue
        if pair is not None:
            pairs.append(pair)
    return pairs


def _closing(doc: Any, open_i: int) -> int | None:
    for i in range(open_i + 1, min(len(doc), open_i + _MAX_LONG_WORDS + 3)):
        if doc[i].text == ")":
            return i
        if doc[i].text in ("(", "\n") or doc[i].is_sent_start:
            return None
    return None


def _around_parenthesis(doc: Any, open_i: int) -> AcronymPair | None:
    close_i = _closing(doc, open_i)
    if close_i is None or close_i == open_i + 1:
        return None
    inner = doc[open_i + 1 : close_i]
    if len(inner) == 1 and is_short_form(inner[0].text):
        # Long Form (SHORT)
        return _long_before(doc, open_i, inner[0])
    if len(inner) == 3 and inner[0].lower_ == "known" and inner[1].lower_ == "as":
        if is_short_form(inner[2].text):
            return _long_before(doc, open_i, inner[2])
        return None
    if open_i > 0 and is_short_form(doc[open_i - 1].text) and len(inner) >= 2:
        # SHORT (Long Form)
        short = doc[open_i - 1]
        text = inner.text
        ok = fits(short.text, text)
        if ok or _looks_like_name(inner):
            return AcronymPair(
                short.idx, short.idx + len(short.text), inner.start_char, inner.end_char, ok
            )
    return None


def _long_before(doc: Any, before: int, short: Any) -> AcronymPair | None:
    """The expansion that ends just before token ``before``, for the short form ``short``.

    As in Schwartz and Hearst (2003), the shortest run of words that fits is the expansion;
    when none fits, a run of capitalised words (a name) is taken, so that a mismatch between
    a name and its acronym is reported rather than missed.
    """
    sent_start = doc[before].sent.start if before < len(doc) else 0
    first = max(sent_start, before - _MAX_LONG_WORDS)
    words = []
    i = before - 1
    while i >= first and not (doc[i].is_punct and doc[i].text not in ("-", "&", "’", "'")):
        words.append(i)
        i -= 1
    if not words:
        return None
    words.reverse()
    short_text = short.text
    for start in reversed(words):
        span = doc[start:before]
        if span[0].lower_ not in FUNCTION_WORDS and fits(short_text, span.text):
            return _pair(short, span, True)
    name = _trailing_name(doc[words[0] : before])
    if name is not None:
        return _pair(short, name, False)
    return None


def _known_as(doc: Any, i: int) -> AcronymPair | None:
    # "Long Form, known as SHORT" / "Long Form, called SHORT"
    j = i + 2 if doc[i].lower_ == "known" else i + 1
    if doc[i].lower_ == "known" and (i + 1 >= len(doc) or doc[i + 1].lower_ != "as"):
        return None
    if j >= len(doc) or not is_short_form(doc[j].text):
        return None
    before = i - 1 if i > 0 and doc[i - 1].text == "," else i
    return _long_before(doc, before, doc[j])


def _trailing_name(span: Any) -> Any | None:
    """The capitalised words (with function words between them) that end ``span``."""
    start = len(span)
    for k in range(len(span) - 1, -1, -1):
        token = span[k]
        if token.is_title or token.is_upper or (token.lower_ in FUNCTION_WORDS and k > 0):
            start = k
            continue
        break
    while start < len(span) and span[start].lower_ in FUNCTION_WORDS:
        start += 1
    name = span[start:]
    return name if _looks_like_name(name) else None


def _looks_like_name(span: Any) -> bool:
    """At least two words, every content word capitalised: "Central Telegraph Agency"."""
    content = [t for t in span if t.lower_ not in FUNCTION_WORDS and not t.is_punct]
    return len(content) >= 2 and all(t.is_title or t.is_upper for t in content)


def _pair(short: Any, long: Any, ok: bool) -> AcronymPair:
    return AcronymPair(short.idx, short.idx + len(short.text), long.start_char, long.end_char, ok)
