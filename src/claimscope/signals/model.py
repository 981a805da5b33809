"""The sentence-signal model: one small encoder, four heads, run with onnxruntime.

One fine-tuned all-MiniLM-L6-v2 encoder (int8, about 23 MB) serves every signal, because three
separate encoders would not fit the 30 MB the package allows for models. Each sentence is
encoded once; mean-pooled heads give check-worthiness, subjectivity, "uses a technique" and
the presence of each of the 14 techniques, and a token head marks the word pieces inside a
technique span. ``claimscope train signals`` writes the files this module reads:

* ``signals.onnx``: inputs ``input_ids`` and ``attention_mask`` (int64, batch x length);
  outputs ``sentence_logits`` (batch x 17) and ``token_logits`` (batch x length x 15).
* ``tokenizer.json``: the encoder's WordPiece tokenizer (Hugging Face ``tokenizers`` format).
* ``config.json``: technique names, the decision thresholds chosen on selection splits, and the
  format version.

Every probability is recalibrated so that the threshold chosen on the selection split maps to
0.5: ``sigmoid(logit - logit(threshold))``. The rest of claimscope can then read 0.5 as "yes"
without knowing which threshold each head was tuned to.

Example:
    >>> model = load_signal_model()  # doctest: +SKIP
    >>> signals = model.predict(["Critics called the plan a shameful betrayal."])  # doctest: +SKIP
    >>> signals[0].subjectivity  # doctest: +SKIP
    0.91
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from claimscope.errors import ModelError

#: Format of ``config.json``; another format is refused with a hint to retrain.
FORMAT = "claimscope-signal-model/1"
MODEL_FILE = "signals.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "config.json"

#: Order of the columns of ``sentence_logits`` before the 14 technique columns.
SENTENCE_HEADS = ("checkworthiness", "subjectivity", "uses_technique")
#: Word pieces per sentence at inference; longer sentences lose their tail's token spans.
MAX_LENGTH = 256


@dataclass(frozen=True)
class TechniqueSpan:
    """A technique span inside one sentence (character offsets into that sentence)."""

    start: int
    end: int
    technique: str
    score: float


@dataclass(frozen=True)
class SentenceSignals:
    """The signals of one sentence; probabilities are calibrated so that 0.5 means yes."""

    checkworthiness: float
    subjectivity: float
    uses_technique: float
    technique_scores: dict[str, float] = field(default_factory=dict)
    spans: list[TechniqueSpan] = field(default_factory=list)


def default_model_dir() -> Path:
    """The folder of the packaged model."""
    return Path(str(resources.files("claimscope") / "models" / "signals"))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    result: np.ndarray = 1.0 / (1.0 + np.exp(-x))
    return result


class SignalModel:
    """The loaded encoder, tokenizer and thresholds; thread-safe for ``predict``."""

    def __init__(self, model_dir: Path) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as err:  # pragma: no cover - both are core dependencies
            raise ModelError(f"the signal model needs onnxruntime and tokenizers: {err}") from err
        config_path = model_dir / CONFIG_FILE
        try:
            config: dict[str, Any] = json.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ModelError(f"cannot read the signal model config {config_path}: {err}") from err
        if config.get("format") != FORMAT:
            raise ModelError(
                f"{config_path} has format {config.get('format')!r}, expected {FORMAT!r}; "
                "retrain with 'claimscope train signals'"
            )
        self.config = config
        self.techniques: tuple[str, ...] = tuple(config["techniques"])
        self.use_thresholds(config["thresholds"])
        options = ort.SessionOptions()
        # The analyzer already runs one article per worker; two intra-op threads match 2 cores.
        options.intra_op_num_threads = int(config.get("threads", 2))
        try:
            self._session = ort.InferenceSession(
                str(model_dir / MODEL_FILE), options, providers=["CPUExecutionProvider"]
            )
            self._tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        except Exception as err:  # onnxruntime raises its own untyped errors
            raise ModelError(f"cannot load the signal model from {model_dir}: {err}") from err
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=MAX_LENGTH)

    def use_thresholds(self, thresholds: dict[str, float]) -> None:
        """Calibrate to ``thresholds`` (head name -> threshold; a missing head keeps 0.5).

        The model files load once; training calls this to try thresholds on selection splits.
        """
        # Per sentence column: the logit shift that puts the selected threshold at 0.5.
        names = [*SENTENCE_HEADS, *self.techniques]
        self._sentence_shift = np.array(
            [_logit(thresholds.get(name, 0.5)) for name in names], dtype=np.float32
        )
        self._token_shift = _logit(thresholds.get("token", 0.5))

    def predict(self, sentences: list[str]) -> list[SentenceSignals]:
        """The signals of each sentence, in order.

        One encoder call per sentence: the int8 model quantises its activations with a scale
        computed over the whole input, so in a padded batch a sentence's scores would depend
        on its neighbours; alone, each sentence always gets the same scores (and, with no
        padding, it is no slower on two cores).
        """
        results = []
        for enc in self._tokenizer.encode_batch(sentences):
            ids = np.array([enc.ids], dtype=np.int64)
            sentence_logits, token_logits = self._session.run(
                ["sentence_logits", "token_logits"],
                {"input_ids": ids, "attention_mask": np.ones_like(ids)},
            )
            results.append(
                self._signals(
                    _sigmoid(sentence_logits[0] - self._sentence_shift),
                    _sigmoid(token_logits[0] - self._token_shift),
                    enc.offsets,
                    enc.special_tokens_mask,
                )
            )
        return results

    def _signals(
        self,
        probs: np.ndarray,
        token_probs: np.ndarray,
        offsets: list[tuple[int, int]],
        special: list[int],
    ) -> SentenceSignals:
        technique_scores = {
            name: round(float(p), 4) for name, p in zip(self.techniques, probs[3:], strict=True)
        }
        return SentenceSignals(
            checkworthiness=round(float(probs[0]), 4),
            subjectivity=round(float(probs[1]), 4),
            uses_technique=round(float(probs[2]), 4),
            technique_scores=technique_scores,
            spans=self._spans(token_probs, offsets, special),
        )

    def _spans(
        self, token_probs: np.ndarray, offsets: list[tuple[int, int]], special: list[int]
    ) -> list[TechniqueSpan]:
        """Runs of word pieces whose "inside a technique" probability is at least 0.5.

        Column 0 of ``token_probs`` is "inside any technique span"; columns 1.. give each
        technique. A run takes the technique with the highest mean over its pieces.
        """
        spans: list[TechniqueSpan] = []
        run: list[int] = []
        for k in range(len(offsets) + 1):
            inside = (
                k < len(offsets)
                and not special[k]
                and offsets[k][1] > offsets[k][0]
                and token_probs[k, 0] >= 0.5
            )
            if inside:
                run.append(k)
                continue
            if run:
                mean = token_probs[run].mean(axis=0)
                best = int(np.argmax(mean[1:]))
                spans.append(
                    TechniqueSpan(
                        start=offsets[run[0]][0],
                        end=offsets[run[-1]][1],
                        technique=self.techniques[best],
                        score=round(float(mean[0]), 4),
                    )
                )
                run = []
        return spans


@lru_cache(maxsize=4)
def load_signal_model(model_dir: Path | None = None) -> SignalModel:
    """The signal model in ``model_dir`` (default: the packaged one), loaded once per process.

    Raises:
        ModelError: the files are missing, unreadable or of another format.
    """
    folder = model_dir if model_dir is not None else default_model_dir()
    if not (folder / MODEL_FILE).is_file():
        raise ModelError(
            f"no signal model in {folder}; train one with 'claimscope train signals --data DIR'"
        )
    return SignalModel(folder)


def signal_model_available(model_dir: Path | None = None) -> bool:
    """Whether the model files are present (without loading them)."""
    folder = model_dir if model_dir is not None else default_model_dir()
    return all((folder / name).is_file() for name in (MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE))
