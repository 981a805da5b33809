"""Logistic regression over binary string features, as the attribution models store it.

The cue detector and the content chooser both learn ``{feature: weight}`` tables that ship as
JSON and are applied with dictionary look-ups; this fits one. scikit-learn is needed here only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

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
    vocabulary = _vocabulary([features for features, _ in rows], min_count)
    if not vocabulary or len({label for _, label in rows}) < 2:
        return None
    matrix = _binary_matrix(csr_matrix, [features for features, _ in rows], vocabulary)
    model = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=max_iter)
    model.fit(matrix, [int(label) for _, label in rows])
    return _pruned(vocabulary, model.coef_[0], prune_below), round(float(model.intercept_[0]), 4)


def _vocabulary(rows: Sequence[list[str]], min_count: int) -> dict[str, int]:
    """Column of each feature seen in at least ``min_count`` rows, in sorted order."""
    counts = Counter(f for features in rows for f in set(features))
    return {f: n for n, f in enumerate(sorted(f for f, k in counts.items() if k >= min_count))}


def _binary_matrix(csr_matrix: Any, rows: Sequence[list[str]], vocabulary: dict[str, int]) -> Any:
    """The sparse 0/1 matrix of ``rows`` over ``vocabulary`` (features outside it dropped)."""
    row_ids, col_ids = [], []
    for row, features in enumerate(rows):
        for column in sorted({vocabulary[f] for f in features if f in vocabulary}):
            row_ids.append(row)
            col_ids.append(column)
    return csr_matrix(
        ([1.0] * len(row_ids), (row_ids, col_ids)), shape=(len(rows), len(vocabulary))
    )


def _pruned(vocabulary: dict[str, int], weights: Any, prune_below: float) -> dict[str, float]:
    """The ``{feature: weight}`` table, rounded, without weights smaller than ``prune_below``."""
    return {
        f: round(float(weights[n]), 3)
        for f, n in vocabulary.items()
        if abs(weights[n]) >= prune_below
    }


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


def fit_listwise(
    groups: Sequence[Sequence[tuple[list[str], bool]]],
    *,
    strength: float,
    min_count: int,
    prune_below: float,
    max_iter: int,
) -> dict[str, float] | None:
    """The weights of a conditional logit over groups of candidates, or None when there is
    nothing to learn.

    Each group is one choice: the model maximises the probability, under a softmax over the
    group's candidates, that one of its right candidates is taken (groups with none are left
    out), with an L2 penalty of ``strength``. A logistic regression over the candidates one by
    one learns how likely each is to be right on its own; this learns which one wins against
    the others, which is what a chooser does. There is no bias: it would not change a choice.

    Raises:
        ModelError: SciPy is not installed.
    """
    try:
        from scipy.optimize import minimize  # type: ignore[import-untyped]
        from scipy.sparse import csr_matrix
    except ImportError as err:
        raise ModelError(f"training needs SciPy ({err}): pip install 'claimscope[train]'") from err
    # A group with no right candidate, or only right ones, says nothing about the choice.
    kept = [g for g in groups if len({label for _, label in g}) == 2]
    rows = [features for g in kept for features, _ in g]
    vocabulary = _vocabulary(rows, min_count)
    if not vocabulary or not kept:
        return None
    matrix = _binary_matrix(csr_matrix, rows, vocabulary)
    labels = [label for g in kept for _, label in g]
    right = np.array(labels, dtype=float)
    begin = np.cumsum([0] + [len(g) for g in kept[:-1]])
    of_group = np.repeat(np.arange(len(begin)), np.diff(np.append(begin, len(labels))))

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        scores = matrix @ weights
        top = np.maximum.reduceat(scores, begin)
        exp = np.exp(scores - top[of_group])
        total = np.add.reduceat(exp, begin)
        good = np.add.reduceat(exp * right, begin)
        value = float(-(np.log(good) - np.log(total)).sum() + 0.5 * strength * weights @ weights)
        # d/dw: the softmax over all candidates minus the softmax over the right ones.
        slope = exp / total[of_group] - exp * right / good[of_group]
        return value, matrix.T @ slope + strength * weights

    result = minimize(
        loss, np.zeros(len(vocabulary)), jac=True, method="L-BFGS-B", options={"maxiter": max_iter}
    )
    return _pruned(vocabulary, result.x, prune_below)
