"""The learned cue detector: features, the JSON model format, scoring and cue runs.

The models here are written by hand (a few weights), so each expectation follows from the
weights; one test checks the packaged model, when it is installed. Texts are fictional.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from claimscope.errors import ModelError
from claimscope.extract.cue_model import (
    ENCODER_PARTS,
    FORMAT,
    WEIGHTS_FILE,
    CueModel,
    EncoderStage,
    TokenVectors,
    context_features,
    cue_runs,
    default_model_dir,
    encoder_inputs,
    encoder_scores,
    load_cue_model,
    token_features,
    token_probabilities,
)


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


@pytest.mark.slow
def test_features_see_the_word_its_complements_and_its_subject(nlp: Any) -> None:
    doc = nlp("Mayor Ilse Varn called for a new bridge.")
    feats = set(token_features(_token(doc, "called"), frozenset(), set()))
    assert {"l=call", "p=VERB", "lcw=call|prep|for", "c=nsubj", "subj=PROPN"} <= feats
    assert "rule" not in feats and "inq" not in feats


@pytest.mark.slow
def test_features_mark_quoted_tokens_and_rule_cues(nlp: Any) -> None:
    doc = nlp("“The ferry is late,” the captain said.")
    said = _token(doc, "said")
    ferry = _token(doc, "ferry")
    assert "rule" in token_features(said, frozenset(), {said.i})
    assert "inq" in token_features(ferry, frozenset({ferry.i}), set())
    assert "hrule=nsubj" not in token_features(ferry, frozenset(), {said.i})


def test_probability_is_the_logistic_of_bias_plus_weights(monkeypatch: Any) -> None:
    import claimscope.extract.cue_model as cue_model

    # The features are fixed here: the model sums the weights of those it knows.
    monkeypatch.setattr(cue_model, "token_features", lambda *_args: ["a", "b", "unknown"])
    model = CueModel(weights={"a": 2.0, "b": -1.0}, bias=0.5, threshold=0.5, keep_rule_threshold=0)
    expected = 1 / (1 + math.exp(-(0.5 + 2.0 - 1.0)))
    assert model.probability(object(), frozenset(), set()) == pytest.approx(expected)


@pytest.mark.slow
def test_runs_join_consecutive_cue_tokens(nlp: Any) -> None:
    doc = nlp("The Corvale council called for a new bridge and the port waited.")
    # "call" and the preposition under it score high; every other token scores low.
    model = CueModel(
        weights={"l=call": 6.0, "dhl=prep|call": 6.0}, bias=-3.0, threshold=0.5,
        keep_rule_threshold=0.0,
    )  # fmt: skip
    runs = cue_runs(doc, model, quoted=frozenset(), rule_cues=set())
    assert [(doc[a : b + 1].text, p > 0.9) for a, b, p in runs] == [("called for", True)]


def test_json_round_trip_and_format_check(tmp_path: Path) -> None:
    model = CueModel(weights={"l=say": 1.5}, bias=-2.0, threshold=0.4, keep_rule_threshold=0.1)
    data = model.to_json(training={"seed": 0})
    assert data["format"] == FORMAT and data["training"] == {"seed": 0}
    assert CueModel.from_json(json.loads(json.dumps(data))) == model
    with pytest.raises(ModelError, match="retrain"):
        CueModel.from_json({**data, "format": "something-else/9"})


def test_a_model_with_a_second_stage_round_trips_and_format_1_still_loads() -> None:
    model = CueModel(
        weights={"l=say": 1.5}, bias=-2.0, threshold=0.4, keep_rule_threshold=0.1,
        context_weights={"s1p=9": 3.0}, context_bias=-1.0,
    )  # fmt: skip
    data = json.loads(json.dumps(model.to_json()))
    assert data["context"] == {"bias": -1.0, "weights": {"s1p=9": 3.0}}
    assert CueModel.from_json(data) == model
    old = {k: v for k, v in data.items() if k != "context"}
    assert CueModel.from_json({**old, "format": "claimscope-cue-model/1"}) == model.first_stage()


@pytest.mark.slow
def test_context_features_bin_the_first_stage_around_each_token(nlp: Any) -> None:
    doc = nlp("The mayor has said no.")
    probabilities = [0.0, 0.05, 0.45, 0.97, 0.0, 0.0]
    rows = context_features(doc, probabilities)
    has, said = _token(doc, "has").i, _token(doc, "said").i
    assert {"s1=4", "s1p=0", "s1n=9", "s1pn=0|4|9", "s1h=9|aux"} <= set(rows[has])
    # "said" heads the sentence: no head feature, and its best child is "has".
    assert {"s1=9", "s1c=4", "s1cd=4|aux"} <= set(rows[said])
    assert not any(f.startswith("s1h=") for f in rows[said])


@pytest.mark.slow
def test_the_second_stage_decides_from_the_first_stage_context(nlp: Any) -> None:
    doc = nlp("The mayor has said no.")
    first_only = CueModel(weights={"l=say": 6.0}, bias=-3.0, threshold=0.5, keep_rule_threshold=0.0)
    # The second stage trusts the token features less and learns that the word before a
    # sure cue belongs to it.
    stacked = CueModel(
        first_only.weights,
        first_only.bias,
        first_only.threshold,
        first_only.keep_rule_threshold,
        context_weights={"l=say": 4.0, "s1n=9": 5.0},
        context_bias=-3.0,
    )
    quiet: frozenset[int] = frozenset()
    before = token_probabilities(doc, first_only, quoted=quiet, rule_cues=set())
    after = token_probabilities(doc, stacked, quoted=quiet, rule_cues=set())
    has = _token(doc, "has").i
    assert before[has] < 0.5 < after[has]
    runs = cue_runs(doc, stacked, quoted=quiet, rule_cues=set())
    assert [doc[a : b + 1].text for a, b, _ in runs] == ["has said"]


def _encoder_model(width: int = 4) -> CueModel:
    dense = np.zeros((len(ENCODER_PARTS), width), dtype=np.float32)
    dense[0, 0] = 10.0  # the token's own vector, first dimension
    return CueModel(
        weights={"l=say": 6.0}, bias=-3.0, threshold=0.5, keep_rule_threshold=0.0,
        context_weights={"l=say": 6.0}, context_bias=-3.0,
        encoder=EncoderStage(
            signal_model="enc-1", dense=dense, dense_bias=-5.0,
            weights={"l=say": 6.0, "en=9": 8.0}, bias=-4.0, threshold=0.45,
        ),
    )  # fmt: skip


def test_an_encoder_stage_round_trips_and_format_2_still_loads() -> None:
    model = _encoder_model()
    data = json.loads(json.dumps(model.to_json()))
    assert data["format"] == FORMAT and data["encoder"]["signal_model"] == "enc-1"
    loaded = CueModel.from_json(data)
    assert loaded == model and loaded.encoder is not None and model.encoder is not None
    assert loaded.encoder.dense is not None and model.encoder.dense is not None
    assert np.array_equal(loaded.encoder.dense, model.encoder.dense)
    old = {k: v for k, v in data.items() if k != "encoder"}
    assert CueModel.from_json({**old, "format": "claimscope-cue-model/2"}).encoder is None


def test_encoder_scores_apply_the_training_layout() -> None:
    # The runtime shortcut (one product per part) must equal the dense regression over the
    # concatenated inputs the trainer fits.
    class _Token:
        def __init__(self, i: int, head: int) -> None:
            self.i = i
            self.head = self if head == i else None
            self._head = head

    tokens = [_Token(i, h) for i, h in enumerate([1, 1, 1, 4, 1])]
    for token in tokens:
        token.head = tokens[token._head]
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(5, 3)).astype(np.float32)
    dense = rng.normal(size=(len(ENCODER_PARTS), 3)).astype(np.float32)
    expected = encoder_inputs(tokens, vectors) @ dense.reshape(-1)
    assert np.allclose(encoder_scores(tokens, vectors, dense), expected, atol=1e-5)


@pytest.mark.slow
def test_the_encoder_stage_reads_vectors_of_its_own_encoder_only(nlp: Any) -> None:
    doc = nlp("The mayor has said no.")
    model = _encoder_model()
    has = _token(doc, "has").i
    vectors = np.zeros((len(doc), 4), dtype=np.float32)
    vectors[has, 0] = 1.0  # the encoder is sure "has" belongs to a cue
    quiet: frozenset[int] = frozenset()
    own = TokenVectors(vectors, "enc-1")
    other = TokenVectors(vectors, "enc-2")
    with_own = token_probabilities(doc, model, quoted=quiet, rule_cues=set(), vectors=own)
    with_other = token_probabilities(doc, model, quoted=quiet, rule_cues=set(), vectors=other)
    without = token_probabilities(doc, model, quoted=quiet, rule_cues=set())
    assert with_own[has] > 0.5 > without[has] and with_other == without
    # "said" has no vector (a zero row, as past a sentence's cut): the plain second stage
    # scores it, shifted from its threshold (0.5) to the encoder stage's (0.45).
    said = _token(doc, "said").i
    shift = math.log(0.45 / 0.55) - math.log(0.5 / 0.5)
    expected = 1 / (1 + math.exp(-(math.log(without[said] / (1 - without[said])) + shift)))
    assert with_own[said] == pytest.approx(expected)
    assert model.threshold_for(own) == 0.45 and model.threshold_for(other) == 0.5
    assert model.threshold_for(None) == 0.5


@pytest.mark.slow
def test_an_encoder_stage_on_the_cue_head_reads_its_probabilities(nlp: Any) -> None:
    doc = nlp("The mayor has said no.")
    dense_model = _encoder_model()
    assert dense_model.encoder is not None
    model = replace(dense_model, encoder=replace(dense_model.encoder, dense=None, dense_bias=0.0))
    data = json.loads(json.dumps(model.to_json()))
    assert data["encoder"]["source"] == "cue head" and "dense" not in data["encoder"]
    loaded = CueModel.from_json(data)
    assert loaded == model and loaded.encoder is not None and loaded.encoder.dense is None
    has = _token(doc, "has").i
    vectors = np.ones((len(doc), 4), dtype=np.float32)
    cue = np.zeros(len(doc), dtype=np.float32)
    cue[has] = 0.95  # the head is sure "has" belongs to a cue
    quiet: frozenset[int] = frozenset()
    head = TokenVectors(vectors, "enc-1", cue)
    with_head = token_probabilities(doc, model, quoted=quiet, rule_cues=set(), vectors=head)
    without = token_probabilities(doc, model, quoted=quiet, rule_cues=set())
    assert with_head[has] > 0.5 > without[has] and model.threshold_for(head) == 0.45
    # Vectors of an older signal model carry no head probabilities: the stage cannot apply.
    headless = TokenVectors(vectors, "enc-1")
    assert not model.uses_encoder(headless) and model.threshold_for(headless) == 0.5
    assert (
        token_probabilities(doc, model, quoted=quiet, rule_cues=set(), vectors=headless) == without
    )


def test_load_returns_none_without_weights_and_reads_a_file(tmp_path: Path) -> None:
    assert load_cue_model(str(tmp_path)) is None
    folder = tmp_path / "m"
    folder.mkdir()
    model = CueModel(weights={"l=say": 1.0}, bias=0.0, threshold=0.5, keep_rule_threshold=0.0)
    (folder / WEIGHTS_FILE).write_text(json.dumps(model.to_json()), encoding="utf-8")
    assert load_cue_model(str(folder)) == model
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / WEIGHTS_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot read"):
        load_cue_model(str(broken))


@pytest.mark.slow
def test_packaged_model_is_small_and_finds_a_plain_speech_verb(nlp: Any) -> None:
    path = default_model_dir() / WEIGHTS_FILE
    if not path.is_file():
        pytest.skip("no packaged cue model (train it with `claimscope train attribution`)")
    assert path.stat().st_size < 8_000_000
    model = load_cue_model()
    assert model is not None
    doc = nlp("The harbour master said the ferry would sail at noon.")
    runs = cue_runs(doc, model, quoted=frozenset(), rule_cues={_token(doc, "said").i})
    assert [doc[a : b + 1].text for a, b, _ in runs] == ["said"]
