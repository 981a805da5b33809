"""Claims: the factual statements of an article, each linked to what it rests on.

Every declarative sentence with a finite verb is a claim (questions and verbless headline
fragments are not). A claim rests on the attribution that governs its sentence — one whose cue
or content holds the sentence's main verb — or else on the author's own voice. Its evidential
status comes from the hedges of its sentence, and from a later sentence that hedges earlier
accounts by pointing back at them: "These accounts, while unverified, ...".

Example:
    >>> from claimscope import analyze
    >>> analysis = analyze("Mayor Ilse Varn said the bridge would reopen.")  # doctest: +SKIP
    >>> [(c.span.text, c.status) for c in analysis.claims]  # doctest: +SKIP
    [('the bridge would reopen', 'attributed')]
"""

from __future__ import annotations

from typing import Any

from claimscope.extract import lexicon as lx
from claimscope.extract.common import article_sentences, make_span
from claimscope.schema import (
    Attribution,
    Claim,
    Entity,
    EvidentialStatus,
    Hedge,
    HedgeKind,
    Span,
    TimeExpression,
)

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_PLACE_TYPES = frozenset({"GPE", "LOC"})
#: Strongest first: an unverified marker outweighs a modal in the same sentence.
_STATUS_OF_HEDGE: dict[HedgeKind, EvidentialStatus] = {
    "unverified": "unverified",
    "denied": "denied",
    "speculative": "speculative",
    "alleged": "hedged",
    "reported": "hedged",
    "hedged": "hedged",
}
_STATUS_ORDER: list[EvidentialStatus] = ["unverified", "denied", "speculative", "hedged"]
#: How many attributed sentences back "these accounts" may reach.
_MAX_BACK_REFERENCE = 6


def _is_claim_sentence(sent: Any) -> bool:
    stripped = sent.text.strip().rstrip("\"'’”»").rstrip()
    if not stripped or stripped.endswith("?"):
        return False
    # The small model sometimes tags a finite main verb as a participle ("The harbour closed"
    # -> VBN); a verb that heads the sentence with its own subject is a clause all the same.
    return any(
        t.tag_ in _FINITE_TAGS
        or (
            t.pos_ in ("VERB", "AUX")
            and t.dep_ == "ROOT"
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        )
        for t in sent
    )


def _inside(span: Span, start: int, end: int) -> bool:
    return start <= span.start and span.end <= end


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start < end and start < span.end


def _governing(sent: Any, attributions: list[Attribution]) -> list[Attribution]:
    """Attributions whose cue or content holds the sentence's main verb.

    The parser sometimes roots a sentence in an apposition of its source ("According to BPA,
    the state news agency, 46 fighters ..."); a source that holds the root governs the sentence
    when its content lies in the same sentence.
    """
    root = sent.root.idx
    return [
        a
        for a in attributions
        if a.content.start <= root < a.content.end
        or (a.cue is not None and a.cue.start <= root < a.cue.end)
        or (
            a.source is not None
            and a.source.start <= root < a.source.end
            and sent.start_char <= a.content.start < sent.end_char
        )
    ]


def _back_reach(doc: Any, hedge: Hedge) -> int:
    """How many attributed sentences back ``hedge`` reaches: 0 when it is not said of earlier
    material; 1 for one account ("Their account could not be verified"); a run of them for a
    plural ("These accounts, while unverified, ...")."""
    tokens = doc.char_span(hedge.span.start, hedge.span.end, alignment_mode="expand")
    if tokens is None:
        return 0
    token = tokens.root
    if token.dep_ == "amod":
        nouns = [token.head]  # "these unverified accounts"
    else:
        verb = token
        while verb.dep_ in ("advcl", "acomp", "aux", "auxpass", "neg", "advmod", "xcomp"):
            verb = verb.head
        nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    referents = [
        noun
        for noun in nouns
        if noun.lemma_.lower() in lx.ACCOUNT_NOUNS
        and any(
            (c.dep_ == "det" and c.lower_ in lx.ANAPHORIC_DETS)
            or (c.dep_ == "poss" and c.lower_ in lx.ANAPHORIC_POSSESSIVES)
            for c in noun.children
        )
    ]
    if not referents:
        return 0
    return _MAX_BACK_REFERENCE if any(n.tag_ in ("NNS", "NNPS") for n in referents) else 1


