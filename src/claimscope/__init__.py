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

from claimscope.analyzer import Analyzer, analyze  # noqa: E402
from claimscope.errors import ClaimscopeError  # noqa: E402
from claimscope.ingest.types import ArticleInput  # noqa: E402
from claimscope.options import AnalyzeOptions  # noqa: E402
from claimscope.schema import SCHEMA_VERSION, Analysis  # noqa: E402

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
