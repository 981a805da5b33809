"""Robustness on real news pages: the 150 pages of ../shared/data/extraction (skipped when absent).

Property tests generate prose from a fixed vocabulary; real pages reach parses they never do.
Every English page must be analysed without an error other than a ClaimscopeError, and every
span of every analysis must be the article slice it claims to be.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimscope import AnalyzeOptions, ClaimscopeError
from claimscope.ingest import load_source
from spans import span_errors

pytestmark = [pytest.mark.data, pytest.mark.slow]


def test_every_real_page_is_analysed_with_verifiable_spans(
    shared_data: Path, analyzer: Any
) -> None:
    pages = sorted((shared_data / "extraction" / "html").glob("*.html.gz"))
    assert len(pages) >= 100
    options = AnalyzeOptions()
    items, refused = [], []
    for page in pages:
        try:
            items.append(load_source(str(page), options=options))
        except ClaimscopeError as err:
            refused.append((page.name, err))
    failures: list[tuple[int, ClaimscopeError]] = []
    analysed = 0
    for analysis in analyzer.analyze_many(items, on_error=lambda i, e: failures.append((i, e))):
        assert span_errors(analysis) == [], analysis.article.url
        analysed += 1
    # Only language refusals are expected among readable pages (the set has non-English news).
    assert {type(e).__name__ for _, e in failures} <= {"UnsupportedLanguageError"}
    assert analysed >= 120
