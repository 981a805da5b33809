"""The orchestrator: article in, ``Analysis`` out, through one spaCy parse.

Example:
    >>> from claimscope import Analyzer
    >>> analyzer = Analyzer()
    >>> analysis = analyzer.analyze("Mayor Ilse Varn said the bridge would reopen.")
    >>> analysis.article.language
    'en'
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from claimscope import __version__
from claimscope.assess import assess
from claimscope.errors import ClaimscopeError
from claimscope.extract.acronyms import extract_acronyms
from claimscope.extract.attributions import extract_attributions
from claimscope.extract.claims import extract_claims
from claimscope.extract.common import article_sentences
from claimscope.extract.content_choice import load_content_model
from claimscope.extract.cue_model import TokenVectors, load_cue_model
from claimscope.extract.entities import extract_entities
from claimscope.extract.hedges import extract_hedges
from claimscope.extract.source_choice import load_source_model
from claimscope.extract.timeline import build_timeline
from claimscope.extract.times import extract_times
from claimscope.ingest.text import check_text, normalize_text, text_id
from claimscope.ingest.types import ArticleInput
from claimscope.language import check_language
from claimscope.nlp import load_pipeline, model_info
from claimscope.options import AnalyzeOptions
from claimscope.schema import Analysis, Article, Provenance, Sentence, Span, Technique
from claimscope.signals.model import (
    SentenceSignals,
    SignalModel,
    load_signal_model,
    signal_model_available,
)

#: The learned sentence signals; one model computes all three.
SIGNAL_NAMES = ("checkworthiness", "subjectivity", "techniques")

ErrorHandler = Callable[[int, ClaimscopeError], None]


class Analyzer:
    """Loads the models once and analyses any number of articles with them.

    Args:
        options: how to read and analyse; defaults to ``AnalyzeOptions()``.
    """

    def __init__(self, options: AnalyzeOptions | None = None) -> None:
        self.options = options or AnalyzeOptions()
        self.nlp = load_pipeline()
        self._model_info = model_info()
        # Load the attribution cue model now, not on the first article (it takes ~0.5 s).
        cue_model = load_cue_model()
        load_content_model()
        load_source_model()
        self._signal_model: SignalModel | None = None
        if not self.options.signals:
            status = "unavailable: turned off (AnalyzeOptions.signals / --no-signals)"
        elif not signal_model_available():
            status = "unavailable: no signal model is installed (claimscope train signals)"
        else:
            self._signal_model = load_signal_model()
            status = "available"
        # A missing model is reported in every analysis, never replaced by made-up scores.
        self._signal_status = {name: status for name in SIGNAL_NAMES}
        # The cue detector reads the encoder's token vectors when it was trained on this
        # encoder's (``CueModel.encoder``); otherwise they are not worth computing.
        self._cue_vectors = (
            self._signal_model is not None
            and self._signal_model.has_hidden
            and cue_model is not None
            and cue_model.encoder is not None
            and cue_model.encoder.signal_model == self._signal_model.fingerprint
        )

    def analyze(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        outlet: str | None = None,
        title: str | None = None,
        url: str | None = None,
        byline: str | None = None,
    ) -> Analysis:
        """Analyse one article given as plain text.

        Raises:
            ClaimscopeError: a subclass that says why the text cannot be analysed.
        """
        item = ArticleInput(
            text=text,
            published=_as_date(published),
            outlet=outlet,
            title=title,
            url=url,
            byline=byline,
        )
        return next(self.analyze_many([item]))

    def analyze_many(
        self,
        items: Iterable[str | ArticleInput],
        *,
        on_error: ErrorHandler | None = None,
    ) -> Iterator[Analysis]:
        """Analyse many articles, parsing them in batches with ``nlp.pipe``.

        Args:
            items: article texts or ``ArticleInput`` records (text plus metadata).
            on_error: called with (position, error) for an article that cannot be analysed,
                which is then skipped; without it the error is raised.
        """
        prepared = self._prepare_all(items, on_error)
        # as_tuples carries each article's metadata alongside its text through nlp.pipe.
        pairs = ((article.text, (article, t0)) for article, t0 in prepared)
        for doc, (article, t0) in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.options.batch_size
        ):
            t_parse = time.perf_counter()
            yield self._build(doc, article, t0, t_parse)

    def _prepare_all(
        self, items: Iterable[str | ArticleInput], on_error: ErrorHandler | None
    ) -> Iterator[tuple[Article, float]]:
        for position, item in enumerate(items):
            t0 = time.perf_counter()
            try:
                yield self._prepare(item), t0
            except ClaimscopeError as err:
                if on_error is None:
                    raise
                on_error(position, err)

    def _prepare(self, item: str | ArticleInput) -> Article:
        if isinstance(item, str):
            item = ArticleInput(text=item)
        text = normalize_text(item.text)
        check_text(text, max_chars=self.options.max_chars)
        language = "en" if self.options.force_language else check_language(text)
        return Article(
            id=text_id(text),
            url=item.url,
            outlet=item.outlet,
            title=item.title,
            byline=item.byline,
            published=item.published,
            language=language,
            text=text,
        )

    def _build(self, doc: Any, article: Article, t0: float, t_parse: float) -> Analysis:
        timings: dict[str, float] = {}
        clock = time.perf_counter

        def timed(name: str, started: float) -> float:
            now = clock()
            timings[name] = round((now - started) * 1000, 3)
            return now

        t = clock()
        sentences = [
            Sentence(
                start=s.start_char,
                end=s.end_char,
                text=article.text[s.start_char : s.end_char],
                index=i,
            )
            for i, s in enumerate(article_sentences(doc))
        ]
        techniques: list[Technique] = []
        vectors: TokenVectors | None = None
        if self._signal_model is not None:
            sentences, techniques, predictions = _apply_signals(
                self._signal_model, article.text, sentences
            )
            if self._cue_vectors:
                # The encoder's hidden states serve the cue detector too: one encoder pass.
                vectors = TokenVectors.from_signals(
                    doc,
                    [(s.start, p) for s, p in zip(sentences, predictions, strict=True)],
                    self._signal_model.fingerprint,
                )
            t = timed("signals", t)
        entities = extract_entities(doc)
        t = timed("entities", t)
        acronyms = extract_acronyms(doc, entities)
        t = timed("acronyms", t)
        attributions = extract_attributions(doc, entities, token_vectors=vectors)
        t = timed("attributions", t)
        hedges = extract_hedges(doc)
        t = timed("hedges", t)
        times = extract_times(doc, article.published)
        t = timed("times", t)
        claims = extract_claims(
            doc, attributions=attributions, hedges=hedges, entities=entities, times=times
        )
        if self._signal_model is not None:
            claims = [
                c.model_copy(update={"checkworthiness": sentences[c.sentence].checkworthiness})
                for c in claims
            ]
        t = timed("claims", t)
        claims, timeline, time_relations = build_timeline(
            doc, claims=claims, times=times, attributions=attributions
        )
        t = timed("timeline", t)
        findings, summary = assess(
            article=article,
            sentences=sentences,
            entities=entities,
            acronyms=acronyms,
            attributions=attributions,
            hedges=hedges,
            times=times,
            claims=claims,
            techniques=techniques,
            timeline=timeline,
            time_relations=time_relations,
        )
        t = timed("assess", t)
        timings["parse"] = round((t_parse - t0) * 1000, 3)
        timings["total"] = round((clock() - t0) * 1000, 3)
        spacy_version, model_name, model_version = self._model_info
        return Analysis(
            article=article,
            sentences=sentences,
            entities=entities,
            acronyms=acronyms,
            attributions=attributions,
            hedges=hedges,
            times=times,
            claims=claims,
            techniques=techniques,
            timeline=timeline,
            time_relations=time_relations,
            findings=findings,
            summary=summary,
            provenance=Provenance(
                claimscope_version=__version__,
                spacy_version=spacy_version,
                spacy_model=f"{model_name}-{model_version}",
                options=self.options.as_dict(),
                signals=dict(self._signal_status),
                timings_ms=timings,
            ),
        )


def _apply_signals(
    model: SignalModel, text: str, sentences: list[Sentence]
) -> tuple[list[Sentence], list[Technique], list[SentenceSignals]]:
    """Sentences with their signal values, the technique spans in article offsets, and the
    model's output for each sentence."""
    predictions = model.predict([s.text for s in sentences])
    scored: list[Sentence] = []
    techniques: list[Technique] = []
    for sentence, signals in zip(sentences, predictions, strict=True):
        names: list[str] = []
        for found in signals.spans:
            techniques.append(
                Technique(
                    id=f"P{len(techniques) + 1}",
                    technique=found.technique,
                    span=Span.of(text, sentence.start + found.start, sentence.start + found.end),
                    sentence=sentence.index,
                    score=found.score,
                )
            )
            if found.technique not in names:
                names.append(found.technique)
        scored.append(
            sentence.model_copy(
                update={
                    "checkworthiness": signals.checkworthiness,
                    "subjectivity": signals.subjectivity,
                    "uses_technique": signals.uses_technique,
                    "techniques": names,
                }
            )
        )
    return scored, techniques, predictions


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as err:
        from claimscope.errors import InvalidOptionError

        raise InvalidOptionError(
            f"published date '{value}' is not an ISO date: use YYYY-MM-DD"
        ) from err


_default: Analyzer | None = None


def analyze(
    text: str,
    *,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    byline: str | None = None,
    options: AnalyzeOptions | None = None,
) -> Analysis:
    """Analyse one article with a shared ``Analyzer`` (models are loaded on first use).

    Example:
        >>> from claimscope import analyze
        >>> analyze("Mayor Ilse Varn said the bridge would reopen.", outlet="Harbor Ledger")
        ... # doctest: +ELLIPSIS
        Analysis(...)
    """
    global _default
    if options is not None:
        analyzer = Analyzer(options)
    else:
        if _default is None:
            _default = Analyzer()
        analyzer = _default
    return analyzer.analyze(
        text, published=published, outlet=outlet, title=title, url=url, byline=byline
    )
