"""Acronyms defined next to their expansion, and whether the two fit.

The pairs are found by ``extract.acronym_pairs`` (shared with ``extract.entities``, which makes
both forms mentions of one entity); ``matches`` is False when the acronym does not fit the
expansion's initials ("TAK (Central Telegraph Agency of Korea)"), which ``assess`` reports.

Example:
    >>> doc = nlp("The National Radio of Belmora (NRB) said so.")  # doctest: +SKIP
    >>> pairs = extract_acronyms(doc, [])  # doctest: +SKIP
    >>> [(a.short.text, a.long.text, a.matches) for a in pairs]  # doctest: +SKIP
    [('NRB', 'National Radio of Belmora', True)]
"""

from __future__ import annotations

from typing import Any

from claimscope.extract.acronym_pairs import AcronymPair, find_acronym_pairs
from claimscope.extract.common import make_span
from claimscope.schema import Acronym, Entity


def extract_acronyms(doc: Any, entities: list[Entity]) -> list[Acronym]:
    """Acronym/expansion pairs in ``doc`` (ids ``K1``, ``K2``, ...)."""
    text = doc.text
    acronyms = []
    for i, pair in enumerate(find_acronym_pairs(doc), start=1):
        long = make_span(text, pair.long_start, pair.long_end)
        acronyms.append(
            Acronym(
                id=f"K{i}",
                short=make_span(text, pair.short_start, pair.short_end, trim=False),
                long=long,
                matches=pair.fits,
                entity=_entity_of(pair, entities),
            )
        )
    return acronyms


def _entity_of(pair: AcronymPair, entities: list[Entity]) -> str | None:
    """The entity the expansion names: the one with this expansion (or most of it) as mention."""
    best: tuple[int, str] | None = None
    for entity in entities:
        for mention in entity.mentions:
            overlap = min(mention.end, pair.long_end) - max(mention.start, pair.long_start)
            if overlap * 2 > pair.long_end - pair.long_start and (
                best is None or overlap > best[0]
            ):
                best = (overlap, entity.id)
    return best[1] if best else None
