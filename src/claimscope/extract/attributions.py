"""Attributions: who says what, through which cue, on which channel."""

from __future__ import annotations

from typing import Any

from claimscope.schema import Attribution, Entity


def extract_attributions(doc: Any, entities: list[Entity]) -> list[Attribution]:
    """Attributions in ``doc`` (ids ``A1``, ``A2``, ...), sources linked to ``entities``."""
    return []
