"""The signal network's training plan, folds and out-of-fold head outputs, and how the
attribution trainer takes those outputs in place of the packaged model's heads.

The PolNeAR-style folder written here is fictional (Corvale and its people do not exist).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claimscope.train.signal_fit import (
    TASK_PASSES,
    Example,
    fold_groups,
    load_head_outputs,
    plan,
    save_head_outputs,
    sentence_key,
)


def test_the_plan_gives_each_task_its_passes() -> None:
    sizes = {"checkworthiness": 3200, "subjectivity": 320, "cue": 6400}
    steps, shares = plan(sizes, batch_size=32)
    assert abs(sum(shares.values()) - 1) < 1e-9 and set(shares) == set(sizes)
    for task, n in sizes.items():
        # Steps drawn for the task times the batch, over its examples: its passes.
        passes = steps * shares[task] * 32 / n
        assert passes == pytest.approx(TASK_PASSES[task], rel=0.01)
    fixed, same = plan(sizes, batch_size=32, steps=7)
    assert fixed == 7 and same == shares
    # A task with no examples takes no steps.
    assert "techniques" not in plan({**sizes, "techniques": 0}, 32)[1]


def test_folds_split_by_article_and_cover_every_article() -> None:
    groups = [f"article{k % 10}" for k in range(57)]
    folds = fold_groups(groups, 4)
    assert set(folds) == set(groups) and set(folds.values()) == {0, 1, 2, 3}
    sizes = [list(folds.values()).count(k) for k in range(4)]
    assert max(sizes) - min(sizes) <= 1


def test_head_outputs_survive_the_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    outputs = {
        sentence_key("a01", 0): rng.random((5, 3), dtype=np.float32),
        sentence_key("a01", 42): rng.random((9, 3), dtype=np.float32),
        sentence_key("b07", 3): rng.random((1, 3), dtype=np.float32),
    }
    path = tmp_path / "heads.npz"
    save_head_outputs(path, outputs)
    back = load_head_outputs(path)
    assert set(back) == set(outputs)
    for key, values in outputs.items():
        assert back[key].shape == values.shape and back[key].dtype == np.float32
        np.testing.assert_allclose(back[key], values, atol=1e-3)  # kept in half precision


def test_an_example_survives_json() -> None:
    example = Example("Mayor Ilse Varn said so.", "cue", spans=[(16, 20, 0)], group="a", key="a@0")
    assert Example.from_json(example.to_json()) == example


@pytest.mark.slow
def test_the_attribution_trainer_takes_out_of_fold_head_outputs(tmp_path: Path) -> None:
    from claimscope.signals.model import load_signal_model, signal_model_available
    from claimscope.train.attribution import parse_split

    if not signal_model_available() or not load_signal_model().has_roles:
        pytest.skip("needs the packaged signal model with its role head")
    texts = {
        "a00": "Mayor Ilse Varn said the bridge was safe. The ferry was late.",
        "a01": "Councillor Edda Rusk argued the budget was too small.",
    }
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for name, text in texts.items():
        (tmp_path / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / "attributions" / f"{name}_x.ann").write_text("", encoding="utf-8")
    plain = parse_split(tmp_path, log=lambda _line: None)
    model = load_signal_model()
    pieces = len(model.predict(["Mayor Ilse Varn said the bridge was safe."])[0].piece_offsets)
    given = {
        # The first sentence of a00: every piece's cue probability 0.9, source 0.2, content 0.7.
        sentence_key("a00", 0): np.tile(np.float32([0.9, 0.2, 0.7]), (pieces, 1)),
        # Outputs of another length than the sentence's pieces are not taken.
        sentence_key("a01", 0): np.zeros((2, 3), dtype=np.float32),
    }
    lines: list[str] = []
    taken = parse_split(tmp_path, log=lines.append, head_outputs=given)
    assert any(line.startswith("1 sentences took out-of-fold head outputs") for line in lines)
    first, second = (item.vectors for item in taken)
    assert first is not None and second is not None
    plain_first, plain_second = (item.vectors for item in plain)
    assert plain_first is not None and plain_second is not None
    said = next(t.i for t in taken[0].doc if t.text == "said")
    ferry = next(t.i for t in taken[0].doc if t.text == "ferry")
    assert first.role("cue")[said] == pytest.approx(0.9)
    assert first.role("source")[said] == pytest.approx(0.2)
    assert first.role("content")[said] == pytest.approx(0.7)
    # The second sentence, and the article whose outputs did not fit, keep the model's own.
    assert first.role("cue")[ferry] == pytest.approx(plain_first.role("cue")[ferry])
    np.testing.assert_allclose(second.role("cue"), plain_second.role("cue"))
    np.testing.assert_allclose(first.vectors, plain_first.vectors)
    # Outputs that name no sentence of the split were written for something else: refused.
    from claimscope.errors import ModelError

    with pytest.raises(ModelError, match="no sentence matched"):
        parse_split(tmp_path, log=lambda _line: None, head_outputs={"zz@0": given["a00@0"]})


def test_a_broken_head_outputs_file_is_refused(tmp_path: Path) -> None:
    for content in (b"", b"not a zip", b"PK\x03\x04 truncated"):
        path = tmp_path / "heads.npz"
        path.write_bytes(content)
        with pytest.raises(ValueError, match="not a head-outputs file"):
            load_head_outputs(path)
    with pytest.raises(ValueError, match="not a head-outputs file"):
        load_head_outputs(tmp_path / "missing.npz")
