"""Source and content for a cue the learned detector found: the frame around any cue word.

The rule engine (``cues.py``) knows what reporting verbs, "according to" and reporting nouns
take. The learned detector (``cue_model.py``) also finds cues of other kinds — "called for",
"shows", "wants", "plans", a poll's "found", a colon in "Name: quote" — and this module reads
their frame off the parse: who (the subject, the passive agent, the possessor of a noun, the
words before a colon) and what (the clause, the object, the preposition's object, the
quotation, or the rest of the clause).
"""

from __future__ import annotations

from typing import Any

from claimscope.extract.cues import (
    RawAttribution,
    according_to_attribution,
    causes_talk,
    issuer_of,
    subject_of,
)

#: Dependents that hold what a cue verb reports, in order of preference.
_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "acomp")
#: Prepositions whose object is the content: "called for X", "pointed to X", "said of X".
_CONTENT_PREPS = frozenset({"about", "against", "for", "of", "on", "to", "with", "in", "that"})
_COLONS = frozenset({":", "—", "–", "--"})


def _trimmed(doc: Any, first: int, last: int) -> tuple[int, int]:
    """``first``..``last`` without punctuation at either end (the span trimmer keeps words)."""
    while first < last and doc[first].is_punct and doc[first].text not in "“‘\"'":
        first += 1
    while last > first and doc[last].is_punct and doc[last].text not in "”’\"'":
        last -= 1
    return first, last


def _outside(doc: Any, first: int, last: int, cue: tuple[int, int]) -> tuple[int, int]:
    """A range that does not hold the cue: the larger side of it, when the cue is inside."""
    if last < cue[0] or first > cue[1]:
        return first, last
    before = (first, cue[0] - 1)
    after = (cue[1] + 1, last)
    # "X, Y said, Z": keep the side with more words (the reported clause).
    if before[1] - before[0] >= after[1] - after[0]:
        return before
    return after


def _rest_of_clause(doc: Any, head: Any, cue: tuple[int, int], source: Any) -> tuple[int, int]:
    """The clause a parenthetical cue comments on, else the sentence around the cue."""
    sent = head.sent
    if head.dep_ in ("parataxis", "advcl", "conj") and head.head.i != head.i:
        clause = head.head
        first, last = clause.left_edge.i, clause.right_edge.i
    else:
        first, last = sent.start, sent.end - 1
    skip = {t.i for t in head.subtree}
    if source is not None:
        skip.update(t.i for t in source.subtree)
    skip.update(range(cue[0], cue[1] + 1))
    # The content is the longest stretch of the range outside the cue, the source and its
    # own dependents ("The plan, she argued, will fail": "The plan" ... "will fail").
    best: tuple[int, int] | None = None
    start: int | None = None
    for i in range(first, last + 2):
        inside = i <= last and i not in skip
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            if best is None or (i - 1 - start) > (best[1] - best[0]):
                best = (start, i - 1)
            start = None
    if best is None:
        return _outside(doc, sent.start, sent.end - 1, cue)
    return best


def _verb_frame(
    doc: Any, head: Any, cue: tuple[int, int], quote: tuple[int, int] | None
) -> RawAttribution:
    source = subject_of(head)
    climb = head
    while source is None and climb.dep_ in ("advcl", "conj", "xcomp") and climb.head != climb:
        # "..., calling the plan a disaster": a participle shares its clause's subject.
        climb = climb.head
        source = subject_of(climb) if climb.pos_ in ("VERB", "AUX") else None
    children = [c for c in head.children if not cue[0] <= c.i <= cue[1]]
    for dep in _CONTENT_DEPS:
        for child in children:
            if child.dep_ == dep:
                first, last = child.left_edge.i, child.right_edge.i
                if dep == "ccomp" and doc[first].dep_ == "mark":
                    first += 1
                if dep == "dobj":
                    # "called the plan a disaster": the object and what follows it.
                    for other in children:
                        if other.i > child.i and other.dep_ in ("oprd", "xcomp", "prep"):
                            last = max(last, other.right_edge.i)
                return RawAttribution("indirect", cue, source, _outside(doc, first, last, cue))
    # "called for X", "pointed to X": the object of a preposition in the cue or after it.
    for token in [*doc[cue[0] : cue[1] + 1], *children]:
        if token.dep_ == "prep" and token.lower_ in _CONTENT_PREPS and token.i >= head.i:
            pobj = [c for c in token.children if c.dep_ in ("pobj", "pcomp")]
            if pobj:
                first, last = pobj[0].left_edge.i, token.right_edge.i
                return RawAttribution("indirect", cue, source, _outside(doc, first, last, cue))
    if quote is not None:
        return RawAttribution("direct", cue, source, quote)
    return RawAttribution("indirect", cue, source, _rest_of_clause(doc, head, cue, source))


