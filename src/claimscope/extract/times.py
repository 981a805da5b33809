"""Temporal expressions with TIMEX3-style values anchored to the publication date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimscope.schema import TimeExpression


def extract_times(doc: Any, published: dt.date | None) -> list[TimeExpression]:
    """Time expressions in ``doc`` (ids ``T1``, ...), normalised when ``published`` is known."""
    return []
