"""Baselines for the sentence signals: TF-IDF + logistic regression, honestly thresholded.

What a learned check-worthiness or subjectivity model must beat. Each baseline is trained on the
training file, its decision threshold is chosen on a *selection* split (never on the file it is
reported on), and it is scored on the evaluation file with the same code as
``claimscope eval`` (``evaluate_checkworthiness`` / ``evaluate_subjectivity``):

* check-worthiness: trained on ClaimBuster ``crowdsourced.csv`` (Verdict 1 positive), threshold
  chosen on ClaimBuster ``groundtruth.csv`` for positive-class F1, reported on CheckThat! 2024
  ``dev-test.tsv``;
* subjectivity: trained on ``train_en.tsv``, threshold chosen on 5-fold cross-validated
  predictions over ``train_en.tsv`` for macro-F1, reported on ``dev_en.tsv``.

Both are also reported at the fixed threshold 0.5. Needs scikit-learn (the ``train`` extra).

Usage:
    .venv/bin/python benchmarks/signal_baselines.py --data ../shared/data

Prints one JSON object: per task, ``selection`` (the split and threshold chosen there, with its
score on that split) and ``evaluation`` (the evaluation file's metrics at the chosen threshold
and at 0.5), kept apart.
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
from claimscope.evaluate.subjectivity import evaluate_subjectivity, read_subjectivity

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
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
