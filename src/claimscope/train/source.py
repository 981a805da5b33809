"""Train the source chooser (``extract/source_choice.py``) on PolNeAR, beside the cue model and
the content chooser.

For every cue the engine finds (rules plus the cue model, contents as the content chooser
picks them) that matches a gold cue, each candidate source head and the choice "nobody" become
one example. A candidate is right when the phrase the engine would report for it
(``attributions.source_phrase``) matches the gold source under the evaluation's overlap rule;
"nobody" is right when the gold attribution names no source. Floating quotes and
continuations are left out: they take their source from the attribution before them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from claimscope.evaluate.attribution import TokenIndex, overlap_match
from claimscope.extract.attributions import (
    choose_contents,
    claimed_tokens,
    raw_attributions,
    source_context,
    source_phrase,
)
from claimscope.extract.content_choice import ContentModel
from claimscope.extract.cue_model import CueModel, TokenVectors
from claimscope.extract.quotes import QuoteIndex
from claimscope.extract.source_choice import SourceModel, choice_rows, keeps_rule, rule_choice
from claimscope.train.chooser import Group, shared_encoder, train_chooser


def source_groups(
    doc: Any,
    article: Any,
    shift: int,
    cue_model: CueModel,
    content_model: ContentModel | None,
    vectors: TokenVectors | None = None,
    *,
    head: bool = True,
) -> list[Group]:
    """The choice groups of one parsed PolNeAR article (``article`` is a PolnearArticle); with
    the role head's source features when ``head`` and ``vectors`` carry its probabilities."""
    if not head:
        # As the engine runs without the signals: no encoder stage for the cue model, the
        # content chooser's fallback, no source probabilities.
        vectors = None
    marks = None if vectors is None else vectors.source
    index = TokenIndex(article.text)
    quotes = QuoteIndex(doc)
    found, floating = raw_attributions(doc, quotes, cue_model, vectors)
    if content_model is not None:
        choose_contents(doc, found, floating, content_model, vectors)

    def key(first: int, last: int) -> Any:
        start = doc[first].idx + shift
        return index.key(((start, doc[last].idx + len(doc[last]) + shift),))

    golds = [(index.key(gold.cue), index.key(gold.source)) for gold in article.attributions]
    claimed = [claimed_tokens(doc, raw) for raw in found]
    quoted = frozenset(quotes.quoted)
    groups: list[Group] = []
    for n, raw in enumerate(found):
        if raw.inherits is not None or id(raw) in floating or keeps_rule(doc, raw):
            continue
        cue = key(*raw.cue)
        matched = [source for c, source in golds if c and cue and overlap_match(cue, c)]
        if not matched:
            continue
        gold = matched[0]
        others = set().union(*(c for k, c in enumerate(claimed) if k != n))
        context = source_context(doc, raw, others, quoted)
        context = replace(context, marks=marks)
        rule = rule_choice(raw)
        group: Group = []
        for choice, features in choice_rows(doc, raw, context):
            if choice is None:
                right = gold is None
            else:
                # The phrase the engine would report (the rule's own with its exact range).
                own = choice == rule
                phrase = source_phrase(
                    doc[choice],
                    raw.cue,
                    last=raw.source_last if own else None,
                    exact=raw.source_range if own else None,
                )
                predicted = key(*phrase.reported)
                right = bool(gold and predicted and overlap_match(predicted, gold))
            group.append((features, right, choice == rule))
        groups.append(group)
    return groups


def train_source(
    items: Sequence[Any],
    fit_items: Sequence[Any],
    held_items: Sequence[Any],
    cue_model: CueModel,
    content_models: tuple[ContentModel | None, ContentModel | None],
    path: Path,
    *,
    seed: int,
    score: Callable[[Sequence[Any], SourceModel | None], dict[str, float]],
    log: Callable[[str], None] = print,
) -> tuple[SourceModel, SourceModel, dict[str, Any]]:
    """Choose, measure, refit and write the source chooser (``chooser.train_chooser``):
    (the chooser fitted on ``fit_items``, the one written, the training record).

    Args:
        items: every parsed article (``train.attribution.ParsedArticle``).
        fit_items: the articles to fit on while choosing settings.
        held_items: the held-out articles the settings are chosen on.
        cue_model: the cue model whose cues the chooser learns from.
        content_models: the content chooser fitted on ``fit_items`` (the settings are chosen
            and measured with it, so that no held-out content choice was fitted on its own
            article) and the one written, which the written source chooser is fitted beside.
        path: the weights file to write.
        seed: random seed.
        score: the engine's summary scores on some articles with a given chooser (and the
            content chooser fitted on ``fit_items``).
        log: progress lines.
    """

    def grouped(content_model: ContentModel | None) -> Any:
        def groups(chosen: Sequence[Any], head: bool) -> dict[str, list[Group]]:
            return {
                item.article.name: source_groups(
                    item.doc,
                    item.article,
                    item.shift,
                    cue_model,
                    content_model,
                    item.vectors,
                    head=head,
                )
                for item in chosen
            }

        return groups

    return train_chooser(
        SourceModel,
        grouped(content_models[0]),
        fit_items,
        held_items,
        path,
        signal_model=shared_encoder(items, "source"),
        seed=seed,
        score=score,
        log=log,
        final_groups=grouped(content_models[1]),
    )
