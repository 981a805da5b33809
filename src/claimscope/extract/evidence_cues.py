"""Attributions to a poll, survey or study that a clause reports from: "In a Corvale Herald
poll, Varn leads by ten points", "Malk has slipped in the latest Belmora survey".

"Malk has slipped in the polls" is left alone: the polls in general are where a candidate
stands, not a document the sentence reports from (PolNeAR marks no attribution there).

The finding is not the author's: it rests on the poll. The cue is the preposition "in" (as
PolNeAR marks it), the source the evidence phrase, the content the clause without the phrase.
Where the clause's verb is itself a reporting verb ("said in a statement") the phrase is the
channel of that attribution instead (``cues.channel_of``), and nothing is added here.

Example:
    >>> doc = load_pipeline()("In a new Belmora poll, Varn leads by ten points.")  # doctest: +SKIP
    >>> [doc[r.source.i].text for r in evidence_attributions(doc, set())]  # doctest: +SKIP
    ['poll']
"""

from __future__ import annotations

from typing import Any

from claimscope.extract import lexicon as lx
from claimscope.extract.cues import RawAttribution

#: Nouns of evidence a finding is read from.
EVIDENCE_NOUNS = frozenset(
    {"poll", "survey", "study", "census", "analysis", "audit", "tally", "estimate",
     "forecast", "projection", "ranking", "exit poll"}
)  # fmt: skip


def evidence_attributions(doc: Any, used: set[int]) -> list[RawAttribution]:
    """Attributions for "in <poll/survey/study>" on a clause (see the module docstring).

    Args:
        doc: the parsed article.
        used: token indices other rules already took as cues (their verbs are skipped).
    """
    found: list[RawAttribution] = []
    for token in doc:
        if token.lower_ != "in" or token.dep_ != "prep" or token.i in used:
            continue
        evidence = next((c for c in token.children if c.dep_ == "pobj"), None)
        if evidence is None or evidence.lemma_.lower() not in EVIDENCE_NOUNS:
            continue
        if evidence.tag_ in ("NNS", "NNPS"):
            continue  # "leads in the polls", "dropping in several polls": a standing
        verb = token.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i in used:
            continue
        lemma = verb.lemma_.lower()
        if lemma in lx.SPEECH_VERBS or lemma in lx.CLAUSE_VERBS:
            continue  # "said in a statement": the phrase is the channel
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue  # no clause of its own to report
        content = _clause_without(verb, token)
        if content is None:
            continue
        found.append(
            RawAttribution("reporting_noun", (token.i, token.i), evidence, content, sure=True)
        )
    return found


def _clause_without(verb: Any, prep: Any) -> tuple[int, int] | None:
    """The clause of ``verb`` as a token range, the "in ..." phrase and its comma left out."""
    first, last = verb.left_edge.i, verb.right_edge.i
    low, high = prep.left_edge.i, prep.right_edge.i
    doc = verb.doc
    if low <= first:  # the phrase opens the clause: "In a poll, X leads"
        first = high + 1
        while first <= last and doc[first].is_punct:
            first += 1
    elif low > verb.i:
        # The phrase follows the verb: "X has slipped in the polls (since March)". What comes
        # after it qualifies the finding, and the content stops before it.
        last = low - 1
    else:
        return None  # the phrase sits before the verb: the content would not be one range
    while last > first and doc[last].is_punct:
        last -= 1
    return (first, last) if first < last else None
