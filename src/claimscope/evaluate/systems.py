"""The systems measured by ``claimscope eval attribution``, as predicted character ranges.

* ``claimscope``: ``Analyzer.analyze_many`` over the article texts; each ``Attribution``'s
  source, cue and content spans, mapped back from the analyser's normalised text to the text
  as annotated. Attributions that share one cue (the same word of the text) and one source
  are scored as one attribution with a discontinuous content, as PolNeAR annotates them
  (``join_shared_cues``).
* ``textacy``: the baseline, textacy's ``direct_quotations`` on a doc of the stock spaCy model
  (direct quotes only). textacy is not a dependency of claimscope: it is imported when asked
  for, with an install hint when missing.

Example:
    >>> run = SYSTEMS["claimscope"](["Mayor Ilse Varn said the bridge would reopen."])
    ... # doctest: +SKIP
    >>> [(a.cue, a.source) for a in run.predictions[0]]  # doctest: +SKIP
    [(((16, 20),), ((0, 15),))]
"""

from __future__ import annotations

import importlib
import time
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from claimscope.errors import ModelError
from claimscope.evaluate.polnear import AttributionSpans, Segments, merge_segments

if TYPE_CHECKING:
    from claimscope.analyzer import Analyzer
    from claimscope.schema import Span


@dataclass(frozen=True, slots=True)
class SystemRun:
    """A system's predicted attributions for each article, and how long it took."""

    predictions: list[list[AttributionSpans]]
    #: Articles the system gave up on (they count with no predicted attribution).
    failed: int
    load_seconds: float
    seconds: float


def to_raw_offsets(raw: str, normalized: str) -> Callable[[int], int]:
    """Map offsets in the analyser's normalised text back to the annotated raw text."""
    shift = raw.find(normalized)
    if shift >= 0:  # the usual case: normalising only stripped the ends
        return lambda offset: offset + shift
    # Normalising changed characters inside the text (CRLF, NFC): align the two texts.
    blocks = SequenceMatcher(None, normalized, raw, autojunk=False).get_matching_blocks()
    starts = [block.a for block in blocks]

    def to_raw(offset: int) -> int:
        block = blocks[max(bisect_right(starts, offset) - 1, 0)]
        return block.b + min(max(offset - block.a, 0), block.size)

    return to_raw


def _segments(span: Span | None, to_raw: Callable[[int], int]) -> Segments | None:
    return None if span is None else ((to_raw(span.start), to_raw(span.end)),)


def join_shared_cues(attributions: Sequence[AttributionSpans]) -> list[AttributionSpans]:
    """Attributions with the same cue and source as one attribution, their contents joined.

    claimscope gives a quote that goes on after its cue ("'A,' she said. 'B.'"), or a quote
    that follows its speaker's sentence on its own, as a record of its own that carries the
    cue and source of the attribution it continues: the same word of the text, not just the
    same verb. PolNeAR annotates such a passage as one attribution whose content is
    discontinuous (A + B). So records that share the cue's and the source's character ranges
    are one act of saying, scored as one attribution: the first record's, with the content
    ranges of all of them merged. Attributions without a cue are never joined.

    Example:
        >>> first = AttributionSpans(((0, 4),), ((10, 14),), ((20, 30),), "A1")
        >>> second = AttributionSpans(((0, 4),), ((10, 14),), ((40, 50),), "A2")
        >>> [a.content for a in join_shared_cues([first, second])]
        [((20, 30), (40, 50))]
    """
    joined: list[AttributionSpans] = []
    position: dict[tuple[Segments, Segments | None], int] = {}
    for attribution in attributions:
        if attribution.cue is None:
            joined.append(attribution)
            continue
        key = (attribution.cue, attribution.source)
        at = position.get(key)
        if at is None:
            position[key] = len(joined)
            joined.append(attribution)
            continue
        first = joined[at]
        content = merge_segments([*(first.content or ()), *(attribution.content or ())])
        joined[at] = replace(first, content=content or None)
    return joined


