"""Baselines for the sentence signals: TF-IDF + logistic regression, honestly thresholded.

What a learned check-worthiness or subjectivity model must beat. Each baseline is trained on the
training file, its decision threshold is chosen on a *selection* split (never on the file it is
reported on), and it is scored on the evaluation file with the same code as
``claimscope eval`` (``evaluate_checkworthiness`` / ``evaluate_subjectivity``):

* check-worthiness: trained on ClaimBuster ``crowdsourced.csv`` (Verdict 1 positive), threshold
  chosen on ClaimBuster ``groundtruth.csv`` for positive-class F1, reported on CheckThat! 2024
  ``dev-test.tsv``;
* subjectivity: trained on ``train_en.tsv``, threshold chosen on 5-fold cross-validated
  predictions over ``train_en.tsv`` for macro-F1, reported on ``dev_en.tsv``;
* persuasion techniques ("does this line use a technique"): the SemEval-2020 Task 11 articles
  split by ``split_articles`` (near-copies kept on one side), trained on the non-blank lines of
  the ``train`` side less ``unannotated_copies``, gold line labels derived from the spans. The
  threshold is chosen on the ``selection`` side (less its unannotated copies) and the
  ``evaluation`` side is scored by ``evaluate_techniques`` with ``exclude_ids`` = train +
  selection ids, the articles the shipped model is scored on. Two variants: ``sentence_only``
  predicts no span (its span F1 is 0 by construction), and ``whole_line`` gives every line one
  span covering the whole line, tagged with the technique most frequent in training: the
  trivial anchor a span model must beat.

All are also reported at the fixed threshold 0.5. Needs scikit-learn (the ``train`` extra).

Usage:
    .venv/bin/python benchmarks/signal_baselines.py --data ../shared/data

Prints one JSON object: per task, ``selection`` (the split and threshold chosen there, with its
score on that split) and ``evaluation`` (the evaluation file's metrics at the chosen threshold
and at 0.5), kept apart.

The technique predictors return the model's probability P(line uses a technique) for each
non-blank line (0.0 for blank ones) and, in ``whole_line``, that same probability as the score
of the line's span; the threshold chosen on the selection side is passed to
``evaluate_techniques`` explicitly, which keeps a line and its span when the probability
reaches it. The probabilities are logistic regression's own, not recalibrated.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import (  # type: ignore[import-untyped]
    StratifiedKFold,
    cross_val_predict,
)
from sklearn.pipeline import Pipeline, make_pipeline  # type: ignore[import-untyped]

from claimscope.evaluate.binary import (
    LabelledSentence,
    Metric,
    Scorer,
    best_threshold,
    f1_positive,
    labels_at,
    macro_f1,
)
from claimscope.evaluate.checkworthiness import evaluate_checkworthiness, read_checkworthiness
from claimscope.evaluate.propaganda import (
    PropagandaArticle,
    line_labels,
    read_propaganda,
    split_articles,
    technique_counts,
    unannotated_copies,
)
from claimscope.evaluate.subjectivity import evaluate_subjectivity, read_subjectivity
from claimscope.evaluate.techniques import (
    LinePrediction,
    LinePredictions,
    Predictor,
    TechniqueScorer,
    evaluate_techniques,
    to_article_spans,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
SEED = 0
FOLDS = 5


def make_model() -> Pipeline:
    """TF-IDF over word 1-2-grams with sublinear tf, then logistic regression."""
    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        LogisticRegression(max_iter=2000, random_state=SEED),
    )


def positive_column(model: Pipeline) -> int:
    """The predict_proba column of label 1."""
    return list(model.classes_).index(1)


def scorer_of(model: Pipeline) -> Scorer:
    """The fitted model as an evaluation scorer: P(label 1) per sentence text."""
    column = positive_column(model)

    def score(texts: Sequence[str]) -> list[float]:
        return [float(p) for p in model.predict_proba(list(texts))[:, column]]

    return score


def fit(sentences: Sequence[LabelledSentence]) -> tuple[Pipeline, float]:
    """The model fitted on ``sentences``, and the seconds it took."""
    started = time.perf_counter()
    model = make_model().fit([s.text for s in sentences], [s.label for s in sentences])
    return model, time.perf_counter() - started


def selection(
    split: str, scores: Sequence[float], labels: Sequence[int], metric: Metric
) -> tuple[dict[str, Any], float]:
    """Choose the threshold on a selection split; what was chosen and what it scored there."""
    threshold = best_threshold(scores, labels, metric)
    return {
        "split": split,
        "sentences": len(labels),
        "metric": metric.__name__,
        "threshold": round(threshold, 6),
        "score_at_threshold": round(metric(labels, labels_at(scores, threshold)), 4),
        "score_at_0.5": round(metric(labels, labels_at(scores, 0.5)), 4),
    }, threshold


def checkworthiness(data: Path) -> dict[str, Any]:
    """Check-worthiness baseline: ClaimBuster train, groundtruth selection, dev-test report."""
    train_path = data / "checkworthiness" / "claimbuster" / "crowdsourced.csv"
    select_path = data / "checkworthiness" / "claimbuster" / "groundtruth.csv"
    test_path = data / "checkworthiness" / "checkthat2024" / "dev-test.tsv"
    train = read_checkworthiness(train_path)
    select = read_checkworthiness(select_path)
    model, seconds = fit(train)
    score = scorer_of(model)
    chosen, threshold = selection(
        str(select_path), score([s.text for s in select]), [s.label for s in select], f1_positive
    )
    train_texts = {s.text for s in train}
    test_texts = {s.text for s in read_checkworthiness(test_path)}
    return {
        "train": {
            "data": str(train_path),
            "sentences": len(train),
            "positives": sum(s.label for s in train),
            "fit_seconds": round(seconds, 2),
        },
        "selection": chosen,
        "evaluation": {
            "at_selected_threshold": evaluate_checkworthiness(
                test_path, score, threshold=threshold
            ),
            "at_0.5": evaluate_checkworthiness(test_path, score, threshold=0.5),
        },
        # Known quirk of the data (see its README): a few test sentences are in the training file.
        "test_sentences_in_train": len(test_texts & train_texts),
        "selection_sentences_in_train": len({s.text for s in select} & train_texts),
    }


def subjectivity(data: Path) -> dict[str, Any]:
    """Subjectivity baseline: train_en, 5-fold cross-validated selection, dev_en report."""
    train_path = data / "subjectivity" / "train_en.tsv"
    test_path = data / "subjectivity" / "dev_en.tsv"
    train = read_subjectivity(train_path)
    texts, labels = [s.text for s in train], [s.label for s in train]
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    probabilities = cross_val_predict(make_model(), texts, labels, cv=folds, method="predict_proba")
    # cross_val_predict orders the columns by sorted class label, so column 1 is label 1.
    cv_scores = [float(p) for p in probabilities[:, 1]]
    chosen, threshold = selection(
        f"{train_path} ({FOLDS}-fold cross-validated predictions)", cv_scores, labels, macro_f1
    )
    model, seconds = fit(train)
    score = scorer_of(model)
    return {
        "train": {
            "data": str(train_path),
            "sentences": len(train),
            "subjective": sum(labels),
            "fit_seconds": round(seconds, 2),
        },
        "selection": chosen,
        "evaluation": {
            "at_selected_threshold": evaluate_subjectivity(test_path, score, threshold=threshold),
            "at_0.5": evaluate_subjectivity(test_path, score, threshold=0.5),
        },
    }


def labelled_lines(articles: Sequence[PropagandaArticle]) -> list[LabelledSentence]:
    """The non-blank lines of ``articles``, labelled 1 when a gold span overlaps the line.

    Blank lines are left out: the evaluation does not score them and no span can fall on them.
    """
    return [
        LabelledSentence(id=f"{article.id}:{number}", text=text, label=int(label))
        for article in articles
        for number, (text, label) in enumerate(
            zip(article.line_texts(), line_labels(article), strict=True), start=1
        )
        if text.strip()
    ]


def line_predictor(score: Scorer, technique: str | None = None) -> Predictor:
    """A predictor for ``evaluate_techniques`` from a line scorer.

    Args:
        score: P(line uses a technique) per line text.
        technique: ``None`` predicts no span; a technique name gives every non-blank line one
            span covering the whole line, scored with the line's probability, so the span is
            kept exactly when the line is predicted positive.

    Blank (empty or whitespace-only) lines get probability 0.0 and no span without being
    scored: the model never saw one, and the evaluation does not score them.
    """

    def predict(lines: list[str]) -> LinePredictions:
        scored = [i for i, line in enumerate(lines) if line.strip()]
        probabilities = [0.0] * len(lines)
        if scored:
            for i, probability in zip(scored, score([lines[i] for i in scored]), strict=True):
                probabilities[i] = float(probability)
        return [
            LinePrediction(
                probability,
                [(0, len(line), technique, probability)]
                if technique is not None and line.strip()
                else [],
            )
            for line, probability in zip(lines, probabilities, strict=True)
        ]

    return predict


def best_span_threshold(
    articles: Sequence[PropagandaArticle], predict: Predictor
) -> tuple[float, float]:
    """The threshold maximising span F1 over ``articles`` (a selection side), and that F1.

    Candidates are the distinct line probabilities; ties go to the lowest, as in
    ``best_threshold``. Each candidate is scored with the evaluation's own code
    (``to_article_spans`` and ``TechniqueScorer``), the predictor run once per article.
    """
    predictions = [(article, predict(article.line_texts())) for article in articles]
    candidates = sorted({float(p) for _, lines in predictions for p, spans in lines if spans})
    if not candidates:
        raise ValueError("the predictor gave no span to choose a span threshold from")
    best, best_f1 = candidates[0], -1.0
    for candidate in candidates:
        scorer = TechniqueScorer()
        for article, lines in predictions:
            _, spans = to_article_spans(article, lines, threshold=candidate)
            scorer.add_article(article.spans, spans)
        f1 = scorer.agnostic.scores()[2]
        if f1 > best_f1:
            best, best_f1 = candidate, f1
    return best, best_f1


def techniques(data: Path) -> dict[str, Any]:
    """Technique baselines: train side, selection-side thresholds, evaluation-side report."""
    folder = data / "propaganda"
    articles = read_propaganda(folder)
    split = split_articles(articles)
    copies = set(unannotated_copies(articles))
    by_id = {article.id: article for article in articles}
    train_articles = [by_id[i] for i in split.train if i not in copies]
    # The selection side's unannotated copies are left out too: their twins are on the same
    # side with the spans, so keeping them would score the same text both ways.
    select_ids = [i for i in split.selection if i not in copies]
    select_articles = [by_id[i] for i in select_ids]
    train = labelled_lines(train_articles)
    counts = technique_counts(train_articles)
    most_frequent = max(counts, key=lambda name: counts[name])
    model, seconds = fit(train)
    score = scorer_of(model)
    sentence_only = line_predictor(score)
    whole_line = line_predictor(score, most_frequent)

    select = labelled_lines(select_articles)
    chosen, threshold = selection(
        f"{folder} split_articles selection side less unannotated copies",
        score([s.text for s in select]),
        [s.label for s in select],
        f1_positive,
    )
    span_threshold, span_f1 = best_span_threshold(select_articles, whole_line)
    # Scoring the selection side through evaluate_techniques (everything else excluded) gives
    # its numbers from exactly the code that scores the evaluation side.
    not_selection = [article.id for article in articles if article.id not in set(select_ids)]
    evaluated = [*split.train, *split.selection]

    def run(ids: Sequence[str], predict: Predictor, at: float, spans: bool) -> dict[str, Any]:
        result = evaluate_techniques(folder, predict, exclude_ids=ids, threshold=at)
        if not spans:
            result.pop("per_technique")  # all zero: the variant predicts no span
        return result

    return {
        "train": {
            "data": str(folder),
            "split": "split_articles defaults (eval_fraction 0.2, selection_fraction 0.1)",
            "articles": len(train_articles),
            "unannotated_copies_left_out": len(set(split.train) & copies),
            "lines": len(train),
            "positive_lines": sum(s.label for s in train),
            "most_frequent_technique": most_frequent,
            "most_frequent_technique_spans": counts[most_frequent],
            "fit_seconds": round(seconds, 2),
        },
        "selection": {
            **chosen,
            "articles": len(select_articles),
            "unannotated_copies_left_out": len(set(split.selection) & copies),
            "whole_line_span_threshold": round(span_threshold, 6),
            "whole_line_span_f1_at_span_threshold": round(span_f1, 4),
            "sentence_only_at_threshold": run(not_selection, sentence_only, threshold, False),
            "whole_line_at_span_threshold": run(not_selection, whole_line, span_threshold, True),
        },
        "evaluation": {
            "articles_scored": len(split.evaluation),
            "unannotated_copies_in_evaluation": len(set(split.evaluation) & copies),
            "sentence_only": {
                "at_selected_threshold": run(evaluated, sentence_only, threshold, False),
                "at_0.5": run(evaluated, sentence_only, 0.5, False),
            },
            "whole_line": {
                "at_selected_span_threshold": run(evaluated, whole_line, span_threshold, True),
                "at_selected_sentence_threshold": run(evaluated, whole_line, threshold, True),
                "at_0.5": run(evaluated, whole_line, 0.5, True),
            },
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="the shared data root (default ../shared/data)",
    )
    args = parser.parse_args()
    result = {
        "model": "TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True) + "
        f"LogisticRegression(max_iter=2000, random_state={SEED})",
        "seed": SEED,
        "checkworthiness": checkworthiness(args.data),
        "subjectivity": subjectivity(args.data),
        "techniques": techniques(args.data),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
