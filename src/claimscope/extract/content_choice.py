"""Choosing what a cue reports: candidate content spans from the parse, ranked by a model.

The frame rules (``cues.py``, ``cue_frames.py``) pick one content span per cue: the clause, the
object, the preposition's object or the rest of the sentence. PolNeAR shows that which of these
a reader takes depends on the cue word and the sentence ("declined to comment" takes the
infinitive, "has the support of Clinton" the preposition's object, "felt slighted as ..." the
adverbial clause). This module lists every span the parse offers around a cue — each dependent's
subtree, the rule's own choice, the stretches before and after the cue — describes each with
binary features, and a linear model trained on the PolNeAR train split
(``claimscope train attribution``) picks the most likely one. The rule's choice is one of the
candidates and a feature of its own, so the model learns when to override it.

Example:
    >>> ranges = content_candidates(doc, raw)  # doctest: +SKIP
    >>> load_content_model().choose(doc, raw)  # doctest: +SKIP
    (12, 19)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from claimscope.extract.cue_frames import cue_head
from claimscope.extract.cue_model import read_model_file
from claimscope.extract.cues import RawAttribution
from claimscope.extract.linear_chooser import HEAD_PREFIX, LinearChooser

if TYPE_CHECKING:
    import numpy as np

    from claimscope.extract.cue_model import TokenVectors

#: Format of the weights file; a file of another format is refused with a hint to retrain.
FORMAT = "claimscope-content-model/3"
#: Formats still read: version 1 files have no head features, encoder or fallback. Version 2
#: marked files that may hold them, so that older readers refuse them instead of using
#: head-trained weights without their features; version 3 files were trained with the marked
#: runs as candidates (``marked_runs``), which a version 2 file never saw, so it is refused.
READ_FORMATS = ("claimscope-content-model/1", FORMAT)
WEIGHTS_FILE = "content_weights.json"

#: Dependents of the cue's head whose subtree may be what it reports.
_CHILD_DEPS = frozenset(
    {
        "ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "advcl", "npadvmod", "acl",
        "relcl", "parataxis", "conj", "dative", "pobj", "pcomp", "nsubj", "nsubjpass",
    }
)  # fmt: skip
_LENGTH_BUCKETS = (1, 2, 4, 8, 16, 32)
#: Dependents of a cue verb that never continue its object: "called X Y and demanded Z".
_NOT_OBJECT_TAIL = frozenset({"conj", "cc", "punct", "parataxis"})
_CLOSING_QUOTES = frozenset({'"', "”", "''"})


def _bucket(n: int) -> str:
    for limit in _LENGTH_BUCKETS:
        if n <= limit:
            return str(limit)
    return "more"


def _trim(doc: Any, first: int, last: int) -> tuple[int, int] | None:
    """The range without punctuation, white space or a leading "that" at its ends; None if
    nothing is left."""
    while first <= last and (
        doc[first].is_space
        or (doc[first].is_punct and doc[first].text not in "“‘\"'")
        or doc[first].dep_ == "mark"
    ):
        first += 1
    # Closing quotes and brackets stay: "the Relief Agency (BRA)" keeps its ")". A paragraph
    # break is a token of its own, so the stop before it goes only once it is gone.
    while last >= first and (
        doc[last].is_space or (doc[last].is_punct and doc[last].text not in "”’\"')]")
    ):
        last -= 1
    return (first, last) if first <= last else None


def _close_quote(doc: Any, first: int, last: int) -> tuple[int, int]:
    """The range with the closing quotation mark that follows it, when it opens one and does
    not close it: the parse hangs the closing mark of 'called the talks "a sham"' on the verb,
    outside the object's subtree."""
    if last + 1 >= len(doc) or doc[last + 1].text not in _CLOSING_QUOTES:
        return first, last
    marks = [t.text for t in doc[first : last + 1] if t.is_quote]
    straight = sum(m in ('"', "''") for m in marks)
    curly = sum(m == "“" for m in marks) - sum(m == "”" for m in marks)
    if straight % 2 == 1 or curly > 0:
        return first, last + 1
    return first, last


def _without_cue(cue: tuple[int, int], first: int, last: int) -> tuple[int, int] | None:
    """The range cut at the cue: the side after it, when the cue lies inside."""
    if last < cue[0] or first > cue[1]:
        return first, last
    if last > cue[1]:
        return cue[1] + 1, last
    if first < cue[0]:
        return first, cue[0] - 1
    return None


