"""The gazetteer index, place resolution and the place-tagging pipeline component."""

from __future__ import annotations

from typing import Any

import pytest

from claimscope.extract.places import resolve_place
from claimscope.gazetteer import (
    demonym_bases,
    demonym_country,
    fold,
    looks_like_demonym,
    lookup,
    tag_names,
)
from claimscope.gazetteer_build import _city_of_adjective


def _ents(doc: Any) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def _tagger_only(nlp: Any, text: str, ents: list[tuple[str, str]] | None = None) -> Any:
    """Parse without the NER, set ``ents`` (text, label) by hand, then run the place tagger."""
    with nlp.select_pipes(disable=["ner", "claimscope_places"]):
        doc = nlp(text)
    spans = []
    for ent_text, label in ents or []:
        start = text.index(ent_text)
        spans.append(doc.char_span(start, start + len(ent_text), label=label))
    doc.ents = spans
    return nlp.get_pipe("claimscope_places")(doc)


# --- index and resolution (no model) ---------------------------------------------------------


def test_fold_ignores_case_accents_apostrophes_and_the() -> None:
    assert fold("The  Gambia") == "gambia"
    assert fold("Côte d’Ivoire") == fold("cote d'ivoire")


@pytest.mark.parametrize("name", ["Kursk Oblast", "Kursk region", "Kursk oblast", "Kursk Region"])
def test_transliterated_region_gets_english_names(name: str) -> None:
    # pycountry only has "Kurskaya oblast'"; the English forms are derived from the city name.
    assert [p.region for p in lookup(name)] == ["RU-KRS"]


def test_city_of_adjective_prefers_the_biggest_city_of_that_form() -> None:
    cities = [("kirov", "Kirov", 470_000), ("kirovsk", "Kirovsk", 27_000)]
    assert _city_of_adjective("Kirovskaya", cities) == "Kirov"
    # A final vowel drops before the suffix: Odesa -> Odeska.
    assert _city_of_adjective("Odeska", [("odesa", "Odesa", 1_000_000)]) == "Odesa"
    assert _city_of_adjective("Moskovskaya", [("moscow", "Moscow", 10_000_000)]) is None


def test_resolve_region_city_country() -> None:
    kursk = resolve_place("Kursk Oblast")
    assert kursk is not None
    assert (kursk.kind, kursk.country, kursk.region, kursk.ambiguous) == (
        "region",
        "RU",
        "RU-KRS",
        False,
    )
    pyongyang = resolve_place("Pyongyang")
    assert pyongyang is not None
    assert (pyongyang.kind, pyongyang.country) == ("city", "KP")
    assert pyongyang.latitude == pytest.approx(39.0, abs=0.5)
    assert pyongyang.longitude == pytest.approx(125.7, abs=0.5)
    ukraine = resolve_place("Ukraine")
    assert ukraine is not None and (ukraine.kind, ukraine.country) == ("country", "UA")


def test_area_spanning_two_regions_lists_them_and_is_not_ambiguous() -> None:
    for spelling in ("Donbass", "Donbas"):
        donbas = resolve_place(spelling)
        assert donbas is not None
        assert (donbas.kind, donbas.country, donbas.region) == ("area", "UA", None)
        # Known to span two oblasts: listed, not a guess between readings.
        assert (donbas.regions, donbas.ambiguous) == (["UA-14", "UA-09"], False)
    assert [p.regions for p in lookup("Donbass")] == [("UA-14", "UA-09")]


def test_countries_win_and_namesakes_make_it_ambiguous() -> None:
    georgia = resolve_place("Georgia")
    assert georgia is not None
    assert (georgia.kind, georgia.country, georgia.ambiguous) == ("country", "GE", True)
    # Two cities of similar size in two countries.
    reading = resolve_place("Reading")
    assert reading is not None and reading.ambiguous
    # A small namesake elsewhere (Moscow, Idaho) does not make Moscow ambiguous.
    moscow = resolve_place("Moscow")
    assert moscow is not None and (moscow.country, moscow.ambiguous) == ("RU", False)


def test_city_region_is_one_place() -> None:
    kyiv = resolve_place("Kyiv")
    assert kyiv is not None
    assert (kyiv.kind, kyiv.region, kyiv.ambiguous) == ("city", "UA-30", False)


def test_unknown_name_resolves_to_nothing() -> None:
    assert resolve_place("Corvale") is None


@pytest.mark.parametrize(
    ("text", "country"),
    [("North Korean", "KP"), ("Ukrainians", "UA"), ("Russian", "RU"), ("Swiss", "CH")],
)
def test_demonyms(text: str, country: str) -> None:
    assert demonym_country(text) == country


def test_compound_demonym_is_not_obvious() -> None:
    assert demonym_country("Russian-North Korean") is None


def test_tag_names_keep_a_reasonable_size() -> None:
    # Load time grows with the number of names (towns of 30,000 people or more and close
    # spellings of big cities, looked for only after a locative word, cost about 1 s of load
    # time): tens of thousands, not every village.
    assert 3_000 < len(tag_names()) < 40_000
    towns = sum(1 for name in tag_names().values() if name.town)
    assert 5_000 < towns < 25_000


# --- the pipeline component -----------------------------------------------------------------


