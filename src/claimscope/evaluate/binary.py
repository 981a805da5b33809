"""Sentence-level binary tasks (check-worthiness, subjectivity): data, metrics, scoring.

Labels are ``1`` for the positive class (check-worthy, subjective) and ``0`` for the other.
The metrics are written out in plain Python, so that evaluation needs neither scikit-learn nor
numpy; each follows the usual definition, with ``0.0`` wherever a denominator is zero (as
scikit-learn's ``zero_division=0``). Macro-F1 is the mean of the two classes' F1, always over
both classes.

Example:
    >>> gold = [1, 1, 0, 0]
    >>> predicted = labels_at([0.9, 0.2, 0.7, 0.1], threshold=0.5)
    >>> predicted
    [1, 0, 1, 0]
    >>> f1_positive(gold, predicted), macro_f1(gold, predicted)
    (0.5, 0.5)
"""

from __future__ import annotations

import csv
import math
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimscope.errors import InputError, ModelError, SourceNotFoundError

#: A scorer: one probability of the positive class per sentence text, in order.
Scorer = Callable[[Sequence[str]], Sequence[float]]
#: A metric over (gold labels, predicted labels).
Metric = Callable[[Sequence[int], Sequence[int]], float]


@dataclass(frozen=True)
class LabelledSentence:
    """One sentence of an evaluation file and its gold label (1 = positive class)."""

    id: str
    text: str
    label: int


