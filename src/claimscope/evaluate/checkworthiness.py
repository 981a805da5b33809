"""Check-worthiness: read ClaimBuster or CheckThat! files and score a scorer with positive F1.

Two formats hold the same task:

* ClaimBuster (``crowdsourced.csv``, ``groundtruth.csv``): comma-separated with columns
  ``Sentence_id, Text, ..., Verdict``; ``Verdict`` is 1 for a check-worthy factual sentence,
  0 for an unimportant factual one and -1 for a non-factual one. Only 1 is positive.
* CLEF CheckThat! 2024 Task 1 (``dev-test.tsv``): tab-separated ``Sentence_id, Text,
  class_label`` with ``Yes``/``No``.

The official metric is the F1 of the positive class.

Example:
    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = Path(tmp.name)
    >>> data = folder / "tiny.tsv"
    >>> _ = data.write_text(
    ...     "Sentence_id\\tText\\tclass_label\\n"
    ...     "1\\tThe Corvale toll rose 40 percent in 2031.\\tYes\\n"
    ...     "2\\tThank you, Mayor Varn.\\tNo\\n"
    ... )
    >>> def score(texts):
    ...     return [0.9 if any(c.isdigit() for c in t) else 0.1 for t in texts]
    >>> evaluate_checkworthiness(data, score)["f1_positive"]
    1.0
    >>> tmp.cleanup()
"""

from __future__ import annotations

from pathlib import Path

from claimscope.errors import InputError
from claimscope.evaluate.binary import (
    LabelledSentence,
    Scorer,
    accuracy,
    f1_positive,
    non_empty,
    per_second,
    precision_positive,
    read_table,
    recall_positive,
    score_sentences,
)

_CLAIMBUSTER_VERDICTS = {"1": 1, "0": 0, "-1": 0}
_CHECKTHAT_LABELS = {"yes": 1, "no": 0}


def _is_tab_separated(path: Path) -> bool:
    """Tab-separated by extension; for any other extension, by a tab in the header line."""
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".csv"):
        return suffix == ".tsv"
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return "\t" in handle.readline()
    except (OSError, UnicodeDecodeError):
        return False  # read_table names the problem properly


def read_checkworthiness(path: Path) -> list[LabelledSentence]:
    """The labelled sentences of a ClaimBuster CSV or a CheckThat! TSV, in file order.

    Raises:
        SourceNotFoundError: the path is missing, a folder, or unreadable.
        InputError: a required column is missing, or a row is broken (named by its line).
    """
    if _is_tab_separated(path):
        label_column, labels = "class_label", _CHECKTHAT_LABELS
        rows = read_table(path, delimiter="\t", required=("Sentence_id", "Text", label_column))
    else:
        label_column, labels = "Verdict", _CLAIMBUSTER_VERDICTS
        rows = read_table(path, delimiter=",", required=("Sentence_id", "Text", label_column))
    sentences = []
    for line, row in rows:
        raw_label = row[label_column].strip()
        label = labels.get(raw_label.lower())
        if label is None:
            expected = " or ".join(labels)
            raise InputError(
                f"{path}, line {line}: {label_column} is {raw_label!r}, expected {expected}"
            )
        sentences.append(
            LabelledSentence(
                id=non_empty(path, line, row["Sentence_id"], "Sentence_id"),
                text=non_empty(path, line, row["Text"], "Text"),
                label=label,
            )
        )
    return sentences


def evaluate_checkworthiness(
    path: Path, score: Scorer, *, threshold: float = 0.5, limit: int | None = None
) -> dict[str, object]:
    """Score ``score`` on a check-worthiness file; the JSON-ready metrics.

    Args:
        path: a ClaimBuster CSV or a CheckThat! TSV.
        score: returns the probability of "check-worthy" for each sentence text.
        threshold: a sentence is predicted check-worthy when its score reaches it.
        limit: score only the first N sentences of the file.

    Raises:
        SourceNotFoundError: the file is missing, a folder, or unreadable.
        InputError: the file is malformed or holds no sentence.
        ModelError: the scorer returned the wrong number of scores, or a non-number.
    """
    sentences = read_checkworthiness(path)[:limit]
    scored = score_sentences(sentences, score, threshold=threshold, path=path)
    gold, predicted = scored.gold, scored.predicted
    return {
        "task": "checkworthiness",
        "data": str(path),
        "f1_positive": round(f1_positive(gold, predicted), 4),
        "precision_positive": round(precision_positive(gold, predicted), 4),
        "recall_positive": round(recall_positive(gold, predicted), 4),
        "accuracy": round(accuracy(gold, predicted), 4),
        "sentences": len(sentences),
        "positives": sum(gold),
        "predicted_positives": sum(predicted),
        "threshold": threshold,
        "sentences_per_s": per_second(len(sentences), scored.seconds),
    }
