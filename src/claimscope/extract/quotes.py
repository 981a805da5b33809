"""Quotation marks paired into quotes: straight and curly, double and single.

News text mixes “curly”, "straight" and ‘single’ quote marks, and the right single mark is
also the apostrophe ("it’s", "Korea’s", "the soldiers’ kit"). Marks are classified by the
characters around them, then paired per paragraph, so that one unbalanced mark never swallows
the rest of the article.

Example:
    >>> [q.content(t) for t in ["‘It’s late,’ she said."] for q in find_quotes(t)]
    ['It’s late,']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Literal

from claimscope.extract.common import make_span
from claimscope.schema import Span

_MARKS = re.compile("[\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb]")
_DOUBLE = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
_OPENERS = frozenset("\u2018\u201c\u201e\u00ab")
_CLOSERS = frozenset("\u2019\u201d\u00bb")
# What may stand before an opening mark / after a closing mark.
_BEFORE_OPEN = " \t\n([{\u2014\u2013-/:;\u00a0"
_AFTER_CLOSE = " \t\n)]}\u2014\u2013-/:;,.!?\u00a0"
# What ends a sentence, and the marks and brackets that may trail its final stop.
_SENTENCE_END = ".!?\u2026"
_TRAILING = "\"'\u2019\u201d\u00bb)]"

Role = Literal["open", "close", "possessive", "skip"]


@dataclass(frozen=True)
class Quote:
    """A pair of quote marks: ``open`` and ``close`` are the offsets of the marks."""

    open: int
    close: int
    #: True when the quote runs to the end of its paragraph, continued in the next one.
    runs_on: bool = False

    @property
    def start(self) -> int:
        """Offset of the first quoted character."""
        return self.open + 1

    @property
    def end(self) -> int:
        """Offset just after the last quoted character."""
        return self.close

    def content(self, text: str) -> str:
        """The quoted text, without the marks."""
        return text[self.start : self.end]


def _role(text: str, i: int) -> Role:
    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark not in _DOUBLE and before.isalnum() and after.isalnum():
        return "skip"  # an apostrophe inside a word: it’s, Korea’s, O'Brien
    can_open = before in _BEFORE_OPEN and not after.isspace()
    can_close = not before.isspace() and after in _AFTER_CLOSE
    if mark in _OPENERS:
        return "open" if not before.isalnum() else "skip"
    if mark in _CLOSERS:
        if not can_close:
            return "open" if can_open and mark == "\u2019" and after.isalpha() else "skip"
        # "soldiers’ kit": a plural possessive looks like a closing mark.
        if mark == "\u2019" and before in "sS" and after == " " and text[i + 2 : i + 3].isalpha():
            return "possessive"
        return "close"
    # Straight marks: the direction comes from the context.
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        if mark == "'" and before in "sS" and after == " " and text[i + 2 : i + 3].isalpha():
            return "possessive"
        return "close"
    return "skip"


def _pair(text: str, marks: list[tuple[int, Role]], paragraph_end: int) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: dict[bool, int] = {}  # family (double?) -> offset of the pending opening mark
    for n, (i, role) in enumerate(marks):
        family = text[i] in _DOUBLE
        if role == "open":
            # A second opening mark of the same family means the first was never closed.
            open_at[family] = i
        elif family in open_at and role == "close":
            quotes.append(Quote(open_at.pop(family), i))
        elif family in open_at and role == "possessive":
            # Close here only if no later mark of the family could close the quote instead.
            later = [r for j, r in marks[n + 1 :] if (text[j] in _DOUBLE) == family]
            if "close" not in later and "possessive" not in later:
                quotes.append(Quote(open_at.pop(family), i))
    for i in open_at.values():
        # Multi-paragraph quotes open every paragraph and close only the last one, and a
        # writer opens each paragraph with the same mark: a stray “ left open before a
        # paragraph of "straight" quotes is a typo, not a quote that runs on.
        rest = text[paragraph_end:].lstrip()
        if rest and rest[0] == text[i]:
            quotes.append(Quote(i, paragraph_end, runs_on=True))
    return quotes


def find_quotes(text: str) -> list[Quote]:
    """All quotes in ``text``, in reading order, unbalanced marks left out."""
    quotes: list[Quote] = []
    marks: list[tuple[int, Role]] = []
    paragraph_end = text.find("\n")
    for match in _MARKS.finditer(text):
        i = match.start()
        while paragraph_end != -1 and i > paragraph_end:
            quotes.extend(_pair(text, marks, paragraph_end))
            marks = []
            paragraph_end = text.find("\n", paragraph_end + 1)
        role = _role(text, i)
        if role != "skip":
            marks.append((i, role))
    quotes.extend(_pair(text, marks, len(text) if paragraph_end == -1 else paragraph_end))
    quotes.sort(key=lambda q: q.open)
    return quotes


def _ends_sentence(text: str, at: int) -> bool:
    """Whether ``text`` up to offset ``at`` ends a sentence or a paragraph, or is empty.

    Walks back over the characters rather than slicing, so that a check near the end of a long
    article does not copy the article.
    """
    i = at
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return True
    while i > 0 and text[i - 1] in _TRAILING:
        i -= 1
    return i > 0 and text[i - 1] in _SENTENCE_END


def stands_alone(text: str, quote: Quote) -> bool:
    """Whether ``quote`` is a sentence (or several) of its own, with no words of the article's
    around it: "He rejected the offer. ‘Nobody asked us.’ The talks ..." but not "‘Nobody
    asked us,’ he said" nor "the ‘nobody asked us’ line".

    A quote that runs on into the next paragraph ends with its paragraph, so it ends a sentence
    whatever its last character is.
    """
    if not _ends_sentence(text, quote.open):
        return False
    if quote.runs_on:
        return True
    inside = text[quote.start : quote.end].rstrip()
    after = text[quote.close + 1 : quote.close + 16]  # enough for the stops and a space
    rest = after.lstrip(_SENTENCE_END)
    if not (inside and inside[-1] in _SENTENCE_END) and len(rest) == len(after):
        return False  # no stop inside the marks or just after them: the sentence goes on
    rest = rest.lstrip(" \t\u00a0")
    # Then the paragraph or the text ends, or a new sentence starts (a capital or a quote).
    return (
        not rest or rest[0] == "\n" or rest[0].isupper() or rest[0] in _OPENERS or rest[0] in "\"'"
    )


class QuoteIndex:
    """The article's quotes with their token ranges, for lookups by token."""

    def __init__(self, doc: Any) -> None:
        starts = [t.idx for t in doc]
        self.quotes: list[Quote] = find_quotes(doc.text)
        self.ranges: list[tuple[int, int]] = [
            (bisect_left(starts, q.start), bisect_left(starts, q.end) - 1) for q in self.quotes
        ]
        self.quoted = {i for a, b in self.ranges for i in range(a, b + 1)}

    def close_over(self, span: Span, text: str) -> Span:
        """``span`` extended to the closing mark of a quote it opens but does not close."""
        end = span.end
        for quote in self.quotes:
            if span.start <= quote.open < span.end <= quote.close and not quote.runs_on:
                end = max(end, quote.close + 1)
        return span if end == span.end else make_span(text, span.start, end)

    def any_within(self, start: int, end: int) -> bool:
        """Whether a quote opens inside the characters ``[start, end)``."""
        return any(start <= q.start < end for q in self.quotes)
