"""The words next to a place name that say where it is: "Tripoli in northern Lebanon", "the
Indian state of Punjab", "Perth, the Scottish city".

A journalist names the country or region of an ambiguous place right beside it. Three forms
are read here, each as the area the place lies within (``PlaceContext.within``):

- "X in Y" and "X, in Y", with a compass word or two between ("in northern Lebanon", "in the
  south of Chile"), where Y is the next place name;
- "the <demonym> <kind> of X" ("the Indian state of Punjab", "the Spanish city of Cordoba");
- "X, the <demonym> <kind>" ("Perth, the Scottish city on the Tay").

``place_contexts`` gathers, for every place mention of an article, what the rest of it says:
the article's other places, its demonyms, the qualifier Y of "X, Y" ("Paris, Texas"), the X
that a qualifier Y follows ("Seattle, Washington" is the state), and the three forms above.

Example:
    >>> doc = load_pipeline()("Farms in the Indian state of Punjab.")  # doctest: +SKIP
    >>> [p.country for p in demonym_before(doc, 7)]  # doctest: +SKIP
    ['IN']
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimscope.extract.names import NameMention
from claimscope.extract.places import PlaceContext, article_context, readings, resolve_place
from claimscope.gazetteer import demonym_country
from claimscope.schema import Place

_PLACE_LABELS = frozenset({"GPE", "LOC"})

#: Words between "in" and the area: "in northern Lebanon", "in the far north of Chile".
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "northeastern", "northwestern", "southeastern", "southwestern", "north-east",
     "north-west", "south-east", "south-west", "north-eastern", "north-western",
     "south-eastern", "south-western", "far", "the", "of", "-", "rural", "coastal"}
)  # fmt: skip
#: Nouns for a kind of place after a demonym: "the Indian state of", "the Scottish city".
_KINDS = frozenset(
    {"city", "town", "village", "port", "capital", "state", "province", "region", "county",
     "district", "island", "municipality", "resort", "enclave", "oblast", "governorate"}
)  # fmt: skip
#: Tokens scanned after "in" for the area's name.
_MAX_GAP = 4


def area_after(doc: Any, name_end: int, place_starts: dict[int, str]) -> tuple[Place, ...]:
    """Readings of Y in "X in Y" / "X, in Y" (empty when the words after X are not that)."""
    i = name_end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "in":
        return ()
    for j in range(i + 1, min(len(doc), i + 1 + _MAX_GAP)):
        if j in place_starts:
            return tuple(p for p in readings(place_starts[j]) if p.kind in ("country", "region"))
        if doc[j].lower_ not in _COMPASS:
            return ()
    return ()


def demonym_before(doc: Any, name_start: int) -> tuple[Place, ...]:
    """The country of "the <demonym> <kind> of X" (empty when the words before X are not that)."""
    if name_start < 3 or doc[name_start - 1].lower_ != "of":
        return ()
    kind, demonym = doc[name_start - 2], doc[name_start - 3]
    if kind.lower_ not in _KINDS:
        return ()
    return _country_of(demonym.text)


def demonym_after(doc: Any, name_end: int) -> tuple[Place, ...]:
    """The country of "X, the <demonym> <kind>" (empty when the words after X are not that)."""
    words = doc[name_end : name_end + 4]
    if len(words) < 4 or words[0].text != "," or words[1].lower_ != "the":
        return ()
    if words[3].lower_ not in _KINDS:
        return ()
    return _country_of(words[2].text)


def _country_of(word: str) -> tuple[Place, ...]:
    """The country a demonym ("Indian") or a country's short name ("US") names."""
    if not word[:1].isupper():
        return ()
    country = demonym_country(word)
    if country is None:
        named = [p for p in readings(word) if p.kind == "country"]
        return tuple(named[:1])
    return _country_place(country)


@lru_cache(maxsize=256)
def _country_place(code: str) -> tuple[Place, ...]:
    import pycountry

    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        return ()
    return tuple(p for p in readings(record.name) if p.kind == "country" and p.country == code)


def place_contexts(doc: Any, mentions: list[NameMention]) -> dict[int, PlaceContext]:
    """What the rest of the article says about each place mention, by its first token.

    The article's other place names (their default readings), and the qualifier Y of
    "X, Y" ("Paris, Texas"), with all its readings.
    """
    places = [m for m in mentions if m.label in _PLACE_LABELS]
    if not places:
        return {}
    by_start = {m.name_start: m for m in places}
    names = {m.name_start: doc[m.name_start : m.name_end].text for m in places}
    default = {name: resolve_place(name) for name in set(names.values())}
    # "the Costa Rican capital", "Jamaican officials": a demonym names a country as surely
    # as the country's name does.
    demonyms = {
        country
        for m in mentions
        if m.label == "NORP"
        and (country := demonym_country(doc[m.name_start : m.name_end].text)) is not None
    }
    contexts: dict[int, PlaceContext] = {}
    for m in places:
        own = names[m.name_start]
        others = article_context(p for name, p in default.items() if p and name != own)
        if demonyms:
            others = PlaceContext(
                countries=others.countries,
                regions=others.regions,
                demonym_countries=frozenset(demonyms),
            )
        after = by_start.get(m.name_end + 1)
        before = _place_before_comma(doc, m.name_start, places)
        if after is not None and doc[m.name_end].text == ",":
            others = PlaceContext(within=readings(names[after.name_start]))
        elif before is not None:
            # Y of "X, Y" is where X lies: "Seattle, Washington" is the state.
            held = frozenset(p.region for p in readings(names[before.name_start]) if p.region)
            others = PlaceContext(regions=held)
        else:
            # "Tripoli in northern Lebanon", "the Indian state of Punjab": an area beside it.
            beside = (
                area_after(doc, m.name_end, names)
                or demonym_before(doc, m.name_start)
                or demonym_after(doc, m.name_end)
            )
            if beside:
                others = PlaceContext(within=beside)
        contexts[m.name_start] = others
    return contexts


def _place_before_comma(doc: Any, start: int, places: list[NameMention]) -> NameMention | None:
    """The place mention X right before ", " + the mention at ``start`` ("Seattle, Y")."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    return next((m for m in places if m.name_end == start - 1), None)
