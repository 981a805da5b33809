"""Place resolution, fifth round: letters Unicode does not decompose, alternate names as a
fallback, the area named beside a place ("Tripoli in northern Lebanon", "the Indian state of
Punjab", "Perth, the Scottish city"), datelines with apostrophes and hyphens."""

from __future__ import annotations

from typing import Any

import pytest

from claimscope.gazetteer import fold, lookup


def _place_of(analyzer: Any, text: str, name: str) -> tuple[str | None, str | None]:
    analysis = analyzer.analyze(text)
    for entity in analysis.entities:
        if entity.place is not None and any(m.text == name for m in entity.mentions):
            return entity.place.country, entity.place.region
    raise AssertionError(f"{name!r} is no place in {[e.canonical for e in analysis.entities]}")


@pytest.mark.parametrize(
    ("name", "key"), [("Łódź", "lodz"), ("Tromsø", "tromso"), ("Đà Nẵng", "da nang")]
)
def test_letters_without_a_decomposition_fold_to_plain_ones(name: str, key: str) -> None:
    assert fold(name) == key


def test_a_city_is_found_by_its_english_spelling_without_special_letters() -> None:
    assert [(p.country, p.region) for p in lookup("Lodz")] == [("PL", "PL-10")]


def test_alternate_names_resolve_when_no_place_has_the_name() -> None:
    # "Lemberg" is only an alternate name (of Lviv).
    assert {p.country for p in lookup("Lemberg")} == {"UA"}


def test_a_place_s_own_name_beats_other_places_alternate_names() -> None:
    # Alternate-name lists hold other places' names; the place called so comes first.
    assert {p.country for p in lookup("Islamabad")} == {"PK"}
    assert {p.country for p in lookup("Cancun")} == {"MX"}


def test_without_an_area_beside_it_the_usual_reading_stays(analyzer: Any) -> None:
    text = "Mayor Ilse Varn flew to Tripoli for the talks."
    assert _place_of(analyzer, text, "Tripoli")[0] == "LY"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("N'DJAMENA, Chad — Mayor Ilse Varn was released on bail.", "N'DJAMENA", "TD"),
        ("PORT-AU-PRINCE, Haiti — The Belmora aid convoy was stopped.", "PORT-AU-PRINCE", "HT"),
    ],
)
def test_datelines_with_apostrophes_and_hyphens(
    analyzer: Any, text: str, name: str, country: str
) -> None:
    assert _place_of(analyzer, text, name)[0] == country


def test_a_sea_named_after_a_country_lies_in_none(analyzer: Any) -> None:
    analysis = analyzer.analyze("Oil from the Belmora tanker spread across the Gulf of Mexico.")
    assert all(e.place is None or e.place.country != "MX" for e in analysis.entities), [
        (e.canonical, e.place) for e in analysis.entities
    ]


def test_a_town_name_without_a_locative_word_is_left_to_the_model(nlp: Any) -> None:
    # "Kherson" is a town-sized name in the data: without "in", "near", "north of" before it,
    # the gazetteer does not tag it on its own.
    with nlp.select_pipes(disable=["ner"]):
        doc = nlp("Kherson spoke to the Belmora council on Monday.")
    assert not any(ent.text == "Kherson" for ent in doc.ents)


def test_a_city_named_like_a_person_stays_a_person_the_model_saw(analyzer: Any) -> None:
    analysis = analyzer.analyze("Florence Varn said the Corvale vote was fair.")
    assert all(e.place is None for e in analysis.entities if e.canonical.startswith("Florence"))


def test_another_country_named_does_not_move_a_country_name(analyzer: Any) -> None:
    # Only a region named in the article may move a country's name ("Georgia" beside
    # "Atlanta"); another country or demonym does not.
    assert _place_of(analyzer, "Taiwan reported Chinese aircraft near Corvale.", "Taiwan") == (
        "TW",
        None,
    )


@pytest.mark.parametrize(
    ("text", "country", "ambiguous"),
    [
        # Bare "Congo" is the larger country in wire style, and it is marked ambiguous.
        ("Officials in Congo said the vote in Corvale would go ahead.", "CD", True),
        # A city of the other Congo settles it, and no rival is left.
        ("Fighting flared near Brazzaville, officials in Congo said.", "CG", False),
        # A city elsewhere does not make "Taiwan" a Chinese subdivision (which stays a rival).
        ("Taiwan tracked aircraft that flew from Beijing.", "TW", True),
    ],
)
def test_a_country_name_moves_only_to_a_namesake_country_of_the_article(
    analyzer: Any, text: str, country: str, ambiguous: bool
) -> None:
    analysis = analyzer.analyze(text)
    name = "Taiwan" if "Taiwan" in text else "Congo"
    place = next(e.place for e in analysis.entities if e.canonical == name and e.place)
    assert (place.country, place.region, place.ambiguous) == (country, None, ambiguous)


def test_washington_alone_is_the_capital_and_after_a_city_the_state(analyzer: Any) -> None:
    assert _place_of(analyzer, "Lawmakers in Washington reached a deal on Corvale.",
                     "Washington") == ("US", "US-DC")  # fmt: skip
    assert _place_of(analyzer, "Seattle, Washington, hosted the Belmora trade fair.",
                     "Washington") == ("US", "US-WA")  # fmt: skip


