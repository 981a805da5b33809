"""The outlet registry (data/outlets.json) and its lookups: exact names, acronyms, near misses.

Near-miss inputs are fictional outlet names written for these tests ("Korean Central Press
Agency", "Corvale Evening Post"); the outlets they are compared with are real registry entries.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pycountry
import pytest

from claimscope import outlets as registry
from claimscope.outlets import (
    NEAR_MISS_THRESHOLD,
    looks_like_outlet_name,
    lookup_outlet,
    lookup_outlets,
    nearest_outlet,
    normalize_outlet_name,
    outlet_names,
)

# --- the registry file -----------------------------------------------------------------------

ENTRIES = registry.registry_data()["outlets"]
REQUIRED = {"id", "name", "country", "ownership", "kind", "source"}
OPTIONAL = {"aliases", "acronyms", "note", "state_funded"}


def test_registry_header_names_its_sources_and_licence() -> None:
    comment = " ".join(registry.registry_data()["_comment"])
    assert "Apache-2.0" in comment
    assert "Wikipedia" in comment and "State Media Monitor" in comment


def test_registry_size_is_curated_not_bulk() -> None:
    assert 150 <= len(ENTRIES) <= 300


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: str(e.get("id")))
def test_every_entry_is_complete_and_valid(entry: dict[str, object]) -> None:
    assert set(entry) >= REQUIRED, REQUIRED - set(entry)
    assert set(entry) <= REQUIRED | OPTIONAL, set(entry) - REQUIRED - OPTIONAL
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(entry["id"]))
    assert entry["ownership"] in {"state", "public", "private"}
    assert entry["kind"] in {"agency", "broadcaster", "newspaper", "online", "magazine"}
    assert pycountry.countries.get(alpha_2=entry["country"]) is not None
    assert str(entry["source"]).strip()
    for field in ("aliases", "acronyms"):
        values = entry.get(field, [])
        assert isinstance(values, list) and all(isinstance(v, str) and v for v in values)


def test_ids_are_unique() -> None:
    ids = [entry["id"] for entry in ENTRIES]
    assert len(ids) == len(set(ids))


def test_only_documented_names_are_shared_by_two_outlets() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for outlet in registry.outlets():
        for form in (outlet.name, *outlet.aliases, *outlet.acronyms):
            owners[normalize_outlet_name(form)].add(outlet.id)
    shared = {key for key, ids in owners.items() if len(ids) > 1}
    assert shared == set(registry.registry_data()["shared_names"])


def test_needs_context_entries_are_registry_names() -> None:
    forms = set()
    for outlet in registry.outlets():
        for form in (outlet.name, *outlet.aliases, *outlet.acronyms):
            forms.add(form)
            if form.startswith("The "):
                forms.add(form[4:])
    assert set(registry.registry_data()["needs_context"]) <= forms


def test_state_funded_is_only_set_where_ownership_does_not_already_say_it() -> None:
    for outlet in registry.outlets():
        if outlet.state_funded:
            assert outlet.ownership != "state", outlet.id


# --- exact lookups ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "outlet_id"),
    [
        ("Associated Press", "ap"),
        ("the Associated Press", "ap"),
        ("THE ASSOCIATED PRESS", "ap"),
        ("AP", "ap"),
        ("People’s Daily", "peoples-daily"),  # curly apostrophe
        ("Peoples Daily", "peoples-daily"),
        ("Al-Jazeera", "al-jazeera"),
        ("Al Jazeera", "al-jazeera"),
        ("Globe & Mail", "globe-and-mail"),
        ("L.A. Times", "la-times"),
        ("Süddeutsche Zeitung", "sueddeutsche"),
        ("Suddeutsche Zeitung", "sueddeutsche"),  # accent dropped
        ("Russia Today", "rt"),
        ("ITAR-TASS", "tass"),
        ("KCNA", "kcna"),
        ("dpa", "dpa"),
        ("DPA", "dpa"),
        ("RFE/RL", "rferl"),
        ("ČTK", "ctk"),
        ("New York Times", "nyt"),
        ("  the   Kyiv Independent ", "kyiv-independent"),
    ],
)
def test_lookup_outlet_finds_names_aliases_and_acronyms(name: str, outlet_id: str) -> None:
    found = lookup_outlet(name)
    assert found is not None and found.id == outlet_id


@pytest.mark.parametrize(
    "name", ["Map", "map", "Dpa", "Ministry of Trade", "Belmora Daily Courier"]
)
def test_lookup_outlet_rejects_non_outlets_and_acronyms_in_the_wrong_case(name: str) -> None:
    assert lookup_outlet(name) is None


def test_a_shared_acronym_is_ambiguous() -> None:
    assert lookup_outlet("ABC") is None
    assert {o.country for o in lookup_outlets("ABC")} == {"US", "AU"}


def test_outlet_facts_for_a_finding() -> None:
    kcna = lookup_outlet("Korean Central News Agency")
    assert kcna is not None
    assert (kcna.country, kcna.ownership, kcna.kind) == ("KP", "state", "agency")
    assert kcna.describe() == "Korean Central News Agency (KCNA; North Korea, state agency)"
    rferl = lookup_outlet("Radio Liberty")
    assert rferl is not None and "private, state-funded broadcaster" in rferl.describe()
    bbc = lookup_outlet("BBC")
    assert bbc is not None and bbc.describe().endswith("public-service broadcaster)")


# --- near misses -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "acronym", "outlet_id"),
    [
        ("Korean Central Press Agency", None, "kcna"),  # one word swapped
        ("Central Telegraph Agency of Korea", "TAK", "kcna"),  # reordered, stems, service word
        ("Korea Central News Agency", None, "kcna"),  # demonym vs country name
        ("Xinhau News Agency", None, "xinhua"),  # typo
        ("Kyoto News", None, "kyodo"),  # typo of a distinctive word
        ("Deutsche Press Agency", None, "dpa"),  # translation of "Presse-Agentur"
        ("Belarusian News Agency", None, "belta"),  # "Telegraph" -> "News"
        ("Islamic Republic News Service", None, "irna"),
        ("Reutres", None, "reuters"),  # no outlet word, but very close
    ],
)
def test_nearest_outlet_names_the_known_outlet(
    name: str, acronym: str | None, outlet_id: str
) -> None:
    found = nearest_outlet(name, acronym)
    assert found is not None
    outlet, score = found
    assert outlet.id == outlet_id
    assert NEAR_MISS_THRESHOLD <= score < 1.0


def test_a_country_named_in_the_name_picks_that_countrys_outlet() -> None:
    # "Central News Agency" is Taiwan's agency; the Russian one is TASS ("Russian News
    # Agency TASS"), which the country word must prefer.
    found = nearest_outlet("Russian Central News Agency")
    assert found is not None and found[0].id == "tass"


def test_a_known_name_is_its_own_nearest_outlet() -> None:
    found = nearest_outlet("Yonhap News Agency")
    assert found is not None and found[0].id == "yonhap" and found[1] == 1.0


def test_an_acronym_matching_the_outlet_raises_the_score() -> None:
    plain = nearest_outlet("Korean Central Press Agency")
    with_acronym = nearest_outlet("Korean Central Press Agency", "KCNA")
    unrelated = nearest_outlet("Korean Central Press Agency", "XYZ")
    assert plain is not None and with_acronym is not None and unrelated is not None
    assert with_acronym[1] > plain[1] == unrelated[1]


@pytest.mark.parametrize(
    "name",
    [
        "Corvale Evening Post",  # shares "Evening"/"Post" with real papers, nothing more
        "Belmora Daily Courier",
        "Corvale Broadcasting Corporation",  # the BBC, ABC, CBC differ in their country word
        "Tarnia Press Agency",
        "Ministry of Trade",  # not an outlet at all
        "Varn",
        "",
        "ABC",  # known but shared: no single nearest outlet
    ],
)
def test_unrelated_names_have_no_nearest_outlet(name: str) -> None:
    assert nearest_outlet(name) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Belmora Daily Courier", True),
        ("Corvale Broadcasting Corporation", True),
        ("Tarnian Telegraph Agency", True),
        ("Ministry of Trade", False),
        ("Mayor Ilse Varn", False),
    ],
)
def test_looks_like_outlet_name(name: str, expected: bool) -> None:
    assert looks_like_outlet_name(name) is expected


# --- names for a text matcher ----------------------------------------------------------------


def test_outlet_names_keep_case_and_leave_out_risky_names_by_default() -> None:
    names = set(outlet_names())
    assert {"The Guardian", "the Guardian", "New York Times", "KCNA", "dpa", "Kyodo News"} <= names
    assert not {"Time", "Guardian", "CCTV", "Petra", "The Times", "the Times"} & names
    assert "Telegraph" not in names  # "The Telegraph" is the paper, "Central Telegraph" is not
    everything = set(outlet_names(include_needs_context=True))
    assert {"Time", "Guardian", "CCTV", "Petra", "The Times"} <= everything


def test_every_listed_name_looks_up_to_an_outlet() -> None:
    for name in outlet_names(include_needs_context=True):
        assert lookup_outlets(name), name
