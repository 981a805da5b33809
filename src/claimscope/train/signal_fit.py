"""The signal network and its training loop, with no claimscope imports.

``train.signals`` prepares the data and exports, quantises and calibrates what this module
fits. The module imports only the standard library, numpy, torch, transformers and tokenizers,
so that it also runs where claimscope itself is not installed: ``scripts/device_fit_signals.py``
loads it by its file path on a GPU machine, fits there, and sends the weights back.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

Log = Callable[[str], None]

#: Word pieces per training example; longer lines are cut (few propaganda lines are longer).
TRAIN_MAX_LENGTH = 128
#: The tasks, in the order the logs list them.
TASKS = ("checkworthiness", "techniques", "subjectivity", "cue")
#: Passes over each task's examples, chosen on selection data (see the model card's sweeps).
#: Subjectivity is small (693 sentences): with every encoder layer training, two and a half
#: passes, since more learn them by heart (at seven its selection threshold fell to 0.02).
#: Check-worthiness about one; the techniques four. The cue task (PolNeAR cue, source and
#: content tokens) gets four: the attribution trainer reads the heads' probabilities on the
#: fit articles from models that did not see them (``fit_folds``), so the heads may see their
#: own sentences more than once. Steps follow from the passes; a task's share of the steps is
#: its share of them.
TASK_PASSES = {"checkworthiness": 1.2, "techniques": 4.0, "subjectivity": 2.5, "cue": 4.0}
#: Batches per window sorted by length (``length_batches``).
BUCKET_WINDOW = 50
#: Encoder layers, from the lowest, kept as pre-trained. Freezing the two lowest cuts a step
#: by about a third on two CPU cores, but training them gained on every selection score but
#: subjectivity's (see the model card), so all six train.
FROZEN_LAYERS = 0
#: Whether the word-embedding table stays as pre-trained. It is half of the weights; frozen,
#: rare words stay where pre-training put them (and a device run's weights stay small).
FREEZE_EMBEDDINGS = True
#: A device run's weights come back in files of at most this many bytes (the transfer limit).
SHARD_BYTES = 15 * 2**20


@dataclass
class Example:
    """One training sentence with the targets its task defines (the others stay None)."""

    text: str
    task: str
    label: float = 0.0
    #: 15 targets: uses a technique, then the presence of each technique.
    sentence_targets: list[float] | None = None
    #: Gold technique spans in the sentence's own offsets: (start, end, technique index);
    #: for the cue task, the gold tokens of each role (index into ``train.signals.CUE_ROLES``).
    spans: list[tuple[int, int, int]] | None = None
    #: For the cue task: the article the sentence comes from (the folds split by article),
    #: and a name for the sentence that the out-of-fold head outputs are filed under.
    group: str = ""
    key: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "task": self.task,
            "label": self.label,
            "sentence_targets": self.sentence_targets,
            "spans": self.spans,
            "group": self.group,
            "key": self.key,
        }

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> Example:
        spans = row.get("spans")
        return cls(
            text=row["text"],
            task=row["task"],
            label=float(row.get("label", 0.0)),
            sentence_targets=row.get("sentence_targets"),
            spans=None if spans is None else [(int(a), int(b), int(k)) for a, b, k in spans],
            group=row.get("group", ""),
            key=row.get("key", ""),
        )


def load_tokenizer(path: Path, max_length: int) -> Any:
    """The encoder's WordPiece tokenizer from ``path``: no padding, cut at ``max_length``
    pieces (``TRAIN_MAX_LENGTH`` to train, the runtime's limit to read the heads)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_length)
    return tokenizer


def plan(
    sizes: dict[str, int], batch_size: int, steps: int | None = None
) -> tuple[int, dict[str, float]]:
    """The number of steps and each task's share of them, from ``TASK_PASSES``.

    Args:
        sizes: examples per task (tasks with none are left out).
        batch_size: sentences per step.
        steps: a fixed number of steps (tests, quick runs); the shares stay those of the passes.
    """
    wanted = {t: TASK_PASSES[t] * n / batch_size for t, n in sizes.items() if n}
    total = sum(wanted.values())
    shares = {t: w / total for t, w in wanted.items()}
    return (steps if steps is not None else max(round(total), 1)), shares


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


def token_targets(
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


def build_network(encoder_dir: Path, n_sentence: int, n_techniques: int, n_roles: int) -> Any:
    """MiniLM with mean-pooled sentence heads (``n_sentence`` outputs), a technique token
    head, and token heads for the cue and for the ``n_roles`` other roles of attributions."""
    import torch
    from transformers import AutoModel

    class SignalNetwork(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            # Full precision whatever the stored weights are (the device run sends half).
            self.encoder = AutoModel.from_pretrained(str(encoder_dir)).float()
            hidden = int(self.encoder.config.hidden_size)
            self.dropout = torch.nn.Dropout(0.1)
            self.sentence_head = torch.nn.Linear(hidden, n_sentence)
            self.token_head = torch.nn.Linear(hidden, 1 + n_techniques)
            self.cue_head = torch.nn.Linear(hidden, 1)
            self.role_head = torch.nn.Linear(hidden, n_roles)

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

    network = SignalNetwork()
    if FREEZE_EMBEDDINGS:
        network.encoder.embeddings.requires_grad_(False)
    # Backpropagation stops above the frozen layers.
    for layer in network.encoder.encoder.layer[:FROZEN_LAYERS]:
        layer.requires_grad_(False)
    return network


def trained_state(network: Any) -> dict[str, Any]:
    """The weights training changes (the frozen ones are those of the pre-trained encoder)."""
    names = {name for name, p in network.named_parameters() if p.requires_grad}
    return {k: v.detach().cpu() for k, v in network.state_dict().items() if k in names}


def shard_state(state: dict[str, Any], limit: int = SHARD_BYTES) -> list[dict[str, Any]]:
    """Split weights (name -> tensor) into groups of at most ``limit`` bytes each, in name
    order (a single tensor above the limit gets a group of its own)."""
    shards: list[dict[str, Any]] = [{}]
    size = 0
    for name in sorted(state):
        tensor = state[name]
        nbytes = tensor.numel() * tensor.element_size()
        if shards[-1] and size + nbytes > limit:
            shards.append({})
            size = 0
        shards[-1][name] = tensor
        size += nbytes
    return shards


def shard_names(count: int) -> list[str]:
    """File names of ``count`` weight shards: ``fitted.safetensors``, then ``fitted.2...``."""
    return ["fitted.safetensors", *(f"fitted.{k}.safetensors" for k in range(2, count + 1))]


def fit_network(
    train: dict[str, list[Example]],
    encoder_dir: Path,
    tokenizer: Any,
    *,
    n_sentence: int,
    n_techniques: int,
    n_roles: int,
    seed: int = 0,
    steps: int | None = None,
    batch_size: int = 32,
    device: str = "cpu",
    log: Log = print,
) -> Any:
    """Fine-tune the network on the examples of each task; returns it in eval mode.

    ``tokenizer`` is the encoder's ``tokenizers.Tokenizer``, truncating at
    ``TRAIN_MAX_LENGTH`` and not padding.
    """
    import torch

    started = time.perf_counter()
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    network = build_network(encoder_dir, n_sentence, n_techniques, n_roles).to(device)
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
    tasks = [t for t in TASKS if train.get(t)]
    steps, shares = plan({t: len(train[t]) for t in tasks}, batch_size, steps)
    log(f"{steps} steps; task shares { ({t: round(s, 3) for t, s in shares.items()}) }")
    warmup = max(steps // 10, 1)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / (steps - warmup + 1))),
    )
    bce = torch.nn.BCEWithLogitsLoss(reduction="none")
    weights = [shares[t] for t in tasks]
    rng = random.Random(seed)
    lengths = {
        t: [len(e.ids) for e in tokenizer.encode_batch([ex.text for ex in train[t]])] for t in tasks
    }
    queues: dict[str, list[list[Example]]] = {t: [] for t in tasks}

    def next_batch(task: str) -> list[Example]:
        if not queues[task]:
            queues[task] = length_batches(train[task], lengths[task], batch_size, rng)
        return queues[task].pop()

    def piece_targets(
        batch: list[Example], encodings: list[Any], width: int, n: int
    ) -> tuple[Any, Any]:
        target = np.zeros((len(batch), width, 1 + n), dtype=np.float32)
        mask = np.zeros((len(batch), width), dtype=np.float32)
        for row, (ex, enc) in enumerate(zip(batch, encodings, strict=True)):
            t, m = token_targets(enc.offsets, enc.special_tokens_mask, ex.spans or [], n)
            target[row, : len(t)] = t
            mask[row, : len(m)] = m
        return torch.from_numpy(target).to(device), torch.from_numpy(mask).to(device)

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
            torch.from_numpy(ids).to(device), torch.from_numpy(mask).to(device)
        )
        if task == "cue":
            # Columns of the targets: "any role" (not learned), the cue, then the roles.
            targets_t, mask_t = piece_targets(batch, encodings, width, 1 + n_roles)
            per_piece = bce(cue_logits, targets_t[..., 1])
            loss = (per_piece * mask_t).sum() / mask_t.sum().clamp(min=1.0)
            per_role = bce(role_logits, targets_t[..., 2:]).mean(-1)
            loss = loss + (per_role * mask_t).sum() / mask_t.sum().clamp(min=1.0)
        elif task == "techniques":
            targets = torch.tensor([ex.sentence_targets for ex in batch], device=device)
            loss = bce(sentence_logits[:, n_sentence - 1 - n_techniques :], targets).mean()
            token_target, token_mask = piece_targets(batch, encodings, width, n_techniques)
            per_token = bce(token_logits, token_target).mean(-1)
            loss = loss + (per_token * token_mask).sum() / token_mask.sum().clamp(min=1.0)
        else:
            column = 0 if task == "checkworthiness" else 1
            labels = torch.tensor([ex.label for ex in batch], device=device)
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
    return network


def head_outputs(
    network: Any, tokenizer: Any, texts: Sequence[str], *, device: str = "cpu", batch: int = 64
) -> list[np.ndarray]:
    """Per text, the cue head's and the role head's probabilities for each word piece
    (pieces x 1+roles, float32), as the packaged model gives them: the whole sentence, not
    cut at ``TRAIN_MAX_LENGTH`` (``tokenizer`` must not truncate below the runtime's limit).

    In full precision a padded batch gives each sentence the scores it would get alone."""
    import torch

    encodings = tokenizer.encode_batch(list(texts))
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
    found: list[np.ndarray | None] = [None] * len(texts)
    with torch.no_grad():
        for start in range(0, len(order), batch):
            rows = order[start : start + batch]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                ids[r, : len(encodings[i].ids)] = encodings[i].ids
                mask[r, : len(encodings[i].ids)] = 1
            _, _, _, cue, roles = network(
                torch.from_numpy(ids).to(device), torch.from_numpy(mask).to(device)
            )
            both = torch.sigmoid(torch.cat([cue.unsqueeze(-1), roles], dim=-1)).float().cpu()
            for r, i in enumerate(rows):
                found[i] = both[r, : len(encodings[i].ids)].numpy()
    return [f for f in found if f is not None]


def sentence_key(article: str, start: int) -> str:
    """How the out-of-fold head outputs name a sentence: its article and first character."""
    return f"{article}@{start}"


def fold_groups(groups: Sequence[str], folds: int) -> dict[str, int]:
    """Each group (article) to a fold: every ``folds``-th of them in sorted order."""
    return {name: k % folds for k, name in enumerate(sorted(set(groups)))}


def fit_folds(
    train: dict[str, list[Example]],
    encoder_dir: Path,
    tokenizer: Any,
    runtime_tokenizer: Any,
    *,
    folds: int,
    only: Sequence[int] | None = None,
    log: Log = print,
    **fit_options: Any,
) -> dict[str, np.ndarray]:
    """Out-of-fold head outputs for the cue task's sentences.

    The cue task's articles are split into ``folds`` (``fold_groups``); for each fold a network
    is fitted on everything else (the other tasks whole) and gives the fold's sentences their
    cue and role probabilities (``head_outputs``, through ``runtime_tokenizer``). Returns them
    by each example's ``key``. ``only`` fits those folds alone (to share them out between
    processes); ``fit_options`` go to ``fit_network``.
    """
    cue = train.get("cue") or []
    fold_of = fold_groups([ex.group for ex in cue], folds)
    found: dict[str, np.ndarray] = {}
    for fold in only if only is not None else range(folds):
        kept = [ex for ex in cue if fold_of[ex.group] != fold]
        left = [ex for ex in cue if fold_of[ex.group] == fold]
        log(f"fold {fold + 1}/{folds}: {len(kept)} cue sentences fit, {len(left)} held out")
        network = fit_network(
            {**train, "cue": kept}, encoder_dir, tokenizer, log=log, **fit_options
        )
        outputs = head_outputs(
            network,
            runtime_tokenizer,
            [ex.text for ex in left],
            device=fit_options.get("device", "cpu"),
        )
        found.update((ex.key, out) for ex, out in zip(left, outputs, strict=True))
    return found


def save_head_outputs(path: Path, outputs: dict[str, np.ndarray]) -> None:
    """Write head outputs (key -> pieces x columns) as one compressed npz (float16)."""
    keys = sorted(outputs)
    lengths = np.array([len(outputs[k]) for k in keys], dtype=np.int64)
    stacked = (
        np.concatenate([outputs[k] for k in keys]).astype(np.float16)
        if keys
        else np.zeros((0, 0), dtype=np.float16)
    )
    np.savez_compressed(path, keys=np.array(keys), lengths=lengths, values=stacked)


def load_head_outputs(path: Path) -> dict[str, np.ndarray]:
    """What ``save_head_outputs`` wrote, as float32 arrays.

    Raises:
        ValueError: the file is missing, unreadable or not such a file.
    """
    try:
        with np.load(path, allow_pickle=False) as data:
            keys = [str(k) for k in data["keys"]]
            ends = np.cumsum(data["lengths"])
            values = data["values"].astype(np.float32)
    except Exception as err:  # numpy and zipfile raise many kinds; all mean "not readable"
        raise ValueError(f"{path} is not a head-outputs file: {err}") from err
    starts = np.concatenate([[0], ends[:-1]]) if len(keys) else ends
    return {k: values[a:b] for k, a, b in zip(keys, starts, ends, strict=True)}
