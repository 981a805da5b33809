"""Small helpers every extractor shares: sentence numbering and span building."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from claimscope.schema import Span

# Characters trimmed from both ends of extracted spans: whitespace and punctuation that is
# never part of a name, a cue or a claim's content.
_TRIM = " \t\n\r,;:.!?\u00a0"


def article_sentences(doc: Any) -> list[Any]:
    """The sentences of ``doc`` as the Analysis numbers them (blank-only sentences skipped)."""
    return [s for s in doc.sents if s.text.strip()]


class SentenceIndex:
    """Maps a character offset to the number of the sentence that holds it.

    Example:
        >>> index = SentenceIndex(doc)  # doctest: +SKIP
        >>> index.of(42)  # doctest: +SKIP
        1
    """

    def __init__(self, doc: Any) -> None:
        self.sents = article_sentences(doc)
        self._starts = [s.start_char for s in self.sents]

    def of(self, char: int) -> int:
        """Number of the sentence that holds character offset ``char`` (0 when none do)."""
        return max(0, bisect_right(self._starts, char) - 1)


def make_span(text: str, start: int, end: int, *, trim: bool = True) -> Span:
    """A verifiable span of ``text[start:end]``, trimmed of outer blanks and punctuation."""
    end = max(start, end)
    if trim:
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
    return Span.of(text, start, end)


def span_of_tokens(
    doc: Any, first: int, last: int, *, text: str | None = None, trim: bool = True
) -> Span:
    """The span covering tokens ``first`` through ``last`` (inclusive) of ``doc``.

    Pass ``text`` (``doc.text``, read once) when building many spans: spaCy joins all tokens
    again on every ``doc.text`` access. Bounds from parse-tree walks can meet in the wrong
    order on odd parses, so they are put in order rather than trusted.
    """
    first, last = min(first, last), max(first, last)
    text = doc.text if text is None else text
    return make_span(text, doc[first].idx, doc[last].idx + len(doc[last]), trim=trim)
