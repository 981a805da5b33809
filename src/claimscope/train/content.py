"""Train the content chooser (``extract/content_choice.py``) on PolNeAR, beside the cue model.

For every cue the engine finds (rules plus the cue model) that matches a gold cue, each
candidate content range becomes one example. The positives are the candidates that match the
gold content under the evaluation's overlap rule *and* come closest to it (token F1), so that
the model learns to prefer the tightest good span, not any span that overlaps enough.
Quotations are left out: their content is the quoted text. The regularisation strength is
chosen on the held-out fifth of the articles by how often the chosen candidate matches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claimscope.evaluate.attribution import TokenIndex, overlap_match
from claimscope.extract.attributions import raw_attributions
from claimscope.extract.content_choice import (
    ContentModel,
    candidate_features,
    content_candidates,
)
from claimscope.extract.cue_model import CueModel, TokenVectors
from claimscope.extract.quotes import QuoteIndex
from claimscope.train.chooser import Group, shared_encoder, train_chooser


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
    if not head:
        # As the engine runs without the signals: no encoder stage for the cue model, no
        # content probabilities.
        vectors = None
    content = None if vectors is None else vectors.content
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
        for (first, last), kinds in content_candidates(doc, raw, content).items():
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


def train_content(
    items: Sequence[Any],
    fit_items: Sequence[Any],
    held_items: Sequence[Any],
    cue_model: CueModel,
    path: Path,
    *,
    seed: int,
    score: Callable[[Sequence[Any], ContentModel | None], dict[str, float]],
    log: Callable[[str], None] = print,
) -> tuple[ContentModel, ContentModel, dict[str, Any]]:
    """Choose, measure, refit and write the content chooser (``chooser.train_chooser``):
    (the chooser fitted on ``fit_items``, the one written, the training record).

    When every article carries the signal model's content probabilities, choosers with and
    without the features read from them (``content_choice.head_features``) are compared on
    the held-out articles, and the better one is kept.

    Args:
        items: every parsed article (``train.attribution.ParsedArticle``).
        fit_items: the articles to fit on while choosing settings.
        held_items: the held-out articles the settings are chosen on.
        cue_model: the cue model whose cues the chooser learns from.
        path: the weights file to write.
        seed: random seed.
        score: the engine's summary scores on some articles with a given chooser.
        log: progress lines.
    """

    def groups(chosen: Sequence[Any], head: bool) -> dict[str, list[Group]]:
        return {
            item.article.name: content_groups(
                item.doc, item.article, item.shift, cue_model, item.vectors, head=head
            )
            for item in chosen
        }

    return train_chooser(
        ContentModel,
        groups,
        fit_items,
        held_items,
        path,
        signal_model=shared_encoder(items, "content"),
        seed=seed,
        score=score,
        log=log,
    )
