"""Claims: the factual statements of an article, each linked to what it rests on."""

from __future__ import annotations

from typing import Any

from claimscope.schema import Attribution, Claim, Entity, Hedge, TimeExpression


def extract_claims(
    doc: Any,
    *,
    attributions: list[Attribution],
    hedges: list[Hedge],
    entities: list[Entity],
    times: list[TimeExpression],
) -> list[Claim]:
    """Claims in ``doc`` (ids ``C1``, ...), linked to attributions, hedges, entities, times."""
    return []
