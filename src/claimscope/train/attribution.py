"""Train the cue detector on the PolNeAR train split: ``claimscope train attribution``.

Steps, all deterministic for one seed:

1. parse every article of the split with claimscope's own pipeline (the same text
   normalisation as ``Analyzer``), and label each token "in a gold cue" or not;
2. hold out every fifth article (in sorted order of names) and fit a logistic regression on
   the rest for each regularisation strength, then choose that strength and the two decision
   thresholds by the attribution scores on the held-out articles (the dev split is never used);
3. fit the second stage: with the chosen strength, every fit article gets first-stage
   probabilities from a model that did not see it (``STACK_FOLDS`` folds), and a second
   regression learns from the token features plus what the first stage thought of the
   token's neighbours (``cue_model.context_features``); its threshold is chosen on the
   held-out articles, and it is kept only when it beats the first stage alone there;
4. fit the encoder stage, when the signal model gives hidden states: a dense logistic
   regression over each token's encoder vectors (``cue_model.encoder_inputs``), cross-fitted
   in the same folds, adds what it thought of the token and its neighbours to the second
   stage's features; it is kept only when it beats the second stage on the held-out articles,
   and is used at run time only with the same signal model (its fingerprint is saved);
5. refit on the whole split with the chosen settings and write the weights as JSON.

scikit-learn is needed here only; the packaged model is applied without it.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from claimscope.errors import ModelError
from claimscope.evaluate.attribution import Scorer
from claimscope.evaluate.polnear import AttributionSpans, PolnearArticle, read_split
from claimscope.extract.attributions import extract_attributions, rule_attributions
from claimscope.extract.common import article_sentences
from claimscope.extract.content_choice import WEIGHTS_FILE as CONTENT_WEIGHTS_FILE
from claimscope.extract.content_choice import ContentModel
from claimscope.extract.cue_model import (
    ENCODER_PARTS,
    NEVER_CUE_POS,
    WEIGHTS_FILE,
    CueModel,
    EncoderStage,
    TokenVectors,
    context_features,
    encoder_inputs,
    encoder_probabilities,
    load_cue_model,
    token_features,
)
from claimscope.extract.quotes import QuoteIndex
from claimscope.extract.source_choice import WEIGHTS_FILE as SOURCE_WEIGHTS_FILE
from claimscope.extract.source_choice import SourceModel
from claimscope.signals.model import ROLE_COLUMNS
from claimscope.train.content import train_content
from claimscope.train.linear import fit_dense_logistic, fit_logistic
from claimscope.train.signal_fit import sentence_key
from claimscope.train.source import train_source

#: Settings searched on the held-out articles.
C_GRID = (0.1, 0.3)
THRESHOLD_GRID = (0.4, 0.5, 0.6)
KEEP_RULE_GRID = (0.0, 0.1)
#: Thresholds searched for the second stage (at the first stage's keep-rule threshold).
STACK_THRESHOLD_GRID = (0.4, 0.45, 0.5)
#: Thresholds searched for the encoder stage (its best had been at the top of the grid above).
ENCODER_THRESHOLD_GRID = (0.4, 0.45, 0.5, 0.55, 0.6)
#: Folds of the cross-fitting that gives every article first-stage probabilities from a
#: model that did not see it (the second stage must learn from honest first-stage errors).
STACK_FOLDS = 4
#: Features seen fewer times than this in training are dropped (keeps the file small).
MIN_COUNT = 3
#: Weights smaller than this are left out of the file: on held-out train articles dropping
#: them (about 60% of the features) changed no score by more than 0.002, and the file
#: shrinks from 4.4 to 1.8 MB.
PRUNE_BELOW = 0.05
HELD_OUT_EVERY = 5
#: Regularisation of the encoder stage's dense regression (on standardised columns).
ENCODER_C = 1.0


@dataclass(frozen=True)
class ParsedArticle:
    """A PolNeAR article with its parse; ``shift`` maps parse offsets to annotated ones."""

    article: PolnearArticle
    doc: Any
    shift: int
    #: The signal encoder's token vectors, when the signal model gives hidden states.
    vectors: TokenVectors | None = None


def parse_split(
    folder: Path,
    *,
    limit: int | None = None,
    log: Callable[[str], None] = print,
    vectors: bool = True,
    head_outputs: dict[str, np.ndarray] | None = None,
) -> list[ParsedArticle]:
    """Parse the articles of a PolNeAR split folder with claimscope's pipeline (and, with
    ``vectors``, encode them with the packaged signal model: ``with_vectors``, which takes
    ``head_outputs`` in place of the model's cue and role heads where it has them).

    Articles whose normalised text is not a plain slice of the annotated one (line endings
    or Unicode forms changed inside the text) are left out: their offsets would need an
    alignment, and they are few (23 of 840 in train).
    """
    from claimscope.ingest.text import normalize_text
    from claimscope.nlp import load_pipeline

    nlp = load_pipeline()
    articles: list[tuple[PolnearArticle, str, int]] = []
    skipped = 0
    for article in read_split(folder, limit=limit):
        normalized = normalize_text(article.text)
        shift = article.text.find(normalized)
        if shift < 0:
            skipped += 1
            continue
        articles.append((article, normalized, shift))
    started = time.perf_counter()
    docs = nlp.pipe((text for _, text, _ in articles), batch_size=32)
    parsed = [
        ParsedArticle(a, doc, shift) for (a, _, shift), doc in zip(articles, docs, strict=True)
    ]
    log(
        f"parsed {len(parsed)} articles in {time.perf_counter() - started:.0f} s "
        f"({skipped} left out: text changed by normalisation)"
    )
    return with_vectors(parsed, head_outputs=head_outputs, log=log) if vectors else parsed


def with_vectors(
    items: Sequence[ParsedArticle],
    *,
    head_outputs: dict[str, np.ndarray] | None = None,
    log: Callable[[str], None] = print,
) -> list[ParsedArticle]:
    """``items`` with the packaged signal model's token vectors, encoded as ``Analyzer``
    encodes them (each non-blank sentence alone); unchanged when the model is not installed
    or gives no hidden states.

    ``head_outputs`` (``train.signals.HEAD_OUTPUTS_FILE``: sentence key -> pieces x (cue,
    roles)) replace the model's cue and role probabilities for the sentences they name: the
    out-of-fold outputs of networks that did not learn from those sentences, so that what is
    trained here on the articles the signal model learned from sees what that model gives on
    articles it has not seen.
    """
    from claimscope.signals.model import HIDDEN_SIZE, load_signal_model, signal_model_available

    if not signal_model_available():
        log("no signal model: the cue detector is trained without its encoder stage")
        return list(items)
    model = load_signal_model()
    if not model.has_hidden:
        log("the signal model gives no hidden states: no encoder stage")
        return list(items)
    started = time.perf_counter()
    result = []
    replaced = 0
    for item in items:
        sentences = article_sentences(item.doc)
        encoded = model.predict([s.text for s in sentences])
        if head_outputs and model.has_roles:
            for k, sentence in enumerate(sentences):
                given = head_outputs.get(sentence_key(item.article.name, sentence.start_char))
                if given is not None and len(given) == len(encoded[k].piece_offsets):
                    encoded[k] = replace(
                        encoded[k], cue_pieces=given[:, 0], role_pieces=given[:, 1:]
                    )
                    replaced += 1
        found = TokenVectors.from_signals(
            item.doc,
            [(s.start_char, p) for s, p in zip(sentences, encoded, strict=True)],
            model.fingerprint,
        )
        if found is None:
            # An article with no sentence to encode still takes part (its rows are zeros), so
            # that one odd article cannot switch the encoder stage off for the whole split.
            found = TokenVectors(
                np.zeros((len(item.doc), HIDDEN_SIZE), dtype=np.float32),
                model.fingerprint,
                np.zeros(len(item.doc), dtype=np.float32) if model.has_cue else None,
                (
                    np.zeros((len(item.doc), len(ROLE_COLUMNS)), dtype=np.float32)
                    if model.has_roles
                    else None
                ),
            )
        result.append(replace(item, vectors=found))
    log(f"encoded {len(result)} articles in {time.perf_counter() - started:.0f} s")
    if head_outputs:
        if not replaced:
            raise ModelError(
                "no sentence matched the head outputs given: write them with "
                "'claimscope train signals --folds' beside the signal model installed now"
            )
        log(f"{replaced} sentences took out-of-fold head outputs ({len(head_outputs)} given)")
    return result


def head_token_f1(items: Sequence[ParsedArticle], role: str, threshold: float = 0.5) -> float:
    """F1 of the signal model's token head for ``role`` (cue, source or content) alone on
    the tokens of ``items`` ("part of a gold span of the role"), at ``threshold``."""
    hits = predicted = gold = 0
    for item in items:
        assert item.vectors is not None  # caller checks
        probabilities = item.vectors.role(role)
        assert probabilities is not None  # caller checks
        chosen = probabilities >= threshold
        labels = np.array(role_labels(item, role), dtype=bool)
        hits += int((chosen & labels).sum())
        predicted += int(chosen.sum())
        gold += int(labels.sum())
    return round(2 * hits / max(predicted + gold, 1), 4)


def cue_labels(item: ParsedArticle) -> list[bool]:
    """For each token: does it touch a gold cue span?"""
    return role_labels(item, "cue")


def role_labels(item: ParsedArticle, role: str) -> list[bool]:
    """For each token: does it touch a gold span of ``role`` (source, cue or content)?"""
    segments = sorted(
        segment
        for a in item.article.attributions
        if (spans := a.role(role)) is not None
        for segment in spans
    )
    labels = []
    for token in item.doc:
        start = token.idx + item.shift
        end = start + len(token.text)
        labels.append(any(s < end and start < e for s, e in segments))
    return labels


@dataclass(frozen=True)
class ArticleRows:
    """The scored tokens of one article: their indices, features and labels."""

    item: ParsedArticle
    indices: list[int]
    features: list[list[str]]
    labels: list[bool]

    def pairs(self) -> Iterable[tuple[list[str], bool]]:
        """(features, label) for each scored token."""
        return zip(self.features, self.labels, strict=True)


def article_rows(item: ParsedArticle) -> ArticleRows:
    """The tokens of ``item`` the detector scores, with their features and labels."""
    doc = item.doc
    quotes = QuoteIndex(doc)
    rule_cues = {
        i for raw in rule_attributions(doc, quotes) for i in range(raw.cue[0], raw.cue[1] + 1)
    }
    rows = ArticleRows(item, [], [], [])
    for token, label in zip(doc, cue_labels(item), strict=True):
        if token.pos_ in NEVER_CUE_POS and token.i not in rule_cues:
            continue
        rows.indices.append(token.i)
        rows.features.append(token_features(token, quotes.quoted, rule_cues))
        rows.labels.append(label)
    return rows


def _first_stage_probabilities(model: CueModel, rows: ArticleRows) -> list[float]:
    probabilities = [0.0] * len(rows.item.doc)
    for i, features in zip(rows.indices, rows.features, strict=True):
        probabilities[i] = model.first_stage_probability(features)
    return probabilities


def _encoder_matrix(articles: Sequence[ArticleRows]) -> np.ndarray:
    parts = []
    for rows in articles:
        assert rows.item.vectors is not None  # callers check ``_has_vectors``
        parts.append(encoder_inputs(rows.item.doc, rows.item.vectors.vectors)[rows.indices])
    return np.concatenate(parts)


def fit_encoder(articles: Sequence[ArticleRows]) -> tuple[np.ndarray, float]:
    """The dense regression of the encoder stage: weights per ``ENCODER_PARTS``, and bias."""
    weights, bias = fit_dense_logistic(
        _encoder_matrix(articles),
        [label for rows in articles for label in rows.labels],
        c=ENCODER_C,
        max_iter=500,
    )
    return weights.reshape(len(ENCODER_PARTS), -1), bias


def _has_vectors(articles: Sequence[ArticleRows]) -> bool:
    return bool(articles) and all(rows.item.vectors is not None for rows in articles)


def _has_cue_head(articles: Sequence[ArticleRows]) -> bool:
    """Whether every article carries the signal model's cue-head probabilities (the encoder
    stage then reads them instead of fitting a dense regression)."""
    return _has_vectors(articles) and all(
        rows.item.vectors is not None and rows.item.vectors.cue is not None for rows in articles
    )


def _encoder_probabilities(
    dense: tuple[np.ndarray, float] | None, rows: ArticleRows
) -> list[float]:
    assert rows.item.vectors is not None  # callers check ``_has_vectors``
    if dense is None:
        assert rows.item.vectors.cue is not None  # callers check ``_has_cue_head``
        encoded = rows.item.vectors.cue
    else:
        encoded = encoder_probabilities(rows.item.doc, rows.item.vectors.vectors, *dense)
    probabilities = [0.0] * len(rows.item.doc)
    for i in rows.indices:
        probabilities[i] = float(encoded[i])
    return probabilities


Examples = list[tuple[list[str], bool]]


def stacked_examples(
    articles: Sequence[ArticleRows],
    *,
    c: float,
    seed: int,
    folds: int = STACK_FOLDS,
    encoder: bool = False,
) -> tuple[Examples, Examples | None]:
    """Second-stage examples: token features plus the context of cross-fitted first-stage
    probabilities (each article scored by a first stage fit on the other folds); with
    ``encoder``, also the encoder stage's examples, which add the context of cross-fitted
    encoder probabilities (None without)."""
    data: Examples = []
    encoded: Examples | None = [] if encoder else None
    # The cue head's probabilities are not cross-fitted here: on the fit articles they are the
    # out-of-fold outputs of networks that did not see them (``--head-outputs``, see the
    # model card), on the held-out articles the shipped model's.
    head = encoder and _has_cue_head(articles)
    for fold in range(folds):
        train = [
            example
            for n, rows in enumerate(articles)
            if n % folds != fold
            for example in rows.pairs()
        ]
        random.Random(seed).shuffle(train)
        first = fit(train, c=c, seed=seed)
        dense = (
            fit_encoder([rows for n, rows in enumerate(articles) if n % folds != fold])
            if encoded is not None and not head
            else None
        )
        for n, rows in enumerate(articles):
            if n % folds != fold:
                continue
            doc = rows.item.doc
            context = context_features(doc, _first_stage_probabilities(first, rows))
            more = (
                None
                if encoded is None
                else context_features(doc, _encoder_probabilities(dense, rows), "en")
            )
            for i, features, label in zip(rows.indices, rows.features, rows.labels, strict=True):
                data.append((features + context[i], label))
                if encoded is not None and more is not None:
                    encoded.append((features + context[i] + more[i], label))
    random.Random(seed).shuffle(data)
    if encoded is not None:
        random.Random(seed).shuffle(encoded)
    return data, encoded


def with_second_stage(
    first: CueModel,
    articles: Sequence[ArticleRows],
    *,
    c: float,
    seed: int,
    threshold: float,
    encoder_threshold: float | None = None,
) -> CueModel:
    """``first`` with a second stage fit on ``articles`` (cross-fitted) at ``threshold``, and
    with an encoder stage at ``encoder_threshold`` when that is given and every article has
    token vectors."""
    use_encoder = encoder_threshold is not None and _has_vectors(articles)
    plain, encoded = stacked_examples(articles, c=c, seed=seed, encoder=use_encoder)
    second = fit(plain, c=c, seed=seed)
    model = CueModel(
        first.weights,
        first.bias,
        threshold,
        first.keep_rule_threshold,
        context_weights=second.weights,
        context_bias=second.bias,
    )
    if encoded is None or encoder_threshold is None:
        return model
    third = fit(encoded, c=c, seed=seed)
    dense: np.ndarray | None = None
    dense_bias = 0.0
    if not _has_cue_head(articles):
        dense, dense_bias = fit_encoder(articles)
    vectors = articles[0].item.vectors
    assert vectors is not None  # ``_has_vectors`` checked every article
    stage = EncoderStage(
        vectors.encoder, dense, round(dense_bias, 5), third.weights, third.bias, encoder_threshold
    )
    return replace(model, encoder=stage)


def fit(
    data: Sequence[tuple[list[str], bool]], *, c: float, seed: int, min_count: int = MIN_COUNT
) -> CueModel:
    """A logistic regression over the binary features (thresholds set to 0.5 / 0).

    Raises:
        ModelError: scikit-learn is missing, or the data has no frequent feature or one class.
    """
    fitted = fit_logistic(
        data, c=c, seed=seed, min_count=min_count, prune_below=PRUNE_BELOW, max_iter=200
    )
    if fitted is None:
        raise ModelError("too little training data: no frequent feature, or one class only")
    weights, bias = fitted
    return CueModel(weights=weights, bias=bias, threshold=0.5, keep_rule_threshold=0.0)


def _segments(span: Any, shift: int) -> tuple[tuple[int, int], ...] | None:
    return None if span is None else ((span.start + shift, span.end + shift),)


def score(
    items: Sequence[ParsedArticle],
    model: CueModel | None,
    content_model: ContentModel | None = None,
    source_model: SourceModel | None = None,
) -> dict[str, Any]:
    """PolNeAR attribution metrics (``evaluate.attribution.Scorer``) of the engine on ``items``."""
    scorer = Scorer()
    for item in items:
        predicted = [
            AttributionSpans(
                source=_segments(a.source, item.shift),
                cue=_segments(a.cue, item.shift),
                content=_segments(a.content, item.shift),
            )
            for a in extract_attributions(
                item.doc,
                [],
                cue_model=model if model else False,
                content_model=content_model if content_model else False,
                source_model=source_model if source_model else False,
                token_vectors=item.vectors,
            )
        ]
        scorer.add_article(item.article.text, item.article.attributions, predicted)
    return scorer.metrics()


def _summary(metrics: dict[str, Any]) -> dict[str, float]:
    return {k: round(float(metrics[f"{k}_f1"]), 4) for k in ("source", "cue", "content", "full")}


def _objective(metrics: dict[str, Any]) -> float:
    # All four roles count: a cue found with the wrong content helps nobody.
    return sum(_summary(metrics).values()) / 4


def split_held_out(
    items: Sequence[ParsedArticle], every: int = HELD_OUT_EVERY
) -> tuple[list[ParsedArticle], list[ParsedArticle]]:
    """(fit, held out): every ``every``-th article in sorted order of names is held out."""
    ordered = sorted(items, key=lambda item: item.article.name)
    held = [item for n, item in enumerate(ordered) if n % every == every - 1]
    fitted = [item for n, item in enumerate(ordered) if n % every != every - 1]
    return fitted, held


def select(
    fit_items: Sequence[ParsedArticle],
    held_items: Sequence[ParsedArticle],
    *,
    seed: int,
    log: Callable[[str], None] = print,
) -> tuple[dict[str, float], dict[str, Any]]:
    """The settings with the best held-out score, and a record of the search."""
    articles = [article_rows(item) for item in fit_items]
    data = [example for rows in articles for example in rows.pairs()]
    random.Random(seed).shuffle(data)
    record: dict[str, Any] = {"rules_only": _summary(score(held_items, None)), "search": []}
    log(f"held out, rules only: {record['rules_only']}")
    best: tuple[float, dict[str, float], dict[str, Any]] | None = None
    bases: dict[float, CueModel] = {}
    for c in C_GRID:
        base = bases[c] = fit(data, c=c, seed=seed)
        for threshold in THRESHOLD_GRID:
            for keep in KEEP_RULE_GRID:
                model = CueModel(base.weights, base.bias, threshold, keep)
                metrics = score(held_items, model)
                settings = {"c": c, "threshold": threshold, "keep_rule_threshold": keep}
                record["search"].append({**settings, **_summary(metrics)})
                log(f"held out, {settings}: {_summary(metrics)}")
                if best is None or _objective(metrics) > best[0]:
                    best = (_objective(metrics), settings, metrics)
    assert best is not None
    chosen = best[1]
    first = replace(
        bases[chosen["c"]],
        threshold=chosen["threshold"],
        keep_rule_threshold=chosen["keep_rule_threshold"],
    )
    log(f"second stage: cross-fitting {STACK_FOLDS} folds at C={chosen['c']}")
    # (``with_second_stage`` fits the encoder stage only when every article has vectors.)
    stacked = with_second_stage(
        first, articles, c=chosen["c"], seed=seed, threshold=0.5, encoder_threshold=0.5
    )
    plain = replace(stacked, encoder=None)
    for threshold in STACK_THRESHOLD_GRID:
        metrics = score(held_items, replace(plain, threshold=threshold))
        settings = {**chosen, "second_stage": True, "threshold": threshold}
        record["search"].append({**settings, **_summary(metrics)})
        log(f"held out, {settings}: {_summary(metrics)}")
        if _objective(metrics) > best[0]:
            best = (_objective(metrics), settings, metrics)
    if stacked.encoder is not None and best[1].get("second_stage"):
        # The encoder stage sits on the chosen second stage; it is kept only if it beats it.
        second = best[1]
        for threshold in ENCODER_THRESHOLD_GRID:
            model = replace(
                stacked,
                threshold=second["threshold"],
                encoder=replace(stacked.encoder, threshold=threshold),
            )
            metrics = score(held_items, model)
            settings = {**second, "encoder_threshold": threshold}
            record["search"].append({**settings, **_summary(metrics)})
            log(f"held out, {settings}: {_summary(metrics)}")
            if _objective(metrics) > best[0]:
                best = (_objective(metrics), settings, metrics)
    record["held_out"] = {
        **_summary(best[2]),
        **{
            k: round(float(v), 4)
            for k, v in best[2].items()
            if k.endswith(("_precision", "_recall"))
        },
    }
    return best[1], record


def train_attribution(
    data: Path,
    output: Path,
    *,
    seed: int = 0,
    limit: int | None = None,
    choosers_only: bool = False,
    content_only: bool = False,
    head_outputs: Path | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train the cue detector and the content and source choosers on the PolNeAR split in
    ``data``.

    ``head_outputs``: the out-of-fold cue and role head outputs that ``claimscope train signals
    --folds`` wrote beside the signal model now installed (``with_vectors``).

    All three are written to ``output``. With ``choosers_only`` the cue model already in
    ``output`` is kept and only the choosers are trained (they learn from that model's cues).

    Returns:
        What was measured: the held-out scores of the rules alone and of the chosen models,
        the settings searched, and the size of the training data.

    Raises:
        ModelError: ``choosers_only`` and ``output`` holds no cue model.
    """
    started = time.perf_counter()
    choosers_only = choosers_only or content_only  # the option's earlier name
    existing = load_cue_model.__wrapped__(str(output)) if choosers_only else None
    if choosers_only and existing is None:
        raise ModelError(f"{output} holds no {WEIGHTS_FILE} to train the choosers beside")
    given = None
    if head_outputs is not None:
        from claimscope.train.signal_fit import load_head_outputs

        try:
            given = load_head_outputs(head_outputs)
        except ValueError as err:
            raise ModelError(f"cannot read the head outputs {head_outputs}: {err}") from err
    elif _heads_saw_fit_articles():
        log(
            "warning: the installed signal model's heads learned from the fit articles; "
            "without --head-outputs the models here trust them as on text they have seen"
        )
    items = parse_split(data, limit=limit, log=log, head_outputs=given)
    fit_items, held_items = split_held_out(items)
    training: dict[str, Any] = {"out_of_fold_heads": given is not None}
    for role in ("cue", *ROLE_COLUMNS):
        if not all(
            item.vectors is not None and item.vectors.role(role) is not None for item in items
        ):
            continue
        # The signal model's token heads learned from the fit articles' sentences; their
        # token F1 there against the held-out articles shows how far they are in-sample.
        training[f"{role}_head_token_f1"] = {
            "fit": head_token_f1(fit_items, role),
            "held_out": head_token_f1(held_items, role),
        }
        log(f"{role} head alone, token F1 at 0.5: {training[f'{role}_head_token_f1']}")
    if existing is not None:
        model = existing
    else:
        settings, record = select(fit_items, held_items, seed=seed, log=log)
        articles = [article_rows(item) for item in items]
        everything = [example for rows in articles for example in rows.pairs()]
        random.Random(seed).shuffle(everything)
        base = fit(everything, c=settings["c"], seed=seed)
        model = CueModel(
            base.weights, base.bias, settings["threshold"], settings["keep_rule_threshold"]
        )
        if settings.get("second_stage"):
            log("second stage: cross-fitting on all articles")
            model = with_second_stage(
                model,
                articles,
                c=settings["c"],
                seed=seed,
                threshold=settings["threshold"],
                encoder_threshold=settings.get("encoder_threshold"),
            )
        training = {
            **training,
            "data": data.name,
            "articles": len(items),
            "held_out_articles": len(held_items),
            "tokens": len(everything),
            "seed": seed,
            "settings": settings,
            **record,
            "seconds": round(time.perf_counter() - started, 1),
        }
        output.mkdir(parents=True, exist_ok=True)
        (output / WEIGHTS_FILE).write_text(
            json.dumps(model.to_json(training=training), ensure_ascii=False, sort_keys=False),
            encoding="utf-8",
        )
        log(f"wrote {output / WEIGHTS_FILE}: {len(model.weights)} weights")
    training.update(train_choosers(items, fit_items, held_items, model, output, seed=seed, log=log))
    for role in ("content", "source"):
        training[role]["data"] = data.name
    return training