@dataclass(frozen=True)
class Confusion:
    """Counts of a binary prediction against gold labels."""

    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int

    @classmethod
    def of(cls, gold: Sequence[int], predicted: Sequence[int]) -> Confusion:
        """Count ``predicted`` against ``gold`` (equal lengths, labels 0 or 1).

        Raises:
            ValueError: the lengths differ, or a label is not 0 or 1.
        """
        if len(gold) != len(predicted):
            raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted labels")
        counts = [0, 0, 0, 0]  # indexed by 2 * gold + predicted: tn, fp, fn, tp
        for g, p in zip(gold, predicted, strict=True):
            if g not in (0, 1) or p not in (0, 1):
                raise ValueError(f"labels must be 0 or 1, got gold {g!r} and predicted {p!r}")
            counts[2 * g + p] += 1
        tn, fp, fn, tp = counts
        return cls(true_positive=tp, false_positive=fp, false_negative=fn, true_negative=tn)


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, 0.0 when the denominator is zero (sklearn's zero_division=0)."""
    return numerator / denominator if denominator else 0.0


def harmonic_f1(precision: float, recall: float) -> float:
    """F1 from precision and recall; 0.0 when both are zero."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def precision_positive(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """Share of the sentences predicted positive that are positive.

    Example:
        >>> precision_positive([1, 0, 0], [1, 1, 0])
        0.5
    """
    c = Confusion.of(gold, predicted)
    return ratio(c.true_positive, c.true_positive + c.false_positive)


def recall_positive(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """Share of the positive sentences predicted positive.

    Example:
        >>> recall_positive([1, 1, 0], [1, 0, 0])
        0.5
    """
    c = Confusion.of(gold, predicted)
    return ratio(c.true_positive, c.true_positive + c.false_negative)


def f1_positive(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """F1 of the positive class (the CheckThat! check-worthiness metric)."""
    return harmonic_f1(precision_positive(gold, predicted), recall_positive(gold, predicted))


def f1_negative(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """F1 of the negative class: the positive-class F1 with both label sets flipped."""
    return f1_positive([1 - g for g in gold], [1 - p for p in predicted])


def macro_f1(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """Mean of both classes' F1 (the CheckThat! subjectivity metric)."""
    return (f1_positive(gold, predicted) + f1_negative(gold, predicted)) / 2


def accuracy(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """Share of the sentences whose predicted label is the gold one.

    Example:
        >>> accuracy([1, 0, 0, 1], [1, 1, 0, 0])
        0.5
    """
    c = Confusion.of(gold, predicted)
    return ratio(c.true_positive + c.true_negative, len(gold))


def labels_at(scores: Sequence[float], threshold: float) -> list[int]:
    """Label 1 where the score reaches the threshold (``score >= threshold``), else 0."""
    return [1 if score >= threshold else 0 for score in scores]


def best_threshold(scores: Sequence[float], labels: Sequence[int], metric: Metric) -> float:
    """The distinct score value that, used as threshold, maximises ``metric``.

    Meant for selection splits only: a threshold picked on the evaluation file would inflate
    the reported number. Ties go to the lowest threshold. Each candidate scores the whole
    split, so the cost is (distinct scores) x (sentences): fine for a few thousand sentences.

    Example:
        >>> best_threshold([0.9, 0.4, 0.3, 0.1], [1, 1, 0, 0], f1_positive)
        0.4

    Raises:
        ValueError: no scores, or scores and labels of different lengths.
    """
    if not scores:
        raise ValueError("no scores to choose a threshold from")
    if len(scores) != len(labels):
        raise ValueError(f"{len(scores)} scores but {len(labels)} labels")
    best, best_value = math.nan, -math.inf
    for candidate in sorted(set(scores)):
        value = metric(labels, labels_at(scores, candidate))
        if value > best_value:
            best, best_value = candidate, value
    return best


# --- reading and scoring, shared by the two tasks ---------------------------------------------


def read_table(
    path: Path, *, delimiter: str, required: Sequence[str]
) -> Iterator[tuple[int, Mapping[str, str]]]:
    """Rows of a CSV/TSV file with a header, as (line number, row), checked for ``required``.

    Quoted fields follow the CSV convention (``""`` inside quotes), as the data sets write them.
    Columns beyond ``required`` may be missing or extra on a row; required ones may not.

    Raises:
        SourceNotFoundError: the path is missing, a folder, or unreadable.
        InputError: the file is not UTF-8, lacks a required column, or has a broken row.
    """
    if path.is_dir():
        raise SourceNotFoundError(f"{path} is a folder: give the data file itself")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter)
            header = next(reader, None)
            if header is None:
                raise InputError(f"{path} is empty: expected a header line")
            header = [name.strip() for name in header]
            missing = [name for name in required if name not in header]
            if missing:
                raise InputError(
                    f"{path}: the header lacks column(s) {', '.join(missing)} "
                    f"(has {', '.join(header)})"
                )
            needed = max(header.index(name) for name in required) + 1
            for fields in reader:
                if not fields:  # a blank line
                    continue
                if len(fields) < needed or len(fields) > len(header):
                    raise InputError(
                        f"{path}, line {reader.line_num}: {len(fields)} field(s) where the "
                        f"header has {len(header)}"
                    )
                yield reader.line_num, dict(zip(header, fields, strict=False))
    except OSError as err:
        raise SourceNotFoundError(f"cannot read {path}: {err}") from err
    except UnicodeDecodeError as err:
        raise InputError(f"{path} is not UTF-8 text: {err}") from err
    except csv.Error as err:
        raise InputError(f"{path}: broken CSV/TSV quoting: {err}") from err


def non_empty(path: Path, line: int, value: str, column: str) -> str:
    """``value`` stripped, or an InputError naming the file and line when it is empty."""
    value = value.strip()
    if not value:
        raise InputError(f"{path}, line {line}: empty {column}")
    return value


@dataclass(frozen=True)
class Scored:
    """Gold labels, predicted labels, and the scorer's own time in seconds."""

    gold: list[int]
    predicted: list[int]
    seconds: float


def score_sentences(
    sentences: Sequence[LabelledSentence], score: Scorer, *, threshold: float, path: Path
) -> Scored:
    """Run the scorer once over all sentence texts, and label at ``threshold``.

    Raises:
        InputError: there is no sentence to score.
        ModelError: the scorer returned the wrong number of scores, or a score that is not
            a finite number.
    """
    if not sentences:
        raise InputError(f"{path} holds no sentence to score")
    started = time.perf_counter()
    scores = [float(value) for value in score([s.text for s in sentences])]
    seconds = time.perf_counter() - started
    if len(scores) != len(sentences):
        raise ModelError(f"the scorer returned {len(scores)} scores for {len(sentences)} sentences")
    if not all(math.isfinite(value) for value in scores):
        raise ModelError("the scorer returned a score that is not a finite number")
    return Scored(
        gold=[s.label for s in sentences],
        predicted=labels_at(scores, threshold),
        seconds=seconds,
    )


def per_second(count: int, seconds: float) -> float | None:
    """``count / seconds`` rounded to 2 places; None when no time was measured."""
    return round(count / seconds, 2) if seconds > 0 else None