def _hangs_from(doc: Any, span: tuple[int, int], phrase: tuple[int, int]) -> bool:
    """Whether the span's root attaches to a word of ``phrase``."""
    for token in doc[span[0] : span[1] + 1]:
        if not span[0] <= token.head.i <= span[1] or token.head.i == token.i:
            head: int = token.head.i
            return phrase[0] <= head <= phrase[1] and head != token.i
    return False


def content_candidates(
    doc: Any, raw: RawAttribution, content: np.ndarray | None = None
) -> dict[tuple[int, int], list[str]]:
    """Candidate content ranges (inclusive token ranges) around ``raw``'s cue, with their kinds.

    A range reached in several ways keeps every kind ("child:dobj", "after"), so that the
    model sees the agreement. With ``content`` (the signal model's content probability per
    token), each run of tokens it marks that starts in the cue's sentence is a candidate too
    (``marked_runs``).
    """
    cue = raw.cue
    head = cue_head(doc, cue)
    sent = doc[cue[0]].sent
    found: dict[tuple[int, int], list[str]] = {}

    def add(kind: str, first: int, last: int) -> None:
        cut = _without_cue(cue, first, last)
        if cut is None:
            return
        trimmed = _trim(doc, *cut)
        if trimmed is None:
            return
        trimmed = _close_quote(doc, *trimmed)
        if kind != "rule" and (
            # "X said, according to Y": a phrase that opens with another cue is that cue's
            # attribution, never what this one reports.
            doc[trimmed[0]].lower_ == "according"
            # "said in a statement released on Sunday that ...": what describes the channel
            # is not what was said.
            or (raw.channel is not None and _hangs_from(doc, trimmed, raw.channel))
            # "a statement released on Sunday that ...": a participle describing the cue
            # noun tells when or how it was made, not what it says.
            or (
                doc[trimmed[0]].dep_ == "acl"
                and doc[trimmed[0]].tag_ in ("VBN", "VBG")
                and cue[0] <= doc[trimmed[0]].head.i <= cue[1]
            )
        ):
            return
        found.setdefault(trimmed, []).append(kind)

    add("rule", *raw.content)
    # The cue's head, and for "in a statement" or "according to" the word it hangs from.
    anchors = [head]
    if head.pos_ == "ADP" or head.dep_ in ("prep", "agent"):
        anchors.append(head.head)
    for anchor in anchors:
        role = "head" if anchor is head else "up"
        for child in anchor.children:
            if cue[0] <= child.i <= cue[1]:
                # A word inside the cue ("support of"): its objects are candidates too.
                for grandchild in child.children:
                    if grandchild.dep_ in ("pobj", "pcomp") and grandchild.i > cue[1]:
                        add(
                            f"{role}:inner:{child.lower_}",
                            grandchild.left_edge.i,
                            grandchild.right_edge.i,
                        )
                continue
            if child.dep_ == "prep":
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                for obj in objects:
                    add(f"{role}:prep:{child.lower_}", obj.left_edge.i, obj.right_edge.i)
                add(f"{role}:prepphrase", child.left_edge.i, child.right_edge.i)
            elif child.dep_ in _CHILD_DEPS:
                add(f"{role}:child:{child.dep_}", child.left_edge.i, child.right_edge.i)
                if child.dep_ == "dobj":
                    # "called the plan a disaster": the object with what follows it, up to
                    # a coordinated verb ("... and demanded a debate"), which is another act.
                    ends = [
                        other.right_edge.i
                        for other in anchor.children
                        if other.i > child.i and other.dep_ not in _NOT_OBJECT_TAIL
                    ]
                    add(f"{role}:dobj+", child.left_edge.i, max([child.right_edge.i, *ends]))
    if head.dep_ in ("parataxis", "advcl", "conj", "ccomp", "xcomp") and head.head.i != head.i:
        parent = head.head
        add("parent", parent.left_edge.i, parent.right_edge.i)
        if head.i > parent.i:
            add("parent_before", parent.left_edge.i, head.left_edge.i - 1)
    add("after", cue[1] + 1, sent.end - 1)
    add("before", sent.start, cue[0] - 1)
    add("head_after", cue[1] + 1, head.right_edge.i)
    if cue[1] + 1 >= sent.end - 1 and sent.end < len(doc):
        # "..., she said:" with the statement in the next sentence.
        following = doc[sent.end].sent
        add("next_sentence", following.start, following.end - 1)
    if content is not None:
        for first, last in marked_runs(doc, raw, content):
            if _splits_coordination(doc, first, last):
                continue
            if last < sent.end:
                add("marked", first, last)
                continue
            # A run that reads on into the next sentence, and its part in the cue's own.
            add("marked_on", first, last)
            own = [
                i
                for i in range(first, sent.end)
                if content[i] >= _MARK and not doc[i].is_punct and not doc[i].is_space
            ]
            if own:
                add("marked", first, own[-1])
        # Runs at a lower mark: where the head hesitates over a few words ("..., he said,
        # ..."), its run breaks in two at 0.5; read looser, it covers the content whole.
        for first, last in marked_runs(doc, raw, content, _LOW_MARK):
            if not _splits_coordination(doc, first, last):
                add("marked_low" if last < sent.end else "marked_low_on", first, last)
    return found


