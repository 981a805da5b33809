"""The sentence-signal model: one small encoder, four heads, run with onnxruntime.

One fine-tuned all-MiniLM-L6-v2 encoder (int8, about 23 MB) serves every signal, because three
separate encoders would not fit the 30 MB the package allows for models. Each sentence is
encoded once; mean-pooled heads give check-worthiness, subjectivity, "uses a technique" and
the presence of each of the 14 techniques, and a token head marks the word pieces inside a
technique span. ``claimscope train signals`` writes the files this module reads:

* ``signals.onnx``: inputs ``input_ids`` and ``attention_mask`` (int64, batch x length);
  outputs ``sentence_logits`` (batch x 17), ``token_logits`` (batch x length x 15) and, in
  models exported since the cue detector began to use them, ``hidden`` (batch x length x 384:
  the encoder's last hidden state, which ``token_vectors`` turns into one vector per spaCy
  token for the attribution engine).
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

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
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
#: How many techniques a span may carry beyond its best one (``SignalModel._spans``).
MAX_FURTHER_TECHNIQUES = 2
#: The optional output with the encoder's last hidden state, and its width (all-MiniLM-L6-v2).
HIDDEN_OUTPUT = "hidden"
HIDDEN_SIZE = 384
#: The optional output of the cue head (batch x length logits: "this word piece is part of an
#: attribution cue"), read by the attribution engine's cue detector.
CUE_OUTPUT = "cue_logits"
#: The optional output of the role head (batch x length x 2 logits: "this word piece is part
#: of an attribution's source", "... of its content"), trained on the same PolNeAR sentences
#: as the cue head. The content chooser reads the content column.
ROLE_OUTPUT = "role_logits"
#: The columns of ``ROLE_OUTPUT``, in order.
ROLE_COLUMNS = ("source", "content")


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
    #: The encoder's last hidden state for each word piece (pieces x 384), when the model
    #: exports it, and each piece's character offsets into the sentence (special pieces such
    #: as [CLS] have empty offsets).
    pieces: np.ndarray | None = field(default=None, repr=False, compare=False)
    piece_offsets: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)
    #: The cue head's probability for each word piece (uncalibrated), when the model has one.
    cue_pieces: np.ndarray | None = field(default=None, repr=False, compare=False)
    #: The role head's probabilities for each word piece (pieces x ``ROLE_COLUMNS``,
    #: uncalibrated), when the model has one.
    role_pieces: np.ndarray | None = field(default=None, repr=False, compare=False)


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
            weights = (model_dir / MODEL_FILE).read_bytes()
            #: Identifies these weights: models trained on their hidden states (the cue
            #: detector's encoder stage) are used only with the same encoder.
            self.fingerprint = hashlib.sha256(weights).hexdigest()[:16]
            self._session = ort.InferenceSession(
                weights, options, providers=["CPUExecutionProvider"]
            )
            self._tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        except Exception as err:  # onnxruntime raises its own untyped errors
            raise ModelError(f"cannot load the signal model from {model_dir}: {err}") from err
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=MAX_LENGTH)
        outputs = {o.name for o in self._session.get_outputs()}
        self._outputs = ["sentence_logits", "token_logits"]
        #: Whether ``predict`` gives each piece's hidden state (``SentenceSignals.pieces``).
        self.has_hidden = HIDDEN_OUTPUT in outputs
        if self.has_hidden:
            self._outputs.append(HIDDEN_OUTPUT)
        #: Whether ``predict`` gives each piece's cue probability (``cue_pieces``); a model
        #: trained without PolNeAR exports an untrained head, which is not read.
        self.has_cue = self.has_hidden and CUE_OUTPUT in outputs and bool(config.get("cue_head"))
        if self.has_cue:
            self._outputs.append(CUE_OUTPUT)
        #: Whether ``predict`` gives each piece's source and content probabilities
        #: (``role_pieces``); read only beside a cue head, from models trained with one.
        self.has_roles = self.has_cue and ROLE_OUTPUT in outputs and bool(config.get("role_head"))
        if self.has_roles:
            self._outputs.append(ROLE_OUTPUT)

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
        #: A span's further techniques: those whose mean probability over the span reaches
        #: this (on the token scale calibrated above); None gives each span one technique.
        self._further_technique: float | None = thresholds.get("further_technique")

    def predict(self, sentences: list[str]) -> list[SentenceSignals]:
        """The signals of each sentence, in order.

        One encoder call per sentence: the int8 model quantises its activations with a scale
        computed over the whole input, so in a padded batch a sentence's scores would depend
        on its neighbours; alone, each sentence always gets the same scores (and, with no
        padding, it is no slower on two cores).
        """
        results = []
        for text, enc in zip(sentences, self._tokenizer.encode_batch(sentences), strict=True):
            ids = np.array([enc.ids], dtype=np.int64)
            sentence_logits, token_logits, *hidden = self._session.run(
                self._outputs, {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            )
            cue = _sigmoid(hidden[1][0]) if self.has_cue else None
            roles = _sigmoid(hidden[2][0]) if self.has_roles else None
            signals = self._signals(
                _sigmoid(sentence_logits[0] - self._sentence_shift),
                _sigmoid(token_logits[0] - self._token_shift),
                enc.offsets,
                enc.special_tokens_mask,
                text,
            )
            if hidden:
                offsets = tuple(
                    (0, 0) if special else (start, end)
                    for (start, end), special in zip(
                        enc.offsets, enc.special_tokens_mask, strict=True
                    )
                )
                signals = replace(
                    signals,
                    pieces=hidden[0][0],
                    piece_offsets=offsets,
                    cue_pieces=cue,
                    role_pieces=roles,
                )
            results.append(signals)
        return results

    def _signals(
        self,
        probs: np.ndarray,
        token_probs: np.ndarray,
        offsets: list[tuple[int, int]],
        special: list[int],
        text: str | None = None,
    ) -> SentenceSignals:
        technique_scores = {
            name: round(float(p), 4) for name, p in zip(self.techniques, probs[3:], strict=True)
        }
        return SentenceSignals(
            checkworthiness=round(float(probs[0]), 4),
            subjectivity=round(float(probs[1]), 4),
            uses_technique=round(float(probs[2]), 4),
            technique_scores=technique_scores,
            spans=self._spans(token_probs, offsets, special, text),
        )

    def _spans(
        self,
        token_probs: np.ndarray,
        offsets: list[tuple[int, int]],
        special: list[int],
        text: str | None = None,
    ) -> list[TechniqueSpan]:
        """Runs of word pieces whose "inside a technique" probability is at least 0.5.

        Column 0 of ``token_probs`` is "inside any technique span"; columns 1.. give each
        technique. A run takes the technique with the highest mean over its pieces, and, when
        the model is calibrated with a ``further_technique`` threshold, up to
        ``MAX_FURTHER_TECHNIQUES`` more whose mean reaches it: one phrase can work in several
        ways at once ("unprecedented aggression" is loaded and frightening), and the training
        spans overlap so too. Each technique is a span record of its own, same characters.
        Given the sentence ``text``, a run that starts or ends inside a word grows to the
        whole word (a run of pieces can stop at "escala" in "escalation").
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
                order = [int(j) for j in np.argsort(-mean[1:], kind="stable")]
                chosen = order[:1]
                if self._further_technique is not None:
                    chosen += [
                        j
                        for j in order[1 : 1 + MAX_FURTHER_TECHNIQUES]
                        if mean[1 + j] >= self._further_technique
                    ]
                start, end = offsets[run[0]][0], offsets[run[-1]][1]
                if text is not None:
                    start, end = _whole_words(text, start, end)
                spans.extend(
                    TechniqueSpan(
                        start=start,
                        end=end,
                        technique=self.techniques[j],
                        score=round(float(mean[0]), 4),
                    )
                    for j in chosen
                )
                run = []
        return spans


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``-``end`` grown to the edges of the words it cuts."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def token_vectors(
    doc: Any, sentences: list[tuple[int, SentenceSignals]], width: int | None = None
) -> np.ndarray | None:
    """One encoder vector per token of ``doc``: the mean hidden state of the word pieces
    that overlap the token's characters (zeros for a token no piece covers, such as white
    space or the tail of a truncated sentence).

    Args:
        doc: the parsed article.
        sentences: each encoded sentence's start character in ``doc.text`` and its signals.
        width: the hidden size, for the zero rows (default: the pieces' own).

    Returns:
        A float32 array of ``len(doc)`` rows, or None when the signals carry no hidden states.
    """
    return _per_token(doc, sentences, lambda signals: signals.pieces, width)


