"""The systems ``claimscope eval time --system`` measures, as predicted timexes per document.

* ``claimscope``: ``Analyzer.analyze_many`` over each document's TEXT, published on the day
  of its creation time; every ``TimeExpression`` with its span (mapped back from the
  analyser's normalised text to the TEXT offsets), type and value.
* ``dateparser``: the baseline, ``dateparser.search.search_dates`` over the same text with
  the creation time as its base for relative dates; each hit is a DATE whose value is the day
  dateparser gives (``YYYY-MM-DD``).

Example:
    >>> run = TIME_SYSTEMS["dateparser"](documents)  # doctest: +SKIP
    >>> run.predictions[0][0]  # doctest: +SKIP
    GoldTimex(start=42, end=48, type='DATE', value='1998-08-07')
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimscope.errors import ModelError
from claimscope.evaluate.systems import to_raw_offsets
from claimscope.evaluate.timeml import GoldTimex, TimeMLDocument

if TYPE_CHECKING:
    from claimscope.analyzer import Analyzer


@dataclass(frozen=True, slots=True)
class TimeRun:
    """A system's predicted timexes for each document, and how long it took."""

    predictions: list[list[GoldTimex]]
    #: Documents the system gave up on (they count with no predicted timex).
    failed: int
    load_seconds: float
    seconds: float
    notes: list[str] = field(default_factory=list)


def run_claimscope_times(
    documents: Sequence[TimeMLDocument], *, analyzer: Analyzer | None = None
) -> TimeRun:
    """claimscope's time expressions, each document read with its creation day as published.

    Args:
        documents: the TimeML documents.
        analyzer: the analyzer to use; by default one that takes any language and length and
            skips the learned signals (they play no part in time expressions).
    """
    from claimscope.analyzer import Analyzer
    from claimscope.ingest.types import ArticleInput
    from claimscope.options import DEFAULT_MAX_CHARS, AnalyzeOptions

    started = time.perf_counter()
    if analyzer is None:
        longest = max((len(d.text) for d in documents), default=0)
        options = AnalyzeOptions(
            signals=False, force_language=True, max_chars=max(DEFAULT_MAX_CHARS, longest)
        )
        analyzer = Analyzer(options)
    loaded = time.perf_counter()
    failed: set[int] = set()
    predictions: list[list[GoldTimex]] = [[] for _ in documents]
    items = [ArticleInput(text=d.text, published=d.dct) for d in documents]
    position = 0
    for analysis in analyzer.analyze_many(items, on_error=lambda i, _err: failed.add(i)):
        # Results come in order, refused documents left out: this one is the next not refused.
        while position in failed:
            position += 1
        # The analyser strips the text's ends (and would NFC-normalise it); map back to TEXT.
        to_raw = to_raw_offsets(documents[position].text, analysis.article.text)
        predictions[position] = [
            GoldTimex(to_raw(t.span.start), to_raw(t.span.end), t.type, t.value)
            for t in analysis.times
        ]
        position += 1
    notes = [
        "claimscope: Analyzer without the learned signals; spans mapped from the normalised "
        "text back to the offsets of the TEXT element"
    ]
    return TimeRun(predictions, len(failed), loaded - started, time.perf_counter() - loaded, notes)


def run_dateparser(documents: Sequence[TimeMLDocument]) -> TimeRun:
    """The baseline: ``dateparser.search.search_dates``, each hit a DATE valued as its day.

    dateparser returns the matched strings, not their offsets: each is located in the text by
    searching forward from the end of the previous hit (hits come in text order); a hit that
    cannot be found again is dropped and counted in the notes.

    Raises:
        ModelError: dateparser is not installed.
    """
    started = time.perf_counter()
    try:
        from dateparser.search import search_dates
    except ImportError as err:  # pragma: no cover - dateparser is a dependency
        raise ModelError(f"the dateparser baseline needs dateparser ({err})") from err
    loaded = time.perf_counter()
    predictions: list[list[GoldTimex]] = []
    unlocated = 0
    failed = 0
    for document in documents:
        base = dt.datetime.combine(document.dct, dt.time())
        try:
            hits = search_dates(document.text, languages=["en"], settings={"RELATIVE_BASE": base})
        except Exception:  # a third-party baseline: one bad document, not the whole run
            failed += 1
            hits = None
        found: list[GoldTimex] = []
        cursor = 0
        for matched, when in hits or []:
            start = document.text.find(matched, cursor)
            if start < 0:
                unlocated += 1
                continue
            cursor = start + len(matched)
            found.append(GoldTimex(start, cursor, "DATE", when.date().isoformat()))
        predictions.append(found)
    notes = [
        "dateparser baseline: search_dates with languages=['en'] and RELATIVE_BASE = the "
        "creation time; every hit a DATE valued YYYY-MM-DD",
        f"dateparser hits not found again in the text (dropped): {unlocated}",
    ]
    return TimeRun(predictions, failed, loaded - started, time.perf_counter() - loaded, notes)


#: The systems ``claimscope eval time --system`` can measure.
TIME_SYSTEMS: dict[str, Callable[[Sequence[TimeMLDocument]], TimeRun]] = {
    "claimscope": run_claimscope_times,
    "dateparser": run_dateparser,
}
