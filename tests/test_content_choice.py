"""The content chooser: candidates from the parse, the model's pick, its file, the engine.

Sentences are fictional (Corvale, Belmora and their people do not exist).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.errors import ModelError
from claimscope.extract.attributions import extract_attributions
from claimscope.extract.content_choice import (
    FORMAT,
    HEAD_PREFIX,
    WEIGHTS_FILE,
    ContentModel,
    candidate_features,
    content_candidates,
    head_features,
    load_content_model,
    marked_runs,
)
from claimscope.extract.cue_model import TokenVectors
from claimscope.extract.cues import RawAttribution


def _raw(doc: Any, cue: str, content: str) -> RawAttribution:
    """A raw attribution with the cue and the content given as words of ``doc``."""

    def tokens(words: str) -> tuple[int, int]:
        start = doc.text.index(words)
        span = doc.char_span(start, start + len(words))
        assert span is not None
        return span.start, span.end - 1

    return RawAttribution("indirect", tokens(cue), None, tokens(content))


def _texts(doc: Any, ranges: dict[tuple[int, int], list[str]]) -> dict[str, list[str]]:
    return {doc[first : last + 1].text: kinds for (first, last), kinds in ranges.items()}


def test_candidates_hold_the_rule_choice_and_the_cue_dependents(nlp: Any) -> None:
    doc = nlp("Mayor Ilse Varn declined to comment on the Corvale audit last week.")
    raw = _raw(doc, "declined", "Mayor Ilse Varn")
    found = _texts(doc, content_candidates(doc, raw))
    assert "rule" in found["Mayor Ilse Varn"]
    assert any(text.startswith("to comment on the Corvale audit") for text in found)
    # No candidate holds the cue itself.
    assert not any("declined" in text for text in found)


def test_candidates_include_the_object_of_a_preposition_inside_the_cue(nlp: Any) -> None:
    doc = nlp("The Belmora ferry plan has the support of Councillor Edda Rusk.")
    raw = _raw(doc, "has the support of", "The Belmora ferry plan")
    found = _texts(doc, content_candidates(doc, raw))
    assert "Councillor Edda Rusk" in found


def test_the_model_picks_the_candidate_it_scores_highest(nlp: Any) -> None:
    doc = nlp("Mayor Ilse Varn declined to comment on the Corvale audit.")
    raw = _raw(doc, "declined", "Mayor Ilse Varn")
    candidates = content_candidates(doc, raw)
    after = next(span for span, kinds in candidates.items() if "after" in kinds)
    assert ContentModel({"kind=after": 4.0}, bias=0.0).choose(doc, raw) == after
    # Without weights every candidate ties and the rule's own choice is kept.
    assert ContentModel({}, bias=0.0).choose(doc, raw) == raw.content


def test_a_close_call_keeps_the_rule_choice(nlp: Any) -> None:
    doc = nlp("Mayor Ilse Varn declined to comment on the Corvale audit.")
    raw = _raw(doc, "declined", "Mayor Ilse Varn")
    after = next(span for span, kinds in content_candidates(doc, raw).items() if "after" in kinds)
    weights = {"kind=after": 0.2}
    assert ContentModel(weights, bias=0.0, margin=0.0).choose(doc, raw) == after
    # sigmoid(0.2) - sigmoid(0) is about 0.05: below a margin of 0.1 the rule's choice stays.
    assert ContentModel(weights, bias=0.0, margin=0.1).choose(doc, raw) == raw.content


def test_a_phrase_opening_with_another_cue_is_no_candidate(nlp: Any) -> None:
    doc = nlp("The pass road will stay shut, Minister Dana Kessel said, according to the Courier.")
    raw = _raw(doc, "said", "The pass road will stay shut")
    found = _texts(doc, content_candidates(doc, raw))
    assert not any(text.startswith("according") for text in found)


def test_a_participle_describing_the_cue_noun_is_no_candidate(nlp: Any) -> None:
    text = (
        "The Corvale port office said in a statement issued on Friday that the docks would close."
    )
    doc = nlp(text)
    raw = _raw(doc, "said in a statement", "the docks would close")
    found = _texts(doc, content_candidates(doc, raw))
    assert not any(t.startswith("issued") for t in found), found
    assert "the docks would close" in found


def test_features_say_which_side_of_the_cue_and_which_kind(nlp: Any) -> None:
    doc = nlp("Mayor Ilse Varn declined to comment on the Corvale audit.")
    raw = _raw(doc, "declined", "Mayor Ilse Varn")
    features = candidate_features(doc, raw, raw.content, ["rule", "before"])
    assert "side=before" in features and "kind=rule" in features
    assert "kind=before|lemma=decline" in features


def test_features_describe_how_the_candidate_is_built(nlp: Any) -> None:
    doc = nlp("Councillor Edda Rusk posted the ferry timetable to her page on Monday.")
    raw = _raw(doc, "posted", "the ferry timetable")
    start = doc.text.index("the ferry")
    span = doc.char_span(start, len(doc.text) - 1)
    assert span is not None
    features = candidate_features(doc, raw, (span.start, span.end - 1), ["after"])
    # The candidate swallows two adjuncts of the cue verb besides its object.
    assert {"hc=dobj", "hc=prep:to", "hc=prep:on", "nroots=3"} <= set(features)


def test_an_object_does_not_run_on_into_a_coordinated_verb(nlp: Any) -> None:
    doc = nlp('Senator Marta Vell called the deal "a sham" and demanded a recount.')
    raw = _raw(doc, "called", "the deal")
    found = _texts(doc, content_candidates(doc, raw))
    # The object keeps its closing quotation mark, which the parse hangs on the verb.
    assert "head:dobj+" in found['the deal "a sham"']
    assert not any("demanded" in text for text, kinds in found.items() if "head:dobj+" in kinds)


def test_candidates_never_end_on_a_paragraph_break(nlp: Any) -> None:
    doc = nlp("Mayor Ilse Varn said the bridge will reopen.\n\nThe council met later.")
    raw = _raw(doc, "said", "the bridge will reopen")
    for first, last in content_candidates(doc, raw):
        assert not doc[first].is_space and not doc[last].is_space


def _marks(doc: Any, marked: dict[str, float], rest: float = 0.1) -> np.ndarray:
    """Content probabilities: each phrase of ``marked`` at its value (in order, so a later
    phrase inside an earlier one overrides it), ``rest`` elsewhere."""
    probabilities = np.full(len(doc), rest, dtype=np.float32)
    for words, value in marked.items():
        start = doc.text.index(words)
        span = doc.char_span(start, start + len(words))
        assert span is not None
        probabilities[span.start : span.end] = value
    return probabilities


def _content_marks(doc: Any, words: str) -> np.ndarray:
    """Content probabilities of 0.9 on ``words`` and 0.1 elsewhere."""
    return _marks(doc, {words: 0.9})


def test_head_features_measure_agreement_with_the_content_head(nlp: Any) -> None:
    doc = nlp("Councillor Edda Rusk said the ferry will run on Sundays from May.")
    raw = _raw(doc, "said", "the ferry will run on Sundays")
    marks = _content_marks(doc, "the ferry will run on Sundays from May")
    ranges = {_texts(doc, {span: []}).popitem()[0]: span for span in content_candidates(doc, raw)}
    whole = head_features(doc, raw, ranges["the ferry will run on Sundays from May"], marks)
    assert {f"{HEAD_PREFIX}dice>=0.95", f"{HEAD_PREFIX}after=False"} <= set(whole)
    short = head_features(doc, raw, raw.content, marks)
    # Cut before "from May": the head's marks run on past its end, so recall falls.
    assert f"{HEAD_PREFIX}precision>=0.95" in short and f"{HEAD_PREFIX}after=True" in short
    assert f"{HEAD_PREFIX}recall>=0.8" not in short
    # The source is no content: nothing of it is marked.
    source = head_features(doc, raw, ranges["Councillor Edda Rusk"], marks)
    assert not any(f.startswith(f"{HEAD_PREFIX}precision") for f in source)
    assert head_features(doc, raw, raw.content, np.zeros(len(doc))) == [f"{HEAD_PREFIX}none"]
    # Features without the probabilities carry no head feature.
    plain = candidate_features(doc, raw, raw.content, ["rule"])
    assert not any(f.startswith(HEAD_PREFIX) for f in plain)
    with_head = candidate_features(doc, raw, raw.content, ["rule"], marks)
    assert with_head[-len(short) :] == short


def test_the_chooser_reads_the_content_head_only_of_its_own_encoder(nlp: Any) -> None:
    doc = nlp("Councillor Edda Rusk said the ferry will run on Sundays from May.")
    raw = _raw(doc, "said", "the ferry will run on Sundays")
    roles = np.zeros((len(doc), 2), dtype=np.float32)
    roles[:, 1] = _content_marks(doc, "the ferry will run on Sundays from May")
    vectors = TokenVectors(np.zeros((len(doc), 4), dtype=np.float32), "enc-a", None, roles)
    weights = {f"{HEAD_PREFIX}dice>=0.95": 5.0}
    model = ContentModel(weights, bias=0.0, signal_model="enc-a")
    chosen = model.choose(doc, raw, vectors)
    assert doc[chosen[0] : chosen[1] + 1].text == "the ferry will run on Sundays from May"
    # Another encoder's probabilities, or none, are not read: every candidate ties.
    assert ContentModel(weights, bias=0.0, signal_model="enc-b").choose(doc, raw, vectors) == (
        raw.content
    )
    assert model.choose(doc, raw, None) == raw.content
    assert model.content_of(TokenVectors(vectors.vectors, "enc-a")) is None


def test_without_the_head_probabilities_the_fallback_chooses(nlp: Any, tmp_path: Path) -> None:
    doc = nlp("Mayor Ilse Varn declined to comment on the Corvale audit.")
    raw = _raw(doc, "declined", "Mayor Ilse Varn")
    after = next(span for span, kinds in content_candidates(doc, raw).items() if "after" in kinds)
    fallback = ContentModel({"kind=after": 4.0}, bias=0.0)
    model = ContentModel(
        {f"{HEAD_PREFIX}none": 1.0}, bias=0.0, signal_model="enc-a", fallback=fallback
    )
    # Signals off (no vectors): the fallback's weights choose.
    assert model.choose(doc, raw, None) == after
    # With the head's probabilities the model's own weights choose: all candidates tie on
    # "none", so the rule's choice stays.
    roles = np.zeros((len(doc), 2), dtype=np.float32)
    vectors = TokenVectors(np.zeros((len(doc), 4), dtype=np.float32), "enc-a", None, roles)
    assert model.choose(doc, raw, vectors) == raw.content
    (tmp_path / WEIGHTS_FILE).write_text(json.dumps(model.to_json(training={})), "utf-8")
    assert load_content_model(str(tmp_path)) == model


def test_model_file_round_trip_and_refusals(tmp_path: Path) -> None:
    model = ContentModel({"kind=after": 1.5}, bias=-0.5, signal_model="abc")
    (tmp_path / WEIGHTS_FILE).write_text(json.dumps(model.to_json(training={})), "utf-8")
    assert load_content_model(str(tmp_path)) == model
    assert load_content_model(str(tmp_path / "none")) is None
    with pytest.raises(ModelError, match="retrain"):
        ContentModel.from_json({"format": "other/0", "weights": {}, "bias": 0})
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / WEIGHTS_FILE).write_text("{not json", "utf-8")
    with pytest.raises(ModelError, match="cannot read"):
        load_content_model(str(broken))
    assert model.to_json()["format"] == FORMAT
    # Files of the first format (no head features, encoder or fallback) still load.
    old = {"format": "claimscope-content-model/1", "bias": 0.5, "margin": 0.1, "weights": {}}
    assert ContentModel.from_json(old) == ContentModel({}, bias=0.5, margin=0.1)
    # Format 2 files were trained without the marked runs they would now be offered.
    with pytest.raises(ModelError, match="retrain"):
        ContentModel.from_json({**old, "format": "claimscope-content-model/2"})


def test_packaged_chooser_is_installed() -> None:
    model = load_content_model()
    assert model is not None and len(model.weights) > 100


_WORDS = st.sampled_from(
    [
        "Mayor Ilse Varn said the Corvale bridge was safe.",
        "The Belmora Daily Courier reported that the ferry was late,",
        "officials said.",
        "Councillor Edda Rusk declined to comment on the audit.",
        "A poll shows support for the new tram in Corvale.",
        "The dockers' union wants a shorter week, according to its leader.",
        "“It will not hold,” Captain Oren Malk warned.",
        "Critics described the plan as reckless",
    ]
)


@settings(max_examples=25, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=6))
def test_chosen_contents_are_spans_of_the_text(nlp: Any, sentences: list[str]) -> None:
    doc = nlp(" ".join(sentences))
    for attribution in extract_attributions(doc, []):
        for span in (attribution.cue, attribution.content, attribution.source):
            if span is not None:
                assert doc.text[span.start : span.end] == span.text


def test_marked_runs_are_candidates_and_may_go_on_into_the_next_sentence(nlp: Any) -> None:
    doc = nlp(
        "Councillor Edda Rusk said the ferry will run on Sundays. It will stop at Corvale. "
        "The harbour stays shut."
    )
    raw = _raw(doc, "said", "the ferry will run on Sundays")
    marks = _marks(
        doc,
        {"Edda Rusk said the ferry will run on Sundays. It will stop": 0.9, "harbour stays": 0.9},
    )
    runs = [doc[first : last + 1].text for first, last in marked_runs(doc, raw, marks)]
    # The cue breaks the run before it ("Edda Rusk"); the run after it reads on over the full
    # stop while the next sentence's words are marked; a run starting in a later sentence
    # ("harbour stays") is not the cue's.
    assert runs == ["Edda Rusk", "the ferry will run on Sundays. It will stop"]
    found = _texts(doc, content_candidates(doc, raw, marks))
    # Both the whole run and its part in the cue's sentence are candidates.
    assert "marked_on" in found["the ferry will run on Sundays. It will stop"]
    assert "marked" in found["the ferry will run on Sundays"]
    # A paragraph break ends a run.
    parted = nlp(doc.text.replace("Sundays. It", "Sundays.\n\nIt"))
    raw = _raw(parted, "said", "the ferry will run on Sundays")
    marks = np.array([0.9 if t.i > raw.cue[1] else 0.1 for t in parted])
    runs = [parted[f : last + 1].text for f, last in marked_runs(parted, raw, marks)]
    assert runs == ["the ferry will run on Sundays"]
    # Without the probabilities there are no marked runs.
    assert not any(
        "marked" in kinds for kinds in _texts(doc, content_candidates(doc, raw)).values()
    )


def test_a_marked_run_cut_at_a_coordinated_clause_is_no_candidate(nlp: Any) -> None:
    # PolNeAR's content of "said A, and that B" holds both clauses: a run of the content head
    # that stops at the conjunction is not offered; the parse's whole clause is.
    doc = nlp("Mayor Ilse Varn said the ferry was late, and that the bridge would reopen.")
    raw = _raw(doc, "said", "the ferry was late, and that the bridge would reopen")
    marks = _marks(doc, {"the ferry was late": 0.9, "the bridge would reopen": 0.9})
    found = _texts(doc, content_candidates(doc, raw, marks))
    assert "the ferry was late" not in found
    assert "the ferry was late, and that the bridge would reopen" in found
    # A run that ends where no clause of its own is coordinated stays a candidate.
    assert "marked" in found["the bridge would reopen"]


def test_runs_at_the_lower_mark_are_candidates_of_their_own(nlp: Any) -> None:
    # The head hesitates (0.3) over "he said"-like words inside the content: at 0.5 its run
    # breaks there, at the lower mark it covers the content whole.
    doc = nlp("Mayor Ilse Varn said the ferry, which is old, will run on Sundays.")
    raw = _raw(doc, "said", "the ferry, which is old, will run on Sundays")
    marks = _marks(
        doc, {"the ferry, which is old, will run on Sundays": 0.9, "which is": 0.3}, rest=0.05
    )
    found = _texts(doc, content_candidates(doc, raw, marks))
    assert "marked" in found["the ferry"]
    assert "marked_low" in found["the ferry, which is old, will run on Sundays"]
