"""Acronyms defined next to their expansion, and whether the two fit."""

from __future__ import annotations

from typing import Any

from claimscope.schema import Acronym, Entity


def extract_acronyms(doc: Any, entities: list[Entity]) -> list[Acronym]:
    """Acronym/expansion pairs in ``doc`` (ids ``K1``, ``K2``, ...)."""
    return []
