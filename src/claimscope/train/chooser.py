"""Train a linear chooser (``extract/linear_chooser.py``): the shared part of the content and
source choosers' training.

Each cue the engine finds that matches a gold cue gives one group: its candidates, each with
its features, whether it is a right answer, and whether it is the rule's own choice. The
regularisation strength and the margin over the rule's choice are chosen on the held-out
fifth of the articles by how often the chosen candidate is right. With the signal model's
role head, choosers with and without it are compared there (without it there are fewer
candidates, not only fewer features: ``linear_chooser.HEAD_PREFIX``), and the better one is
kept, with the best one without it as its fallback.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from claimscope.extract.linear_chooser import LinearChooser
from claimscope.train.linear import fit_logistic

#: (1.0 joined the grid with the source chooser, whose best was at its top on the held-out
#: articles of an experiment.)
C_GRID = (0.1, 0.3, 1.0)
#: How much better than the rule's choice a candidate must score to replace it.
MARGIN_GRID = (0.0, 0.1, 0.2, 0.3)
MIN_COUNT = 3
#: As for the cue model: tiny weights are left out of the file.
PRUNE_BELOW = 0.02

#: One cue's candidates: (features, is a right answer, is the rule's own choice).
Group = list[tuple[list[str], bool, bool]]
Chooser = TypeVar("Chooser", bound=LinearChooser)


def fit_chooser(
    kind: type[Chooser],
    groups: Sequence[Group],
    *,
    c: float,
    seed: int,
    margin: float = 0.0,
    signal_model: str | None = None,
) -> Chooser:
    """A ``kind`` of chooser fitted by logistic regression over all candidates of ``groups``
    (whose features come from the role head of ``signal_model``, when that is given)."""
    rows = [(features, label) for group in groups for features, label, _ in group]
    random.Random(seed).shuffle(rows)
    fitted = fit_logistic(
        rows, c=c, seed=seed, min_count=MIN_COUNT, prune_below=PRUNE_BELOW, max_iter=300
    )
    if fitted is None:
        # Too little data to learn from (tiny test folders): no weights, so every candidate
        # ties and the rule's own choice is kept.
        return kind(weights={}, bias=0.0, margin=margin, signal_model=signal_model)
    weights, bias = fitted
    return kind(weights, bias, margin, signal_model)


def choice_accuracy(groups: Sequence[Group], model: LinearChooser | None) -> float:
    """How often the chosen candidate is right (the rule's choice when ``model`` is None)."""
    if not groups:
        return 0.0
    right = 0
    for group in groups:
        if model is None:
            right += any(label and rule for _, label, rule in group)
        else:
            scores = [model.probability(features) for features, _, _ in group]
            rule = next((n for n, item in enumerate(group) if item[2]), None)
            chosen = model.pick(scores, rule)
            # pick keeps the rule's choice (None) only when the rule offered one.
            index = rule if chosen is None else chosen
            assert index is not None
            right += group[index][1]
    return right / len(groups)


def select_chooser(
    kind: type[LinearChooser],
    options: Mapping[bool, tuple[Sequence[Group], Sequence[Group]]],
    *,
    seed: int,
    log: Callable[[str], None] = print,
) -> tuple[tuple[float, float, bool], dict[str, Any]]:
    """The (C, margin, with the head's features) with the best held-out choice accuracy,
    and the record. ``options`` maps "with the head's features" to the (fit, held-out)
    groups built that way; a tie keeps the option tried first (without)."""
    record: dict[str, Any] = {"search": []}
    best: tuple[float, float, bool, float] | None = None
    for head in sorted(options):
        fit, held = options[head]
        record["held_out_cues"] = len(held)
        record["rule_choice_accuracy"] = round(choice_accuracy(held, None), 4)
        for c in C_GRID:
            fitted = fit_chooser(kind, fit, c=c, seed=seed)
            for margin in MARGIN_GRID:
                accuracy = choice_accuracy(held, replace(fitted, margin=margin))
                record["search"].append(
                    {"c": c, "margin": margin, "head": head, "choice_accuracy": round(accuracy, 4)}
                )
                log(f"{kind.WHAT}, held out, C={c}, margin={margin}, head={head}: {accuracy:.4f}")
                if best is None or accuracy > best[3]:
                    best = (c, margin, head, accuracy)
    assert best is not None
    record["choice_accuracy"] = round(best[3], 4)
    return (best[0], best[1], best[2]), record


def train_chooser(
    kind: type[Chooser],
    groups: Callable[[Sequence[Any], bool], Mapping[str, list[Group]]],
    fit_items: Sequence[Any],
    held_items: Sequence[Any],
    path: Path,
    *,
    signal_model: str | None,
    seed: int,
    score: Callable[[Sequence[Any], Chooser | None], dict[str, float]],
    log: Callable[[str], None] = print,
    final_groups: Callable[[Sequence[Any], bool], Mapping[str, list[Group]]] | None = None,
) -> tuple[Chooser, Chooser, dict[str, Any]]:
    """Choose, measure, refit and write a chooser: (the chooser fitted on ``fit_items`` that
    the held-out scores are measured with, the one written, the training record).

    Args:
        kind: the chooser class.
        groups: the groups of some parsed articles (by article name), with the role head's
            features when the flag is true.
        fit_items: the articles to fit on while choosing settings.
        held_items: the held-out articles the settings are chosen on.
        path: the weights file to write.
        signal_model: the fingerprint of the signal model whose role head every article
            carries, or None: then only choosers without the head's features are tried.
        seed: random seed.
        score: the engine's summary scores on some articles with a given chooser.
        log: progress lines.
        final_groups: the groups to fit the written chooser on, when they differ from
            ``groups`` (the source chooser's depend on the content chooser in use).
    """
    head_ok = signal_model is not None
    everything = [*fit_items, *held_items]
    # Without the head there are fewer candidates (no marked runs), not only fewer features:
    # the choosers without it learn from the candidates they will meet.
    built = {head: groups(everything, head) for head in ((False, True) if head_ok else (False,))}

    def split(found: Mapping[str, list[Group]]) -> tuple[list[Group], list[Group]]:
        return (
            [g for item in fit_items for g in found[item.article.name]],
            [g for item in held_items for g in found[item.article.name]],
        )

    options = {head: split(found) for head, found in built.items()}
    (c, margin, head), record = select_chooser(kind, options, seed=seed, log=log)
    used = signal_model if head else None
    record["held_out_without_chooser"] = score(held_items, None)
    held_model = fit_chooser(
        kind, options[head][0], c=c, seed=seed, margin=margin, signal_model=used
    )
    record["held_out_with_chooser"] = score(held_items, held_model)
    log(f"held out, with the {kind.WHAT}: {record['held_out_with_chooser']}")
    if final_groups is not None:
        built = {h: final_groups(everything, h) for h in built}
    all_groups = [g for gs in built[head].values() for g in gs]
    fallback = None
    if head:
        # For analyses without the signal model's probabilities (signals off): the best
        # chooser without the head's features and candidates.
        plain = max(
            (row for row in record["search"] if not row["head"]),
            key=lambda row: row["choice_accuracy"],
        )
        fallback = fit_chooser(
            kind,
            [g for gs in built[False].values() for g in gs],
            c=plain["c"],
            seed=seed,
            margin=plain["margin"],
        )
        record["fallback"] = {k: plain[k] for k in ("c", "margin", "choice_accuracy")}
    model = replace(
        fit_chooser(kind, all_groups, c=c, seed=seed, margin=margin, signal_model=used),
        fallback=fallback,
    )
    training = {
        "articles": len(fit_items) + len(held_items),
        "cues": len(all_groups),
        "seed": seed,
        "c": c,
        "margin": margin,
        "role_head": head,
        **record,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(model.to_json(training=training), ensure_ascii=False), encoding="utf-8"
    )
    log(f"wrote {path}: {len(model.weights)} weights")
    return held_model, model, training


def shared_encoder(items: Sequence[Any], role: str) -> str | None:
    """The fingerprint of the signal model whose ``role`` head every item's vectors carry, or
    None when some item has none (or they come from different encoders)."""
    encoders = {
        None if item.vectors is None or item.vectors.role(role) is None else item.vectors.encoder
        for item in items
    }
    return encoders.pop() if len(encoders) == 1 else None
