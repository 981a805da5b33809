"""Score time expressions the TempEval-3 way, and run ``claimscope eval time``.

The measures (defined in ``docs/eval-time.md``) follow the official TempEval-3 toolkit
(``evaluate_entities.py`` of the TempEval-3 evaluation tools):

* relaxed match: a predicted and a gold timex overlap by at least one character; gold and
  predicted timexes are paired one to one (a maximum matching, exact extents paired first);
* strict match: a relaxed pair whose extents are identical;
* precision = matches / predicted, recall = matches / gold, F1 their harmonic mean, all
  micro-averaged over the documents;
* type and value accuracy: the share of relaxed pairs whose ``type`` (``value``) is the
  gold one, compared as strings; the attribute F1 that TempEval-3 ranks by is that accuracy
  times the relaxed F1 (``value_f1 = value_accuracy * relaxed_f1``);
* the document creation time is not scored.

Example:
    >>> scorer = TempEvalScorer()
    >>> gold = [GoldTimex(0, 6, "DATE", "2031-05-02"), GoldTimex(20, 27, "DURATION", "P3D")]
    >>> predicted = [GoldTimex(0, 6, "DATE", "2031-05-02"), GoldTimex(22, 27, "DATE", "P3D")]
    >>> scorer.add_document(gold, predicted)
    >>> m = scorer.metrics()
    >>> m["strict_f1"], m["relaxed_f1"], m["type_accuracy"], m["value_f1"]
    (0.5, 1.0, 0.5, 1.0)
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimscope.errors import InputError, InvalidOptionError
from claimscope.evaluate.binary import harmonic_f1, ratio
from claimscope.evaluate.timeml import TIMEX_TYPES, GoldTimex, read_timeml

if TYPE_CHECKING:
    from claimscope.analyzer import Analyzer


def _overlap(a: GoldTimex, b: GoldTimex) -> bool:
    return a.start < b.end and b.start < a.end


def match_timexes(
    gold: Sequence[GoldTimex], predicted: Sequence[GoldTimex]
) -> list[tuple[int, int]]:
    """A maximum one-to-one pairing of overlapping timexes, as (gold, predicted) positions.

    Exact extents are paired first, so that a strict match is always one of the relaxed
    pairs (the toolkit's strict match is a relaxed pair with the same text); the rest are
    paired by augmenting paths (Kuhn's algorithm), so one long prediction cannot claim two
    gold timexes.

    Example:
        >>> g = [GoldTimex(0, 5, "DATE", "x"), GoldTimex(6, 9, "DATE", "y")]
        >>> match_timexes(g, [GoldTimex(0, 9, "DATE", "x")])
        [(0, 0)]
    """
    gold_of: dict[int, int] = {}  # predicted position -> gold position
    taken: dict[int, int] = {}  # gold position -> predicted position
    exact: dict[tuple[int, int], list[int]] = {}
    for position, timex in enumerate(gold):
        exact.setdefault((timex.start, timex.end), []).append(position)
    for position, timex in enumerate(predicted):
        free = exact.get((timex.start, timex.end))
        if free:
            target = free.pop(0)
            gold_of[position], taken[target] = target, position
    candidates = {
        p: [g for g, gold_timex in enumerate(gold) if g not in taken and _overlap(gold_timex, t)]
        for p, t in enumerate(predicted)
        if p not in gold_of
    }
    pairs: dict[int, int] = {}  # gold -> predicted, among the non-exact ones

    def augment(item: int, seen: set[int]) -> bool:
        # Recursion depth is bounded by the timexes of one document (tens, not thousands).
        for target in candidates[item]:
            if target in seen:
                continue
            seen.add(target)
            if target not in pairs or augment(pairs[target], seen):
                pairs[target] = item
                return True
        return False

    for item in candidates:
        augment(item, set())
    matched = [(g, p) for p, g in gold_of.items()] + list(pairs.items())
    return sorted(matched)


@dataclass
class TempEvalScorer:
    """Accumulates TempEval-3 counts document by document; ``metrics()`` gives the scores."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_match: int = 0
    value_match: int = 0
    #: Per gold type: gold count, relaxed matches, right values.
    by_type: dict[str, Counter[str]] = field(
        default_factory=lambda: {kind: Counter() for kind in TIMEX_TYPES}
    )

    def add_document(self, gold: Sequence[GoldTimex], predicted: Sequence[GoldTimex]) -> None:
        """Score one document's predicted timexes against its gold ones."""
        self.gold += len(gold)
        self.predicted += len(predicted)
        for timex in gold:
            self.by_type.setdefault(timex.type, Counter())["gold"] += 1
        for g, p in match_timexes(gold, predicted):
            gold_timex, predicted_timex = gold[g], predicted[p]
            counts = self.by_type[gold_timex.type]
            self.relaxed += 1
            counts["relaxed"] += 1
            if (gold_timex.start, gold_timex.end) == (predicted_timex.start, predicted_timex.end):
                self.strict += 1
                counts["strict"] += 1
            if gold_timex.type == predicted_timex.type:
                self.type_match += 1
            if gold_timex.value == predicted_timex.value:
                self.value_match += 1
                counts["value"] += 1

    def metrics(self) -> dict[str, Any]:
        """The TempEval-3 measures, rounded to four places, and the counts behind them."""
        result: dict[str, Any] = {}
        for mode, matched in (("strict", self.strict), ("relaxed", self.relaxed)):
            precision = ratio(matched, self.predicted)
            recall = ratio(matched, self.gold)
            result[f"{mode}_f1"] = round(harmonic_f1(precision, recall), 4)
            result[f"{mode}_precision"] = round(precision, 4)
            result[f"{mode}_recall"] = round(recall, 4)
        relaxed_precision = ratio(self.relaxed, self.predicted)
        relaxed_f1 = harmonic_f1(relaxed_precision, ratio(self.relaxed, self.gold))
        type_accuracy = ratio(self.type_match, self.relaxed)
        value_accuracy = ratio(self.value_match, self.relaxed)
        result["type_accuracy"] = round(type_accuracy, 4)
        result["value_accuracy"] = round(value_accuracy, 4)
        result["type_f1"] = round(type_accuracy * relaxed_f1, 4)
        result["value_f1"] = round(value_accuracy * relaxed_f1, 4)
        result["timexes_gold"] = self.gold
        result["timexes_predicted"] = self.predicted
        result["errors"] = {
            "missed": self.gold - self.relaxed,
            "spurious": self.predicted - self.relaxed,
            "extent": self.relaxed - self.strict,
            "wrong_type": self.relaxed - self.type_match,
            "wrong_value": self.relaxed - self.value_match,
        }
        result["by_gold_type"] = {
            kind: {
                "gold": counts["gold"],
                "relaxed_recall": round(ratio(counts["relaxed"], counts["gold"]), 4),
                "strict_recall": round(ratio(counts["strict"], counts["gold"]), 4),
                "value_accuracy": round(ratio(counts["value"], counts["relaxed"]), 4),
            }
            for kind, counts in self.by_type.items()
        }
        return result


def evaluate_time(
    data: Path,
    *,
    system: str = "claimscope",
    limit: int | None = None,
    analyzer: Analyzer | None = None,
) -> dict[str, Any]:
    """Run a system over the TimeML documents under ``data`` and score it; JSON-ready metrics.

    Args:
        data: a folder of ``.tml`` files, read at any depth (``tempeval3/`` holds both
            ``TimeBank/`` and ``AQUAINT/``).
        system: ``claimscope`` or the ``dateparser`` baseline.
        limit: score only the first N documents in sorted order of their path.
        analyzer: the analyzer for the claimscope system (by default one without the
            learned signals, which play no part in time expressions).

    Raises:
        InvalidOptionError: the system is unknown.
        SourceNotFoundError: ``data`` holds no ``.tml`` file.
        InputError: a document is malformed.
        ModelError: the system's model is not installed.
    """
    from claimscope.evaluate.time_systems import TIME_SYSTEMS, run_claimscope_times

    if system not in TIME_SYSTEMS:
        names = ", ".join(TIME_SYSTEMS)
        raise InvalidOptionError(f"unknown system '{system}': use one of {names}")
    documents = list(read_timeml(data, limit=limit))
    if not documents:  # pragma: no cover - read_timeml refuses an empty folder already
        raise InputError(f"{data} holds no TimeML document")
    if system == "claimscope":
        run = run_claimscope_times(documents, analyzer=analyzer)
    else:
        run = TIME_SYSTEMS[system](documents)
    started = time.perf_counter()
    scorer = TempEvalScorer()
    for document, predicted in zip(documents, run.predictions, strict=True):
        scorer.add_document(document.timexes, predicted)
    scoring = time.perf_counter() - started
    metrics = scorer.metrics()
    return {
        "task": "time",
        "system": system,
        "data": str(data),
        "documents": len(documents),
        "documents_per_s": round(len(documents) / run.seconds, 2) if run.seconds else None,
        **metrics,
        "documents_failed": run.failed,
        "seconds": {
            "load": round(run.load_seconds, 3),
            "system": round(run.seconds, 3),
            "scoring": round(scoring, 3),
        },
        "notes": [
            "TempEval-3 measures: relaxed = any overlap, strict = same extent, one-to-one; "
            "type/value accuracy over relaxed matches; type_f1/value_f1 = accuracy x relaxed_f1; "
            "the creation time is not scored; definitions in docs/eval-time.md",
            "each document is read with its creation time (DCT) as the publication date",
            "documents_per_s counts the system's own time, not model loading or scoring",
            *run.notes,
        ],
    }
