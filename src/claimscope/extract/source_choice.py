"""Choosing who a cue's content is attributed to: candidate sources from the parse, ranked.

The frame rules (``cues.py``, ``cue_frames.py``) name one source per cue: the subject, the
passive agent, the object of "according to", or nobody. On the PolNeAR train articles they
are wrong or missing for about one matched cue in six, mostly where the parse hides the
speaker: a participle's subject ("..., telling reporters"), a speaker named before a clause
the parse hangs elsewhere, the subject of a verb the cue depends on. This module lists the
tokens that could head the source — the rule's choice, the subjects and agents around the cue,
the noun chunks and named entities of its sentence, and the runs the signal model's role head
marks as source — plus "nobody", describes each with binary features, and a linear model
trained on the PolNeAR train split (``claimscope train attribution``) picks one. As for the
content chooser, the rule's choice is a candidate and a feature, so the model learns when to
override it.

Example:
    >>> context = SourceContext(None, frozenset(), frozenset(), frozenset())
    >>> load_source_model().choose(doc, raw, context, vectors)  # doctest: +SKIP
    <token: Varn>
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from claimscope.extract.cue_frames import cue_head
from claimscope.extract.cue_model import read_model_file
from claimscope.extract.cues import RawAttribution, causes_talk, subject_of
from claimscope.extract.linear_chooser import HEAD_PREFIX, LinearChooser
from claimscope.extract.sources import source_bounds

if TYPE_CHECKING:
    import numpy as np

    from claimscope.extract.cue_model import TokenVectors

FORMAT = "claimscope-source-model/1"
WEIGHTS_FILE = "source_weights.json"

#: How many verbs up the parse a subject is still a candidate ("X wants to say ...").
_ANCESTOR_HOPS = 3
#: Cut points of the head's probabilities; each is a feature of its own ("at least").
_MARK_CUTS = (0.1, 0.3, 0.5, 0.7, 0.9)
_DISTANCE_CAP = 8


@dataclass(frozen=True)
class SourceContext:
    """What the features of one cue's candidates read besides the parse.

    Attributes:
        marks: the signal model's source probability per token, or None.
        claimed: the tokens of the cue's own content (its source and cue left out).
        others: the tokens of every other attribution's cue, content and source.
        quoted: the tokens inside quotation marks.
    """

    marks: np.ndarray | None
    claimed: frozenset[int]
    others: frozenset[int]
    quoted: frozenset[int]


def source_candidates(
    doc: Any,
    raw: RawAttribution,
    marks: np.ndarray | None,
    content: frozenset[int] = frozenset(),
) -> dict[int, list[str]]:
    """Candidate source heads (token indices) for ``raw``'s cue, with how each was found;
    ``content`` holds the tokens of the cue's content.

    A token reached in several ways keeps every kind, so the model sees the agreement. The
    cue's own tokens are never candidates.
    """
    cue = raw.cue
    head = cue_head(doc, cue)
    sent = doc[cue[0]].sent
    found: dict[int, list[str]] = {}

    channel = raw.channel or (-1, -2)

    def add(token: Any, kind: str, *, as_found: bool = False) -> None:
        if as_found:
            found.setdefault(token.i, []).append(kind)
            return
        named = _named_head(token)
        if named.i in content and token.i not in content:
            # "... burst its banks, the Relief Agency (BRA) said.": the parse hung the
            # speaker as an apposition on a noun of the content, which is not who speaks.
            named = token
        token = named
        if (
            not cue[0] <= token.i <= cue[1]
            # "A release issued by the ministry said ...": the rule made the release the
            # channel and its issuer the source ("His statement": the issuer is inside).
            and not channel[0] <= token.i <= channel[1]
            and not token.is_space
            and not token.is_punct
        ):
            found.setdefault(token.i, []).append(kind)

    if raw.source is not None:
        # Always, and as the rule found it: "..., the Relief Agency (BRA) said." is a speaker
        # the parse hung as an apposition on the clause's last noun, and the rule knows it.
        add(raw.source, "rule", as_found=True)
    subject = subject_of(head)
    if subject is not None:
        add(subject, "subject")
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            add(child, f"dep:{child.dep_}")
        elif child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    add(obj, "agent")
    # The subjects of the verbs the cue depends on: "X is expected to say", "X, who wants ...".
    up = head
    for hop in range(1, _ANCESTOR_HOPS + 1):
        if up.head.i == up.i:
            break
        up = up.head
        for child in up.children:
            if child.dep_ == "nsubj":
                add(child, f"up{hop}")
    for chunk in sent.noun_chunks:
        add(chunk.root, "chunk")
    for entity in sent.ents:
        add(entity.root, "entity")
    if marks is not None:
        for run in source_runs(sent, marks, range(cue[0], cue[1] + 1)):
            root = run_root(doc, run)
            if root is not None:
                add(root, "run")
    return found


#: Dependents that name the same one as their head: "the minister, Iosif Brann", "the
#: Relief Agency (BRA)", "one farmer".
_SAME_REFERENT_DEPS = frozenset({"appos", "nummod"})


def _named_head(token: Any) -> Any:
    """The head of the phrase that names the same one as ``token``: an apposition or a number
    stands for the noun it hangs from, whose phrase holds it and says more."""
    while token.dep_ in _SAME_REFERENT_DEPS and token.head.i != token.i:
        token = token.head
    return token


def source_runs(sent: Any, marks: np.ndarray, excluded: Container[int]) -> list[list[int]]:
    """The runs of adjacent tokens of ``sent`` marked as source (>= 0.5), leaving out white
    space and the ``excluded`` tokens."""
    runs: list[list[int]] = []
    for token in sent:
        i = token.i
        if i not in excluded and not token.is_space and marks[i] >= 0.5:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    return runs


def run_root(doc: Any, run: list[int]) -> Any:
    """The first token of ``run`` whose head lies outside it (or is itself), or None."""
    return next(
        (doc[i] for i in run if not run[0] <= doc[i].head.i <= run[-1] or doc[i].head.i == i),
        None,
    )


def _at_least(name: str, value: float) -> list[str]:
    return [f"{HEAD_PREFIX}{name}>={cut}" for cut in _MARK_CUTS if value >= cut]


def candidate_features(
    doc: Any, raw: RawAttribution, index: int, kinds: list[str], context: SourceContext
) -> list[str]:
    """Binary features of the candidate source headed by ``doc[index]``."""
    token = doc[index]
    cue = raw.cue
    head = cue_head(doc, cue)
    lemma = head.lemma_.lower()
    side = "before" if index < cue[0] else "after"
    distance = cue[0] - index if side == "before" else index - cue[1]
    features = [
        "bias",
        f"pos={token.pos_}",
        f"dep={token.dep_}",
        f"tag={token.tag_}",
        f"ent={token.ent_type_}",
        f"side={side}",
        f"dist={distance if distance < _DISTANCE_CAP else 'far'}",
        f"rawkind={raw.kind}",
        f"incontent={index in context.claimed}",
        f"other={index in context.others}",
        f"quoted={index in context.quoted}",
        f"headdep={token.head.dep_}",
        f"headiscue={cue[0] <= token.head.i <= cue[1]}",
        f"passive={token.dep_ == 'nsubjpass' and cue[0] <= token.head.i <= cue[1]}",
        f"pron={token.lower_ if token.pos_ == 'PRON' else '-'}",
        f"nkinds={min(len(kinds), 4)}",
        f"kinds={'+'.join(sorted(set(kinds)))}",
    ]
    for kind in kinds:
        features += [
            f"kind={kind}",
            f"kind={kind}|rawkind={raw.kind}",
            f"kind={kind}|lemma={lemma}",
            f"kind={kind}|pos={token.pos_}",
        ]
    marks = context.marks
    if marks is not None:
        first, last = source_bounds(token, cue)
        words = [i for i in range(first, last + 1) if not doc[i].is_punct and not doc[i].is_space]
        mean = sum(float(marks[i]) for i in words) / len(words) if words else 0.0
        features += _at_least("root", float(marks[index]))
        features += _at_least("mean", mean)
        bucket = sum(float(marks[index]) >= cut for cut in _MARK_CUTS)
        features.append(f"{HEAD_PREFIX}root={bucket}|side={side}")
    return features


def nobody_features(doc: Any, raw: RawAttribution, context: SourceContext) -> list[str]:
    """Binary features of the choice "nobody is named" for ``raw``'s cue."""
    head = cue_head(doc, raw.cue)
    features = [
        "nobody",
        f"nobody|rawkind={raw.kind}",
        f"nobody|lemma={head.lemma_.lower()}",
        f"nobody|rule={raw.source is not None}",
        f"nobody|headdep={head.dep_}",
        f"nobody|headtag={head.tag_}",
        f"nobody|talk={causes_talk(head)}",
    ]
    marks = context.marks
    if marks is not None:
        excluded = context.claimed | context.others
        highest = max(
            (
                float(marks[t.i])
                for t in doc[raw.cue[0]].sent
                if t.i not in excluded and not t.is_space and not raw.cue[0] <= t.i <= raw.cue[1]
            ),
            default=0.0,
        )
        features += [f"{HEAD_PREFIX}nobody|max>={cut}" for cut in _MARK_CUTS if highest >= cut]
    return features


