"""Hedges and evidential markers: reportedly, alleged, unverified, could, sparked speculation."""

from __future__ import annotations

from typing import Any

from claimscope.schema import Hedge


def extract_hedges(doc: Any) -> list[Hedge]:
    """Hedge spans in ``doc`` (ids ``H1``, ``H2``, ...)."""
    return []
