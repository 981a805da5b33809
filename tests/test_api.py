"""The public surface: what ``claimscope.__all__`` promises is there, and nothing is missing."""

from __future__ import annotations

import datetime as dt

import pytest

import claimscope
from claimscope.errors import InvalidOptionError


def test_all_names_exist() -> None:
    for name in claimscope.__all__:
        assert hasattr(claimscope, name), name


def test_all_is_complete() -> None:
    public = {
        name
        for name, value in vars(claimscope).items()
        if not name.startswith("_")
        and getattr(value, "__module__", "").startswith("claimscope")
        and not isinstance(value, type(claimscope))
    }
    assert public <= set(claimscope.__all__), public - set(claimscope.__all__)


def test_analyze_returns_analysis_with_metadata(analyzer: claimscope.Analyzer) -> None:
    analysis = analyzer.analyze(
        "Harbour Minister Odile Ferrant said the Corvale docks would reopen next week.",
        published="2031-04-20",
        outlet="Belmora Daily Courier",
        title="Docks to reopen",
    )
    assert isinstance(analysis, claimscope.Analysis)
    assert analysis.article.published == dt.date(2031, 4, 20)
    assert analysis.article.outlet == "Belmora Daily Courier"
    assert analysis.article.language == "en"
    assert analysis.schema_version == claimscope.SCHEMA_VERSION
    assert analysis.summary.sentences == 1


def test_analyze_many_keeps_order_and_reports_failures(analyzer: claimscope.Analyzer) -> None:
    failures: list[tuple[int, str]] = []
    items = [
        "The Corvale council met on Monday to discuss the harbour budget.",
        "   ",
        claimscope.ArticleInput(text="The ferry to Tarnia resumed service.", outlet="Ledger"),
    ]
    results = list(
        analyzer.analyze_many(items, on_error=lambda i, e: failures.append((i, type(e).__name__)))
    )
    assert [r.article.text[:10] for r in results] == ["The Corval", "The ferry "]
    assert results[1].article.outlet == "Ledger"
    assert failures == [(1, "EmptyInputError")]


def test_analyze_many_raises_without_handler(analyzer: claimscope.Analyzer) -> None:
    with pytest.raises(claimscope.ClaimscopeError):
        list(analyzer.analyze_many(["", "fine text here."]))


def test_bad_published_date_is_an_option_error(analyzer: claimscope.Analyzer) -> None:
    with pytest.raises(InvalidOptionError):
        analyzer.analyze("The ferry resumed service.", published="last Tuesday")


def test_article_id_ignores_whitespace_layout(analyzer: claimscope.Analyzer) -> None:
    a = analyzer.analyze("The ferry resumed service.\nThe docks stayed closed.")
    b = analyzer.analyze("The ferry resumed  service.\r\nThe docks stayed closed.\n")
    assert a.article.id == b.article.id