def keeps_rule(doc: Any, raw: RawAttribution) -> bool:
    """Whether ``raw``'s source is the rule's to give, with no choice to make: the talk of a
    cause ("has sparked speculation") has no speaker, and the rules name none."""
    return raw.source is None and any(
        causes_talk(doc[i]) for i in range(raw.cue[0], raw.cue[1] + 1)
    )


def rule_choice(raw: RawAttribution) -> int | None:
    """The candidate (``source_candidates``) that stands for the rule's own source, or None
    when the rule names nobody."""
    return None if raw.source is None else raw.source.i


def choice_rows(
    doc: Any, raw: RawAttribution, context: SourceContext
) -> list[tuple[int | None, list[str]]]:
    """Every choice for ``raw``'s source with its features: a candidate head's index, or None
    for "nobody" (always last)."""
    rows: list[tuple[int | None, list[str]]] = [
        (index, candidate_features(doc, raw, index, kinds, context))
        for index, kinds in source_candidates(doc, raw, context.marks, context.claimed).items()
    ]
    rows.append((None, nobody_features(doc, raw, context)))
    return rows


@dataclass(frozen=True)
class SourceModel(LinearChooser):
    """A linear scorer of source candidates (``linear_chooser.LinearChooser``)."""

    FORMAT: ClassVar[str] = FORMAT
    READ_FORMATS: ClassVar[tuple[str, ...]] = (FORMAT,)
    WHAT: ClassVar[str] = "source model"
    ROLE: ClassVar[str] = "source"

    def choose(
        self,
        doc: Any,
        raw: RawAttribution,
        context: SourceContext,
        vectors: TokenVectors | None = None,
    ) -> Any:
        """The head token of ``raw``'s source, or None for nobody; the rule's own choice
        unless another beats it by the margin.

        ``vectors`` are the signal encoder's outputs for ``doc``: the model reads their
        source probabilities when it was trained with them, and else uses its fallback.
        ``context.marks`` is replaced by those probabilities (or None).
        """
        if keeps_rule(doc, raw):
            return raw.source
        marks = self.marks_of(vectors)
        if marks is None and self.fallback is not None:
            return self.fallback.choose(doc, raw, context)
        rows = choice_rows(doc, raw, replace(context, marks=marks))
        scores = [self.probability(features) for _, features in rows]
        own = rule_choice(raw)
        rule = next((n for n, (index, _) in enumerate(rows) if index == own), None)
        chosen = self.pick(scores, rule)
        if chosen is None or chosen == rule:
            return raw.source
        index = rows[chosen][0]
        return None if index is None else doc[index]


@lru_cache(maxsize=4)
def load_source_model(folder: str | None = None) -> SourceModel | None:
    """The source model in ``folder`` (the packaged one by default), or None if there is none.

    Without it a cue keeps the source its frame rule named (``attributions.head_source``
    fills in where the rule named nobody).

    Raises:
        ModelError: the weights file exists but cannot be read.
    """
    data = read_model_file(folder, WEIGHTS_FILE, "source model")
    return None if data is None else SourceModel.from_json(data)
