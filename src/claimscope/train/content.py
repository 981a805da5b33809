"""Train the content chooser (``extract/content_choice.py``) on PolNeAR, beside the cue model.

For every cue the engine finds (rules plus the cue model) that matches a gold cue, each
candidate content range becomes one example. The positives are the candidates that match the
gold content under the evaluation's overlap rule *and* come closest to it (token F1), so that
the model learns to prefer the tightest good span, not any span that overlaps enough.
Quotations are left out: their content is the quoted text. The regularisation strength is
chosen on the held-out fifth of the articles by how often the chosen candidate matches.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from claimscope.evaluate.attribution import TokenIndex, overlap_match
from claimscope.extract.attributions import raw_attributions
from claimscope.extract.content_choice import (
    HEAD_PREFIX,
    ContentModel,
    candidate_features,
    content_candidates,
)
from claimscope.extract.cue_model import CueModel, TokenVectors
from claimscope.extract.quotes import QuoteIndex
from claimscope.train.linear import fit_logistic

C_GRID = (0.1, 0.3)
#: How much better than the rule's choice a candidate must score to replace it.
MARGIN_GRID = (0.0, 0.1, 0.2, 0.3)
MIN_COUNT = 3
#: As for the cue model: tiny weights are left out of the file.
PRUNE_BELOW = 0.02

#: One cue's candidates: (features, is a best match, is the rule's own choice).
Group = list[tuple[list[str], bool, bool]]


def _key(index: TokenIndex, doc: Any, first: int, last: int, shift: int) -> Any:
    start = doc[first].idx + shift
    return index.key(((start, doc[last].idx + len(doc[last]) + shift),))


def content_groups(
    doc: Any,
    article: Any,
    shift: int,
    cue_model: CueModel,
    vectors: TokenVectors | None = None,
    *,
    head: bool = True,
) -> list[Group]:
    """The candidate groups of one parsed PolNeAR article (``article`` is a PolnearArticle);
    with the role head's content features when ``head`` and ``vectors`` carry its
    probabilities. The cue model reads ``vectors`` either way, as the engine does."""
    content = None if vectors is None or not head else vectors.content
    index = TokenIndex(article.text)
    found, floating = raw_attributions(doc, QuoteIndex(doc), cue_model, vectors)
    golds = [
        (index.key(gold.cue), index.key(gold.content))
        for gold in article.attributions
        if gold.cue and gold.content
    ]
    groups: list[Group] = []
    for raw in found:
        if raw.content_chars is not None or raw.inherits is not None or id(raw) in floating:
            continue
        cue = _key(index, doc, raw.cue[0], raw.cue[1], shift)
        gold = next((g for c, g in golds if c and g and cue and overlap_match(cue, c)), None)
        if gold is None:
            continue
        scored = []
        for (first, last), kinds in content_candidates(doc, raw).items():
            key = _key(index, doc, first, last, shift)
            good = bool(key and overlap_match(key, gold))
            closeness = 2 * len(key & gold) / (len(key) + len(gold)) if key else 0.0
            features = candidate_features(doc, raw, (first, last), kinds, content)
            scored.append((features, good, closeness, "rule" in kinds))
        if not scored:
            # A rule content of nothing but white space or punctuation offers no candidate.
            continue
        best = max((s[2] for s in scored if s[1]), default=None)
        groups.append([(f, good and c >= (best or 0.0), rule) for f, good, c, rule in scored])
    return groups


def without_head(groups: Sequence[Group]) -> list[Group]:
    """``groups`` with the role head's features left out."""
    return [
        [
            ([f for f in features if not f.startswith(HEAD_PREFIX)], label, rule)
            for features, label, rule in group
        ]
        for group in groups
    ]


def fit_content(
    groups: Sequence[Group],
    *,
    c: float,
    seed: int,
    margin: float = 0.0,
    signal_model: str | None = None,
) -> ContentModel:
    """A logistic regression over all candidates of ``groups`` (whose features come from
    the content head of ``signal_model``, when that is given)."""
    rows = [(features, label) for group in groups for features, label, _ in group]
    random.Random(seed).shuffle(rows)
    fitted = fit_logistic(
        rows, c=c, seed=seed, min_count=MIN_COUNT, prune_below=PRUNE_BELOW, max_iter=300
    )
    if fitted is None:
        # Too little data to learn from (tiny test folders): no weights, so every candidate
        # ties and the rule's own choice, listed first, is kept.
        return ContentModel(weights={}, bias=0.0, margin=margin, signal_model=signal_model)
    weights, bias = fitted
    return ContentModel(weights, bias, margin, signal_model)


