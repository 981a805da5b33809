"""The source chooser: candidates from the parse and the head, the model's pick, its file, the
engine. Sentences are fictional (Corvale, Belmora and their people do not exist)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from claimscope.errors import ModelError
from claimscope.extract.attributions import extract_attributions
from claimscope.extract.cue_model import TokenVectors
from claimscope.extract.cues import RawAttribution
from claimscope.extract.linear_chooser import HEAD_PREFIX
from claimscope.extract.source_choice import (
    FORMAT,
    WEIGHTS_FILE,
    SourceContext,
    SourceModel,
    choice_rows,
    keeps_rule,
    load_source_model,
    source_candidates,
)

_EMPTY = SourceContext(None, frozenset(), frozenset(), frozenset())


def _tokens(doc: Any, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words))
    assert span is not None
    return span.start, span.end - 1


def _raw(doc: Any, cue: str, content: str, source: str | None = None) -> RawAttribution:
    head = None
    if source is not None:
        first, last = _tokens(doc, source)
        head = doc[first : last + 1].root
    return RawAttribution("indirect", _tokens(doc, cue), head, _tokens(doc, content))


def _marks(doc: Any, words: str, value: float = 0.95) -> np.ndarray:
    marks = np.zeros(len(doc), dtype=np.float32)
    first, last = _tokens(doc, words)
    marks[first : last + 1] = value
    return marks


def _texts(doc: Any, found: dict[int, list[str]]) -> dict[str, list[str]]:
    return {doc[i].text: kinds for i, kinds in found.items()}


def test_candidates_hold_the_rule_source_the_subjects_and_the_marked_runs(nlp: Any) -> None:
    doc = nlp(
        "Mayor Ilse Varn left the Corvale meeting early, telling reporters the bridge is safe."
    )
    raw = _raw(doc, "telling", "the bridge is safe", source="reporters")
    found = _texts(doc, source_candidates(doc, raw, _marks(doc, "Mayor Ilse Varn")))
    assert "rule" in found["reporters"]
    # The participle shares the subject of the clause it hangs from; the head marks it too.
    assert {"subject", "run"} <= set(found["Varn"])
    # The cue itself is never a candidate, nor is punctuation.
    assert "telling" not in found and "," not in found
    # Without the head's probabilities there are no runs.
    plain = _texts(doc, source_candidates(doc, raw, None))
    assert not any("run" in kinds for kinds in plain.values())


def test_nobody_is_always_the_last_choice(nlp: Any) -> None:
    doc = nlp("The Belmora ferry will run on Sundays, it was announced.")
    raw = _raw(doc, "announced", "The Belmora ferry will run on Sundays")
    rows = choice_rows(doc, raw, _EMPTY)
    assert rows[-1][0] is None and "nobody" in rows[-1][1]
    assert all(index is not None for index, _ in rows[:-1])


def test_the_model_picks_its_best_choice_and_keeps_the_rule_on_a_tie(nlp: Any) -> None:
    doc = nlp(
        "Mayor Ilse Varn left the Corvale meeting early, telling reporters the bridge is safe."
    )
    raw = _raw(doc, "telling", "the bridge is safe", source="reporters")
    # No weights: every choice ties and the rule's source stays.
    assert SourceModel({}, bias=0.0).choose(doc, raw, _EMPTY) is raw.source
    chosen = SourceModel({"kind=subject": 3.0}, bias=0.0).choose(doc, raw, _EMPTY)
    assert chosen is not None and chosen.text == "Varn"
    assert SourceModel({"nobody": 3.0}, bias=0.0).choose(doc, raw, _EMPTY) is None
    # A margin keeps the rule's choice against a candidate that beats it by less.
    weights = {"kind=subject": 0.2}
    assert SourceModel(weights, bias=0.0, margin=0.3).choose(doc, raw, _EMPTY) is raw.source


def test_the_head_is_read_only_from_its_own_encoder_else_the_fallback_chooses(
    nlp: Any, tmp_path: Path
) -> None:
    doc = nlp(
        "Mayor Ilse Varn left the Corvale meeting early, telling reporters the bridge is safe."
    )
    raw = _raw(doc, "telling", "the bridge is safe", source="reporters")
    roles = np.zeros((len(doc), 2), dtype=np.float32)
    roles[:, 0] = _marks(doc, "Mayor Ilse Varn")
    vectors = TokenVectors(np.zeros((len(doc), 4), dtype=np.float32), "enc-a", None, roles)
    fallback = SourceModel({"nobody": 3.0}, bias=0.0)
    model = SourceModel(
        {f"{HEAD_PREFIX}root>=0.9": 3.0}, bias=0.0, signal_model="enc-a", fallback=fallback
    )
    chosen = model.choose(doc, raw, _EMPTY, vectors)
    assert chosen is not None and chosen.text == "Varn"
    # Another encoder's probabilities, or none: the fallback (trained without them) chooses.
    other = TokenVectors(vectors.vectors, "enc-b", None, roles)
    assert model.choose(doc, raw, _EMPTY, other) is None
    assert model.choose(doc, raw, _EMPTY, None) is None
    (tmp_path / WEIGHTS_FILE).write_text(json.dumps(model.to_json(training={})), "utf-8")
    assert load_source_model(str(tmp_path)) == model


def test_model_file_refusals(tmp_path: Path) -> None:
    assert load_source_model(str(tmp_path / "none")) is None
    with pytest.raises(ModelError, match="retrain"):
        SourceModel.from_json({"format": "claimscope-content-model/2", "weights": {}, "bias": 0})
    assert SourceModel({}, bias=0.0).to_json()["format"] == FORMAT


def test_the_engine_takes_the_chosen_source(nlp: Any) -> None:
    from claimscope.extract.cue_model import load_cue_model

    if load_cue_model() is None:
        pytest.skip("no packaged cue model")
    doc = nlp("Councillor Edda Rusk said the Belmora ferry will run on Sundays.")
    rules = extract_attributions(doc, [], source_model=False)
    assert [a.source.text for a in rules if a.source] == ["Councillor Edda Rusk"]
    nobody = SourceModel({"nobody": 5.0}, bias=0.0)
    chosen = extract_attributions(doc, [], source_model=nobody)
    assert chosen and all(a.source is None for a in chosen)


def test_packaged_chooser_is_installed() -> None:
    model = load_source_model()
    assert model is not None and len(model.weights) > 100


def _rule_raw(doc: Any, cue: str) -> RawAttribution:
    """The rules' attribution whose cue starts with the word ``cue``."""
    from claimscope.extract.attributions import raw_attributions
    from claimscope.extract.quotes import QuoteIndex

    found, _ = raw_attributions(doc, QuoteIndex(doc), None)
    return next(raw for raw in found if doc[raw.cue[0]].text == cue)


def test_the_channel_is_no_candidate_but_the_issuer_in_it_stays(nlp: Any) -> None:
    doc = nlp("His statement, released on Sunday, stressed that the Corvale road would reopen.")
    raw = _rule_raw(doc, "stressed")
    assert raw.channel is not None and raw.source is not None and raw.source.text == "His"
    found = _texts(doc, source_candidates(doc, raw, None))
    assert "rule" in found["His"] and "statement" not in found


def test_an_apposition_or_a_number_stands_for_its_noun(nlp: Any) -> None:
    doc = nlp("Belmora's deputy minister, Iosif Brann, said one farmer had left Corvale.")
    raw = _rule_raw(doc, "said")
    found = _texts(doc, source_candidates(doc, raw, None))
    assert "Brann" not in found and "minister" in found


def test_the_talk_of_a_cause_keeps_its_missing_speaker(nlp: Any) -> None:
    doc = nlp("The timing of the Corvale vote has sparked speculation that the mayor will resign.")
    raw = _raw(doc, "has sparked speculation", "the mayor will resign")
    assert keeps_rule(doc, raw)
    eager = SourceModel({"bias": 5.0, "nobody": -5.0}, bias=0.0)
    assert eager.choose(doc, raw, _EMPTY) is None