def run_claimscope(texts: Sequence[str], analyzer: Analyzer | None = None) -> SystemRun:
    """claimscope's attributions: ``Analyzer.analyze_many`` over the texts.

    Args:
        texts: the article texts, as annotated.
        analyzer: the analyzer to use; by default one that takes any language and length.
    """
    from claimscope.analyzer import Analyzer
    from claimscope.ingest.text import normalize_text
    from claimscope.options import DEFAULT_MAX_CHARS, AnalyzeOptions

    started = time.perf_counter()
    if analyzer is None:
        longest = max((len(text) for text in texts), default=0)
        options = AnalyzeOptions(force_language=True, max_chars=max(DEFAULT_MAX_CHARS, longest))
        analyzer = Analyzer(options)
    loaded = time.perf_counter()
    failed: set[int] = set()
    predictions: list[list[AttributionSpans]] = [[] for _ in texts]
    position = 0
    results = analyzer.analyze_many(texts, on_error=lambda i, _err: failed.add(i))
    for analysis in results:
        # nlp.pipe keeps the order, and an article is prepared (or refused) before any later
        # one is yielded, so this result belongs to the next position not refused.
        while position in failed:
            position += 1
        raw = texts[position]
        to_raw = to_raw_offsets(raw, analysis.article.text)
        if normalize_text(raw) != analysis.article.text:  # pragma: no cover - a bug guard
            raise RuntimeError(f"claimscope result {position} is not the article given")
        predictions[position] = join_shared_cues(
            [
                AttributionSpans(
                    source=_segments(a.source, to_raw),
                    cue=_segments(a.cue, to_raw),
                    content=_segments(a.content, to_raw),
                    id=a.id,
                )
                for a in analysis.attributions
            ]
        )
        position += 1
    return SystemRun(predictions, len(failed), loaded - started, time.perf_counter() - loaded)


def run_textacy(texts: Sequence[str]) -> SystemRun:
    """The baseline: textacy's ``direct_quotations`` on a doc of the stock spaCy model.

    textacy gives up (raises) on a text with an odd number of quote marks; such an article
    counts with no predictions and in ``failed``.

    Raises:
        ModelError: textacy or the spaCy model is not installed.
    """
    started = time.perf_counter()
    try:
        # Imported by name: textacy is an optional extra, absent from most installs.
        triples = importlib.import_module("textacy.extract.triples")
    except ImportError as err:
        raise ModelError(
            f"the textacy baseline needs textacy ({err}): pip install textacy"
        ) from err
    import spacy

    from claimscope.nlp import MODEL_NAME

    try:
        nlp = spacy.load(MODEL_NAME)  # the stock model, without claimscope's additions
    except OSError as err:
        raise ModelError(f"the spaCy model '{MODEL_NAME}' is not installed ({err})") from err
    loaded = time.perf_counter()
    failed = 0
    predictions: list[list[AttributionSpans]] = []
    for doc in nlp.pipe(texts):
        try:
            found = list(triples.direct_quotations(doc))
        except ValueError:  # "unclosed quotation": textacy bails out on the whole text
            failed += 1
            found = []
        predictions.append(
            [
                AttributionSpans(
                    source=_token_segments(triple.speaker),
                    cue=_token_segments(triple.cue),
                    content=((triple.content.start_char, triple.content.end_char),),
                )
                for triple in found
            ]
        )
    return SystemRun(predictions, failed, loaded - started, time.perf_counter() - loaded)


def _token_segments(tokens: Sequence[Any]) -> Segments | None:
    return merge_segments([(t.idx, t.idx + len(t.text)) for t in tokens]) or None


#: The systems ``claimscope eval attribution --system`` can measure.
SYSTEMS: dict[str, Callable[[Sequence[str]], SystemRun]] = {
    "claimscope": run_claimscope,
    "textacy": run_textacy,
}
