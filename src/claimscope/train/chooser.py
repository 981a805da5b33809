"""Train a linear chooser (``extract/linear_chooser.py``): the shared part of the content and
source choosers' training.

Each cue the engine finds that matches a gold cue gives one group: its candidates, each with
its features, whether it is a right answer, and whether it is the rule's own choice. The
regularisation strength, the margin over the rule's choice and the fit (logistic regression
over the candidates one by one, or a conditional logit over each group: ``linear``) are
chosen on the held-out fifth of the articles by how often the chosen candidate is right. With
the signal model's role head, the best chooser with it and the best without it (fewer
candidates, not only fewer features: ``linear_chooser.HEAD_PREFIX``; and other cues, since
the cue detector reads the signals too) are compared by the engine's scores on the held-out
articles, and the better one is kept, with the best one without the head as its fallback.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from claimscope.extract.linear_chooser import LinearChooser
from claimscope.train.linear import fit_listwise, fit_logistic

#: (1.0 joined the grid with the source chooser, whose best was at its top on the held-out
#: articles of an experiment.)
C_GRID = (0.1, 0.3, 1.0)
#: The same for the listwise fit (``linear.fit_listwise``; its L2 strength is 1 / C): on the
#: held-out content cues of an experiment it chose 74.7% -> 75.2% at strength 10.
LISTWISE_C_GRID = (0.03, 0.1, 0.3)
LOSSES = {"pointwise": C_GRID, "listwise": LISTWISE_C_GRID}
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
    loss: str = "pointwise",
) -> Chooser:
    """A ``kind`` of chooser fitted on ``groups`` (whose features come from the role head of
    ``signal_model``, when that is given): by logistic regression over all candidates one by
    one ("pointwise"), or by a conditional logit over each group's candidates ("listwise")."""
    if loss == "listwise":
        weights = fit_listwise(
            [[(features, label) for features, label, _ in group] for group in groups],
            strength=1.0 / c,
            min_count=MIN_COUNT,
            prune_below=PRUNE_BELOW,
            max_iter=500,
        )
        return kind(weights or {}, 0.0, margin, signal_model)
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
) -> tuple[tuple[float, float, bool, str], dict[str, Any]]:
    """The (C, margin, with the head's features, loss) with the best held-out choice
    accuracy, and the record. ``options`` maps "with the head's features" to the (fit,
    held-out) groups built that way; a tie keeps the option tried first (without the head,
    pointwise)."""
    record: dict[str, Any] = {"search": []}
    best: tuple[float, float, bool, str, float] | None = None
    for head in sorted(options):
        fit, held = options[head]
        record["held_out_cues"] = len(held)
        record["rule_choice_accuracy"] = round(choice_accuracy(held, None), 4)
        for loss, grid in LOSSES.items():
            for c in grid:
                fitted = fit_chooser(kind, fit, c=c, seed=seed, loss=loss)
                for margin in MARGIN_GRID:
                    accuracy = choice_accuracy(held, replace(fitted, margin=margin))
                    row = {"c": c, "margin": margin, "head": head, "loss": loss}
                    record["search"].append({**row, "choice_accuracy": round(accuracy, 4)})
                    log(f"{kind.WHAT}, held out, {row}: {accuracy:.4f}")
                    if best is None or accuracy > best[4]:
                        best = (c, margin, head, loss, accuracy)
    assert best is not None
    record["choice_accuracy"] = round(best[4], 4)
    return (best[0], best[1], best[2], best[3]), record


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

    # The settings of each option are chosen by choice accuracy on its own groups; the options
    # themselves are compared by the engine's scores on the held-out articles, since with and
    # without the signals the cues (and so the groups) differ.
    chosen: dict[bool, tuple[tuple[float, float, bool, str], dict[str, Any], Chooser, Any]] = {}
    for option, groups_of in built.items():
        fit_and_held = split(groups_of)
        settings, found_record = select_chooser(kind, {option: fit_and_held}, seed=seed, log=log)
        c, margin, _, loss = settings
        fitted = fit_chooser(
            kind,
            fit_and_held[0],
            c=c,
            seed=seed,
            margin=margin,
            signal_model=signal_model if option else None,
            loss=loss,
        )
        scores = score(held_items, fitted)
        log(f"held out, with the {kind.WHAT}, head={option}: {scores}")
        chosen[option] = (settings, found_record, fitted, scores)
    head = max(chosen, key=lambda option: sum(chosen[option][3].values()))
    (c, margin, _, loss), record, held_model, best_scores = chosen[head]
    used = signal_model if head else None
    record["search"] = [row for option in chosen for row in chosen[option][1]["search"]]
    record["engine_held_out"] = {str(option): chosen[option][3] for option in chosen}
    record["held_out_without_chooser"] = score(held_items, None)
    record["held_out_with_chooser"] = best_scores
    plain: dict[str, Any] | None = None
    if head:
        # The fallback runs with the signals off: the best setting of each fit without the
        # head, compared by the engine's held-out scores with the signals off.
        offline = [replace(item, vectors=None) for item in held_items]
        rows = [row for row in record["search"] if not row["head"]]
        tried = []
        for loss_name in LOSSES:
            row = max(
                (r for r in rows if r["loss"] == loss_name), key=lambda r: r["choice_accuracy"]
            )
            fitted = fit_chooser(
                kind,
                split(built[False])[0],
                c=row["c"],
                seed=seed,
                margin=row["margin"],
                loss=row["loss"],
            )
            scores = score(offline, fitted)
            log(f"held out, signals off, the {kind.WHAT} fallback {row}: {scores}")
            tried.append((sum(scores.values()), row, scores))
        _, plain, _ = max(tried, key=lambda entry: entry[0])
        record["fallback_held_out_signals_off"] = {entry[1]["loss"]: entry[2] for entry in tried}
    if final_groups is not None:
        built = {h: final_groups(everything, h) for h in built}
    all_groups = [g for gs in built[head].values() for g in gs]
    fallback = None
    if plain is not None:
        # For analyses without the signal model's probabilities (signals off).
        fallback = fit_chooser(
            kind,
            [g for gs in built[False].values() for g in gs],
            c=plain["c"],
            seed=seed,
            margin=plain["margin"],
            loss=plain["loss"],
        )
        record["fallback"] = {k: plain[k] for k in ("c", "margin", "loss", "choice_accuracy")}
    model = replace(
        fit_chooser(kind, all_groups, c=c, seed=seed, margin=margin, signal_model=used, loss=loss),
        fallback=fallback,
    )
    training = {
        "articles": len(fit_items) + len(held_items),
        "cues": len(all_groups),
        "seed": seed,
        "c": c,
        "margin": margin,
        "loss": loss,
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
