"""A linear scorer that picks one of several candidates, stored as plain JSON.

The content chooser (``content_choice.py``) and the source chooser (``source_choice.py``) both
describe each candidate with binary features and score it with a logistic regression trained
on PolNeAR (``claimscope train attribution``). What they share lives here: the scoring, the
margin by which a candidate must beat the rule's own choice, the link to the signal model whose
role-head probabilities some features read, the fallback used without those probabilities,
and the file format.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Self

from claimscope.extract.cue_model import check_format

if TYPE_CHECKING:
    import numpy as np

    from claimscope.extract.cue_model import TokenVectors

#: The prefix of every feature read from the signal model's role head; the trainer compares
#: choosers with and without them, and the fallback is trained without them.
HEAD_PREFIX = "head:"


@dataclass(frozen=True)
class LinearChooser:
    """A linear candidate scorer: ``P(candidate) = sigmoid(bias + sum of weights)``.

    Subclasses set ``FORMAT`` (written to the file), ``READ_FORMATS`` (accepted when read),
    ``WHAT`` (named in errors) and ``ROLE`` (the role-head column their features read).
    """

    FORMAT: ClassVar[str] = ""
    READ_FORMATS: ClassVar[tuple[str, ...]] = ()
    WHAT: ClassVar[str] = "chooser"
    ROLE: ClassVar[str] = ""

    weights: dict[str, float]
    bias: float
    #: The rule's own choice is replaced only by a candidate scored more than this much higher:
    #: the frame rules are right more often than a close call of the model.
    margin: float = 0.0
    #: The fingerprint of the signal model whose role-head probabilities the model was trained
    #: with; None for a model trained without them. Probabilities of another encoder are not
    #: read.
    signal_model: str | None = None
    #: The model to use when those probabilities are missing (the signals switched off, or
    #: another encoder's): one trained on the same examples without the head's features,
    #: because this model's weights count on them being there.
    fallback: Self | None = None

    def marks_of(self, vectors: TokenVectors | None) -> np.ndarray | None:
        """The role-head probabilities this model reads from ``vectors``, or None."""
        if vectors is None or self.signal_model is None or vectors.encoder != self.signal_model:
            return None
        return vectors.role(self.ROLE)

    def probability(self, features: list[str]) -> float:
        """The probability that the candidate with ``features`` is the right one."""
        total = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def pick(self, scores: Sequence[float], rule: int | None) -> int | None:
        """The index of the best-scored candidate, or None to keep the rule's own choice.

        The rule's choice (candidate ``rule``; None when the rule offered none) is kept when
        the best candidate beats it by less than the margin, and on a tie.
        """
        best = max(range(len(scores)), key=scores.__getitem__)
        if rule is not None and scores[best] <= scores[rule] + self.margin:
            return None
        return best

    def _fallback_json(self) -> dict[str, Any]:
        return {"bias": self.bias, "margin": self.margin, "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Self:
        """The model saved by ``claimscope train attribution`` (``to_json``'s output).

        Raises:
            ModelError: the data is not a model of this kind and format.
        """
        if data.get("format") in cls.READ_FORMATS:
            data = {**data, "format": cls.FORMAT}
        check_format(data, cls.FORMAT, cls.WHAT)
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        signal_model = data.get("signal_model")
        fallback = data.get("fallback")
        return cls(
            weights=weights,
            bias=float(data["bias"]),
            margin=float(data.get("margin", 0.0)),
            signal_model=None if signal_model is None else str(signal_model),
            fallback=(
                None if fallback is None else cls.from_json({"format": cls.FORMAT, **fallback})
            ),
        )

    def to_json(self, **extra: Any) -> dict[str, Any]:
        """The model as a JSON-ready dict (``extra`` keys are kept for the record)."""
        return {
            "format": self.FORMAT,
            "bias": self.bias,
            "margin": self.margin,
            "signal_model": self.signal_model,
            **({} if self.fallback is None else {"fallback": self.fallback._fallback_json()}),
            **extra,
            "weights": self.weights,
        }
