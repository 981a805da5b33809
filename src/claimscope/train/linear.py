"""Logistic regression over binary string features, as the attribution models store it.

The cue detector and the content chooser both learn ``{feature: weight}`` tables that ship as
JSON and are applied with dictionary look-ups; this fits one. scikit-learn is needed here only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from claimscope.errors import ModelError


def fit_logistic(
    rows: Sequence[tuple[list[str], bool]],
    *,
    c: float,
    seed: int,
    min_count: int,
    prune_below: float,
    max_iter: int,
) -> tuple[dict[str, float], float] | None:
    """``(weights, bias)`` of an L2 logistic regression, or None when there is nothing to learn.

    Args:
        rows: (features, label) examples.
        c: inverse regularisation strength.
        seed: the solver's random seed.
        min_count: features seen in fewer rows are dropped (keeps the file small).
        prune_below: weights of smaller magnitude are left out of the table.
        max_iter: the solver's iteration limit.

    Returns:
        None when no feature is frequent enough or all labels are the same.

    Raises:
        ModelError: scikit-learn is not installed.
    """
    try:
        from scipy.sparse import csr_matrix  # type: ignore[import-untyped]
        from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
    except ImportError as err:
        raise ModelError(
            f"training needs scikit-learn ({err}): pip install 'claimscope[train]'"
        ) from err
    counts = Counter(f for features, _ in rows for f in set(features))
    vocabulary = {
        f: n for n, f in enumerate(sorted(f for f, k in counts.items() if k >= min_count))
    }
    if not vocabulary or len({label for _, label in rows}) < 2:
        return None
    row_ids, col_ids = [], []
    for row, (features, _) in enumerate(rows):
        for column in sorted({vocabulary[f] for f in features if f in vocabulary}):
            row_ids.append(row)
            col_ids.append(column)
    matrix = csr_matrix(
        ([1.0] * len(row_ids), (row_ids, col_ids)), shape=(len(rows), len(vocabulary))
    )
    model = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=max_iter)
    model.fit(matrix, [int(label) for _, label in rows])
    weights = {
        f: round(float(w), 3)
        for f, w in zip(vocabulary, model.coef_[0], strict=True)
        if abs(w) >= prune_below
    }
    return weights, round(float(model.intercept_[0]), 4)


def fit_dense_logistic(
    matrix: np.ndarray, labels: Sequence[bool], *, c: float, max_iter: int
) -> tuple[np.ndarray, float]:
    """``(weights, bias)`` of an L2 logistic regression over dense float columns.

    The columns are standardised for the solver (``matrix`` is overwritten to save memory:
    the cue detector's encoder inputs run to gigabytes), and the returned weights are mapped
    back so that they apply to the raw columns.

    Raises:
        ModelError: scikit-learn is not installed, or the labels are all the same.
    """
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as err:
        raise ModelError(
            f"training needs scikit-learn ({err}): pip install 'claimscope[train]'"
        ) from err
    if len(set(labels)) < 2:
        raise ModelError("too little training data: one class only")
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0) + 1e-6
    matrix -= mean
    matrix /= scale
    model = LogisticRegression(C=c, max_iter=max_iter)
    model.fit(matrix, [int(label) for label in labels])
    weights = (model.coef_[0] / scale).astype(np.float32)
    bias = float(model.intercept_[0] - float((weights * mean).sum()))
    return weights, bias
