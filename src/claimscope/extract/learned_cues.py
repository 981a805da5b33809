"""Attributions for the cues the learned detector finds, merged with the rules' ones.

The rule engine (``attributions.py``) finds quotes, reporting verbs, "according to" and
reporting nouns; the cue model (``cue_model.py``) scores every token. This module keeps the
rule attributions the model confirms, stretches their cues to the model's runs ("has said"),
and builds an attribution for each run no rule took (``cue_frames.py``), guarded by what the
word lists know ("add" reports only with a clause).
"""

from __future__ import annotations

from typing import Any

from claimscope.extract import lexicon as lx
from claimscope.extract.cue_frames import frame_of_cue
from claimscope.extract.cue_model import CueModel, TokenVectors, runs_above, token_probabilities
from claimscope.extract.cues import RawAttribution
from claimscope.extract.quotes import QuoteIndex


def _free_quote(doc: Any, quotes: QuoteIndex, token: Any, used: set[int]) -> tuple[int, int] | None:
    """A quotation in ``token``'s sentence that no attribution has taken, as a token range."""
    sent = token.sent
    for first, last in quotes.ranges:
        if first <= last and sent.start <= first < sent.end and first not in used:
            return first, last
    return None


#: A learned cue needs a word of one of these kinds (or is a colon or dash): a run of
#: auxiliaries, articles or adverbs alone ("had", "a", "reportedly") is no cue of its own;
#: "reportedly" is a hedge, which ``hedges.py`` records.
_CUE_WORD_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN"})
_PUNCT_CUES = frozenset({":", "—", "–", "--"})
_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp"})
#: How far after its cue a channel may start for the words between to count for the cue
#: (", according to Reuters": four tokens).
_CHANNEL_GAP = 4
#: Objects with which a verb that reports only with a clause reports all the same.
_QUESTION_NOUNS = frozenset({"question", "questions"})
#: Verbs that report only with a clause by the word lists but whose object, infinitive or
#: prepositional phrase can also be what is reported ("recalling a visit", "noted the
#: dichotomy", "asked the department to investigate", "asked about the vote"). When the cue
#: model marks one of them, that is enough; "add", "think", "believe" and "fear" still need a
#: clause ("add a dimension", "think a lot").
_OBJECT_REPORT_VERBS = frozenset(
    {
        "answer",
        "ask",
        "estimate",
        "explain",
        "note",
        "observe",
        "predict",
        "recall",
        "remark",
        "reveal",
        "suggest",
    }
)
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "prep"})


def _can_be_cue(doc: Any, first: int, last: int, covered: set[int]) -> bool:
    """Whether a run of learned cue tokens may start an attribution of its own."""
    tokens = doc[first : last + 1]
    if not any(t.pos_ in _CUE_WORD_POS or t.text in _PUNCT_CUES for t in tokens):
        return False
    words = [t for t in tokens if not t.is_punct]
    if words and all(t.pos_ == "ADJ" and t.dep_ == "amod" for t in words):
        # "a simple question": an adjective before its noun describes it; it reports nothing.
        return False
    if any(t.tag_ == "VBG" and t.dep_ in _PARTICIPLE_DEPS for t in tokens):
        # "'...,' she said, recalling a visit": a participle that hangs from a rule cue
        # reports something of its own, with the same speaker (``cue_frames``).
        return True
    for token in tokens:
        # "In a statement, the ministry denied ...": a phrase that hangs from a rule cue
        # belongs to that attribution.
        ancestor = token
        for _ in range(3):
            ancestor = ancestor.head
            if ancestor.i in covered:
                return False
    return True


def _reports(raw: RawAttribution, doc: Any) -> bool:
    """False for a verb that reports only with a clause when it has none ("add a dimension")."""
    verb = doc[raw.cue[0] : raw.cue[1] + 1].root
    lemma = verb.lemma_.lower()
    if lemma in lx.CLAUSE_VERBS and lemma not in lx.SPEECH_VERBS:
        # "asked the candidates a simple question: ..." reports with its object, and so do
        # the object-reporting verbs with theirs.
        return any(
            c.dep_ == "ccomp"
            or (c.dep_ == "dobj" and c.lemma_.lower() in _QUESTION_NOUNS)
            or (lemma in _OBJECT_REPORT_VERBS and c.dep_ in _OBJECT_DEPS)
            for c in verb.children
        )
    return True


def _channel_reach(raw: RawAttribution) -> int:
    """The last token of the cue, or of a channel that follows it closely ("said, according
    to Reuters"; "said in a statement")."""
    last = raw.cue[1]
    if raw.channel is not None and 0 < raw.channel[0] - last <= _CHANNEL_GAP:
        return raw.channel[1]
    return last


def with_learned_cues(
    doc: Any,
    quotes: QuoteIndex,
    found: list[RawAttribution],
    model: CueModel,
    vectors: TokenVectors | None = None,
) -> list[RawAttribution]:
    """The rule attributions the cue model confirms, plus one for each cue only it finds.

    A rule attribution is kept when the model gives its cue at least ``keep_rule_threshold``
    (the rules are precise, so the bar is low), and its cue grows to the run of cue tokens
    around it ("said" -> "said in a statement"). A run of cue tokens that no rule attribution
    holds gets its source and content from ``frame_of_cue``.
    """
    rule_cues = {i for raw in found for i in range(raw.cue[0], raw.cue[1] + 1)}
    probabilities = token_probabilities(
        doc, model, quoted=quotes.quoted, rule_cues=rule_cues, vectors=vectors
    )
    runs = runs_above(probabilities, model.threshold_for(vectors))
    kept: list[RawAttribution] = []
    covered: set[int] = set()
    used_quotes: set[int] = set()
    for raw in found:
        first, last = raw.cue
        # "..., the minister said, according to Reuters": the words that bring in the
        # channel count for the cue. The model may put the cue on them alone (PolNeAR marks
        # "according to" a cue of its own), and the rules' reading (a channel) keeps both.
        reach = _channel_reach(raw)
        if max(probabilities[first : reach + 1], default=0.0) < model.keep_rule_threshold:
            continue
        # The cue never grows over its own source or content ("According to a report").
        blocked = set(range(raw.content[0], raw.content[1] + 1))
        if raw.source is not None and not first <= raw.source.i <= last:
            # (A document can be its own source: "a statement released ... that ...".)
            blocked.update(t.i for t in raw.source.subtree)
        for run_first, run_last in runs:
            if run_first <= last and first <= run_last:
                # The cue grows to the left ("has said") and to the right ("said in a
                # statement", as PolNeAR marks it; the statement stays the channel too).
                while first > run_first and first - 1 not in blocked:
                    first -= 1
                while last < run_last and last + 1 not in blocked:
                    last += 1
        raw.cue = (first, last)
        covered.update(range(first, max(last, reach) + 1))
        if raw.content_chars is not None:
            used_quotes.add(raw.content[0])
        kept.append(raw)
    for first, last in runs:
        if covered.intersection(range(first, last + 1)) or not _can_be_cue(
            doc, first, last, covered
        ):
            continue
        quote = _free_quote(doc, quotes, doc[first], used_quotes)
        raw_new = frame_of_cue(doc, first, last, quote)
        if raw_new is None or (raw_new.kind == "indirect" and not _reports(raw_new, doc)):
            continue
        if raw_new.kind == "direct" and quote is not None and raw_new.content == quote:
            used_quotes.add(quote[0])
        kept.append(raw_new)
    kept.sort(key=lambda r: (r.content_chars or (doc[r.content[0]].idx,))[0])
    return kept