def _splits_coordination(doc: Any, first: int, last: int) -> bool:
    """Whether the run ``first..last`` stops where a complement clause is coordinated with
    its own ("said A, and that B"): PolNeAR's content of one cue takes both conjuncts, so a
    run that the content head broke at the conjunction is left to the parse's candidates,
    which hold the whole.
    """
    after = last + 1
    while after < len(doc) and (doc[after].is_punct or doc[after].is_space):
        after += 1
    if after >= len(doc) or doc[after].dep_ != "cc":
        return False
    head = doc[after].head
    # Only a coordinated complement clause ("and that ...", "and whether ..."): the runs the
    # head cuts at a coordination of words or phrases are right as often as not.
    return first <= head.i <= last and any(
        c.dep_ == "conj" and c.i > after and any(m.dep_ == "mark" for m in c.children)
        for c in head.children
    )


#: The content head's mark of a run (``marked``), and the lower mark of the looser runs
#: (``marked_low``).
_MARK = 0.5
_LOW_MARK = 0.25
#: How many sentences after the cue's a marked run may reach into.
_RUN_SENTENCES = 2


def _source_tokens(raw: RawAttribution) -> set[int]:
    """The source's tokens, with the description the rules found after it where the parse
    left it unattached (``RawAttribution.source_last``: "According to BPA, the state news
    agency, ...", where the parser may even make "agency" the root, and the content head
    then read it as the start of what is reported)."""
    if raw.source is None:
        return set()
    first, last = raw.source.left_edge.i, raw.source.right_edge.i
    if raw.source_last is not None:
        last = max(last, raw.source_last)
    return set(range(first, last + 1))


def marked_runs(
    doc: Any, raw: RawAttribution, content: np.ndarray, mark: float = _MARK
) -> list[tuple[int, int]]:
    """The runs of tokens the content head marks (at least ``mark``) that start in the cue's
    sentence, outside the cue and its source. Punctuation and white space between marked
    words do not break a run; a run that reaches the end of the sentence goes on into the
    next one while its first word is marked (up to ``_RUN_SENTENCES`` more, never past the
    end of a paragraph): the parse cuts sentences inside quotations and long contents that
    the head reads whole.
    """
    cue = raw.cue
    sent = doc[cue[0]].sent
    stop = sent.end
    for _ in range(_RUN_SENTENCES):
        if stop >= len(doc):
            break
        stop = doc[stop].sent.end
    source = _source_tokens(raw)
    runs: list[tuple[int, int]] = []
    start: int | None = None
    last_word: int | None = None
    for token in doc[sent.start : stop]:
        i = token.i
        if token.is_space and "\n" in token.text and start is not None:
            break  # a paragraph ends the run: contents continued past one are quotations
        blocked = cue[0] <= i <= cue[1] or i in source
        if token.is_space or token.is_punct:
            if blocked and start is not None and last_word is not None:
                runs.append((start, last_word))
                start = last_word = None
            continue
        if not blocked and content[i] >= mark:
            if start is None:
                if i >= sent.end:
                    break  # a run must start in the cue's sentence
                start = i
            last_word = i
            continue
        if start is not None and last_word is not None:
            runs.append((start, last_word))
        start = last_word = None
        if i >= sent.end:
            break
    if start is not None and last_word is not None:
        runs.append((start, last_word))
    return runs


