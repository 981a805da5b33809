"""Hedges: each kind on a small fictional sentence, and the false positives to avoid."""

from __future__ import annotations

from typing import Any

import pytest

from claimscope.extract.hedges import extract_hedges
from claimscope.schema import Hedge

pytestmark = pytest.mark.slow


def hedges(nlp: Any, text: str) -> list[Hedge]:
    found = extract_hedges(nlp(text))
    for hedge in found:
        assert text[hedge.span.start : hedge.span.end] == hedge.span.text
    return found


@pytest.mark.parametrize(
    ("text", "kind", "marker"),
    [
        ("The Corvale dam reportedly cracked overnight.", "reported", "reportedly"),
        ("The harbour master is said to have resigned.", "reported", "is said to"),
        ("Talks stalled after the reported arrest of a Belmoran envoy.", "reported", "reported"),
        ("The alleged smuggler was arrested in Corvale.", "alleged", "alleged"),
        ("The envoy allegedly hid the letters.", "alleged", "allegedly"),
        ("The dam might fail before winter.", "hedged", "might"),
        ("The dam appears to have cracked.", "hedged", "appears to"),
        ("The cause of the flood remains unclear.", "hedged", "remains unclear"),
        ("A second breach is likely.", "hedged", "likely"),
        ("The account of the flood is unverified.", "unverified", "unverified"),
        (
            "The account could not be independently verified.",
            "unverified",
            "could not be independently verified",
        ),
        ("The mayor blamed the crews without evidence.", "unverified", "without evidence"),
        ("The visit sparked speculation about a deal.", "speculative", "sparked speculation"),
        ("Rumours of a second breach spread in Corvale.", "speculative", "Rumours"),
        ("The ministry denied any role in the blast.", "denied", "denied"),
        ("The ministry rejected the claims.", "denied", "rejected the claims"),
    ],
)
def test_hedge_kinds(nlp: Any, text: str, kind: str, marker: str) -> None:
    found = hedges(nlp, text)
    assert [(h.kind, h.span.text) for h in found] == [(kind, marker)]


@pytest.mark.parametrize(
    "text",
    [
        "In May, Mayor Ilse Varn opened the Corvale bridge.",
        "The bridge opened on May 3 after repairs.",
        "Engineers verified the repairs on Monday.",
    ],
)
def test_no_false_positives(nlp: Any, text: str) -> None:
    assert hedges(nlp, text) == []


def test_month_may_and_modal_may_in_one_sentence(nlp: Any) -> None:
    found = hedges(nlp, "In May, the mayor may resign.")
    assert [(h.kind, h.span.text) for h in found] == [("hedged", "may")]
    assert found[0].span.start == len("In May, the mayor ")


def test_question_modal_is_still_a_hedge(nlp: Any) -> None:
    assert [h.kind for h in hedges(nlp, "Could the Corvale dam fail?")] == ["hedged"]


def test_hedges_carry_their_sentence_and_ids(nlp: Any) -> None:
    found = hedges(nlp, "The bridge opened. The dam reportedly cracked. It may fail.")
    assert [(h.id, h.sentence, h.span.text) for h in found] == [
        ("H1", 1, "reportedly"),
        ("H2", 2, "may"),
    ]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Families whose homes could not be repaired will get temporary housing.", []),
        ("The ferry could resume service next week.", ["hedged"]),
        ("The funds may not be enough for the repairs.", ["hedged"]),
        ("The claim could not be independently verified.", ["unverified"]),
    ],
)
def test_could_not_is_inability_not_a_hedge(nlp: Any, text: str, kinds: list[str]) -> None:
    # Regression: "could not be repaired" was marked hedged in a neutral flood report.
    assert [h.kind for h in extract_hedges(nlp(text))] == kinds
