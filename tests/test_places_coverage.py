"""Place resolution beyond the big countries: official names, parts of regions, datelines,
region names with their type word, names the model mislabels, admin1 codes of more countries."""

from __future__ import annotations

from typing import Any

import pytest

from claimscope.extract.places import PlaceContext, readings, resolve_place
from claimscope.gazetteer import lookup, lookup_parts, tag_names


def _tagger_only(nlp: Any, text: str, ents: list[tuple[str, str]]) -> Any:
    """Parse without the NER, set ``ents`` (text, label) by hand, then run the place tagger."""
    with nlp.select_pipes(disable=["ner", "claimscope_places"]):
        doc = nlp(text)
    spans = []
    for ent_text, label in ents:
        start = text.index(ent_text)
        spans.append(doc.char_span(start, start + len(ent_text), label=label))
    doc.ents = spans
    return nlp.get_pipe("claimscope_places")(doc)


def _label_of(doc: Any, name: str) -> str | None:
    return next((ent.label_ for ent in doc.ents if ent.text == name), None)


# --- the gazetteer ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "country"),
    [
        # ISO lists these inverted ("Korea, Republic of"); text writes them in running order.
        ("Republic of Korea", "KR"),
        ("the Republic of Moldova", "MD"),
        ("United Republic of Tanzania", "TZ"),
        ("State of Palestine", "PS"),
        ("Democratic Republic of the Congo", "CD"),
        # The head of an inverted name that no other country has is a name too.
        ("Palestine", "PS"),
        # Short forms the sources lack, from the project's table.
        ("Cape Verde", "CV"),
        ("East Timor", "TL"),
        ("Swaziland", "SZ"),
    ],
)
def test_country_names_in_running_order(name: str, country: str) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.kind, place.country) == ("country", country)


def test_a_head_two_inverted_names_share_stays_an_area() -> None:
    # "Korea, Republic of" and "Korea, Democratic People's Republic of": "Korea" is both.
    assert [p.kind for p in lookup("Korea")] == ["area"]


def test_accented_names_are_tagged_without_their_accents_too() -> None:
    names = tag_names()
    assert "Thessaloniki" in names
    assert "Bogota" in names


def test_a_capital_named_like_its_region_is_a_major_name() -> None:
    # The region "Lusaka" was added first; the capital city must still make the name major.
    assert tag_names()["Lusaka"].major
    assert tag_names()["Beijing"].major


@pytest.mark.parametrize(
    ("name", "country", "region"),
    [
        ("Aceh", "ID", "ID-SM"),  # a province of Indonesia's Sumatra group
        ("County Cork", "IE", "IE-M"),  # a county of Munster
        ("Kerry", "IE", "IE-M"),
        ("Cebu", "PH", "PH-07"),  # a province of Central Visayas
    ],
)
def test_second_level_subdivisions_resolve_to_their_region(
    name: str, country: str, region: str
) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.country, place.region) == (country, region)


def test_parts_of_regions_are_kept_out_of_lookup() -> None:
    # A district's name is no evidence that a word is a place ("Bury", "Sutton"): France's
    # departments are second-level parts of its regions. ("Aceh", the example before, is now
    # in the project's table of English region names, under its island group.)
    assert lookup("Aisne") == ()
    assert [p.region for p in lookup_parts("Aisne")] == ["FR-HDF"]


@pytest.mark.parametrize(
    ("name", "country", "region"),
    [
        # A province named after its city is the city, chosen as before among namesakes.
        ("Barcelona", "ES", "ES-CT"),
        ("London", "GB", "GB-ENG"),
        # A major city elsewhere beats a province of that name.
        ("Guadalajara", "MX", "MX-JAL"),
    ],
)
def test_a_province_does_not_displace_the_city(name: str, country: str, region: str) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.kind, place.country, place.region) == ("city", country, region)


def test_an_area_of_several_regions() -> None:
    place = resolve_place("Darfur")
    assert place is not None
    assert place.kind == "area"
    assert place.country == "SD"
    assert place.region is None
    assert "SD-DN" in place.regions


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Kathmandu", "NP-P3"),
        ("Suva", "FJ-C"),
        ("Baku", "AZ-BA"),
        ("Tel Aviv", "IL-TA"),
        ("Amman", "JO-AM"),
        # Seats added for 109 more countries (capitals checked against a map by hand).
        ("Copenhagen", "DK-84"),
        ("Helsinki", "FI-18"),
        ("Zagreb", "HR-21"),
        ("Kigali", "RW-01"),
        ("Maputo", "MZ-MPM"),
        ("Bratislava", "SK-BL"),
        ("Douala", "CM-LT"),
        ("Zinjibar", "YE-AB"),
    ],
)
def test_admin1_codes_of_more_countries(name: str, region: str) -> None:
    place = resolve_place(name)
    assert place is not None
    assert place.region == region


