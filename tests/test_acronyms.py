"""Acronyms defined next to their expansion, and whether they fit its initials."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimscope.extract.acronym_pairs import fits, is_short_form
from claimscope.extract.acronyms import extract_acronyms
from claimscope.extract.entities import extract_entities
from claimscope.schema import Acronym


def _acronyms(nlp: Any, text: str) -> list[Acronym]:
    doc = nlp(text)
    acronyms = extract_acronyms(doc, extract_entities(doc))
    for acronym in acronyms:
        for span in (acronym.short, acronym.long):
            assert text[span.start : span.end] == span.text
    return acronyms


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("NATO", "North Atlantic Treaty Organization"),
        # Function words may be skipped ...
        ("UNESCO", "United Nations Educational, Scientific and Cultural Organization"),
        ("NRB", "National Radio of Belmora"),
        ("AP", "The Associated Press"),
        # ... or give their initial,
        ("MoD", "Ministry of Defence"),
        # letters may come from inside a word, after its initial,
        ("CENTCOM", "Central Command"),
        # and a plural short form stands for a plural expansion.
        ("NGOs", "non-governmental organizations"),
    ],
)
def test_fits(short: str, long: str) -> None:
    assert fits(short, long)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        # A content word's initial may not be skipped: the initials are CRAB.
        ("RAB", "Central Radio Agency of Belmora"),
        ("CRA", "Central Radio Agency of Belmora"),
        # Initials in another order.
        ("NBR", "National Radio of Belmora"),
        ("BDC", "Corvale Daily Herald"),
    ],
)
def test_does_not_fit(short: str, long: str) -> None:
    assert not fits(short, long)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("NRB", True), ("MoD", True), ("NGOs", True), ("Belmora", False), ("A", False)],
)
def test_is_short_form(text: str, expected: bool) -> None:
    assert is_short_form(text) is expected


def test_expansion_then_acronym_in_parentheses(nlp: Any) -> None:
    text = "The National Radio of Belmora (NRB) said the bridge was safe."
    (acronym,) = _acronyms(nlp, text)
    assert (acronym.short.text, acronym.long.text, acronym.matches) == (
        "NRB",
        "National Radio of Belmora",
        True,
    )
    assert acronym.id == "K1"


def test_acronym_then_expansion_in_parentheses(nlp: Any) -> None:
    text = "It was first reported by NRB (National Radio of Belmora) on Monday."
    (acronym,) = _acronyms(nlp, text)
    assert (acronym.short.text, acronym.long.text, acronym.matches) == (
        "NRB",
        "National Radio of Belmora",
        True,
    )


def test_mismatched_acronym_is_reported_with_its_name(nlp: Any) -> None:
    text = "The claim was carried by RAB (Central Radio Agency of Belmora) on Friday."
    (acronym,) = _acronyms(nlp, text)
    assert (acronym.short.text, acronym.long.text, acronym.matches) == (
        "RAB",
        "Central Radio Agency of Belmora",
        False,
    )


def test_known_as(nlp: Any) -> None:
    text = "The Belmora Daily Courier, known as BDC, disagreed."
    (acronym,) = _acronyms(nlp, text)
    assert (acronym.short.text, acronym.long.text, acronym.matches) == (
        "BDC",
        "Belmora Daily Courier",
        True,
    )


def test_shortest_fitting_expansion_is_taken(nlp: Any) -> None:
    text = "Officials of the Corvale Port Authority (CPA) met on Monday."
    (acronym,) = _acronyms(nlp, text)
    assert acronym.long.text == "Corvale Port Authority"


def test_acronym_links_to_the_expansion_entity(nlp: Any) -> None:
    text = "The National Radio of Belmora (NRB) said so. NRB later retracted."
    doc = nlp(text)
    entities = extract_entities(doc)
    (acronym,) = extract_acronyms(doc, entities)
    linked = [e for e in entities if e.id == acronym.entity]
    assert len(linked) == 1 and linked[0].canonical == "National Radio of Belmora"


@pytest.mark.parametrize(
    "text",
    [
        "He spoke on Monday (UTC) before leaving.",
        "The figure (about 40%) was disputed.",
        "They met the mayor (who had resigned) in Corvale.",
        "The file (PDF) was shared by the clerk.",
    ],
)
def test_parentheses_that_define_nothing(nlp: Any, text: str) -> None:
    assert _acronyms(nlp, text) == []


@pytest.mark.data
def test_seed_article_acronym_mismatch(nlp: Any, shared_data: Path) -> None:
    text = (shared_data / "seed" / "article.txt").read_text(encoding="utf-8")
    acronyms = _acronyms(nlp, text)
    assert len(acronyms) == 1
    assert acronyms[0].matches is False
    assert acronyms[0].entity is not None
