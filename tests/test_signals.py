"""The sentence-signal model and how the analyzer uses it.

The packaged model is loaded once per session. Behaviour tests use sentences written for the
project (fictional people and places) whose reading is not in doubt: a schedule announcement is
neither subjective nor loaded; a tirade of insults is both.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from claimscope import AnalyzeOptions, Analyzer
from claimscope.errors import ModelError
from claimscope.evaluate.propaganda import TECHNIQUES
from claimscope.extract.cue_model import TokenVectors
from claimscope.signals.model import (
    CONFIG_FILE,
    FORMAT,
    SentenceSignals,
    SignalModel,
    default_model_dir,
    load_signal_model,
    token_cue_probabilities,
    token_vectors,
)

NEUTRAL = "The Corvale city council will meet on Tuesday at 10 a.m. in the town hall."
LOADED = (
    "These corrupt, treacherous cowards in Corvale have betrayed every decent family, and only "
    "a fool would trust their disgusting lies."
)
STATISTIC = "Unemployment in Belmora fell from 8.1 percent to 6.4 percent between 2029 and 2031."
GREETING = "Thank you all so much, it is wonderful to be here tonight."


@pytest.fixture(scope="module")
def model() -> SignalModel:
    return load_signal_model()


def test_packaged_model_is_small_and_documented() -> None:
    folder = default_model_dir()
    total = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    # The issue caps the shipped models of the signals at 30 MB in all.
    assert total < 30 * 1024 * 1024
    config = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
    assert config["format"] == FORMAT
    assert tuple(config["techniques"]) == TECHNIQUES
    card = (folder / "MODEL_CARD.md").read_text(encoding="utf-8")
    for heading in ("Training data", "licence", "Metrics", "Intended use", "failure", "retrain"):
        assert heading.lower() in card.lower()
    training = (folder / "train_articles.txt").read_text(encoding="utf-8").split()
    assert len(training) == len(set(training)) > 100


def test_predict_returns_probabilities_and_spans_inside_each_sentence(model: SignalModel) -> None:
    sentences = [NEUTRAL, LOADED, STATISTIC, GREETING, ""]
    results = model.predict(sentences)
    assert len(results) == len(sentences)
    for text, signals in zip(sentences, results, strict=True):
        for value in (signals.checkworthiness, signals.subjectivity, signals.uses_technique):
            assert 0.0 <= value <= 1.0
        assert set(signals.technique_scores) == set(TECHNIQUES)
        for span in signals.spans:
            assert 0 <= span.start < span.end <= len(text)
            assert span.technique in TECHNIQUES
            assert 0.5 <= span.score <= 1.0


def test_predict_is_deterministic_and_independent_of_batch_company(model: SignalModel) -> None:
    alone = model.predict([LOADED])[0]
    together = model.predict([NEUTRAL, STATISTIC, LOADED, GREETING])[2]
    assert alone.spans == together.spans
    assert alone.subjectivity == pytest.approx(together.subjectivity, abs=1e-3)
    assert alone.checkworthiness == pytest.approx(together.checkworthiness, abs=1e-3)


def test_the_model_gives_each_word_piece_its_hidden_state(model: SignalModel) -> None:
    signals = model.predict([NEUTRAL])[0]
    assert model.has_hidden and signals.pieces is not None
    assert signals.pieces.shape == (len(signals.piece_offsets), 384)
    # [CLS] and [SEP] have no characters; every other piece lies inside the sentence.
    assert signals.piece_offsets[0] == (0, 0) == signals.piece_offsets[-1]
    assert all(0 <= a < b <= len(NEUTRAL) for a, b in signals.piece_offsets[1:-1])


def test_a_span_carries_its_further_techniques_above_their_threshold(model: SignalModel) -> None:
    # Pieces 1-2 are inside a span; the best technique column wins, and the next ones join it
    # only when the model is calibrated with a further-technique threshold they reach.
    columns = 1 + len(model.techniques)
    probs = np.zeros((4, columns), dtype=np.float32)
    probs[1:3, 0] = 0.9
    probs[1:3, 1 + 8] = 0.7  # the best
    probs[1:3, 1 + 1] = 0.4  # reaches 0.3
    probs[1:3, 1 + 5] = 0.35  # reaches 0.3 too
    probs[1:3, 1 + 2] = 0.32  # reaches it, but two further techniques at most
    probs[1:3, 1 + 3] = 0.1
    offsets = [(0, 0), (0, 4), (5, 9), (0, 0)]
    special = [1, 0, 0, 1]
    saved = model._further_technique
    try:
        model._further_technique = None
        alone = model._spans(probs, offsets, special)
        model._further_technique = 0.3
        several = model._spans(probs, offsets, special)
    finally:
        model._further_technique = saved
    assert [(s.start, s.end, s.technique) for s in alone] == [(0, 9, model.techniques[8])]
    assert [s.technique for s in several] == [
        model.techniques[8], model.techniques[1], model.techniques[5]
    ]  # fmt: skip
    assert {(s.start, s.end, s.score) for s in several} == {(0, 9, 0.9)}


@pytest.mark.slow
def test_token_vectors_average_the_pieces_over_each_token(nlp: Any) -> None:
    doc = nlp("Varn said it.\n\nMalk agreed.")
    second = doc.text.index("Malk")
    pieces = np.arange(12, dtype=np.float32).reshape(6, 2)
    first = SentenceSignals(
        0.5, 0.5, 0.5, pieces=pieces[:5],
        # [CLS] "Va" "rn" "said" "it" (the period and [SEP] were cut off by truncation)
        piece_offsets=((0, 0), (0, 2), (2, 4), (5, 9), (10, 12)),
    )  # fmt: skip
    later = SentenceSignals(0.5, 0.5, 0.5, pieces=pieces[5:], piece_offsets=((0, 4),))
    vectors = token_vectors(doc, [(0, first), (second, later)], width=2)
    assert vectors is not None and vectors.shape == (len(doc), 2)
    rows = {token.text: vectors[token.i].tolist() for token in doc}
    assert rows["Varn"] == pieces[1:3].mean(axis=0).tolist()
    assert rows["said"] == pieces[3].tolist() and rows["Malk"] == pieces[5].tolist()
    # No piece covers the period, the blank line or the unencoded words: zero rows.
    assert rows["."] == [0.0, 0.0] and rows["\n\n"] == [0.0, 0.0]
    assert rows["agreed"] == [0.0, 0.0]
    assert token_vectors(doc, [(0, SentenceSignals(0.5, 0.5, 0.5))]) is None


def test_cue_probabilities_average_the_pieces_over_each_token(nlp: Any) -> None:
    doc = nlp("Varn reiterated it.")
    pieces = np.zeros((5, 2), dtype=np.float32)
    # [CLS] "Varn" "rei" "##terated" "it"; the head is sure of one piece of "reiterated".
    signals = SentenceSignals(
        0.5, 0.5, 0.5, pieces=pieces,
        piece_offsets=((0, 0), (0, 4), (5, 8), (8, 15), (16, 18)),
        cue_pieces=np.array([0.0, 0.1, 0.9, 0.5, 0.2], dtype=np.float32),
    )  # fmt: skip
    probabilities = token_cue_probabilities(doc, [(0, signals)])
    assert probabilities is not None and probabilities.shape == (len(doc),)
    assert probabilities.tolist() == pytest.approx([0.1, 0.7, 0.2, 0.0])
    vectors = TokenVectors.from_signals(doc, [(0, signals)], "enc")
    assert vectors is not None and vectors.cue is not None
    assert vectors.cue.tolist() == probabilities.tolist() and vectors.encoder == "enc"
    # Without the head's output (older models), there are vectors but no probabilities.
    plain = replace(signals, cue_pieces=None)
    assert token_cue_probabilities(doc, [(0, plain)]) is None
    older = TokenVectors.from_signals(doc, [(0, plain)], "enc")
    assert older is not None and older.cue is None
    assert TokenVectors.from_signals(doc, [(0, SentenceSignals(0.5, 0.5, 0.5))], "enc") is None


def test_the_analyzer_hands_the_encoder_vectors_to_the_cue_detector(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimscope.extract.cue_model import load_cue_model

    cue_model = load_cue_model()
    if cue_model is None or cue_model.encoder is None:
        pytest.skip("the packaged cue model has no encoder stage")
    import claimscope.analyzer as analyzer_module

    seen: list[Any] = []
    from claimscope.extract.attributions import extract_attributions as real

    def spy(doc: Any, entities: Any, **kwargs: Any) -> Any:
        seen.append((len(doc), kwargs.get("token_vectors")))
        return real(doc, entities, **kwargs)

    monkeypatch.setattr(analyzer_module, "extract_attributions", spy)
    analysis = analyzer.analyze("Mayor Ilse Varn said the Corvale bridge would reopen in May.")
    ((tokens, vectors),) = seen
    # The packaged cue model was trained on the packaged encoder, so its stage is used.
    assert vectors is not None and vectors.encoder == cue_model.encoder.signal_model
    assert vectors.vectors.shape == (tokens, 384) and abs(vectors.vectors).sum() > 0
    assert [a.cue.text for a in analysis.attributions] == ["said"]
    # The packaged content chooser reads this encoder's content head: the words after
    # "said" are content, the speaker is not.
    from claimscope.extract.content_choice import load_content_model

    chooser = load_content_model()
    if chooser is None or chooser.signal_model is None:
        pytest.skip("the packaged content chooser reads no content head")
    assert chooser.signal_model == vectors.encoder and vectors.content is not None
    assert vectors.content.shape == (tokens,)
    content = analysis.attributions[0].content
    assert content is not None and content.text == "the Corvale bridge would reopen in May"
    assert max(vectors.content[:3]) < 0.5 < min(vectors.content[4:10])


def test_loaded_language_reads_as_subjective_and_persuasive(model: SignalModel) -> None:
    neutral, loaded = model.predict([NEUTRAL, LOADED])
    assert loaded.subjectivity > 0.5 > neutral.subjectivity
    assert loaded.uses_technique > 0.5 > neutral.uses_technique
    assert loaded.spans, "an insult-laden sentence should carry at least one technique span"
    assert not neutral.spans


def test_a_statistic_is_more_checkworthy_than_a_greeting(model: SignalModel) -> None:
    statistic, greeting = model.predict([STATISTIC, GREETING])
    assert statistic.checkworthiness > 0.5 > greeting.checkworthiness


def test_a_config_of_another_format_is_refused(tmp_path: Path) -> None:
    for name in ("signals.onnx", "tokenizer.json"):
        shutil.copyfile(default_model_dir() / name, tmp_path / name)
    (tmp_path / CONFIG_FILE).write_text(json.dumps({"format": "something-else/9"}))
    with pytest.raises(ModelError, match="retrain"):
        SignalModel(tmp_path)


def test_a_missing_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="train signals"):
        load_signal_model(tmp_path)


def test_analysis_carries_the_signals(analyzer: Any) -> None:
    text = f"{NEUTRAL} {LOADED} {STATISTIC}"
    analysis = analyzer.analyze(text)
    assert set(analysis.provenance.signals.values()) == {"available"}
    assert "signals" in analysis.provenance.timings_ms
    for sentence in analysis.sentences:
        assert sentence.checkworthiness is not None
        assert sentence.subjectivity is not None
        assert sentence.uses_technique is not None
    for claim in analysis.claims:
        assert claim.checkworthiness == analysis.sentences[claim.sentence].checkworthiness
    for technique in analysis.techniques:
        assert technique.span.text == text[technique.span.start : technique.span.end]
        sentence = analysis.sentences[technique.sentence]
        assert sentence.start <= technique.span.start < technique.span.end <= sentence.end
        assert technique.technique in sentence.techniques
    loaded = next(s for s in analysis.sentences if "cowards" in s.text)
    assert loaded.techniques, "the loaded sentence's technique names reach the sentence"
    assert analysis.summary.technique_counts
    assert analysis.summary.subjective_share is not None


def test_signals_can_be_turned_off() -> None:
    analysis = Analyzer(AnalyzeOptions(signals=False)).analyze(LOADED)
    assert all(s.checkworthiness is None and s.subjectivity is None for s in analysis.sentences)
    assert analysis.techniques == []
    assert all("turned off" in status for status in analysis.provenance.signals.values())
    assert analysis.summary.subjective_share is None


def test_a_missing_model_marks_the_signals_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimscope.analyzer as analyzer_module

    monkeypatch.setattr(analyzer_module, "signal_model_available", lambda: False)
    analysis = Analyzer().analyze(LOADED)
    assert all(status.startswith("unavailable") for status in analysis.provenance.signals.values())
    assert all(s.uses_technique is None for s in analysis.sentences)


def test_eval_commands_print_the_headline_metrics(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimscope.cli import app

    cw = tmp_path / "cw.tsv"
    cw.write_text(
        "Sentence_id\tText\tclass_label\n"
        f"1\t{STATISTIC}\tYes\n2\t{GREETING}\tNo\n3\t{NEUTRAL}\tNo\n",
        encoding="utf-8",
    )
    subj = tmp_path / "subj.tsv"
    subj.write_text(
        f"sentence_id\tsentence\tlabel\na\t{LOADED}\tSUBJ\nb\t{NEUTRAL}\tOBJ\n", encoding="utf-8"
    )
    runner = CliRunner()
    for task, path, key in (
        ("checkworthiness", cw, "f1_positive"),
        ("subjectivity", subj, "macro_f1"),
    ):
        result = runner.invoke(app, ["eval", task, "--data", str(path)])
        assert result.exit_code == 0, result.output
        report = json.loads(result.output)
        assert 0.0 <= report[key] <= 1.0 and report["sentences"] in (2, 3)
    missing = runner.invoke(app, ["eval", "subjectivity", "--data", str(tmp_path / "no.tsv")])
    assert missing.exit_code == 15 and "Traceback" not in missing.output