def test_tripoli_in_lebanon_has_its_region() -> None:
    place = resolve_place("Tripoli", PlaceContext(within=readings("Lebanon")))
    assert place is not None
    assert (place.country, place.region) == ("LB", "LB-AS")


# --- the pipeline component -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KANO, Nigeria — Mayor Ilse Varn of Corvale arrived on Friday.", "KANO"),
        ("SANTIAGO — The Belmora Daily Courier reported the vote.", "SANTIAGO"),
        ("CAPE TOWN (Belmora Wire) - Mayor Ilse Varn spoke.", "CAPE TOWN"),
        ("Filed by Ilse Varn.\nISTANBUL — The talks in Corvale resumed.", "ISTANBUL"),
    ],
)
def test_dateline_in_capitals_is_a_place(nlp: Any, text: str, name: str) -> None:
    doc = _tagger_only(nlp, text, [])
    assert _label_of(doc, name) == "GPE"


def test_capitals_inside_a_line_are_no_dateline(nlp: Any) -> None:
    doc = _tagger_only(nlp, "Mayor Ilse Varn praised the LAGOS — Corvale ferry.", [])
    assert _label_of(doc, "LAGOS") is None


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Governor Ilse Varn of Borno State met the Belmora Daily Courier.", "Borno", "PERSON"),
        ("Mayor Ilse Varn said Kaduna State officials had left Corvale.", "Kaduna", "ORG"),
    ],
)
def test_region_name_with_its_type_word_is_one_place(
    nlp: Any, text: str, name: str, label: str
) -> None:
    # The model labels the bare name; the tagger takes the type word in and corrects it.
    doc = _tagger_only(nlp, text, [(name, label)])
    assert _label_of(doc, f"{name} State") == "GPE"


def test_a_weak_name_after_a_locative_word_is_a_place(nlp: Any) -> None:
    # "Bergen" is an English noun to WordNet, so an ORG label stands unless the words around
    # it say place.
    text = "Mayor Ilse Varn said heavy rain flooded streets in Bergen."
    assert _label_of(_tagger_only(nlp, text, [("Bergen", "ORG")]), "Bergen") == "GPE"
    text = "Mayor Ilse Varn bought shares from Bergen last week."
    assert _label_of(_tagger_only(nlp, text, [("Bergen", "ORG")]), "Bergen") == "ORG"


def test_a_one_word_person_that_is_a_region_becomes_a_place(nlp: Any) -> None:
    text = "Ticino voted on the proposal, Mayor Ilse Varn of Corvale said."
    assert _label_of(_tagger_only(nlp, text, [("Ticino", "PERSON")]), "Ticino") == "GPE"


def test_a_surname_after_its_full_name_stays_a_person(nlp: Any) -> None:
    text = "Ilse Ticino arrived in Corvale. Ticino said the vote was fair."
    later = text.rindex("Ticino")
    with nlp.select_pipes(disable=["ner", "claimscope_places"]):
        doc = nlp(text)
    doc.ents = [
        doc.char_span(0, len("Ilse Ticino"), label="PERSON"),
        doc.char_span(later, later + len("Ticino"), label="PERSON"),
    ]
    doc = nlp.get_pipe("claimscope_places")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ilse Ticino", "PERSON"),
        ("Ticino", "PERSON"),
    ]


def test_a_strong_name_the_model_tags_as_a_common_noun_is_tagged(nlp: Any) -> None:
    text = "Suriname signed the accord with Corvale."
    with nlp.select_pipes(disable=["ner", "claimscope_places"]):
        doc = nlp(text)
    doc[0].tag_ = "NN"  # what the small model does at a sentence start
    doc.ents = []
    doc = nlp.get_pipe("claimscope_places")(doc)
    assert _label_of(doc, "Suriname") == "GPE"
    # ... and gets the proper-noun tag, so that entity extraction keeps the name whole.
    assert doc[0].tag_ == "NNP"


def test_a_verb_tag_at_a_sentence_start_keeps_a_word(nlp: Any) -> None:
    text = "Reading is fun, Mayor Ilse Varn of Corvale said."
    with nlp.select_pipes(disable=["ner", "claimscope_places"]):
        doc = nlp(text)
    doc[0].tag_ = "VBG"
    doc.ents = []
    doc = nlp.get_pipe("claimscope_places")(doc)
    assert _label_of(doc, "Reading") is None
