"""Direct quotations: the quote marks' speaker and cue, continuations, and floating quotes.

A quoted sentence is a direct attribution when a reporting verb governs it ("‘...,’ she
said"); a quote with no cue of its own continues the quote before it in the paragraph, or in
the paragraph before when that one ended unclosed (news convention for multi-paragraph
quotes); and a quoted sentence standing alone right after an attributed sentence is that
speaker's too (a floating quote). ``attributions.py`` turns these into records.
"""

from __future__ import annotations

import re
from typing import Any

from claimscope.extract import lexicon as lx
from claimscope.extract.cues import RawAttribution, channel_of, is_finite_clause, subject_of
from claimscope.extract.quotes import Quote, QuoteIndex, stands_alone


def _is_cue_verb(token: Any) -> bool:
    return bool(token.pos_ == "VERB" and token.lemma_.lower() in lx.REPORTING_VERBS)


def _quote_cue(doc: Any, first: int, last: int, quoted: set[int]) -> Any:
    """The reporting verb that governs the quote ``doc[first:last + 1]``, or None."""

    def usable(token: Any) -> bool:
        return (
            token.i not in quoted
            and _is_cue_verb(token)
            and token.lemma_.lower() not in lx.NOT_QUOTE_CUES
        )

    # 1. The quote's own clause hangs from the verb: "‘...,’ she said" (ccomp of said), at
    # most one mis-parsed word away ("‘...,’ harbour chief X said" with "harbour" as a verb).
    for token in doc[first : last + 1]:
        head = token.head
        if first <= head.i <= last:
            continue
        for _ in range(2):
            if usable(head):
                return head
            head = head.head
    sentences = {doc[first].sent.start, doc[last].sent.start}
    window = [t for s in sentences for t in doc[s].sent]
    # 2. The cue hangs from the quote: "‘We won,’ she said, ‘and ...’" (parataxis).
    for token in window:
        if usable(token) and first <= token.head.i <= last:
            return token
    # 3. A reporting verb of the same sentence with a subject and no clause of its own.
    candidates = [
        t
        for t in window
        if usable(t)
        and subject_of(t) is not None
        and not any(c.dep_ == "ccomp" and c.i not in quoted for c in t.children)
    ]
    if candidates:
        return min(candidates, key=lambda t: min(abs(t.i - first), abs(t.i - last)))
    return None


def _end_of_sentence(doc: Any, raw: RawAttribution) -> int:
    return int(max(doc[raw.content[1]].sent.end, doc[raw.cue[1]].sent.end))


def _embedded_in_report(cue: Any, first: int) -> bool:
    """Whether the quote starting at token ``first`` lies inside a reported clause of ``cue``
    that begins with words of its own, before the quote marks, after the cue."""
    for child in cue.children:
        if child.dep_ == "ccomp" and cue.i < child.left_edge.i and child.left_edge.i < first - 1:
            return bool(child.right_edge.i >= first)
    return False


