"""The learned cue detector: a linear model over spaCy token features, in plain JSON.

PolNeAR marks as cues far more than speech verbs ("called for", "shows", "found", "wants",
"according to", a colon in "Name: quote"). A logistic-regression model, trained on the PolNeAR
train split by ``claimscope train attribution``, scores every token of the parse for "is part of
a cue"; runs of tokens above the threshold are cues. The weights ship as JSON (feature -> weight)
and are applied here with plain dictionary look-ups, so inference needs neither scikit-learn nor
pickle, and loading takes a few milliseconds.

The features see the token, its head and its children in the dependency parse, its neighbours,
whether it stands inside a quotation, the project's word lists, and whether the rule engine
already took it as a cue, so that the model learns when to trust the rules.

Example:
    >>> model = load_cue_model()  # doctest: +SKIP
    >>> cue_runs(doc, model, quoted=set(), rule_cues=set())  # doctest: +SKIP
    [(3, 3, 0.97)]
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from claimscope.errors import ModelError
from claimscope.extract import lexicon as lx

#: Format of the weights file; a file of another format is refused with a hint to retrain.
#: Format 2 adds the optional second stage (``context``), format 3 the optional encoder stage
#: (``encoder``); files of formats 1 and 2 still load.
FORMAT = "claimscope-cue-model/3"
_OLDER_FORMATS = frozenset({"claimscope-cue-model/1", "claimscope-cue-model/2"})
WEIGHTS_FILE = "cue_weights.json"

_QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})
#: Dependents whose word says what kind of complement a cue takes ("called for", "pointed to").
_WORD_CHILD_DEPS = frozenset({"prep", "prt", "aux", "auxpass", "neg", "advmod", "mark", "agent"})
#: Dependents whose presence is a feature of its own (a clause, an object, a subject).
_CHILD_DEPS = frozenset(
    {
        "ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "agent", "prep", "advcl", "parataxis",
        "dative", "attr", "acomp", "oprd", "conj", "prt", "aux", "auxpass", "neg", "poss", "acl",
        "relcl", "punct", "mark", "npadvmod", "appos", "compound", "amod", "det",
    }
)  # fmt: skip


def _lexicon_flags(lemma: str) -> list[str]:
    flags = []
    if lemma in lx.SPEECH_VERBS:
        flags.append("speech")
    if lemma in lx.CLAUSE_VERBS:
        flags.append("clause")
    if lemma in lx.AS_VERBS:
        flags.append("as")
    if lemma in lx.REPORTING_NOUNS:
        flags.append("rnoun")
    if lemma in lx.SPEECH_ACT_NOUNS:
        flags.append("actnoun")
    return flags


def token_features(token: Any, quoted: set[int] | frozenset[int], rule_cues: set[int]) -> list[str]:
    """The sparse binary features of ``token`` (names only; every present feature is 1).

    Args:
        token: a token of a parsed ``Doc``.
        quoted: indices of the tokens that stand inside quotation marks.
        rule_cues: indices of the tokens the rule engine took as cues.
    """
    doc = token.doc
    i = token.i
    lemma = token.lemma_.lower()
    pos = token.pos_
    dep = token.dep_
    head = token.head
    head_lemma = head.lemma_.lower()
    prev_lower = doc[i - 1].lower_ if i > 0 else "<s>"
    next_lower = doc[i + 1].lower_ if i + 1 < len(doc) else "</s>"
    feats = [
        f"w={token.lower_}",
        f"l={lemma}",
        f"p={pos}",
        f"t={token.tag_}",
        f"d={dep}",
        f"lp={lemma}|{pos}",
        f"ld={lemma}|{dep}",
        f"pd={pos}|{dep}",
        f"hl={head_lemma}",
        f"hp={head.pos_}",
        f"dhl={dep}|{head_lemma}",
        f"dhp={dep}|{head.pos_}",
        f"pw={prev_lower}",
        f"nw={next_lower}",
        f"lnw={lemma}|{next_lower}",
        f"pwl={prev_lower}|{lemma}",
    ]
    if head.i != i:
        feats.append(f"hd={head.dep_}")
        feats.append(f"dhd={dep}|{head.dep_}")
        if head.i in rule_cues:
            feats.append(f"hrule={dep}")
        feats.extend(f"hlx={flag}|{dep}" for flag in _lexicon_flags(head_lemma))
    deps: set[str] = set()
    for child in token.children:
        child_dep = child.dep_
        if child_dep in _CHILD_DEPS:
            deps.add(child_dep)
        if child_dep in _WORD_CHILD_DEPS:
            feats.append(f"cw={child_dep}|{child.lower_}")
            feats.append(f"lcw={lemma}|{child_dep}|{child.lower_}")
        if child_dep in ("nsubj", "nsubjpass"):
            kind = child.ent_type_ or child.pos_
            feats.append(f"subj={kind}")
    for child_dep in deps:
        feats.append(f"c={child_dep}")
        feats.append(f"lc={lemma}|{child_dep}")
        feats.append(f"pc={pos}|{child_dep}")
    for flag in _lexicon_flags(lemma):
        feats.append(f"lx={flag}")
        feats.append(f"lxp={flag}|{pos}")
    if i in quoted:
        feats.append("inq")
        feats.append(f"inq|{pos}")
        feats.append(f"inq|{lemma}")
    if head.head.i != head.i:
        feats.append(f"ghl={dep}|{head.dep_}|{head.head.lemma_.lower()}")
    # "said in a statement", "said at a news conference": PolNeAR's cue takes in the phrase
    # that says how the words were delivered, so a token learns from the cue above it.
    ancestor = token
    for depth in (1, 2, 3):
        if ancestor.head.i == ancestor.i:
            break
        ancestor = ancestor.head
        if ancestor.i in rule_cues:
            feats.append(f"arule{depth}={dep}")
        feats.extend(f"alx{depth}={flag}" for flag in _lexicon_flags(ancestor.lemma_.lower()))
    if i in rule_cues:
        feats.append("rule")
        feats.append(f"rule|{lemma}")
    near_quote = (prev_lower in _QUOTE_MARKS, next_lower in _QUOTE_MARKS)
    if near_quote[0]:
        feats.append("qprev")
    if near_quote[1]:
        feats.append("qnext")
    sent = token.sent
    if i == sent.start:
        feats.append("sfirst")
    if token.is_punct:
        # A colon or dash cue ("Varn: ...", "— says X") depends on where it stands.
        first = doc[sent.start]
        feats.append(f"punct={token.text}|{i - sent.start < 8}")
        feats.append(f"punct={token.text}|prev={doc[i - 1].pos_ if i > 0 else '<s>'}")
        feats.append(f"punct={token.text}|first={first.pos_}|{first.ent_type_}")
        after = doc[i + 1].pos_ if i + 1 < len(doc) else "</s>"
        feats.append(f"punct={token.text}|next={next_lower if near_quote[1] else after}")
    return feats


def _probability_bin(probability: float) -> str:
    return str(min(9, int(probability * 10)))


def context_features(
    doc: Any, probabilities: Sequence[float], prefix: str = "s1"
) -> list[list[str]]:
    """For each token, what the first stage thought of it and of its neighbours in the text
    and in the parse: the second stage sees that "has" before a likely "said" is part of the
    cue, or that a verb whose clause holds no likely cue rarely is one.

    Example:
        >>> _probability_bin(0.97), _probability_bin(0.04)
        ('9', '0')
    """
    size = len(doc)
    bins = [_probability_bin(p) for p in probabilities]
    rows = []
    for token in doc:
        i = token.i
        before = bins[i - 1] if i > 0 else "x"
        after = bins[i + 1] if i + 1 < size else "x"
        row = [
            f"{prefix}={bins[i]}",
            f"{prefix}p={before}",
            f"{prefix}n={after}",
            f"{prefix}pn={before}|{bins[i]}|{after}",
        ]
        if token.head.i != i:
            row.append(f"{prefix}h={bins[token.head.i]}|{token.dep_}")
        children = list(token.children)
        if children:
            best = max(children, key=lambda child: probabilities[child.i])
            row.append(f"{prefix}c={bins[best.i]}")
            row.append(f"{prefix}cd={bins[best.i]}|{best.dep_}")
        rows.append(row)
    return rows


def _logit(probability: float) -> float:
    return math.log(probability / (1.0 - probability))


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-score)) if score > -30 else 0.0


@dataclass(frozen=True)
class TokenVectors:
    """One signal-encoder vector per token of a doc (``signals.model.token_vectors``), the
    fingerprint of the encoder that made them, and, when the signal model has a cue head,
    that head's probability for each token, and its role head's (tokens x
    ``signals.model.ROLE_COLUMNS``): ``signals.model.token_outputs``."""

    vectors: np.ndarray
    encoder: str
    cue: np.ndarray | None = None
    roles: np.ndarray | None = None

    def role(self, name: str) -> np.ndarray | None:
        """Each token's probability of lying inside an attribution's ``name`` (cue, source or
        content), or None when the signal model has no such head."""
        from claimscope.signals.model import ROLE_COLUMNS

        if name == "cue":
            return self.cue
        return None if self.roles is None else self.roles[:, ROLE_COLUMNS.index(name)]

    @property
    def source(self) -> np.ndarray | None:
        """Each token's probability of lying inside an attribution's source, or None."""
        return self.role("source")

    @property
    def content(self) -> np.ndarray | None:
        """Each token's probability of lying inside an attribution's content, or None."""
        return self.role("content")

    @classmethod
    def from_signals(
        cls, doc: Any, sentences: list[tuple[int, Any]], encoder: str
    ) -> TokenVectors | None:
        """The vectors (and head probabilities) of ``doc`` from its encoded sentences: each
        sentence's start character and its ``SentenceSignals``; None without hidden states."""
        from claimscope.signals.model import token_outputs

        found = token_outputs(doc, sentences)
        return None if found is None else cls(found[0], encoder, found[1], found[2])


