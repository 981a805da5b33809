"""What ingest hands to the analyzer: text plus whatever metadata the source carried."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace


@dataclass(frozen=True, kw_only=True)
class ArticleInput:
    """One article as read from a source, before analysis.

    Example:
        >>> ArticleInput(text="Mayor Ilse Varn spoke.", outlet="Harbor Ledger").outlet
        'Harbor Ledger'
    """

    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None

    def with_metadata(
        self,
        *,
        url: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
        byline: str | None = None,
        published: dt.date | None = None,
    ) -> ArticleInput:
        """A copy where every metadata value given (not None) overrides what ingest found."""
        return replace(
            self,
            url=url if url is not None else self.url,
            outlet=outlet if outlet is not None else self.outlet,
            title=title if title is not None else self.title,
            byline=byline if byline is not None else self.byline,
            published=published if published is not None else self.published,
        )