def choice_accuracy(groups: Sequence[Group], model: ContentModel | None) -> float:
    """How often the chosen candidate is a best match (the rule's choice when ``model`` is None)."""
    if not groups:
        return 0.0
    right = 0
    for group in groups:
        if model is None:
            right += any(label and rule for _, label, rule in group)
        else:
            scores = [model.probability(features) for features, _, _ in group]
            rule = next((n for n, item in enumerate(group) if item[2]), None)
            # pick keeps the rule's choice (None) only when the rule offered one.
            chosen = model.pick(scores, rule)
            index = rule if chosen is None else chosen
            assert index is not None
            right += group[index][1]
    return right / len(groups)


def select_content(
    fit_groups: Sequence[Group],
    held_groups: Sequence[Group],
    *,
    seed: int,
    heads: Sequence[bool] = (False,),
    log: Callable[[str], None] = print,
) -> tuple[tuple[float, float, bool], dict[str, Any]]:
    """The (C, margin, with the head's features) with the best held-out choice accuracy,
    and the record. ``heads`` lists the options tried: True needs groups built with the
    head's features."""
    record: dict[str, Any] = {
        "held_out_cues": len(held_groups),
        "rule_choice_accuracy": round(choice_accuracy(held_groups, None), 4),
        "search": [],
    }
    best: tuple[float, float, bool, float] | None = None
    for head in heads:
        fit = fit_groups if head else without_head(fit_groups)
        held = held_groups if head else without_head(held_groups)
        for c in C_GRID:
            fitted = fit_content(fit, c=c, seed=seed)
            for margin in MARGIN_GRID:
                model = ContentModel(fitted.weights, fitted.bias, margin)
                accuracy = choice_accuracy(held, model)
                record["search"].append(
                    {"c": c, "margin": margin, "head": head, "choice_accuracy": round(accuracy, 4)}
                )
                log(
                    f"content chooser, held out, C={c}, margin={margin}, head={head}: "
                    f"{accuracy:.4f}"
                )
                if best is None or accuracy > best[3]:
                    best = (c, margin, head, accuracy)
    assert best is not None
    record["choice_accuracy"] = round(best[3], 4)
    return (best[0], best[1], best[2]), record


def train_content(
    items: Sequence[Any],
    fit_items: Sequence[Any],
    held_items: Sequence[Any],
    cue_model: CueModel,
    path: Path,
    *,
    data_name: str,
    seed: int,
    score: Callable[[Sequence[Any], ContentModel | None], dict[str, float]],
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Choose, measure, refit and write the content chooser; the training record.

    When every article carries the signal model's content probabilities, models with and
    without the features read from them (``content_choice.head_features``) are compared on
    the held-out articles, and the better one is kept.

    Args:
        items: every parsed article (``train.attribution.ParsedArticle``).
        fit_items: the articles to fit on while choosing settings.
        held_items: the held-out articles the settings are chosen on.
        cue_model: the cue model whose cues the chooser learns from.
        path: the weights file to write.
        data_name: the name of the training split, for the record.
        seed: random seed.
        score: the engine's summary scores on some articles with a given chooser.
        log: progress lines.
    """
    encoders = {
        None if item.vectors is None or item.vectors.content is None else item.vectors.encoder
        for item in items
    }
    signal_model = encoders.pop() if len(encoders) == 1 else None
    groups = {
        item.article.name: content_groups(
            item.doc,
            item.article,
            item.shift,
            cue_model,
            item.vectors,
            head=signal_model is not None,
        )
        for item in items
    }
    fit_groups = [g for item in fit_items for g in groups[item.article.name]]
    (c, margin, head), record = select_content(
        fit_groups,
        [g for item in held_items for g in groups[item.article.name]],
        seed=seed,
        heads=(False, True) if signal_model else (False,),
        log=log,
    )
    used = signal_model if head else None
    all_groups = [g for gs in groups.values() for g in gs]
    fallback = None
    if head:
        # For analyses without the signal model's probabilities (signals off): the best
        # model without the head's features.
        plain = max(
            (row for row in record["search"] if not row["head"]),
            key=lambda row: row["choice_accuracy"],
        )
        fallback = fit_content(
            without_head(all_groups), c=plain["c"], seed=seed, margin=plain["margin"]
        )
        record["fallback"] = {k: plain[k] for k in ("c", "margin", "choice_accuracy")}
    else:
        fit_groups, all_groups = without_head(fit_groups), without_head(all_groups)
    record["held_out_without_chooser"] = score(held_items, None)
    held_model = fit_content(fit_groups, c=c, seed=seed, margin=margin, signal_model=used)
    record["held_out_with_chooser"] = score(held_items, held_model)
    log(f"held out, with the content chooser: {record['held_out_with_chooser']}")
    model = replace(
        fit_content(all_groups, c=c, seed=seed, margin=margin, signal_model=used),
        fallback=fallback,
    )
    training = {
        "data": data_name,
        "articles": len(items),
        "cues": sum(len(gs) for gs in groups.values()),
        "seed": seed,
        "c": c,
        "margin": margin,
        "content_head": head,
        **record,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(model.to_json(training=training), ensure_ascii=False), encoding="utf-8"
    )
    log(f"wrote {path}: {len(model.weights)} weights")
    return training