#: The parts of a token's encoder input: its own vector, its syntactic head's, and its left
#: and right neighbours' (PolNeAR cues are verbs with their particles and auxiliaries, so the
#: neighbours say as much as the word).
ENCODER_PARTS = ("token", "head", "previous", "next")


def encoder_scores(doc: Any, vectors: np.ndarray, dense: np.ndarray) -> np.ndarray:
    """Per token, ``dense`` dotted with its token, head, previous and next vectors.

    Args:
        doc: the parsed article.
        vectors: ``len(doc)`` x width.
        dense: ``len(ENCODER_PARTS)`` x width weights.
    """
    parts = vectors @ dense.T  # tokens x parts: each part's weights on every token's vector
    heads = np.array([token.head.i for token in doc], dtype=np.int64)
    scores = parts[:, 0] + parts[heads, 1]
    scores[1:] += parts[:-1, 2]
    scores[:-1] += parts[1:, 3]
    result: np.ndarray = scores
    return result


def encoder_inputs(doc: Any, vectors: np.ndarray) -> np.ndarray:
    """The dense input ``encoder_scores`` reads, laid out for training (tokens x parts*width)."""
    heads = np.array([token.head.i for token in doc], dtype=np.int64)
    previous = np.zeros_like(vectors)
    previous[1:] = vectors[:-1]
    following = np.zeros_like(vectors)
    following[:-1] = vectors[1:]
    return np.concatenate([vectors, vectors[heads], previous, following], axis=1)


