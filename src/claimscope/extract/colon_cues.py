"""Attributions whose cue is a colon after a name: "Sanders: Clinton Email Story Has Moved",
"More from Ann Bell and Oren Malk: “The polls were right”".

Headlines and round-ups put the speaker before a colon and the words after it. The name must
open its line (or follow a dash there: "POLLS WERE EARLY - Ann Bell: ..."), be a short run of
capitalised words holding a proper noun, and what follows must be a clause or a quotation, so
that labels ("Watch: ...", "Update: ...") and lists ("Tuesday's Morning Email: The Union") are
left alone.

Example:
    >>> doc = load_pipeline()("Varn: Corvale Bridge Will Reopen in May")  # doctest: +SKIP
    >>> raw = colon_attributions(doc, QuoteIndex(doc), used=set())[0]  # doctest: +SKIP
    >>> doc[raw.cue[0]].text, raw.source.text  # doctest: +SKIP
    (':', 'Varn')
"""

from __future__ import annotations

from typing import Any

from claimscope.extract.cues import RawAttribution, is_finite_clause
from claimscope.extract.quotes import QuoteIndex

#: Most words before the colon: "McCain Challenger Kelli Ward", "Mark Blumenthal and Jon Cohen".
_MAX_NAME_TOKENS = 6
_DASHES = frozenset({"-", "—", "–", "--"})
#: Editorial labels that open a headline with a colon but name no speaker.
_LABELS = frozenset(
    {"watch", "video", "videos", "photo", "photos", "update", "updated", "breaking",
     "exclusive", "live", "opinion", "analysis", "editorial", "related", "note", "editor",
     "correction", "read", "listen", "podcast", "transcript", "full", "timeline", "explainer",
     "factbox", "q&a", "quiz", "review", "interview", "comment", "more", "also", "see"}
)  # fmt: skip
_NAME_LINKS = frozenset({"and", "&", "of", "'s", "’s", "from"})


def colon_attributions(doc: Any, quotes: QuoteIndex, used: set[int]) -> list[RawAttribution]:
    """Attributions for "Name: words" at the start of a line (see the module docstring).

    Args:
        doc: the parsed article.
        quotes: the article's quotations.
        used: token indices other rules already took as cues (left alone).
    """
    found: list[RawAttribution] = []
    for token in doc:
        if token.text != ":" or token.i in used or token.i in quotes.quoted:
            continue
        name = _name_before(doc, token.i)
        if name is None:
            continue
        content = _content_after(doc, quotes, token.i)
        if content is None:
            continue
        first, last, chars = content
        source = _name_head(doc, name)
        found.append(
            RawAttribution(
                "direct" if chars is not None else "indirect",
                (token.i, token.i),
                source,
                (first, last),
                content_chars=chars,
                source_range=name,
                sure=True,
            )
        )
    return found


def _name_before(doc: Any, colon: int) -> tuple[int, int] | None:
    """The token range of the speaker's name before ``colon``, if the line opens with one."""
    start = colon
    while start > 0 and colon - start < _MAX_NAME_TOKENS and not _opens_name(doc[start - 1]):
        start -= 1
    if start == colon:
        return None
    if start > 0 and not _opens_name(doc[start - 1]):
        return None  # the run is longer than a name: "He listed the qualities:"
    words = [t for t in doc[start:colon] if t.lower_ not in _NAME_LINKS]
    if not words or words[0].lower_ in _LABELS:
        return None
    if not all(t.text[:1].isupper() or t.like_num for t in words):
        return None
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in words):
        return None
    return start, colon - 1


def _opens_name(before: Any) -> bool:
    """Whether a name may start right after ``before``: a line break, a sentence end, a dash."""
    return (
        "\n" in before.text
        or "\n" in before.whitespace_
        or before.is_sent_end
        or before.text in _DASHES
    )


def _content_after(
    doc: Any, quotes: QuoteIndex, colon: int
) -> tuple[int, int, tuple[int, int] | None] | None:
    """(first, last, quote characters) of the words after ``colon``: a quotation or a clause
    running to the end of its line; None when they are neither."""
    if colon + 1 >= len(doc):
        return None
    following = doc[colon + 1]
    for quote, (first, last) in zip(quotes.quotes, quotes.ranges, strict=True):
        if quote.open == following.idx:
            return first, last, (quote.start, quote.end)
    last = colon + 1
    while last + 1 < len(doc) and "\n" not in doc[last].whitespace_:
        nxt = doc[last + 1]
        if "\n" in nxt.text or (nxt.is_sent_start and doc[last].is_punct):
            break
        last += 1
    while last > colon + 1 and doc[last].is_punct:
        last -= 1
    if not _says_something(doc[colon + 1 : last + 1]):
        return None
    return colon + 1, last, None


#: Verbs of a headline, which the tagger often reads as proper nouns in title case ("Trump
#: Must Decide", "Clinton Email Story Has Moved").
_HEADLINE_VERBS = frozenset(
    {"is", "are", "was", "were", "will", "would", "must", "has", "have", "had", "can",
     "could", "should", "may", "might", "says", "said", "does", "did", "do", "wants", "won't",
     "can't", "isn't", "doesn't", "needs", "calls", "slams", "warns", "defies", "vows"}
)  # fmt: skip


def _says_something(tokens: Any) -> bool:
    """Whether words after a colon make a statement: a finite clause, also in title case."""
    return is_finite_clause(tokens) or any(
        t.lower_ in _HEADLINE_VERBS or t.pos_ == "VERB" for t in tokens
    )


def _name_head(doc: Any, name: tuple[int, int]) -> Any:
    """The token standing for the name: the last proper noun ("Kelli Ward" -> "Ward")."""
    proper = [t for t in doc[name[0] : name[1] + 1] if t.pos_ == "PROPN"]
    return proper[-1] if proper else doc[name[1]]
