"""The one options object that the CLI, the Python API and batch code build and pass in."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: Articles longer than this many characters are refused unless the limit is raised; a news
#: article is rarely above 60,000 characters, and a larger input is usually a mistake.
DEFAULT_MAX_CHARS = 500_000

#: Fetched documents larger than this are refused before they are read to the end.
DEFAULT_MAX_FETCH_BYTES = 10_000_000


@dataclass(frozen=True, kw_only=True)
class AnalyzeOptions:
    """How claimscope reads and analyses articles.

    Example:
        >>> from claimscope import AnalyzeOptions
        >>> AnalyzeOptions(max_chars=100_000, force_language=True).max_chars
        100000
    """

    #: Refuse articles longer than this many characters (InputTooLargeError).
    max_chars: int = DEFAULT_MAX_CHARS
    #: Analyse the text even when it is detected as not English.
    force_language: bool = False
    #: Refuse fetched documents larger than this many bytes.
    max_fetch_bytes: int = DEFAULT_MAX_FETCH_BYTES
    #: Seconds to wait for a URL before giving up.
    fetch_timeout: float = 15.0
    #: Allow URLs that resolve to private, loopback or link-local addresses.
    allow_private: bool = False
    #: Documents parsed together by ``Analyzer.analyze_many``.
    batch_size: int = 16
    #: Compute the learned sentence signals (check-worthiness, subjectivity, techniques);
    #: turning them off saves about a third of the analysis time.
    signals: bool = True

    def as_dict(self) -> dict[str, Any]:
        """The options as plain JSON-ready values (recorded in ``Analysis.provenance``)."""
        return asdict(self)