def encoder_probabilities(
    doc: Any, vectors: np.ndarray, dense: np.ndarray, bias: float
) -> np.ndarray:
    """The encoder probability of every token of ``doc``: the dense regression's logistic."""
    scores = encoder_scores(doc, vectors, dense) + bias
    result: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(scores, -30.0, 30.0)))
    return result


@dataclass(frozen=True)
class EncoderStage:
    """The second stage for when the signal encoder's token vectors are at hand.

    Each token gets an encoder probability of being a cue: the signal model's own cue head
    (``dense`` is None; the head was fine-tuned on PolNeAR with the encoder), or, for models
    trained before the head existed, a logistic regression over ``encoder_inputs``. The
    stage's own regression reads the token features, the first stage's ``context_features``
    and the same context of the encoder probabilities (prefix ``en``). It is used only with
    vectors of the encoder it was trained on (``signal_model``).
    """

    signal_model: str
    dense: np.ndarray | None = field(repr=False, compare=False)
    dense_bias: float
    weights: dict[str, float] = field(repr=False)
    bias: float
    threshold: float

    def applies_to(self, vectors: TokenVectors) -> bool:
        """Whether ``vectors`` come from this stage's encoder and carry what it reads."""
        return vectors.encoder == self.signal_model and (
            self.dense is not None or vectors.cue is not None
        )

    def probabilities(self, doc: Any, vectors: TokenVectors) -> np.ndarray:
        """The encoder probability of every token of ``doc``."""
        if self.dense is None:
            assert vectors.cue is not None  # ``applies_to`` checked it
            return vectors.cue
        return encoder_probabilities(doc, vectors.vectors, self.dense, self.dense_bias)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EncoderStage:
        dense = data.get("dense")
        return cls(
            signal_model=str(data["signal_model"]),
            dense=None
            if dense is None
            else np.array(dense, dtype=np.float32).reshape(len(ENCODER_PARTS), -1),
            dense_bias=float(data.get("dense_bias", 0.0)),
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
        )

    def to_json(self) -> dict[str, Any]:
        dense = (
            {"source": "cue head"}
            if self.dense is None
            else {
                "dense_bias": self.dense_bias,
                "dense": [round(float(w), 5) for w in self.dense.reshape(-1)],
            }
        )
        return {
            "signal_model": self.signal_model,
            "threshold": self.threshold,
            "bias": self.bias,
            **dense,
            "weights": self.weights,
        }


