"""Score persuasion-technique predictions the way SemEval-2020 Task 11 and NLP4IF-2019 do.

Span identification (technique-agnostic), as in the task's official SI scorer:

* every span is the set of characters ``[start, end)`` it covers; within one article, spans of
  the same side that share at least one character are merged into one (spans that only touch
  stay apart). The official scorer always merges the gold spans and merges a submission's
  spans when asked to (its ``-m`` option); here both sides are always merged;
* with ``S`` the merged predicted spans and ``T`` the merged gold spans of the whole corpus,
  precision is ``P = (1/|S|) * sum over s in S, t in T of |s & t| / |s|`` and recall is
  ``R = (1/|T|) * sum over the same pairs of |s & t| / |t|`` (pairs are only formed within an
  article; ``|S|`` and ``|T|`` count spans over all articles), and F1 is their harmonic mean;
* no predicted span makes ``P = 0``, no gold span makes ``R = 0``, and F1 is 0 unless both are
  positive, except that F1 is 1 when there is neither a prediction nor a gold span (the
  official ``compute_prec_rec_f1``).

Span and technique: the same sums, but a pair counts only when both spans name the same
technique, and spans are merged only with overlapping spans of the *same* technique (the
2019 fine-grained scorer's ``check_annotation_spans_with_category_matching``), so a stretch of
text tagged with two techniques is two spans. Per technique, the sums are restricted to spans
of that technique.

Sentence level ("does this line use a technique"), NLP4IF-2019 style but with the gold label
*derived from the spans*: a line is positive when a gold span overlaps it. Lines that are empty
or only whitespace are not scored (no span can fall on them). A line is predicted positive when
its probability is at least the threshold; precision, recall and F1 are those of the positive
class, with the same zero conventions as above.

Example:
    >>> scorer = TechniqueScorer()
    >>> scorer.add_article(gold=[(0, 10, "Doubt")], predicted=[(5, 15, "Doubt")])
    >>> scorer.metrics()["span_f1"]  # P = 5/10, R = 5/10
    0.5
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from claimscope.errors import ClaimscopeError, InputError
from claimscope.evaluate.propaganda import (
    TECHNIQUES,
    PropagandaArticle,
    article_ids,
    line_labels,
    read_propaganda,
)

#: A span of one article: ``(start, end, technique)``, end exclusive.
TechniqueSpan = tuple[int, int, str]


class LinePrediction(NamedTuple):
    """What a predictor says about one line.

    Attributes:
        probability: how likely the line uses any technique.
        spans: ``(start, end, technique, score)`` with offsets relative to the line.
    """

    probability: float
    spans: Sequence[tuple[int, int, str, float]]


#: A predictor's answer for one article: one entry per line, in order (a ``LinePrediction``
#: or any ``(probability, spans)`` tuple).
LinePredictions = Sequence[tuple[float, Sequence[tuple[int, int, str, float]]]]
#: Given the lines of one article, the predictions for each of them.
Predictor = Callable[[list[str]], LinePredictions]


def merge_overlapping(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge those sharing at least one character (touching ones stay apart).

    Example:
        >>> merge_overlapping([(8, 12), (0, 4), (3, 6), (6, 8)])
        [(0, 6), (6, 8), (8, 12)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _overlap_sums(
    predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]
) -> tuple[float, float]:
    """``sum |s & t| / |s|`` and ``sum |s & t| / |t|`` over all pairs of the two lists."""
    by_predicted = by_gold = 0.0
    for p_start, p_end in predicted:
        for g_start, g_end in gold:
            shared = min(p_end, g_end) - max(p_start, g_start)
            if shared > 0:
                by_predicted += shared / (p_end - p_start)
                by_gold += shared / (g_end - g_start)
    return by_predicted, by_gold


def prf(
    precision_sum: float, predicted: int, recall_sum: float, gold: int
) -> tuple[float, float, float]:
    """Precision, recall and F1 with the official scorer's conventions for empty sides.

    Example:
        >>> prf(0.0, 0, 0.0, 3), prf(0.0, 0, 0.0, 0)
        ((0.0, 0.0, 0.0), (0.0, 0.0, 1.0))
    """
    precision = precision_sum / predicted if predicted else 0.0
    recall = recall_sum / gold if gold else 0.0
    if not predicted and not gold:
        return precision, recall, 1.0
    if precision > 0 and recall > 0:
        return precision, recall, 2 * precision * recall / (precision + recall)
    return precision, recall, 0.0


@dataclass(slots=True)
class SpanTally:
    """The two overlap sums and the span counts behind one precision/recall pair."""

    precision_sum: float = 0.0
    recall_sum: float = 0.0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> None:
        """Add one article's merged spans."""
        by_predicted, by_gold = _overlap_sums(predicted, gold)
        self.precision_sum += by_predicted
        self.recall_sum += by_gold
        self.predicted += len(predicted)
        self.gold += len(gold)

    def scores(self) -> tuple[float, float, float]:
        """(precision, recall, F1)."""
        return prf(self.precision_sum, self.predicted, self.recall_sum, self.gold)


