"""Subjectivity: read the CheckThat! subjectivity TSV and score a scorer with macro-F1.

The file is tab-separated with a header holding at least ``sentence_id``, ``sentence`` and
``label`` (``SUBJ`` or ``OBJ``); other columns (``solved_conflict``) may follow, and may be
left off on some rows, as in the lab's English files. ``SUBJ`` is the positive class. The
official metric is macro-F1 over OBJ and SUBJ.

Example:
    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = Path(tmp.name)
    >>> data = folder / "tiny.tsv"
    >>> _ = data.write_text(
    ...     "sentence_id\\tsentence\\tlabel\\n"
    ...     "a1\\tThe Corvale council met on Monday.\\tOBJ\\n"
    ...     "a2\\tIt was a shameful, cowardly vote.\\tSUBJ\\n"
    ... )
    >>> def score(texts):
    ...     return [0.8 if "shameful" in t else 0.2 for t in texts]
    >>> evaluate_subjectivity(data, score)["macro_f1"]
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
    f1_negative,
    f1_positive,
    macro_f1,
    non_empty,
    per_second,
    read_table,
    score_sentences,
)

_LABELS = {"SUBJ": 1, "OBJ": 0}


def read_subjectivity(path: Path) -> list[LabelledSentence]:
    """The labelled sentences of a subjectivity TSV, in file order (SUBJ = 1, OBJ = 0).

    Raises:
        SourceNotFoundError: the path is missing, a folder, or unreadable.
        InputError: a required column is missing, or a row is broken (named by its line).
    """
    sentences = []
    rows = read_table(path, delimiter="\t", required=("sentence_id", "sentence", "label"))
    for line, row in rows:
        raw_label = row["label"].strip()
        label = _LABELS.get(raw_label.upper())
        if label is None:
            raise InputError(f"{path}, line {line}: label is {raw_label!r}, expected SUBJ or OBJ")
        sentences.append(
            LabelledSentence(
                id=non_empty(path, line, row["sentence_id"], "sentence_id"),
                text=non_empty(path, line, row["sentence"], "sentence"),
                label=label,
            )
        )
    return sentences


def evaluate_subjectivity(
    path: Path, score: Scorer, *, threshold: float = 0.5, limit: int | None = None
) -> dict[str, object]:
    """Score ``score`` on a subjectivity TSV; the JSON-ready metrics.

    Args:
        path: a CheckThat! subjectivity TSV (``sentence_id, sentence, label``).
        score: returns the probability of "subjective" for each sentence text.
        threshold: a sentence is predicted subjective when its score reaches it.
        limit: score only the first N sentences of the file.

    Raises:
        SourceNotFoundError: the file is missing, a folder, or unreadable.
        InputError: the file is malformed or holds no sentence.
        ModelError: the scorer returned the wrong number of scores, or a non-number.
    """
    sentences = read_subjectivity(path)[:limit]
    scored = score_sentences(sentences, score, threshold=threshold, path=path)
    gold, predicted = scored.gold, scored.predicted
    return {
        "task": "subjectivity",
        "data": str(path),
        "macro_f1": round(macro_f1(gold, predicted), 4),
        "f1_subj": round(f1_positive(gold, predicted), 4),
        "f1_obj": round(f1_negative(gold, predicted), 4),
        "accuracy": round(accuracy(gold, predicted), 4),
        "sentences": len(sentences),
        "subjective": sum(gold),
        "predicted_subjective": sum(predicted),
        "threshold": threshold,
        "sentences_per_s": per_second(len(sentences), scored.seconds),
    }