def _hedges_by_sentence(
    doc: Any, hedges: list[Hedge], in_sentence: dict[int, list[Attribution]]
) -> dict[int, list[Hedge]]:
    by_sentence: dict[int, list[Hedge]] = {}
    for hedge in hedges:
        by_sentence.setdefault(hedge.sentence, []).append(hedge)
        reach = _back_reach(doc, hedge)
        # The hedge reaches back over the run of attributed sentences just before it ...
        run: list[int] = []
        back = hedge.sentence - 1
        while back >= 0 and back in in_sentence and hedge.sentence - back <= reach:
            run.append(back)
            back -= 1
        # ... but where the run names the accounts themselves ("Eyewitness accounts paint ...",
        # "Reports describe ..."), "these accounts" begin there: the attributed sentences
        # before it (an analyst, a source close to the talks) are other voices.
        opening = [i for i, n in enumerate(run) if _names_accounts(in_sentence[run[i]])]
        if opening:
            run = run[: opening[-1] + 1]
        for sentence in run:
            by_sentence.setdefault(sentence, []).append(hedge)
    return by_sentence


def _names_accounts(attributions: list[Attribution]) -> bool:
    """Whether a sentence's attribution is sourced to accounts or reports as such."""
    for attribution in attributions:
        # "Eyewitness accounts from war correspondents paint ...": the accounts may be the
        # source or the channel through which their authors speak.
        for span in (attribution.source, attribution.channel):
            if span is None:
                continue
            words = {w.strip(".,;:’'\"").lower() for w in span.text.split()}
            if words & _ACCOUNT_WORDS:
                return True
    return False


#: Source words that name the accounts themselves: "eyewitness accounts", "reports".
_ACCOUNT_WORDS = frozenset(lx.ACCOUNT_NOUNS | {n + "s" for n in lx.ACCOUNT_NOUNS})


def _status(hedges: list[Hedge], attribution: Attribution | None) -> EvidentialStatus:
    statuses = {_STATUS_OF_HEDGE[h.kind] for h in hedges}
    for status in _STATUS_ORDER:
        if status in statuses:
            return status
    return "attributed" if attribution is not None else "asserted"


def extract_claims(
    doc: Any,
    *,
    attributions: list[Attribution],
    hedges: list[Hedge],
    entities: list[Entity],
    times: list[TimeExpression],
) -> list[Claim]:
    """Claims in ``doc`` (ids ``C1``, ...), linked to attributions, hedges, entities, times.

    Args:
        doc: the parsed article.
        attributions: from ``extract_attributions``; a claim links the one governing it.
        hedges: from ``extract_hedges``; they set the claim's evidential status.
        entities: from ``extract_entities``; mentions inside the claim are linked, and places
            (GPE, LOC) are listed separately as well.
        times: from ``extract_times``; expressions inside the claim's sentence are linked.
    """
    text = doc.text
    sentences = article_sentences(doc)
    in_sentence: dict[int, list[Attribution]] = {}
    for i, sent in enumerate(sentences):
        found = [a for a in attributions if _overlaps(a.content, sent.start_char, sent.end_char)]
        if found:
            in_sentence[i] = found
    hedges_of = _hedges_by_sentence(doc, hedges, in_sentence)
    claims: list[Claim] = []
    for i, sent in enumerate(sentences):
        if not _is_claim_sentence(sent):
            continue
        start, end = sent.start_char, sent.end_char
        candidates = in_sentence.get(i, [])
        governing = _governing(sent, candidates)
        attribution = governing[0] if governing else None
        if attribution is not None and len(candidates) == 1:
            content = attribution.content
            span = make_span(text, max(content.start, start), min(content.end, end))
        else:
            span = make_span(text, start, end)
        if not span.text:
            continue
        claim_hedges = sorted({h.id: h for h in hedges_of.get(i, [])}.values(), key=_order)
        claims.append(
            Claim(
                id=f"C{len(claims) + 1}",
                span=span,
                sentence=i,
                attribution=attribution.id if attribution is not None else None,
                source_type=attribution.source_type if attribution is not None else "author",
                status=_status(claim_hedges, attribution),
                hedges=[h.id for h in claim_hedges],
                entities=[
                    e.id
                    for e in entities
                    if any(_inside(m, span.start, span.end) for m in e.mentions)
                ],
                times=[t.id for t in times if _inside(t.span, start, end)],
                places=[
                    e.id
                    for e in entities
                    if e.type in _PLACE_TYPES
                    and any(_inside(m, span.start, span.end) for m in e.mentions)
                ],
            )
        )
    return claims


def _order(hedge: Hedge) -> int:
    return hedge.span.start
