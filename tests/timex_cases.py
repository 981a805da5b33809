"""Helper of the TIMEX3 value tests: the type and value read for one expression of a text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimscope.extract.times import extract_times


def timex_of(nlp: Any, text: str, span: str, published: dt.date) -> tuple[str, str | None]:
    """The (type, value) of the expression written ``span`` in ``text``; fails if not found."""
    found = {t.span.text: t for t in extract_times(nlp(text), published)}
    assert span in found, sorted(found)
    return found[span].type, found[span].value
