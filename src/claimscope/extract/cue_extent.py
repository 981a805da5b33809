"""How far a cue reaches: back over its verb group, forward to the preposition of its content.

PolNeAR, like PARC, marks the cue of "Mr. Obama has repeatedly said that ..." as "has
repeatedly said": the auxiliaries, negation and adverbs of the verb belong to the cue, and so
do the verbs whose complement it is ("will have to continue to emphasize", "declined to
comment"), and for a noun or adjective cue the verb it completes with the words between
("gave diplomatic assurances", "has long been lukewarm"). The rules and the cue model find
the reporting word; this widens it back over that group when the speaker is named before it.

Forward, the cue reaches the preposition that opens its content ("offered his condolences
for", "sanguine about"). Widening it over every word up to the content was measured and left
out: those words are marked inconsistently ("said in a statement that" often, "announced on
Monday that" and "told reporters that" mostly not).

Example:
    >>> doc = load_pipeline()("Mr. Obama has repeatedly said that he opposes it.")  # doctest: +SKIP
    >>> cue_between(doc, cue=(4, 4), source_end=1, content_start=5)  # doctest: +SKIP
    (2, 4)
"""

from __future__ import annotations

from typing import Any

from claimscope.extract import lexicon as lx

__all__ = ["cue_between", "cue_with_cause"]

#: Dependents of a verb that belong to its cue: "has", "was", "not", "repeatedly".
_VERB_GROUP = frozenset({"aux", "auxpass", "neg", "advmod"})
#: How a noun or adjective cue completes its verb: "gave assurances", "was lukewarm".
_PREDICATE_DEPS = frozenset({"dobj", "attr", "acomp", "oprd"})
#: Verbs that may take a noun of talk as a cause does ("has fuelled speculation"); whether
#: this one did was settled when the source was left unnamed.
_CAUSE_VERBS = lx.CAUSE_VERBS | lx.THING_CAUSE_VERBS
#: The farthest (in tokens) a cue reaches forward to the preposition that opens its content.
_MAX_REACH = 8
#: How many verbs of a complement chain ("have to continue to emphasize") are climbed.
_MAX_CHAIN = 4


def cue_between(
    doc: Any, cue: tuple[int, int], source_end: int, content_start: int
) -> tuple[int, int]:
    """The cue widened back over its verb group (not past the source) and forward to the
    preposition that opens the content.

    Args:
        doc: the parsed article.
        cue: the cue as found (inclusive token range).
        source_end: index of the source phrase's last token.
        content_start: index of the content's first token.

    Returns:
        The widened cue, or ``cue`` itself when the source does not come before the cue, or
        the content stands between them ('Ann, "...," has said').
    """
    first, last = cue
    if not source_end < first or source_end < content_start < first:
        return cue
    root = doc[first : last + 1].root
    verb = root
    group = {verb.i}
    if (
        verb.pos_ in ("NOUN", "ADJ")
        and verb.dep_ in _PREDICATE_DEPS
        and verb.head.pos_ in ("VERB", "AUX")
        and source_end < verb.head.i < verb.i
    ):
        # "gave diplomatic assurances", "currently have no plans", "has long been lukewarm
        # about": a noun or adjective cue takes the verb it completes and its own modifiers.
        group.update(range(verb.left_edge.i, verb.i))
        verb = verb.head
        group.add(verb.i)
    for _ in range(_MAX_CHAIN):
        group.update(c.i for c in verb.children if c.dep_ in _VERB_GROUP)
        if verb.dep_ != "xcomp" or not source_end < verb.head.i < verb.i:
            break
        verb = verb.head
        group.add(verb.i)
    start = first
    while start - 1 > source_end and start - 1 in group:
        start -= 1
    if last < content_start - 1 and content_start - last <= _MAX_REACH:
        last = _up_to_preposition(doc, root, last, content_start)
    return start, last


def cue_with_cause(doc: Any, cue: tuple[int, int]) -> tuple[int, int]:
    """A noun of talk that a causative verb before it takes ("has fuelled speculation",
    "sparked fears") widened back over that verb group; ``cue`` itself otherwise.

    The verb's subject is a cause, not a speaker (``cue_frames``), so no source bounds the
    cue; the verb still belongs to it, as the noun's own verb does in "gave assurances".
    """
    first, last = cue
    noun = doc[first : last + 1].root
    if noun.pos_ in ("VERB", "AUX"):
        # The cue as found may already hold the verb ("raised concerns about"): its noun of
        # talk is then the verb's object inside the cue, and only the verb group is left.
        objects = [c for c in noun.children if c.dep_ == "dobj" and first <= c.i <= last]
        if not objects:
            return cue
        noun = objects[0]
    verb = noun.head
    if (
        noun.pos_ != "NOUN"
        or noun.dep_ != "dobj"
        or verb.i > first
        or verb.i >= noun.i
        or verb.lemma_.lower() not in _CAUSE_VERBS
    ):
        return cue
    group = {verb.i, *range(noun.left_edge.i, noun.i)}
    group.update(c.i for c in verb.children if c.dep_ in _VERB_GROUP)
    start = first
    while start - 1 in group:
        start -= 1
    return start, last


def _up_to_preposition(doc: Any, root: Any, last: int, content_start: int) -> int:
    """The cue's new last token when the content is the object of a preposition under it.

    "offered his condolences for [the victims]", "is not sanguine about [the race]": PolNeAR's
    cue runs up to the preposition that opens the content, when every word on the way hangs
    from the cue and no punctuation stands between.
    """
    prep = doc[content_start - 1]
    if prep.pos_ != "ADP" or prep.dep_ not in ("prep", "prt"):
        return last
    if root not in prep.ancestors:
        return last
    for token in doc[last + 1 : content_start - 1]:
        if token.is_punct or (root not in token.ancestors and token not in prep.ancestors):
            return last
    return content_start - 1
