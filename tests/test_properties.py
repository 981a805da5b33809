"""Property tests: spans are verifiable, JSON round-trips, and no input string crashes."""

from __future__ import annotations

import contextlib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimscope import Analysis, AnalyzeOptions, Analyzer, ClaimscopeError
from spans import span_errors

# Pieces of news-like prose: names with titles, reporting verbs, quote marks of every kind,
# dates, hedges and acronyms, so that generated texts reach every extractor's code paths.
_PIECES = [
    "Mayor Ilse Varn",
    "Varn",
    "she",
    "he said",
    "said",
    "told reporters",
    "according to the Belmora Daily Courier",
    "officials said",
    "some analysts",
    "the BSIS (Belmoran State Information Service)",
    "CNS (Information Bureau of Tarnia)",
    "reportedly",
    "allegedly",
    "could",
    "unverified",
    "sparked speculation",
    "on March 3",
    "last week",
    "two days ago",
    "in 2031",
    "the Corvale harbour",
    "Moscow",
    "Kursk Oblast",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    ",",
    ".",
    "?",
    "\n",
    "the strike",
    "would end",
    "was unprecedented",
]

_prose = (
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40)
    .map(" ".join)
    .filter(lambda s: bool(s.strip()))
)


@st.composite
def _texts(draw: Any) -> str:
    return draw(st.one_of(_prose, st.text(max_size=300), _prose.map(lambda s: s + " " + s)))


_settings = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_settings
@given(text=_texts())
def test_analyze_raises_only_claimscope_errors(analyzer: Analyzer, text: str) -> None:
    with contextlib.suppress(ClaimscopeError):
        analyzer.analyze(text)


@_settings
@given(text=_prose)
def test_every_span_is_the_article_slice(text: str) -> None:
    analysis = _forced().analyze(text, published="2031-05-02")
    assert span_errors(analysis) == []


@_settings
@given(text=_prose)
def test_json_round_trip_is_lossless(text: str) -> None:
    analysis = _forced().analyze(text)
    again = Analysis.model_validate_json(analysis.model_dump_json())
    assert again == analysis


_FORCED: list[Analyzer] = []


def _forced() -> Analyzer:
    # Generated prose is not always recognised as English; force it so extractors always run.
    if not _FORCED:
        _FORCED.append(Analyzer(AnalyzeOptions(force_language=True)))
    return _FORCED[0]