def _heads_saw_fit_articles() -> bool:
    """Whether the installed signal model's cue and role heads were fitted with out-of-fold
    outputs beside them (``head_folds`` in its config), which training should then read."""
    from claimscope.signals.model import load_signal_model, signal_model_available

    if not signal_model_available():
        return False
    try:
        model = load_signal_model()
    except ModelError:
        return False
    return model.has_roles and bool(model.config.get("head_folds"))


def train_choosers(
    items: Sequence[ParsedArticle],
    fit_items: Sequence[ParsedArticle],
    held_items: Sequence[ParsedArticle],
    model: CueModel,
    output: Path,
    *,
    seed: int = 0,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train the content chooser and then the source chooser beside the cue ``model``, and
    write both to ``output``; their training records under "content" and "source"."""
    held_content, content_model, content = train_content(
        items,
        fit_items,
        held_items,
        model,
        output / CONTENT_WEIGHTS_FILE,
        seed=seed,
        score=lambda chosen, chooser: _summary(score(chosen, model, chooser)),
        log=log,
    )
    # The source chooser learns beside the content chooser, as the engine runs them; its
    # settings are chosen and measured with the content chooser fitted on the fit articles.
    _, _, source = train_source(
        items,
        fit_items,
        held_items,
        model,
        (held_content, content_model),
        output / SOURCE_WEIGHTS_FILE,
        seed=seed,
        score=lambda chosen, chooser: _summary(score(chosen, model, held_content, chooser)),
        log=log,
    )
    return {"content": content, "source": source}