@dataclass(frozen=True)
class CueModel:
    """A logistic-regression cue detector: ``P(cue) = sigmoid(bias + sum of weights)``.

    With ``context_weights`` it has a second stage, stacked on the first: a logistic regression
    over the same token features plus ``context_features`` of the first stage's probabilities,
    whose probability is the one used.
    """

    weights: dict[str, float]
    bias: float
    #: Tokens at or above this probability are cue tokens.
    threshold: float
    #: Rule-engine attributions whose cue scores below this are dropped as false alarms.
    keep_rule_threshold: float
    context_weights: dict[str, float] | None = None
    context_bias: float = 0.0
    encoder: EncoderStage | None = None

    def uses_encoder(self, vectors: TokenVectors | None) -> bool:
        """Whether the encoder stage applies to ``vectors`` (same encoder, second stage on)."""
        return (
            vectors is not None
            and self.encoder is not None
            and self.context_weights is not None
            and self.encoder.applies_to(vectors)
        )

    def threshold_for(self, vectors: TokenVectors | None) -> float:
        """The cue threshold of the stage ``token_probabilities`` uses with ``vectors``."""
        if self.uses_encoder(vectors):
            assert self.encoder is not None  # for mypy: uses_encoder checked it
            return self.encoder.threshold
        return self.threshold

    def probability(
        self, token: Any, quoted: set[int] | frozenset[int], rule_cues: set[int]
    ) -> float:
        """The probability that ``token`` is part of a cue (first stage)."""
        return self.first_stage_probability(token_features(token, quoted, rule_cues))

    def first_stage_probability(self, features: list[str]) -> float:
        """The first stage's probability for a token with ``features``."""
        return _score(self.weights, self.bias, features)

    def first_stage(self) -> CueModel:
        """The model without its second stage."""
        return CueModel(self.weights, self.bias, self.threshold, self.keep_rule_threshold)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CueModel:
        """The model saved by ``claimscope train attribution`` (``to_json``'s output).

        Raises:
            ModelError: the data is not a cue model of this format.
        """
        if data.get("format") not in _OLDER_FORMATS:
            check_format(data, FORMAT, "cue model")
        context = data.get("context")
        encoder = data.get("encoder")
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            keep_rule_threshold=float(data["keep_rule_threshold"]),
            context_weights=None
            if context is None
            else {str(k): float(v) for k, v in context["weights"].items()},
            context_bias=0.0 if context is None else float(context["bias"]),
            encoder=None if encoder is None else EncoderStage.from_json(encoder),
        )

    def to_json(self, **extra: Any) -> dict[str, Any]:
        """The model as a JSON-ready dict (``extra`` keys are kept for the record)."""
        return {
            "format": FORMAT,
            "bias": self.bias,
            "threshold": self.threshold,
            "keep_rule_threshold": self.keep_rule_threshold,
            **extra,
            "weights": self.weights,
            **(
                {}
                if self.context_weights is None
                else {
                    "context": {
                        "bias": self.context_bias,
                        "weights": self.context_weights,
                    }
                }
            ),
            **({} if self.encoder is None else {"encoder": self.encoder.to_json()}),
        }


#: Tokens never scored. Determiners and numbers must be: a cue such as "said in a statement"
#: would break at "a" if they were left out.
NEVER_CUE_POS = frozenset({"SPACE"})