def token_cue_probabilities(
    doc: Any, sentences: list[tuple[int, SentenceSignals]]
) -> np.ndarray | None:
    """The cue head's probability for each token of ``doc``: the mean over the word pieces
    that overlap the token (0 for a token no piece covers); None when the signals carry no
    cue probabilities. Arguments as for ``token_vectors``."""
    found = _per_token(
        doc,
        sentences,
        lambda signals: None if signals.cue_pieces is None else signals.cue_pieces[:, None],
        1,
    )
    return None if found is None else found[:, 0]


def token_outputs(
    doc: Any, sentences: list[tuple[int, SentenceSignals]]
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None] | None:
    """Per token of ``doc``, in one pass over the pieces: the encoder vector (as
    ``token_vectors``), the cue head's probability (as ``token_cue_probabilities``; None
    without a cue head) and the role head's (tokens x ``ROLE_COLUMNS``; None without one).
    None when the signals carry no hidden states. A mean over pieces is taken column by
    column, so the outputs side by side average as each would alone."""
    has_cue = all(signals.cue_pieces is not None for _, signals in sentences)
    has_roles = has_cue and all(signals.role_pieces is not None for _, signals in sentences)

    def rows_of(signals: SentenceSignals) -> np.ndarray | None:
        if signals.pieces is None:
            return None
        parts = [signals.pieces]
        if has_cue:
            assert signals.cue_pieces is not None  # checked above
            parts.append(signals.cue_pieces[:, None])
        if has_roles:
            assert signals.role_pieces is not None  # checked above
            parts.append(signals.role_pieces)
        return np.hstack(parts)

    found = _per_token(doc, sentences, rows_of, None)
    if found is None:
        return None
    width = found.shape[1] - has_cue - (len(ROLE_COLUMNS) if has_roles else 0)
    cue = found[:, width] if has_cue else None
    roles = found[:, width + 1 :] if has_roles else None
    return found[:, :width], cue, roles


