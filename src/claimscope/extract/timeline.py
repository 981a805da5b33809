"""The timeline: the time each claim is about, claims in time order, and relative times.

A claim is dated by a DATE or TIME expression of its own sentence: one inside the claim's span
first (a date inside attributed content belongs to the content), then the one closest in the
parse to the claim's main verb — which is how a statement's own date ("His statement, released
on April 26, said ...") dates what the statement says. Times in a relative clause about
something else ("Varn, who took office in 2019, said ...") date nothing. A claim with no time of
its own inherits one from the nearest earlier dated claim of the same paragraph, conservatively:
only a claim told in a past tense, in a sentence with no time words of its own, a few sentences
back at most.

Relative times ("two days before the flood", "weeks after the storm hit") become relations
between claims: the claim that says them, and the nearest other claim that names the same event.
Two dated mentions of one event ("the vote on May 3" ... "the vote, held on May 5") become a
``same`` relation, so that ``assess`` can flag dates that contradict each other.

Example:
    >>> from claimscope import analyze
    >>> a = analyze("The dam opened on May 3. Crowds gathered.", published="2025-06-01")
    ... # doctest: +SKIP
    >>> [(e.claim, e.value) for e in a.timeline]  # doctest: +SKIP
    [('C1', '2025-05-03'), ('C2', '2025-05-03')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from claimscope.extract.common import SentenceIndex, make_span
from claimscope.schema import Attribution, Claim, Span, TimeExpression, TimelineEntry, TimeRelation

#: Units of a relative time: "three weeks after", "days before".
_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade"})
#: Words that place one event against another, with the relation they state.
_RELATION_WORDS: dict[str, Literal["before", "after"]] = {
    "after": "after",
    "before": "before",
}
#: Determiners that make a noun a second mention of something already named.
_DEFINITE = frozenset({"the", "this", "that"})
#: How many sentences back a claim may inherit a time from.
_MAX_INHERIT_DISTANCE = 3
#: Dependency labels through which a date attaches to the noun it dates: "the vote on May 3",
#: "the statement, released on April 26", "the summit of 12 May".
_NOUN_PATH = frozenset({"pobj", "prep", "npadvmod", "nmod", "compound", "nummod", "appos"})


@dataclass(frozen=True, slots=True)
class _Relative:
    """A relative time found in the parse: who says it, what it is relative to, its words."""

    sentence: int
    relation: Literal["before", "after"]
    event_lemma: str
    start: int
    end: int


def build_timeline(
    doc: Any,
    *,
    claims: list[Claim],
    times: list[TimeExpression],
    attributions: list[Attribution],
) -> tuple[list[Claim], list[TimelineEntry], list[TimeRelation]]:
    """Claims with their time set, the timeline, and the relative times between claims.

    Args:
        doc: the parsed article (the same Doc the records were extracted from).
        claims: from ``extract_claims``.
        times: from ``extract_times``.
        attributions: from ``extract_attributions`` (a date outside the claim's own words
            counts only when it dates the statement that carries the claim).

    Returns:
        The claims (copies with ``time`` and ``time_inherited`` set), the timeline entries of
        the dated claims in time order (undated claims are left out), and the relations.
    """
    text = doc.text
    index = SentenceIndex(doc)
    relatives = _relatives(doc, index)
    # Times inside a relative phrase ("just weeks after", "before the vote on May 3") date
    # the other event, never the claim that says them.
    excluded = {
        t.id
        for t in times
        if any(r.start <= t.span.start and t.span.end <= r.end for r in relatives)
    }
    relative_sentences = {r.sentence for r in relatives}
    content_of = {a.id: a.content for a in attributions}
    by_id = {t.id: t for t in times}
    paragraphs = _paragraphs(text, index.sents)

    dated: list[Claim] = []
    last: Claim | None = None  # the nearest earlier claim with a time of its own or inherited
    for claim in claims:
        sent = index.sents[claim.sentence]
        own = [
            t
            for t in times
            if t.sentence == claim.sentence and t.type in ("DATE", "TIME") and t.id not in excluded
        ]
        chosen = _choose(doc, sent, claim, own, content_of.get(claim.attribution or ""))
        if chosen is not None:
            claim = claim.model_copy(update={"time": chosen.id, "time_inherited": False})
        elif (
            last is not None
            and last.time is not None
            and paragraphs[last.sentence] == paragraphs[claim.sentence]
            and claim.sentence - last.sentence <= _MAX_INHERIT_DISTANCE
            and not any(t.sentence == claim.sentence for t in times)
            and claim.sentence not in relative_sentences
            and by_id[last.time].range_start is not None
            and _past_tense(doc, claim)
        ):
            claim = claim.model_copy(update={"time": last.time, "time_inherited": True})
        dated.append(claim)
        if claim.time is not None or own:
            # A claim with time words of its own that date nothing (an unresolved "recently")
            # still breaks the run: what follows it is no longer about the earlier date.
            last = claim

    entries = [
        TimelineEntry(
            claim=c.id,
            time=c.time,
            value=by_id[c.time].value or "",
            start=by_id[c.time].range_start,
            end=by_id[c.time].range_end,
            inherited=c.time_inherited,
        )
        for c in dated
        if c.time is not None and by_id[c.time].range_start is not None and by_id[c.time].value
    ]
    order = {c.id: i for i, c in enumerate(dated)}
    entries.sort(key=lambda e: (e.start, e.end or e.start, order[e.claim]))
    relations = _relations(doc, text, index, dated, relatives)
    relations.extend(_same_event(doc, index, dated, by_id))
    return dated, entries, relations


def _paragraphs(text: str, sents: list[Any]) -> list[int]:
    """Paragraph number of each sentence: a line break between two sentences starts a new one."""
    numbers: list[int] = []
    paragraph = 0
    previous_end: int | None = None
    for sent in sents:
        # spaCy may keep the line break inside either sentence as trailing or leading
        # whitespace, so compare where their words end and begin.
        start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
        if previous_end is not None and "\n" in text[previous_end:start]:
            paragraph += 1
        numbers.append(paragraph)
        previous_end = sent.start_char + len(sent.text.rstrip())
    return numbers


def _claim_head(doc: Any, sent: Any, claim: Claim) -> Any:
    tokens = doc.char_span(claim.span.start, claim.span.end, alignment_mode="expand")
    return tokens.root if tokens is not None and len(tokens) else sent.root


def _ancestors(token: Any) -> list[Any]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _tree_distance(a: Any, b: Any) -> int:
    up_a = {t.i: n for n, t in enumerate(_ancestors(a))}
    for n, t in enumerate(_ancestors(b)):
        if t.i in up_a:
            return n + up_a[t.i]
    return 1000  # different trees: as far as it gets


def _choose(
    doc: Any, sent: Any, claim: Claim, own: list[TimeExpression], content: Span | None
) -> TimeExpression | None:
    """The time among ``own`` that the claim is about, or None."""
    if not own:
        return None
    head = _claim_head(doc, sent, claim)
    ranked: list[tuple[tuple[int, int, int, int], TimeExpression]] = []
    for expr in own:
        tokens = doc.char_span(expr.span.start, expr.span.end, alignment_mode="expand")
        if tokens is None or not len(tokens):
            continue
        root = tokens.root
        inside = claim.span.start <= expr.span.start and expr.span.end <= claim.span.end
        if not inside:
            # A date outside the claim's words dates it only through the statement or the verb
            # that carries it, not through a relative clause about someone or something else.
            if any(t.dep_ == "relcl" for t in _ancestors(root)):
                continue
            if content is not None and _inside(expr.span, content):
                continue  # inside another attribution's content
        ranked.append(
            (
                (
                    0 if inside else 1,
                    0 if expr.range_start is not None else 1,
                    _tree_distance(root, head),
                    expr.span.start,
                ),
                expr,
            )
        )
    if not ranked:
        return None
    return min(ranked, key=lambda pair: pair[0])[1]


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _past_tense(doc: Any, claim: Claim) -> bool:
    """Whether the claim's main verb is in a simple past or past perfect ("was", "had left").

    Present perfect ("has confirmed") and present tense describe the time of writing, so such a
    claim does not inherit the date of the sentence before.
    """
    tokens = doc.char_span(claim.span.start, claim.span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    verb = tokens.root
    group = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if any(t.tag_ in ("VBZ", "VBP", "MD") for t in group):
        return False
    return any(t.tag_ == "VBD" for t in group)


def _relatives(doc: Any, index: SentenceIndex) -> list[_Relative]:
    """Relative times: a unit ("weeks") that measures the gap to an event after/before."""
    found: list[_Relative] = []
    for unit in doc:
        if unit.dep_ != "npadvmod" or unit.lemma_.lower() not in _UNITS:
            continue
        head = unit.head
        event: Any = None
        word: Any = None
        if head.lower_ in _RELATION_WORDS:
            # "weeks after the reported involvement": the event is the preposition's object.
            word = head
            objects = [c for c in head.children if c.dep_ in ("pobj", "pcomp")]
            event = objects[0] if objects else None
        else:
            # "weeks after the storm hit": the unit measures a clause introduced by the word.
            marks = [c for c in head.children if c.dep_ == "mark" and c.lower_ in _RELATION_WORDS]
            if marks:
                word = marks[0]
                subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
                event = subjects[0] if subjects else None
        if event is None or word is None or event.pos_ not in ("NOUN", "PROPN"):
            continue
        left = min(unit.left_edge.i, word.i)
        right = max(event.right_edge.i, (event.head if word.dep_ == "mark" else event).right_edge.i)
        start = doc[left].idx
        end = doc[right].idx + len(doc[right])
        found.append(
            _Relative(
                sentence=index.of(start),
                relation=_RELATION_WORDS[word.lower_],
                event_lemma=event.lemma_.lower(),
                start=start,
                end=end,
            )
        )
    return found


def _claim_lemmas(doc: Any, index: SentenceIndex, claim: Claim, skip: tuple[int, int]) -> set[str]:
    sent = index.sents[claim.sentence]
    return {
        t.lemma_.lower()
        for t in sent
        if claim.span.start <= t.idx < claim.span.end
        and not (skip[0] <= t.idx < skip[1])
        and t.pos_ in ("NOUN", "PROPN", "VERB")
    }


def _relations(
    doc: Any, text: str, index: SentenceIndex, claims: list[Claim], relatives: list[_Relative]
) -> list[TimeRelation]:
    relations: list[TimeRelation] = []
    by_sentence = {c.sentence: c for c in claims}
    for rel in relatives:
        claim = by_sentence.get(rel.sentence)
        if claim is None:
            continue
        # The other claim is the nearest one that names the same event (earlier ones first on
        # a tie: a relative time usually points back at something already told).
        others = sorted(
            (c for c in claims if c.id != claim.id),
            key=lambda c: (abs(c.sentence - claim.sentence), c.sentence > claim.sentence),
        )
        for other in others:
            if rel.event_lemma in _claim_lemmas(doc, index, other, (0, 0)):
                relations.append(
                    TimeRelation(
                        claim=claim.id,
                        relation=rel.relation,
                        other=other.id,
                        span=make_span(text, rel.start, rel.end),
                    )
                )
                break
    return relations


def _dated_noun(doc: Any, expr: TimeExpression) -> Any:
    """The noun a date is attached to ("the vote on May 3" -> vote), or None."""
    tokens = doc.char_span(expr.span.start, expr.span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return None
    token = tokens.root
    while token.head.i != token.i:
        dep, token = token.dep_, token.head
        if token.pos_ == "NOUN" and dep in _NOUN_PATH:
            return token
        if token.pos_ == "VERB" and token.dep_ == "acl" and dep in _NOUN_PATH:
            # "the statement, released on April 26": the participle's noun is dated.
            return token.head if token.head.pos_ == "NOUN" else None
        if dep not in _NOUN_PATH:
            return None
    return None


def _same_event(
    doc: Any, index: SentenceIndex, claims: list[Claim], by_id: dict[str, TimeExpression]
) -> list[TimeRelation]:
    """``same`` relations between two claims that date one definite event noun each."""
    text = doc.text
    seen: dict[str, Claim] = {}
    relations: list[TimeRelation] = []
    for claim in claims:
        if claim.time is None or claim.time_inherited:
            continue
        noun = _dated_noun(doc, by_id[claim.time])
        if noun is None:
            continue
        lemma = noun.lemma_.lower()
        earlier = seen.get(lemma)
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)
        owned = any(c.dep_ == "poss" for c in noun.children)
        if earlier is not None and definite and not owned:
            det = [c for c in noun.children if c.dep_ == "det"]
            first = min([noun.i, *(d.i for d in det)])
            relations.append(
                TimeRelation(
                    claim=claim.id,
                    relation="same",
                    other=earlier.id,
                    span=make_span(text, doc[first].idx, noun.idx + len(noun)),
                )
            )
        seen.setdefault(lemma, claim)
    return relations