@dataclass(slots=True)
class LineTally:
    """Counts of the positive class over lines."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    lines: int = 0

    def scores(self) -> tuple[float, float, float]:
        """(precision, recall, F1) of "uses a technique"."""
        predicted = self.true_positive + self.false_positive
        gold = self.true_positive + self.false_negative
        return prf(self.true_positive, predicted, self.true_positive, gold)


@dataclass
class TechniqueScorer:
    """Accumulates articles; ``metrics()`` gives the corpus-level scores."""

    agnostic: SpanTally = field(default_factory=SpanTally)
    by_technique: dict[str, SpanTally] = field(
        default_factory=lambda: {name: SpanTally() for name in TECHNIQUES}
    )
    sentences: LineTally = field(default_factory=LineTally)

    def add_article(
        self, gold: Sequence[TechniqueSpan], predicted: Sequence[TechniqueSpan]
    ) -> None:
        """Score one article's predicted spans (article offsets) against its gold spans."""
        self.agnostic.add(
            merge_overlapping((s, e) for s, e, _ in predicted),
            merge_overlapping((s, e) for s, e, _ in gold),
        )
        for name, tally in self.by_technique.items():
            tally.add(
                merge_overlapping((s, e) for s, e, t in predicted if t == name),
                merge_overlapping((s, e) for s, e, t in gold if t == name),
            )

    def add_lines(self, gold: Sequence[bool], predicted: Sequence[bool]) -> None:
        """Score lines: gold and predicted "uses a technique", one pair per scored line."""
        for is_gold, is_predicted in zip(gold, predicted, strict=True):
            self.sentences.lines += 1
            if is_predicted and is_gold:
                self.sentences.true_positive += 1
            elif is_predicted:
                self.sentences.false_positive += 1
            elif is_gold:
                self.sentences.false_negative += 1

    def technique_tally(self) -> SpanTally:
        """The span+technique tally: every technique's spans pooled (micro average)."""
        pooled = SpanTally()
        for tally in self.by_technique.values():
            pooled.precision_sum += tally.precision_sum
            pooled.recall_sum += tally.recall_sum
            pooled.predicted += tally.predicted
            pooled.gold += tally.gold
        return pooled

    def metrics(self) -> dict[str, object]:
        """Headline scores, their precision and recall, and per-technique scores."""
        technique_tally = self.technique_tally()
        result: dict[str, object] = {}
        for prefix, scores in (
            ("sentence", self.sentences.scores()),
            ("span", self.agnostic.scores()),
            ("span_technique", technique_tally.scores()),
        ):
            result[f"{prefix}_f1"] = round(scores[2], 4)
            result[f"{prefix}_precision"] = round(scores[0], 4)
            result[f"{prefix}_recall"] = round(scores[1], 4)
        per_technique: dict[str, dict[str, float | int]] = {}
        for name, tally in self.by_technique.items():
            precision, recall, f1 = tally.scores()
            per_technique[name] = {
                "f1": round(f1, 4),
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "gold": tally.gold,
                "predicted": tally.predicted,
            }
        result["per_technique"] = per_technique
        result["counts"] = {
            "gold_spans": self.agnostic.gold,
            "predicted_spans": self.agnostic.predicted,
            "gold_technique_spans": technique_tally.gold,
            "predicted_technique_spans": technique_tally.predicted,
            "gold_lines": self.sentences.true_positive + self.sentences.false_negative,
            "predicted_lines": self.sentences.true_positive + self.sentences.false_positive,
        }
        return result