def _per_token(
    doc: Any,
    sentences: list[tuple[int, SentenceSignals]],
    rows_of: Callable[[SentenceSignals], np.ndarray | None],
    width: int | None,
) -> np.ndarray | None:
    """Per token of ``doc``, the mean of ``rows_of(signals)`` over the pieces that overlap it."""
    per_sentence = [(start, signals, rows_of(signals)) for start, signals in sentences]
    if not per_sentence or any(rows is None for _, _, rows in per_sentence):
        return None
    if width is None:
        sample = per_sentence[0][2]
        assert sample is not None  # checked above
        width = int(sample.shape[1])
    vectors = np.zeros((len(doc), width), dtype=np.float32)
    token_starts = np.array([token.idx for token in doc], dtype=np.int64)
    token_ends = token_starts + np.array([len(token.text) for token in doc], dtype=np.int64)
    for start_char, signals, rows in per_sentence:
        assert rows is not None  # checked above
        offsets = np.array(signals.piece_offsets, dtype=np.int64).reshape(-1, 2) + start_char
        real = offsets[:, 1] > offsets[:, 0]
        offsets, pieces = offsets[real], rows[real]
        if not len(offsets):
            continue
        # Tokens that may overlap this sentence's pieces, found by binary search.
        first = int(np.searchsorted(token_ends, offsets[0, 0], side="right"))
        last = int(np.searchsorted(token_starts, offsets[-1, 1], side="left"))
        for i in range(first, last):
            inside = (offsets[:, 0] < token_ends[i]) & (offsets[:, 1] > token_starts[i])
            if inside.any():
                vectors[i] = pieces[inside].mean(axis=0)
    return vectors


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
