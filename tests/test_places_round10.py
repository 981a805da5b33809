"""Place resolution, tenth round: a name the sentence places in its country ("... the biggest
in Paraguay"), a town named in an apposition that says it is a place ("Narva, a border
city"), a country's name the sources also list with a possessive, and English region names
from the project's table."""

from __future__ import annotations

from typing import Any

import pytest


def _places(analyzer: Any, text: str, name: str) -> list[tuple[str | None, str | None]]:
    analysis = analyzer.analyze(text)
    return [
        (e.place.country, e.place.region)
        for e in analysis.entities
        if e.place is not None and any(m.text == name for m in e.mentions)
    ]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # A town the model leaves untagged, placed by the country the sentence names (which
        # the model itself calls an organisation).
        ("Encarnación drew large crowds to its carnival, the biggest in Paraguay.",
         "Encarnación", ("PY", "PY-7")),
        # A town named in an apposition whose noun is a kind of place.
        ("Narva, a border city, opened a new bridge for the Corvale festival.",
         "Narva", ("EE", "EE-45")),
        # The sources list "Saint Lucia's" too; the name is the country without the "'s".
        ("Saint Lucia's cricket board named Ilse Varn as its new captain.",
         "Saint Lucia", ("LC", None)),
        # English names of first-level regions from the project's table.
        ("Fighters entered Panjshir on Monday, a Corvale aid group said.",
         "Panjshir", ("AF", "AF-PAN")),
        ("Floods cut the coastal road in North Sulawesi, a Corvale charity said.",
         "North Sulawesi", ("ID", "ID-SL")),
        ("Herders in Khovsgol lost thousands of animals in the winter storms.",
         "Khovsgol", ("MN", "MN-041")),
    ],
)  # fmt: skip
def test_place_of_a_mention(
    analyzer: Any, text: str, name: str, expected: tuple[str, str | None]
) -> None:
    assert _places(analyzer, text, name) == [expected]


def test_a_name_inside_a_longer_untagged_name_stays_a_word(analyzer: Any) -> None:
    # "Randolph" is a US town and the sentence names Ohio, but here it is part of the name
    # of an institute the model left untagged.
    text = "The Ohio chapter of the A. Philip Randolph Institute sued the Corvale county board."
    assert _places(analyzer, text, "Randolph") == []


def test_an_apposition_about_a_person_is_no_place_context(nlp: Any) -> None:
    from claimscope.place_tagger import _place_apposition

    doc = nlp("Narva, the city's mayor, opened the bridge. Narva, a mostly rural town, voted.")
    first, second = (s for s in doc.sents)
    assert not _place_apposition(doc, first.start + 1)
    assert _place_apposition(doc, second.start + 1)


@pytest.mark.parametrize(
    ("name", "country"),
    [("St. Lucia", "LC"), ("St Kitts and Nevis", "KN"), ("St. Vincent and the Grenadines", "VC")],
)
def test_st_reads_as_saint(name: str, country: str) -> None:
    from claimscope.gazetteer import lookup

    assert [p.country for p in lookup(name) if p.kind == "country"] == [country]


def test_plain_spellings_of_letters_without_a_decomposition_are_tagged() -> None:
    from claimscope.gazetteer import tag_names

    names = tag_names()
    assert "Łódź" in names and "Lodz" in names


def test_a_big_city_the_model_took_for_a_date_is_a_place(analyzer: Any) -> None:
    # The small model reads "Winnipeg" in this shape of sentence as a DATE; a strong place
    # name with no digit, month or weekday in it is no date.
    text = "A deep cold snap sent temperatures in Winnipeg below minus 40 on Tuesday."
    assert _places(analyzer, text, "Winnipeg") == [("CA", "CA-MB")]


def test_a_month_the_model_took_for_a_date_stays_a_date(nlp: Any) -> None:
    doc = nlp("The Corvale council will meet in March to vote on the budget.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "March"] == [("March", "DATE")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The apposition's noun modifies a person's title.
        ("Hamilton, a city councillor, said the Corvale plan was sound.", "Hamilton"),
        # A speaker: the country the sentence names places nobody.
        ("Hastings said Britain's budget for Corvale was tight.", "Hastings"),
        ("Taylor, an American singer, cancelled her Corvale concert.", "Taylor"),
        # A name goes on after the place's: a church, a publisher.
        ("St Paul's Cathedral was closed for repairs.", "St Paul"),
        ("St Martin's Press will publish the Corvale memoir.", "St Martin"),
    ],
)
def test_people_and_institutions_stay_out_of_places(nlp: Any, text: str, name: str) -> None:
    doc = nlp(text)
    assert not [e.text for e in doc.ents if e.label_ in ("GPE", "LOC") and e.text == name]


def test_st_of_a_city_keeps_the_city(analyzer: Any) -> None:
    # A district of the Seychelles called "Saint Louis" does not take "St Louis" from the city.
    assert _places(analyzer, "The Cardinals won in St Louis on Sunday.", "St Louis") == [
        ("US", "US-MO")
    ]


def test_a_doc_without_sentence_boundaries_is_tagged(nlp: Any) -> None:
    with nlp.select_pipes(disable=["parser"]):
        doc = nlp("The Corvale museum opened in Kaunas, Lithuania.")
    assert "Kaunas" in [e.text for e in doc.ents]


def test_sentence_of_each_token_follows_the_parse(nlp: Any) -> None:
    from claimscope.place_tagger import _SentenceCountries

    doc = nlp("Ilse Varn left Corvale. She moved to Kaunas. The Belmora council met in Lithuania.")
    expected = [sent.start for sent in doc.sents for _ in sent]
    assert _SentenceCountries(doc)._sentence == expected