def candidate_features(
    doc: Any,
    raw: RawAttribution,
    span: tuple[int, int],
    kinds: list[str],
    content: np.ndarray | None = None,
) -> list[str]:
    """Binary features of one candidate range of ``raw``'s content; with ``content`` (the
    signal model's content probability per token), also how the range agrees with it."""
    head = cue_head(doc, raw.cue)
    lemma = head.lemma_.lower()
    first, last = span
    size = last - first + 1
    sent = doc[raw.cue[0]].sent
    side = "after" if first > raw.cue[1] else "before"
    gap = first - raw.cue[1] - 1 if side == "after" else raw.cue[0] - last - 1
    features = [
        "bias",
        f"len={_bucket(size)}",
        f"side={side}",
        f"len={_bucket(size)}|side={side}",
        f"rawkind={raw.kind}",
        f"headpos={head.pos_}",
        f"headdep={head.dep_}",
        f"first={doc[first].lower_}",
        f"firstpos={doc[first].pos_}",
        f"lastpos={doc[last].pos_}",
        f"sentend={last >= sent.end - 1}",
        f"sentstart={first <= sent.start}",
        f"crosses={first < sent.start or last >= sent.end}",
        f"gap={_bucket(max(0, gap))}",
    ]
    if raw.source is not None:
        features.append(f"hassource={first <= raw.source.i <= last}")
    features.append(f"nkinds={min(len(kinds), 3)}")
    for kind in kinds:
        features += [
            f"kind={kind}",
            f"kind={kind}|lemma={lemma}",
            f"kind={kind}|rawkind={raw.kind}",
            f"kind={kind}|headpos={head.pos_}",
            f"kind={kind}|len={_bucket(size)}",
        ]
    if "rule" in kinds:
        features.append(f"rule|lemma={lemma}")
    span_tokens = doc[first : last + 1]
    # Whether the candidate is a clause (has a verb of its own) or a bare phrase.
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in span_tokens)
    features += [
        f"verb={has_verb}",
        f"verb={has_verb}|lemma={lemma}",
        f"first={doc[first].lower_}|lemma={lemma}",
        f"quoted={any(t.is_quote for t in span_tokens)}",
        f"next={doc[raw.cue[1] + 1].lower_ if raw.cue[1] + 1 < len(doc) else ''}|side={side}",
    ]
    features += _shape_features(doc, head, span)
    if content is not None:
        features += head_features(doc, raw, span, content)
    return features


#: Cut points for the head agreement features; each is a feature of its own ("at least"),
#: so that a linear model can learn a monotone effect from few weights.
_HEAD_CUTS = (0.2, 0.4, 0.6, 0.8, 0.95)


def head_features(
    doc: Any, raw: RawAttribution, span: tuple[int, int], content: np.ndarray
) -> list[str]:
    """How a candidate range agrees with the tokens that the signal model's role head marks
    as content (probability at least 0.5), in the cue's sentence and the range.

    The head reads the whole sentence at once, so it sees what the parse-based candidates
    cannot: where PolNeAR's annotators end a content. Its marked tokens are compared with
    the range by precision, recall and their harmonic mean (Dice), leaving out the cue's own
    words, white space and punctuation; a marked token just outside either end of the range
    says the range cuts a content short.
    """
    first, last = span
    sent = doc[raw.cue[0]].sent
    lo, hi = min(first, sent.start), max(last, sent.end - 1)
    marked: set[int] = set()
    inside: set[int] = set()
    for token in doc[lo : hi + 1]:
        if token.is_space or token.is_punct or raw.cue[0] <= token.i <= raw.cue[1]:
            continue
        if content[token.i] >= 0.5:
            marked.add(token.i)
        if first <= token.i <= last:
            inside.add(token.i)
    if not marked:
        return [f"{HEAD_PREFIX}none"]
    both = len(marked & inside)
    precision = both / len(inside) if inside else 0.0
    recall = both / len(marked)
    dice = 2 * both / (len(marked) + len(inside))
    features = []
    for name, value in (("precision", precision), ("recall", recall), ("dice", dice)):
        features += [f"{HEAD_PREFIX}{name}>={cut}" for cut in _HEAD_CUTS if value >= cut]
    # The tokens right beside the range, quote marks included: PolNeAR's contents keep their
    # quote marks, so a marked one outside the range says the range stops short of them.
    # (Skipping quote marks and white space here, 2026-11-26, lowered the held-out choice
    # accuracy from 0.765 to 0.763.)
    before = first - 1
    after = last + 1
    features.append(f"{HEAD_PREFIX}before={before >= 0 and content[before] >= 0.5}")
    features.append(f"{HEAD_PREFIX}after={after < len(doc) and content[after] >= 0.5}")
    return features