def to_article_spans(
    article: PropagandaArticle, predictions: LinePredictions, *, threshold: float
) -> tuple[list[bool], list[TechniqueSpan]]:
    """Per-line decisions and the predicted spans in article offsets, kept at ``threshold``.

    Raises:
        ClaimscopeError: the predictor answered for a different number of lines, or gave a span
            outside its line or with a technique name not in ``TECHNIQUES``.
    """
    if len(predictions) != len(article.lines):
        raise ClaimscopeError(
            f"the predictor returned {len(predictions)} line predictions for article "
            f"{article.id}, which has {len(article.lines)} lines: it must answer every line"
        )
    decisions: list[bool] = []
    spans: list[TechniqueSpan] = []
    for number, ((line_start, line_end), (probability, line_spans)) in enumerate(
        zip(article.lines, predictions, strict=True), start=1
    ):
        decisions.append(probability >= threshold)
        for start, end, technique, score in line_spans:
            if not 0 <= start < end <= line_end - line_start:
                raise ClaimscopeError(
                    f"the predictor gave span {start}-{end} on line {number} of article "
                    f"{article.id}, which has {line_end - line_start} characters: spans are "
                    "offsets relative to the line and may not be empty"
                )
            if technique not in TECHNIQUES:
                raise ClaimscopeError(
                    f"the predictor gave unknown technique '{technique}' (article {article.id}, "
                    f"line {number}): use the names in claimscope.evaluate.propaganda.TECHNIQUES"
                )
            if score >= threshold:
                spans.append((line_start + start, line_start + end, technique))
    return decisions, spans


def evaluate_techniques(
    data_dir: Path,
    predict: Predictor,
    *,
    exclude_ids: Collection[str],
    limit: int | None = None,
    threshold: float = 0.5,
) -> dict[str, object]:
    """Run ``predict`` over every article of ``data_dir`` not in ``exclude_ids`` and score it.

    Args:
        data_dir: a propaganda data folder (``articles/`` and ``techniques.tsv``).
        predict: given the lines of one article (all of them, empty ones included, without
            their line breaks), one ``(probability, spans)`` per line, span offsets relative
            to the line.
        exclude_ids: ids the model was trained or tuned on (the list shipped with it).
        limit: score at most this many articles (the first by sorted id).
        threshold: a line or span counts as predicted when its probability or score is at
            least this.

    Returns:
        JSON-ready metrics: ``sentence_f1``, ``span_f1``, ``span_technique_f1`` with their
        precision and recall, ``per_technique``, ``counts``, ``articles`` (scored),
        ``articles_excluded``, ``articles_without_spans``, ``lines`` (scored), ``articles_per_s``
        (the predictor's own time) and ``data``.

    Raises:
        SourceNotFoundError: the folder or one of its files is missing.
        InputError: no article is left to score, or ``techniques.tsv`` is malformed.
        ClaimscopeError: the predictor's output does not fit the article.
    """
    available = article_ids(data_dir)
    excluded = set(exclude_ids)
    to_score = [article_id for article_id in available if article_id not in excluded]
    if limit is not None:
        to_score = to_score[:limit]
    if not to_score:
        raise InputError(
            f"{data_dir} has no article left to score: all {len(available)} are in the "
            "training list (or the folder holds no articles/article<ID>.txt)"
        )
    articles = read_propaganda(data_dir, ids=to_score)
    scorer = TechniqueScorer()
    predict_seconds = 0.0
    for article in articles:
        lines = article.line_texts()
        started = time.perf_counter()
        predictions = predict(lines)
        predict_seconds += time.perf_counter() - started
        decisions, spans = to_article_spans(article, predictions, threshold=threshold)
        scorer.add_article(article.spans, spans)
        scored = [i for i, line in enumerate(lines) if line.strip()]
        gold_lines = line_labels(article)
        scorer.add_lines([gold_lines[i] for i in scored], [decisions[i] for i in scored])
    metrics = scorer.metrics()
    return {
        "task": "techniques",
        "data": str(data_dir),
        "sentence_f1": metrics.pop("sentence_f1"),
        "span_f1": metrics.pop("span_f1"),
        "span_technique_f1": metrics.pop("span_technique_f1"),
        **metrics,
        "articles": len(articles),
        "articles_excluded": sum(article_id in excluded for article_id in available),
        "articles_without_spans": sum(not article.spans for article in articles),
        "lines": scorer.sentences.lines,
        "articles_per_s": (
            round(len(articles) / predict_seconds, 2) if predict_seconds > 0 else None
        ),
        "threshold": threshold,
        "notes": [
            "span scores: SemEval-2020 Task 11 partial-overlap precision/recall, overlapping "
            "spans merged (per technique for span_technique)",
            "sentence scores: gold label derived from the spans (a line is positive when a span "
            "overlaps it); blank lines are not scored",
        ],
    }
