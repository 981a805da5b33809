"""Claims: which sentences are claims, what they rest on and their evidential status."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claimscope.extract.attributions import extract_attributions
from claimscope.extract.claims import extract_claims
from claimscope.extract.hedges import extract_hedges
from claimscope.schema import Claim, Entity, Mention, Span, TimeExpression

pytestmark = pytest.mark.slow


def claims(
    nlp: Any,
    text: str,
    *,
    entities: list[Entity] | None = None,
    times: list[TimeExpression] | None = None,
) -> list[Claim]:
    doc = nlp(text)
    found = extract_claims(
        doc,
        attributions=extract_attributions(doc, entities or []),
        hedges=extract_hedges(doc),
        entities=entities or [],
        times=times or [],
    )
    for claim in found:
        assert text[claim.span.start : claim.span.end] == claim.span.text
    return found


def test_author_voice_claim(nlp: Any) -> None:
    (claim,) = claims(nlp, "The Corvale bridge reopened on Monday.")
    assert claim.span.text == "The Corvale bridge reopened on Monday"
    assert (claim.attribution, claim.source_type, claim.status) == (None, "author", "asserted")


def test_attributed_claim_spans_the_reported_content(nlp: Any) -> None:
    (claim,) = claims(nlp, "Mayor Ilse Varn said the bridge would reopen.")
    assert claim.span.text == "the bridge would reopen"
    assert (claim.attribution, claim.source_type, claim.status) == ("A1", "official", "attributed")


def test_questions_and_verbless_headlines_are_not_claims(nlp: Any) -> None:
    text = "Flood in Corvale\nWill the bridge reopen?\nThe river rose overnight."
    assert [c.span.text for c in claims(nlp, text)] == ["The river rose overnight"]


def test_attribution_in_a_modifier_leaves_the_main_claim_to_the_author(nlp: Any) -> None:
    text = "This flood, reported by the Corvale Herald, marks a turning point."
    (claim,) = claims(nlp, text)
    assert claim.attribution is None
    assert claim.span.text == "This flood, reported by the Corvale Herald, marks a turning point"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The Corvale dam may have cracked.", "hedged"),
        ("The dam reportedly cracked overnight.", "hedged"),
        ("The report of a second breach is unconfirmed.", "unverified"),
        ("The ministry denied that troops had crossed the border.", "denied"),
        ("The visit sparked speculation about a deal.", "speculative"),
        ("Officials said the dam could fail, a claim that could not be verified.", "unverified"),
    ],
)
def test_status_from_hedges_in_the_sentence(nlp: Any, text: str, status: str) -> None:
    (claim,) = claims(nlp, text)
    assert claim.status == status
    assert claim.hedges


def test_these_accounts_while_unverified_reach_back_to_the_accounts(nlp: Any) -> None:
    text = (
        "The river flooded Corvale on Monday. "
        "Eyewitnesses said the water rose within minutes. "
        "‘We lost everything,’ one resident told the Belmora Daily Courier. "
        "These accounts, while unverified, show the scale of the flood."
    )
    found = claims(nlp, text)
    assert [(c.sentence, c.status, c.source_type) for c in found] == [
        (0, "asserted", "author"),
        (1, "unverified", "eyewitness"),
        (2, "unverified", "eyewitness"),
        # "These accounts ... show": the accounts speak, and they are the eyewitnesses' ones.
        (3, "unverified", "eyewitness"),
    ]
    # The back-reference links the very hedge of sentence 3.
    assert found[1].hedges == found[3].hedges


def test_their_account_could_not_be_verified_reaches_back(nlp: Any) -> None:
    # Regression: a possessive ("Their account") points back at the speakers just cited as
    # surely as a determiner ("These accounts") does.
    text = (
        "The Corvale bridge reopened on Monday. "
        "Strikers told reporters that police had pushed them back from the gate. "
        "Their account could not be independently verified."
    )
    found = claims(nlp, text)
    assert [(c.sentence, c.status) for c in found] == [
        (0, "asserted"),
        (1, "unverified"),
        (2, "unverified"),
    ]


def test_a_non_anaphoric_hedge_does_not_reach_back(nlp: Any) -> None:
    text = (
        "Eyewitnesses said the water rose within minutes. "
        "Unverified videos of the flood were shared widely."
    )
    found = claims(nlp, text)
    assert [(c.sentence, c.status) for c in found] == [(0, "attributed"), (1, "unverified")]


def test_back_reference_stops_at_an_unattributed_sentence(nlp: Any) -> None:
    text = (
        "Residents said the dam leaked. "
        "The river rose overnight. "
        "Eyewitnesses said the bridge shook. "
        "These accounts could not be independently verified."
    )
    found = claims(nlp, text)
    assert [c.status for c in found] == ["attributed", "asserted", "unverified", "unverified"]


def test_claim_links_entities_places_and_times(nlp: Any) -> None:
    text = "Mayor Ilse Varn said the Corvale bridge would reopen on Monday."
    varn = Entity(
        id="E1",
        type="PERSON",
        canonical="Ilse Varn",
        mentions=[Mention(start=6, end=15, text="Ilse Varn")],
    )
    start = text.index("Corvale")
    corvale = Entity(
        id="E2",
        type="GPE",
        canonical="Corvale",
        mentions=[Mention(start=start, end=start + 7, text="Corvale")],
    )
    start = text.index("Monday")
    monday = TimeExpression(
        id="T1",
        span=Span.of(text, start, start + 6),
        type="DATE",
        value="2025-03-03",
        anchored=True,
        range_start=dt.date(2025, 3, 3),
        range_end=dt.date(2025, 3, 3),
        sentence=0,
    )
    (claim,) = claims(nlp, text, entities=[varn, corvale], times=[monday])
    assert claim.span.text == "the Corvale bridge would reopen on Monday"
    # The speaker is outside the claim's span; the place and time are inside it.
    assert claim.entities == ["E2"]
    assert claim.places == ["E2"]
    assert claim.times == ["T1"]


def test_analyzer_end_to_end_with_quotes(analyzer: Any) -> None:
    text = (
        "The Corvale harbour closed on Monday.\n"
        "“We had no choice,” harbour chief Dario Fenn said. “The cranes are unsafe.”\n"
        "Will it reopen?"
    )
    analysis = analyzer.analyze(text)
    statuses = [(c.status, c.source_type) for c in analysis.claims]
    assert statuses == [
        ("asserted", "author"),
        ("attributed", "official"),
        ("attributed", "official"),
    ]
    assert [a.kind for a in analysis.attributions] == ["direct", "direct"]


def test_these_accounts_begin_where_the_accounts_are_named(nlp: Any) -> None:
    # Regression: once "Eyewitness accounts ... paint a grim picture" became an attribution,
    # the run of attributed sentences before "These accounts could not be verified" also took
    # in an analyst and an anonymous source quoted earlier, and marked them unverified.
    text = (
        "Some analysts believe the move was aimed at voters at home. "
        "A source familiar with the talks said both sides wanted calm. "
        "Eyewitness accounts from Ostrel paint a grim picture. "
        "Residents told a reporter that shots were fired. "
        "These accounts could not be independently verified."
    )
    found = claims(nlp, text)
    assert [(c.sentence, c.status) for c in found] == [
        (0, "attributed"),
        (1, "attributed"),
        (2, "unverified"),
        (3, "unverified"),
        (4, "unverified"),
    ]