#: Dependents that a candidate may carry after its core: trailing clauses, appositions,
#: coordinated phrases and adjuncts, which PolNeAR's content keeps or drops by kind.
_TRAILING_DEPS = frozenset(
    {"conj", "cc", "appos", "relcl", "advcl", "prep", "npadvmod", "acl", "punct"}
)
#: Dependents of the cue word itself that a candidate may swallow ("posted X to his page").
_CUE_ADJUNCT_DEPS = frozenset(
    {"prep", "npadvmod", "advmod", "conj", "advcl", "dobj", "ccomp", "xcomp"}
)


def _shape_features(doc: Any, head: Any, span: tuple[int, int]) -> list[str]:
    """How a candidate is built: its subtree roots, what trails its core, and what of the cue
    word's own dependents it swallows. PolNeAR's contents are whole constituents that mostly
    leave out the cue verb's adjuncts ("to his Twitter page", "on Tuesday") and coordinated
    verbs ("... and made no mention of ..."); these features let the chooser see that.
    """
    first, last = span
    tokens = doc[first : last + 1]
    roots = [t for t in tokens if not first <= t.head.i <= last or t.head.i == t.i]
    features = [f"nroots={min(len(roots), 3)}"]
    for root in roots[:4]:
        features.append(f"rootdep={root.dep_}")
        features.append(f"rootdep={root.dep_}|hp={root.head.pos_}")
    core = roots[0] if roots else doc[first]
    for token in tokens:
        if token.head.i == core.i and token.i > core.i and token.dep_ in _TRAILING_DEPS:
            features.append(f"inc={token.dep_}")
            if token.dep_ == "prep":
                features.append(f"inc=prep:{token.lower_}")
    for child in head.children:
        if first <= child.i <= last and child.dep_ in _CUE_ADJUNCT_DEPS:
            features.append(f"hc={child.dep_}")
            if child.dep_ == "prep":
                features.append(f"hc=prep:{child.lower_}")
    end = doc[last]
    features.append(f"lastdep={end.dep_}")
    features.append(f"lasttok={end.lower_ if end.is_punct else end.pos_}")
    after = doc[last + 1] if last + 1 < len(doc) else None
    features.append(f"after={after.lower_ if after is not None and after.is_punct else 'w'}")
    return features


@dataclass(frozen=True)
class ContentModel(LinearChooser):
    """A linear scorer of content candidates (``linear_chooser.LinearChooser``)."""

    FORMAT: ClassVar[str] = FORMAT
    READ_FORMATS: ClassVar[tuple[str, ...]] = READ_FORMATS
    WHAT: ClassVar[str] = "content model"
    ROLE: ClassVar[str] = "content"

    def content_of(self, vectors: TokenVectors | None) -> np.ndarray | None:
        """The content probabilities this model reads from ``vectors``, or None."""
        return self.marks_of(vectors)

    def choose(
        self, doc: Any, raw: RawAttribution, vectors: TokenVectors | None = None
    ) -> tuple[int, int]:
        """The candidate range scored highest (the rule's own choice when none is offered).

        ``vectors`` are the signal encoder's outputs for ``doc``, whose content
        probabilities the model reads when it was trained with them.
        """
        content = self.content_of(vectors)
        if content is None and self.fallback is not None:
            return self.fallback.choose(doc, raw)
        candidates = list(content_candidates(doc, raw, content).items())
        if not candidates:
            return raw.content
        scores = [
            self.probability(candidate_features(doc, raw, *item, content)) for item in candidates
        ]
        rule = next((n for n, (_, kinds) in enumerate(candidates) if "rule" in kinds), None)
        chosen = self.pick(scores, rule)
        if chosen is None:
            # The rule's own range, cut where it reaches into a cue that grew after the rule
            # ran ("efforts to frame" over "to frame the conflict as"). Returning the trimmed
            # candidate instead scored the same on the held-out articles with overlap
            # matching and lower with exact matching (content 0.530 against 0.539).
            return _without_cue(raw.cue, *raw.content) or raw.content
        return candidates[chosen][0]


@lru_cache(maxsize=4)
def load_content_model(folder: str | None = None) -> ContentModel | None:
    """The content model in ``folder`` (the packaged one by default), or None if there is none.

    Without it each cue keeps the content its frame rule chose.

    Raises:
        ModelError: the weights file exists but cannot be read.
    """
    data = read_model_file(folder, WEIGHTS_FILE, "content model")
    return None if data is None else ContentModel.from_json(data)