def direct_quotes(doc: Any, quotes: QuoteIndex) -> list[RawAttribution]:
    found: list[RawAttribution] = []
    text = doc.text
    previous_quote: Quote | None = None  # the quote of ``found[-1]``
    for quote, (first, last) in zip(quotes.quotes, quotes.ranges, strict=True):
        # News convention: a quote that runs over paragraphs leaves each paragraph but the last
        # unclosed and opens the next one with a new mark; that paragraph goes on with the
        # same quote, whether or not it is a sentence of its own.
        continues = (
            previous_quote is not None
            and previous_quote.runs_on
            and not text[previous_quote.close : quote.open].strip()
        )
        if first > last or not (continues or is_finite_clause(doc[first : last + 1])):
            continue  # a quoted phrase ("‘heroic liberation’"), not a quoted sentence
        cue = _quote_cue(doc, first, last, quotes.quoted)
        if cue is not None and _embedded_in_report(cue, first):
            # "He said that parliament would see the text ‘before anything is signed.’": the
            # quote ends a reported clause, so the clause is one mixed attribution, found with
            # the reporting verb; the quote is not a separate direct one.
            continue
        if cue is not None:
            found.append(
                RawAttribution(
                    "direct",
                    (cue.i, cue.i),
                    subject_of(cue),
                    (first, last),
                    channel=channel_of(cue),
                    content_chars=(quote.start, quote.end),
                )
            )
            previous_quote = quote
            continue
        # A quote with no cue of its own continues the quote just before it in the paragraph:
        # "‘...,’ the correspondent noted. ‘...’"
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.content_chars is not None
            and (
                continues
                or (
                    "\n" not in text[previous.content_chars[1] : quote.open]
                    and doc[first].sent.start - _end_of_sentence(doc, previous) <= 1
                )
            )
        ):
            found.append(
                RawAttribution(
                    "direct",
                    previous.cue,
                    previous.source,
                    (first, last),
                    content_chars=(quote.start, quote.end),
                    inherits=previous.inherits or previous,
                )
            )
            previous_quote = quote
    return found


def _content_chars(doc: Any, raw: RawAttribution) -> tuple[int, int]:
    if raw.content_chars is not None:
        return raw.content_chars
    first, last = raw.content
    return int(doc[first].idx), int(doc[last].idx + len(doc[last]))


#: A stop (with any marks or brackets after it) followed by more text: a sentence boundary.
_SENTENCE_BREAK = re.compile("[.!?\u2026][\"'\u2019\u201d\u00bb)\\]]*\\s")


def floating_quotes(
    doc: Any, quotes: QuoteIndex, found: list[RawAttribution]
) -> tuple[list[RawAttribution], set[int]]:
    """``found`` plus a direct attribution for each floating quote, and the ids of those.

    A floating quote is a quoted sentence with no cue of its own, standing alone right after a
    sentence that attributes something to someone: "Union secretary Tomas Brell rejected the
    offer. ‘Nobody asked the men who do the work.’" News writing (and PolNeAR, and checkers)
    take it as that speaker's words, so it inherits the cue, source and channel of the
    attribution it follows, in the same paragraph or at the start of the next. Whether that
    source can speak (a person or a named body, not a document) is known only once sources
    are resolved, so the caller checks it for the attributions whose ids are returned.
    """
    text = doc.text
    spans = [(_content_chars(doc, raw), raw) for raw in found]
    taken = [chars for chars, _ in spans]
    added: list[RawAttribution] = []
    for quote, (first, last) in zip(quotes.quotes, quotes.ranges, strict=True):
        if first > last or any(s < quote.end and quote.start < e for s, e in taken):
            continue  # already the content of an attribution, or part of one
        if not (quote.runs_on or is_finite_clause(doc[first : last + 1])):
            continue
        if not stands_alone(text, quote):
            continue
        before = [
            (max(end, doc[raw.cue[1]].idx + len(doc[raw.cue[1]])), raw)
            for (_, end), raw in spans
            if end <= quote.open and raw.cue[1] < first
        ]
        if not before:
            continue
        end, previous = max(before, key=lambda item: (item[0], item[1].cue[0]))
        # Directly after the attribution's sentence: no other sentence lies in between.
        between = text[end : quote.open].rstrip().rstrip("\"'\u2019\u201d\u00bb)]")
        if "\n" in between or _SENTENCE_BREAK.search(between):
            continue
        raw = RawAttribution(
            "direct",
            previous.cue,
            previous.source,
            (first, last),
            channel=previous.channel,
            content_chars=(quote.start, quote.end),
            inherits=previous.inherits or previous,
        )
        added.append(raw)
        spans.append(((quote.start, quote.end), raw))
        taken.append((quote.start, quote.end))
    if not added:
        return found, set()
    merged = sorted([*found, *added], key=lambda r: _content_chars(doc, r)[0])
    return merged, {id(raw) for raw in added}