def test_multi_word_region_is_one_entity(nlp: Any) -> None:
    doc = nlp("Shelling hit Kursk Oblast overnight, officials in Corvale said.")
    assert ("Kursk Oblast", "GPE") in _ents(doc)
    assert not any(text == "Kursk" for text, _ in _ents(doc))


def test_component_corrects_a_label_no_place_has(nlp: Any) -> None:
    # The small model tags a bare "Kursk" as PRODUCT in some sentences.
    doc = _tagger_only(nlp, "Troops entered Kursk on Monday.", [("Kursk", "PRODUCT")])
    assert _ents(doc) == [("Kursk", "GPE")]


def test_component_replaces_a_person_label_on_an_area(nlp: Any) -> None:
    doc = _tagger_only(nlp, "He spoke of the Donbass at length.", [("Donbass", "PERSON")])
    assert _ents(doc) == [("Donbass", "LOC")]


def test_component_fills_a_gap_on_a_proper_noun(nlp: Any) -> None:
    doc = _tagger_only(nlp, "They moved to Kursk last year.")
    assert _ents(doc) == [("Kursk", "GPE")]


def test_component_keeps_the_models_longer_names(nlp: Any) -> None:
    text = "She studied at Moscow State University."
    doc = _tagger_only(nlp, text, [("Moscow State University", "ORG")])
    assert _ents(doc) == [("Moscow State University", "ORG")]


def test_component_keeps_a_person_whose_first_name_is_a_place(nlp: Any) -> None:
    # The model says PERSON for both; the second is the first name of the first, not the city.
    text = "Kharkiv Brenn arrived. Kharkiv spoke first."
    with nlp.select_pipes(disable=["ner", "claimscope_places"]):
        doc = nlp(text)
    later = text.rindex("Kharkiv")
    doc.ents = [
        doc.char_span(0, len("Kharkiv Brenn"), label="PERSON"),
        doc.char_span(later, later + len("Kharkiv"), label="PERSON"),
    ]
    doc = nlp.get_pipe("claimscope_places")(doc)
    assert _ents(doc) == [("Kharkiv Brenn", "PERSON"), ("Kharkiv", "PERSON")]


@pytest.mark.parametrize(
    "text",
    [
        "She was reading in Nice weather.",
        "Reading is fun, said the clerk.",
        "Mobile phones split the vote.",
        "Police in the square made a Split decision in March.",
        "Florence said the Bath was Male only.",
    ],
)
def test_component_does_not_tag_common_words_or_given_names(nlp: Any, text: str) -> None:
    doc = _tagger_only(nlp, text)
    assert _ents(doc) == []


def test_trailing_possessive_is_not_part_of_a_place(nlp: Any) -> None:
    doc = nlp("Corvale troops crossed North Korea’s border.")
    assert ("North Korea", "GPE") in _ents(doc)


@pytest.mark.parametrize(
    ("word", "base"),
    [("Tarnian", "tarnia"), ("Belmorans", "belmora"), ("Corvalian", "corvale"),
     ("Maltese", "malta"), ("Pakistani", "pakistan")],
)  # fmt: skip
def test_demonym_bases(word: str, base: str) -> None:
    assert looks_like_demonym(word)
    assert base in demonym_bases(word)


@pytest.mark.parametrize("word", ["Koval", "Swiss", "tarnian", "Ian", "Brell"])
def test_not_demonym_shaped(word: str) -> None:
    assert not looks_like_demonym(word)


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Catalonia", "ES-CT"),  # the project's English region names
        ("Flanders", "BE-VLG"),
        ("Sichuan", "CN-SC"),  # "Sichuan Sheng" without its type word
        ("Gyeonggi", "KR-41"),  # "Gyeonggi-do"
        ("Anbar", "IQ-AN"),  # "Al Anbar" without the article
        ("Henan province", "CN-HA"),  # a type word news adds
        ("Borno State", "NG-BO"),
        ("Zaporizhzhia region", "UA-23"),
    ],
)
def test_english_region_names(name: str, region: str) -> None:
    place = resolve_place(name)
    assert place is not None and place.kind == "region" and place.region == region


@pytest.mark.parametrize(
    ("name", "city", "region"),
    [
        ("Bombay", "Mumbai", "IN-MH"),
        ("Kiev", "Kyiv", "UA-30"),
        ("Leningrad", "Saint Petersburg", "RU-SPE"),
    ],
)
def test_former_city_names(name: str, city: str, region: str) -> None:
    place = resolve_place(name)
    assert place is not None and place.name == city and place.region == region


@pytest.mark.parametrize(
    ("name", "region"),
    [("Munich", "DE-BY"), ("Toronto", "CA-ON"), ("Sydney", "AU-NSW"), ("Chengdu", "CN-SC"),
     ("Lyon", "FR-ARA"), ("Krakow", "PL-12")],
)  # fmt: skip
def test_region_seats_give_cities_their_region(name: str, region: str) -> None:
    place = resolve_place(name)
    assert place is not None and place.region == region


def test_a_city_bigger_than_a_namesake_region_wins() -> None:
    # Manchester, England, not the Jamaican parish of Manchester.
    place = resolve_place("Manchester")
    assert place is not None and place.kind == "city" and place.country == "GB"