def _colon_frame(doc: Any, token: Any, cue: tuple[int, int]) -> RawAttribution | None:
    """ "Varn: the bridge is safe" — a headline's speaker before the colon, words after it."""
    sent = token.sent
    if token.i + 1 >= sent.end:
        return None
    before = [t for t in doc[sent.start : token.i] if t.pos_ in ("PROPN", "NOUN", "PRON")]
    source = before[-1] if before else None
    content = _trimmed(doc, token.i + 1, sent.end - 1)
    return RawAttribution("direct", cue, source, content)


def _noun_frame(doc: Any, head: Any, cue: tuple[int, int]) -> RawAttribution:
    """A cue noun ("a poll", "his claim", "the report"): its issuer and what it says."""
    source = issuer_of(head)
    if source is None:
        compounds = [c for c in head.children if c.dep_ == "compound"]
        source = compounds[0] if compounds else None
    for child in head.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.i > head.i:
            first, last = child.left_edge.i, child.right_edge.i
            if doc[first].dep_ == "mark":
                first += 1
            return RawAttribution("reporting_noun", cue, source, (first, last))
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "about", "that"):
            pobj = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if pobj:
                return RawAttribution(
                    "reporting_noun", cue, source, (pobj[0].left_edge.i, child.right_edge.i)
                )
    # "The poll found ...": the noun is the subject of a verb; its clause is the content.
    verb = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
        frame = _verb_frame(doc, verb, cue, None)
        frame.source = source
        frame.kind = "reporting_noun"
        return frame
    return RawAttribution("reporting_noun", cue, source, _rest_of_clause(doc, head, cue, None))


def _caused_noun(head: Any, cue: tuple[int, int]) -> Any:
    """The noun of talk a causative cue verb takes inside the cue ("has sparked speculation"),
    or None: its subject is a cause (``cues.causes_talk``), so the noun's frame, not the
    verb's, says who talks."""
    if not causes_talk(head):
        return None
    for child in head.children:
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and cue[0] <= child.i <= cue[1]:
            return child
    return None


def cue_head(doc: Any, cue: tuple[int, int]) -> Any:
    """The cue's head: its first token whose own head lies outside the cue (else its first)."""
    tokens = doc[cue[0] : cue[1] + 1]
    heads = [t for t in tokens if not cue[0] <= t.head.i <= cue[1] or t.head.i == t.i]
    return heads[0] if heads else doc[cue[0]]


def frame_of_cue(
    doc: Any, first: int, last: int, quote: tuple[int, int] | None = None
) -> RawAttribution | None:
    """The attribution around the cue ``doc[first:last + 1]``, or None when there is none.

    Args:
        doc: the parsed article.
        first: first token of the cue.
        last: last token of the cue.
        quote: token range of a quotation in the cue's sentence that no other cue claims.
    """
    cue = (first, last)
    tokens = doc[first : last + 1]
    head = cue_head(doc, cue)
    if tokens[0].lower_ == "according" and first + 1 < len(doc):
        raw = according_to_attribution(tokens[0])
        if raw is not None:
            # "according to" and nothing more: the run may reach into the source ("a").
            raw.cue = (first, first + 1)
        return raw
    if head.text in _COLONS or (len(tokens) == 1 and tokens[0].text in _COLONS):
        return _colon_frame(doc, tokens[0], cue)
    if head.pos_ in ("NOUN", "PROPN"):
        return _noun_frame(doc, head, cue)
    caused = _caused_noun(head, cue)
    if caused is not None:
        return _noun_frame(doc, caused, cue)
    if head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "in" of "in a statement": the clause it hangs from
    return _verb_frame(doc, head, cue, quote)