def runs_above(probabilities: list[float], threshold: float) -> list[tuple[int, int]]:
    """Runs of consecutive tokens at or above ``threshold``, as inclusive token ranges.

    Example:
        >>> runs_above([0.1, 0.9, 0.8, 0.2, 0.7], 0.5)
        [(1, 2), (4, 4)]
    """
    runs: list[tuple[int, int]] = []
    for i, probability in enumerate(probabilities):
        if probability < threshold:
            continue
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def cue_runs(
    doc: Any,
    model: CueModel,
    *,
    quoted: set[int] | frozenset[int],
    rule_cues: set[int],
) -> list[tuple[int, int, float]]:
    """Runs of consecutive cue tokens as ``(first, last, best probability)``, in order.

    Args:
        doc: the parsed article.
        model: the cue model.
        quoted: indices of the tokens inside quotation marks.
        rule_cues: indices of the tokens the rule engine took as cues.
    """
    probabilities = token_probabilities(doc, model, quoted=quoted, rule_cues=rule_cues)
    return [
        (first, last, max(probabilities[first : last + 1]))
        for first, last in runs_above(probabilities, model.threshold)
    ]


def token_probabilities(
    doc: Any,
    model: CueModel,
    *,
    quoted: set[int] | frozenset[int],
    rule_cues: set[int],
    vectors: TokenVectors | None = None,
) -> list[float]:
    """The cue probability of every token of ``doc`` (0 for parts of speech never a cue).

    With ``vectors`` from the encoder the model's encoder stage was trained on, that stage
    gives the probabilities (compare them with ``model.threshold_for(vectors)``).
    """
    features = [
        None
        if token.pos_ in NEVER_CUE_POS and token.i not in rule_cues
        else token_features(token, quoted, rule_cues)
        for token in doc
    ]
    first = [0.0 if f is None else model.first_stage_probability(f) for f in features]
    second = model.context_weights
    if second is None:
        return first
    context = context_features(doc, first)
    if not model.uses_encoder(vectors):
        return [
            0.0 if f is None else _score(second, model.context_bias, f + context[i])
            for i, f in enumerate(features)
        ]
    encoder = model.encoder
    assert encoder is not None and vectors is not None  # for mypy: uses_encoder checked them
    encoded = encoder.probabilities(doc, vectors)
    scored = [0.0 if f is None else float(encoded[i]) for i, f in enumerate(features)]
    encoder_context = context_features(doc, scored, "en")
    # A token no word piece covers (past the cut of a sentence longer than the encoder reads)
    # has a zero vector, which the encoder stage would read as "surely no cue": the plain
    # second stage scores it instead, shifted so that its threshold maps onto this stage's.
    covered = np.any(vectors.vectors != 0.0, axis=1)
    shift = _logit(encoder.threshold) - _logit(model.threshold)
    probabilities = []
    for i, f in enumerate(features):
        if f is None:
            probabilities.append(0.0)
        elif covered[i]:
            row = f + context[i] + encoder_context[i]
            probabilities.append(_score(encoder.weights, encoder.bias, row))
        else:
            probabilities.append(_score(second, model.context_bias + shift, f + context[i]))
    return probabilities


def _score(weights: dict[str, float], bias: float, features: list[str]) -> float:
    return _sigmoid(bias + sum(weights.get(f, 0.0) for f in features))


def default_model_dir() -> Path:
    """The folder of the packaged attribution model."""
    return Path(str(resources.files("claimscope") / "models" / "attribution"))


@lru_cache(maxsize=4)
def load_cue_model(folder: str | None = None) -> CueModel | None:
    """The cue model in ``folder`` (the packaged one by default), or None if there is none.

    Without a model the attribution engine runs on its rules alone.

    Raises:
        ModelError: the weights file exists but cannot be read.
    """
    data = read_model_file(folder, WEIGHTS_FILE, "cue model")
    return None if data is None else CueModel.from_json(data)


def read_model_file(folder: str | None, name: str, what: str) -> dict[str, Any] | None:
    """The JSON of the attribution model file ``name`` in ``folder`` (the packaged folder by
    default), or None if there is no such file.

    Raises:
        ModelError: the file exists but cannot be read.
    """
    path = (Path(folder) if folder is not None else default_model_dir()) / name
    if not path.is_file():
        return None
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelError(f"cannot read the {what} {path}: {err}") from err
    return data


def check_format(data: dict[str, Any], expected: str, what: str) -> None:
    """Refuse a model file of another format, with a hint to retrain.

    Raises:
        ModelError: ``data`` is not of format ``expected``.
    """
    if data.get("format") != expected:
        raise ModelError(
            f"the {what} has format {data.get('format')!r}, not {expected!r}: "
            "retrain it with `claimscope train attribution --data DIR`"
        )