Case = tuple[str, str, tuple[str, str | None]]

AREA_BESIDE: list[Case] = [
    ("Mayor Ilse Varn flew to Tripoli in northern Lebanon for the talks.", "Tripoli",
     ("LB", "LB-AS")),
    ("Farmers in the Indian state of Punjab sold more wheat, Dr. Oren Tal said.", "Punjab",
     ("IN", "IN-PB")),
    ("Perth, the Scottish city on the Tay, hosted the Belmora trade fair.", "Perth",
     ("GB", "GB-SCT")),
    ("The Belmora Daily Courier opened an office in Cordoba, in Spain.", "Cordoba",
     ("ES", "ES-AN")),
]  # fmt: skip

ENGLISH_NAMES: list[Case] = [
    ("Flights to Madeira were cancelled, the Corvale airline said.", "Madeira",
     ("PT", "PT-30")),
    ("Protests spread across Bosnia, Dr. Oren Tal reported.", "Bosnia", ("BA", None)),
]  # fmt: skip

SPLIT_OR_WRAPPED: list[Case] = [
    # A hyphen between the proper nouns of a name the model left untagged.
    ("Tourism in Mecklenburg-Western Pomerania grew, Dr. Oren Tal said.",
     "Mecklenburg-Western Pomerania", ("DE", "DE-MV")),
    # "the <part> of X" lies in X.
    ("Lava reached the sea on the Big Island of Hawaii, the Corvale observatory said.",
     "Big Island of Hawaii", ("US", "US-HI")),
]  # fmt: skip

ROUND_SIX: list[Case] = [
    # Towns below the big-city size are tagged after a word that says a place follows.
    ("A ferry was suspended north of Kherson, Mayor Ilse Varn said.", "Kherson",
     ("UA", "UA-65")),
    ("Raids hit centres around Myawaddy, the Belmora Daily Courier reported.", "Myawaddy",
     ("MM", "MM-13")),
    # A possessive after a strong place name: the place, not an organisation.
    ("Auckland's council approved the Corvale rail line.", "Auckland", ("NZ", "NZ-AUK")),
    # A capital that is a region of its own.
    ("Ulaanbaatar's winter smog worried Dr. Oren Tal.", "Ulaanbaatar", ("MN", "MN-1")),
    # A list of places the model took for one organisation.
    ("Trains between Perth and Inverness were cancelled, Ann Bell said.", "Inverness",
     ("GB", "GB-SCT")),
    # Names with "and" inside stay whole.
    ("São Tomé and Príncipe held a calm vote, Dr. Oren Tal said.", "São Tomé and Príncipe",
     ("ST", None)),
    # Spellings that differ in hyphens and apostrophes.
    ("Fighting flared near Marib, the Belmora Daily Courier reported.", "Marib",
     ("YE", "YE-MA")),
]  # fmt: skip

ROUND_SEVEN: list[Case] = [
    # A close spelling of a big city's name, after a locative word.
    ("The quake struck the hills south of Marrakech, Dr. Oren Tal said.", "Marrakech",
     ("MA", "MA-07")),
    # "County X" names the Irish county.
    ("Storms cut power across County Kerry, the Corvale utility said.", "County Kerry",
     ("IE", "IE-M")),
    ("Protests broke out in Karakalpakstan, Mayor Ilse Varn said.", "Karakalpakstan",
     ("UZ", "UZ-QR")),
]  # fmt: skip

ROUND_EIGHT: list[Case] = [
    # Particles inside a multi-word name the model left untagged.
    ("Floods in Rio Grande do Sul displaced thousands, Dr. Oren Tal said.",
     "Rio Grande do Sul", ("BR", "BR-RS")),
    # A demonym elsewhere in the sentence names the country, as its name would.
    ("Traffic in San José stopped as drivers blocked roads into the Costa Rican capital.",
     "San José", ("CR", "CR-SJ")),
    # "<town named like a person>, <place>" says it is a place.
    ("Hamilton, Ontario, declared a housing emergency, Mayor Ilse Varn said.", "Hamilton",
     ("CA", "CA-ON")),
    # A country's short name works like a demonym: "the US state of".
    ("Peach growers in the US state of Georgia expect a weak harvest.", "Georgia",
     ("US", "US-GA")),
]  # fmt: skip

ROUND_NINE: list[Case] = [
    # A possessive after a place's name at a sentence start, where the model saw an
    # organisation or nothing.
    ("Bergen's fish market will be rebuilt, Mayor Ilse Varn said.", "Bergen",
     ("NO", "NO-46")),
    ("Kherson's river port was shelled again, the Corvale Herald reported.", "Kherson",
     ("UA", "UA-65")),
    # A demonym moves a city only to a rival city, never a region: Ontario the province,
    # not the Californian city, beside "American states".
    ("Ontario's premier said power sold to three American states would cost more.",
     "Ontario", ("CA", "CA-ON")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [*AREA_BESIDE, *ENGLISH_NAMES, *SPLIT_OR_WRAPPED, *ROUND_SIX, *ROUND_SEVEN, *ROUND_EIGHT,
     *ROUND_NINE],
)  # fmt: skip
def test_place_of_a_mention(
    analyzer: Any, text: str, name: str, expected: tuple[str, str | None]
) -> None:
    assert _place_of(analyzer, text, name) == expected
