"""The place tagger finds gazetteer names the model mislabels or misses, and aliases resolve."""

from __future__ import annotations

from typing import Any

import pytest

from claimscope.extract.places import resolve_place


def _places(nlp: Any, text: str) -> list[tuple[str, str]]:
    return [(ent.text, ent.label_) for ent in nlp(text).ents if ent.label_ in ("GPE", "LOC")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The model tends to take "the" into a WORK_OF_ART or LOC: the name is still a place.
        ("Mayor Ilse Varn said drones struck the Kursk Oblast overnight.", "Kursk Oblast"),
        ("Officials of the Belmora Daily Courier toured the Belgorod Region.", "Belgorod Region"),
        # A lowercase type word the tagger calls a common noun still ends the name.
        ("Mayor Ilse Varn said fighting went on in the Donetsk region.", "Donetsk region"),
    ],
)
def test_region_name_after_the_is_tagged(nlp: Any, text: str, name: str) -> None:
    assert (name, "GPE") in _places(nlp, text)


def test_the_does_not_open_a_longer_organisation_name(nlp: Any) -> None:
    # "Bank of Kursk" holds more than the place name: the model's ORG stays.
    doc = nlp("The Bank of Kursk closed its doors in Corvale.")
    assert "Kursk" not in [ent.text for ent in doc.ents if ent.label_ == "GPE"]


def test_a_bare_type_word_is_no_place(nlp: Any) -> None:
    assert _places(nlp, "Mayor Ilse Varn said fighting went on in the region.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Envoys of the UAE and the DRC met Mayor Ilse Varn in Corvale.", "UAE"),
        ("Envoys of the UAE and the DRC met Mayor Ilse Varn in Corvale.", "DRC"),
    ],
)
def test_country_abbreviation_tagged_as_org_becomes_a_place(nlp: Any, text: str, name: str) -> None:
    assert (name, "GPE") in _places(nlp, text)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("UAE", "AE"),
        ("U.A.E.", "AE"),
        ("DRC", "CD"),
        ("PRC", "CN"),
        ("DPRK", "KP"),
        ("ROK", "KR"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("USA", "US"),
        ("Holland", "NL"),
        ("Burma", "MM"),
    ],
)
def test_country_aliases_resolve_to_the_country(name: str, country: str) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.kind, place.country) == ("country", country)


def test_country_alias_is_one_candidate_not_a_copy() -> None:
    # "Wales" is both in the sources and in the project's table: one region, not two.
    place = resolve_place("Wales")
    assert place is not None and place.region == "GB-WLS" and not place.ambiguous


def test_wales_tagged_as_org_becomes_a_place(nlp: Any) -> None:
    assert ("Wales", "GPE") in _places(nlp, "Wales has a new minister, Ilse Varn.")


@pytest.mark.parametrize(
    ("name", "region"),
    [("Frankfurt", "DE-HE"), ("Seville", "ES-AN"), ("Buenos Aires", "AR-C")],
)
def test_english_city_names_resolve(name: str, region: str) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.kind, place.region) == ("city", region)


def test_newcastle_beside_england_is_the_english_city() -> None:
    from claimscope.extract.places import PlaceContext

    place = resolve_place("Newcastle", PlaceContext(regions=frozenset({"GB-ENG"})))
    assert place is not None and (place.country, place.region) == ("GB", "GB-ENG")
