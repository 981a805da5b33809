"""Entity clusters: persons with titles, organisations with acronyms, places, demonyms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimscope.extract.entities import extract_entities
from claimscope.schema import Entity


def _entities(nlp: Any, text: str) -> list[Entity]:
    entities = extract_entities(nlp(text))
    for entity in entities:  # every span must point at the text it quotes
        for span in [*entity.mentions, *entity.titles]:
            assert text[span.start : span.end] == span.text
    return entities


def _by_canonical(entities: list[Entity], canonical: str) -> Entity:
    found = [e for e in entities if e.canonical == canonical]
    assert len(found) == 1, [(e.canonical, e.type) for e in entities]
    return found[0]


PERSON_TEXT = (
    "French Foreign Minister Ilse Varn met reporters in Lyon. Varn said the talks went well. "
    "Later Ms Varn left for Varn’s home town."
)


def test_title_name_surname_and_honorific_form_one_person(nlp: Any) -> None:
    varn = _by_canonical(_entities(nlp, PERSON_TEXT), "Ilse Varn")
    assert varn.type == "PERSON"
    kinds = [(m.text, m.kind) for m in varn.mentions]
    assert kinds == [
        ("French Foreign Minister Ilse Varn", "title_name"),
        ("Varn", "surname"),
        ("Ms Varn", "title_name"),
        ("Varn", "surname"),  # "Varn’s": the possessive is not part of the name
    ]
    assert [t.text for t in varn.titles] == ["French Foreign Minister"]


def test_title_with_of_phrase(nlp: Any) -> None:
    text = "The order was signed by Chief of the Naval Staff Oda Brenn. Brenn declined to comment."
    brenn = _by_canonical(_entities(nlp, text), "Oda Brenn")
    assert [t.text for t in brenn.titles] == ["Chief of the Naval Staff"]
    assert [m.kind for m in brenn.mentions] == ["title_name", "surname"]


def test_apposition_is_a_title_and_makes_a_person(nlp: Any) -> None:
    text = "Tomas Okri, the harbour master, said the quay would reopen."
    okri = _by_canonical(_entities(nlp, text), "Tomas Okri")
    assert okri.type == "PERSON"
    assert [t.text for t in okri.titles] == ["harbour master"]


def test_untagged_name_after_a_title_is_a_person(nlp: Any) -> None:
    text = "Mayor Ilse Varn of Corvale opened the bridge."
    varn = _by_canonical(_entities(nlp, text), "Ilse Varn")
    assert varn.type == "PERSON"
    assert [(m.text, m.kind) for m in varn.mentions] == [("Mayor Ilse Varn", "title_name")]


def test_short_name_joins_the_person_mentioned_last(nlp: Any) -> None:
    text = (
        "Senator Oda Brenn met Senator Jonas Brenn in Lyon. "
        "Later Jonas Brenn left, and Brenn said nothing."
    )
    entities = _entities(nlp, text)
    jonas = _by_canonical(entities, "Jonas Brenn")
    oda = _by_canonical(entities, "Oda Brenn")
    last = text.rindex("Brenn")
    assert any(m.start == last for m in jonas.mentions)
    assert not any(m.start == last for m in oda.mentions)


def test_demonyms_link_to_their_country(nlp: Any) -> None:
    text = "Ukrainian and North Korean officials met Russians in Corvale."
    entities = _entities(nlp, text)
    countries = {e.canonical: e.country for e in entities if e.type == "NORP"}
    assert countries == {"Ukrainian": "UA", "North Korean": "KP", "Russians": "RU"}
    assert all(m.kind == "demonym" for e in entities if e.type == "NORP" for m in e.mentions)


def test_places_resolve_and_names_of_one_place_cluster(nlp: Any) -> None:
    text = (
        "Shelling hit Kursk Oblast overnight. The Kursk region governor spoke from Pyongyang, "
        "and the Donbass front was quiet."
    )
    entities = _entities(nlp, text)
    kursk = _by_canonical(entities, "Kursk Oblast")
    assert [m.text for m in kursk.mentions] == ["Kursk Oblast", "Kursk region"]
    assert kursk.place is not None and kursk.place.region == "RU-KRS"
    assert kursk.country == "RU"
    pyongyang = _by_canonical(entities, "Pyongyang")
    assert pyongyang.place is not None and (pyongyang.place.kind, pyongyang.country) == (
        "city",
        "KP",
    )
    donbass = _by_canonical(entities, "Donbass")
    assert donbass.type in ("GPE", "LOC")
    assert donbass.place is not None and donbass.place.ambiguous
    assert donbass.country == "UA"


def test_ids_follow_first_mention(nlp: Any) -> None:
    text = "Varn left Lyon. Mayor Ilse Varn returned to Lyon with Senator Oda Brenn."
    entities = _entities(nlp, text)
    assert [e.id for e in entities] == [f"E{i}" for i in range(1, len(entities) + 1)]
    firsts = [min(m.start for m in e.mentions) for e in entities]
    assert firsts == sorted(firsts)


def test_acronym_and_expansion_are_one_entity(nlp: Any) -> None:
    text = "The National Radio of Belmora (NRB) reported it first. NRB later corrected itself."
    nrb = _by_canonical(_entities(nlp, text), "National Radio of Belmora")
    assert nrb.type == "ORG"
    assert [(m.text, m.kind) for m in nrb.mentions] == [
        ("National Radio of Belmora", "expansion"),
        ("NRB", "acronym"),
        ("NRB", "acronym"),
    ]


def test_no_entities_in_plain_text(nlp: Any) -> None:
    assert _entities(nlp, "she was reading in nice weather and the bells rang.") == []


@pytest.mark.data
def test_seed_article(nlp: Any, shared_data: Path) -> None:
    """The seed article: three titled persons, its places and one acronym cluster."""
    text = (shared_data / "seed" / "article.txt").read_text(encoding="utf-8")
    entities = _entities(nlp, text)
    persons = {e.canonical: e for e in entities if e.type == "PERSON"}
    for name in ("Kim Jong Un", "Vladimir Putin", "Valerie Gerasimov"):
        assert name in persons, sorted(persons)
        assert persons[name].titles, name
        assert len(persons[name].mentions) >= 2
    places = {e.canonical: e.place for e in entities if e.type in ("GPE", "LOC")}
    for name in ("Kursk Oblast", "Pyongyang", "Moscow", "Ukraine", "Donbass"):
        assert places.get(name) is not None, sorted(places)
    assert places["Kursk Oblast"] is not None and places["Kursk Oblast"].region == "RU-KRS"
    agency = [e for e in entities if any(m.kind == "acronym" for m in e.mentions)]
    assert len(agency) == 1 and agency[0].type == "ORG"
