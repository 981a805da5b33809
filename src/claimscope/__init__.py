"""claimscope: untangle a news article the way a careful fact-checker does.

Example:
    >>> from claimscope import analyze
    >>> analysis = analyze("Mayor Ilse Varn said the bridge would reopen on May 3.",
    ...                    published="2031-04-20")
    >>> analysis.article.published.isoformat()
    '2031-04-20'
"""

from __future__ import annotations

__version__ = "0.1.0"

from claimscope.analyzer import Analyzer, analyze
from claimscope.errors import ClaimscopeError
from claimscope.ingest.types import ArticleInput
from claimscope.options import AnalyzeOptions
from claimscope.schema import SCHEMA_VERSION, Analysis

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "AnalyzeOptions",
    "Analyzer",
    "ArticleInput",
    "ClaimscopeError",
    "__version__",
    "analyze",
]
