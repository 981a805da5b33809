"""assess with the learned signals: check-worthy sourcing counts, subjective share, technique
counts and the unsourced check-worthy claim finding, from hand-set scores (no model loaded)."""

from __future__ import annotations

import pytest

from claimscope.assess import CHECKWORTHY_THRESHOLD, assess
from claimscope.schema import (
    Article,
    Attribution,
    Claim,
    Entity,
    Finding,
    Mention,
    Sentence,
    Span,
    Summary,
    Technique,
)

SENTENCES = [
    "Mayor Ilse Varn said the Corvale dam would be finished in May.",
    "The dam cost nine million crowns.",
    "Officials said the spillway had cracked.",
    "Residents reported flooding, an account still unverified.",
    "The budget may have doubled.",
    "The mayor added that the old dam was safe.",
]
TEXT = " ".join(SENTENCES)


def _span(part: str) -> Span:
    start = TEXT.index(part)
    assert TEXT.find(part, start + 1) < 0, f"{part!r} is ambiguous in the fixture text"
    return Span.of(TEXT, start, start + len(part))


def _sentences(subjectivity: list[float | None] | None = None) -> list[Sentence]:
    scores = subjectivity or [None] * len(SENTENCES)
    return [
        Sentence.model_validate({**_span(s).model_dump(), "index": i, "subjectivity": score})
        for i, (s, score) in enumerate(zip(SENTENCES, scores, strict=True))
    ]


VARN = Entity(
    id="E1",
    type="PERSON",
    canonical="Ilse Varn",
    mentions=[
        Mention(**_span("Ilse Varn").model_dump()),
        Mention(**_span("The mayor").model_dump(), kind="description"),
    ],
)


def _attribution(
    id_: str, source: str, cue: str, content: str, sentence: int, **kw: object
) -> Attribution:
    return Attribution.model_validate(
        {
            "id": id_,
            "kind": "indirect",
            "cue": _span(cue),
            "source": _span(source),
            "content": _span(content),
            "sentence": sentence,
            **kw,
        }
    )


ATTRIBUTIONS = [
    _attribution(
        "A1",
        "Mayor Ilse Varn",
        "said the Corvale",
        "the Corvale dam would be finished in May",
        0,
        source_entity="E1",
        source_type="official",
    ),
    _attribution(
        "A2",
        "Officials",
        "said the spillway",
        "the spillway had cracked",
        2,
        source_type="anonymous",
    ),
    _attribution("A3", "Residents", "reported", "flooding", 3, source_type="eyewitness"),
    # Varn again: the mayor is cited for two claims, so neither is single-source.
    _attribution(
        "A4",
        "The mayor",
        "added",
        "the old dam was safe",
        5,
        source_entity="E1",
        source_type="official",
    ),
]


def _claim(id_: str, text: str, sentence: int, attribution: str | None, **kw: object) -> Claim:
    return Claim.model_validate(
        {
            "id": id_,
            "span": _span(text),
            "sentence": sentence,
            "attribution": attribution,
            **kw,
        }
    )


def _claims(scores: list[float | None]) -> list[Claim]:
    c1, c2, c3, c4, c5, c6 = scores
    return [
        _claim(
            "C1",
            "the Corvale dam would be finished in May",
            0,
            "A1",
            source_type="official",
            status="attributed",
            checkworthiness=c1,
        ),
        _claim(
            "C2",
            "The dam cost nine million crowns",
            1,
            None,
            source_type="author",
            status="asserted",
            checkworthiness=c2,
        ),
        _claim(
            "C3",
            "the spillway had cracked",
            2,
            "A2",
            source_type="anonymous",
            status="attributed",
            checkworthiness=c3,
        ),
        _claim(
            "C4",
            "flooding",
            3,
            "A3",
            source_type="eyewitness",
            status="unverified",
            checkworthiness=c4,
        ),
        _claim(
            "C5",
            "The budget may have doubled",
            4,
            None,
            source_type="author",
            status="hedged",
            checkworthiness=c5,
        ),
        _claim(
            "C6",
            "the old dam was safe",
            5,
            "A4",
            source_type="official",
            status="attributed",
            checkworthiness=c6,
        ),
    ]


#: C1..C5 check-worthy (C6 is not); C2 is the only asserted claim in the author's voice.
SCORED = [0.9, 0.87, 0.7, 0.6, 0.95, 0.3]
UNSCORED: list[float | None] = [None] * 6


def _run(
    claims: list[Claim],
    sentences: list[Sentence] | None = None,
    techniques: list[Technique] | None = None,
) -> tuple[list[Finding], Summary]:
    return assess(
        article=Article(id="x", text=TEXT, language="en"),
        sentences=_sentences() if sentences is None else sentences,
        entities=[VARN],
        acronyms=[],
        attributions=ATTRIBUTIONS,
        hedges=[],
        times=[],
        claims=claims,
        techniques=techniques or [],
    )


def test_threshold_is_one_half() -> None:
    assert CHECKWORTHY_THRESHOLD == 0.5


def test_checkworthy_counts_follow_the_sourcing_rules() -> None:
    _, summary = _run(_claims(SCORED))
    profile = summary.sourcing
    # The rules over all claims, as a cross-check of the restricted counts below.
    assert (profile.anonymous_claims, profile.unverified_claims) == (1, 1)
    assert (profile.single_source_claims, profile.author_claims) == (2, 2)
    assert profile.checkworthy_claims == 5  # C1..C5
    assert profile.checkworthy_anonymous == 1  # C3, on "Officials"
    assert profile.checkworthy_unverified == 1  # C4
    assert profile.checkworthy_single_source == 2  # C3 and C4; Varn backs C1 and C6
    assert profile.checkworthy_unsourced == 2  # C2 and C5 are in the author's voice


def test_claims_below_the_threshold_are_not_counted() -> None:
    # Only C3 (anonymous, single source) stays check-worthy.
    _, summary = _run(_claims([0.49, 0.1, 0.5, 0.2, 0.0, 0.99]))
    profile = summary.sourcing
    assert profile.checkworthy_claims == 2  # C3 at exactly 0.5, and C6
    assert profile.checkworthy_anonymous == 1
    assert profile.checkworthy_unverified == 0
    assert profile.checkworthy_single_source == 1
    assert profile.checkworthy_unsourced == 0


def test_checkworthy_counts_are_none_when_the_signal_is_unavailable() -> None:
    findings, summary = _run(_claims(UNSCORED))
    profile = summary.sourcing
    assert profile.checkworthy_claims is None
    assert profile.checkworthy_anonymous is None
    assert profile.checkworthy_unverified is None
    assert profile.checkworthy_single_source is None
    assert profile.checkworthy_unsourced is None
    assert "unsourced_checkworthy_claim" not in [f.kind for f in findings]
    assert profile.anonymous_claims == 1  # the rule-based counts do not depend on the signal


def test_an_unscored_claim_among_scored_ones_is_not_checkworthy() -> None:
    _, summary = _run(_claims([0.9, None, None, None, None, None]))
    assert summary.sourcing.checkworthy_claims == 1
    assert summary.sourcing.checkworthy_unsourced == 0


def test_no_claims_but_scored_sentences_counts_zero() -> None:
    sentences = [s.model_copy(update={"checkworthiness": 0.2}) for s in _sentences()]
    _, summary = _run([], sentences=sentences)
    assert summary.sourcing.checkworthy_claims == 0
    _, summary = _run([])
    assert summary.sourcing.checkworthy_claims is None


def test_unsourced_checkworthy_claim_finding() -> None:
    findings, _ = _run(_claims(SCORED))
    assert [(f.id, f.kind, f.related) for f in findings] == [
        ("F1", "unsourced_checkworthy_claim", ["C2"]),
        ("F2", "anonymous_source", ["C3", "A2"]),
        ("F3", "unverified_claim", ["C4"]),
    ]
    finding = findings[0]
    assert finding.severity == "warning"
    assert "(0.87)" in finding.message and "author's own voice" in finding.message
    assert [s.text for s in finding.spans] == ["The dam cost nine million crowns"]


@pytest.mark.parametrize(
    ("scores", "why"),
    [
        ([0.9, 0.49, 0.7, 0.6, 0.95, 0.3], "below the threshold"),
        ([0.9, None, 0.7, 0.6, 0.95, 0.3], "not scored"),
    ],
)
def test_no_unsourced_finding_for_a_claim_that_is_not_checkworthy(
    scores: list[float | None], why: str
) -> None:
    findings, _ = _run(_claims(scores))
    assert "unsourced_checkworthy_claim" not in [f.kind for f in findings], why


def test_attributed_and_hedged_checkworthy_claims_give_no_unsourced_finding() -> None:
    # C1 (attributed, 0.9) and C5 (author's voice but hedged, 0.95) are check-worthy; only C2
    # is stated as fact with no source. Without C2 nothing is flagged.
    claims = [c for c in _claims(SCORED) if c.id != "C2"]
    findings, _ = _run(claims)
    assert "unsourced_checkworthy_claim" not in [f.kind for f in findings]


def test_findings_are_deterministic() -> None:
    assert _run(_claims(SCORED)) == _run(_claims(SCORED))


def test_subjective_share_counts_scored_sentences_only() -> None:
    _, summary = _run([], sentences=_sentences([0.1, 0.2, 0.05, 0.4, 0.5, 0.93]))
    assert summary.subjective_share == pytest.approx(2 / 6, abs=1e-4)
    _, summary = _run([], sentences=_sentences([0.1, None, 0.7, 0.5, None, None]))
    assert summary.subjective_share == pytest.approx(2 / 3, abs=1e-4)
    _, summary = _run([], sentences=_sentences([0.0] * 6))
    assert summary.subjective_share == 0.0


def test_subjective_share_is_none_when_the_signal_is_unavailable() -> None:
    _, summary = _run([])
    assert summary.subjective_share is None
    _, summary = _run([], sentences=[])
    assert summary.subjective_share is None


def _technique(id_: str, name: str, text: str, sentence: int) -> Technique:
    return Technique(id=id_, technique=name, span=_span(text), sentence=sentence, score=0.8)


def test_technique_counts_most_frequent_first() -> None:
    techniques = [
        _technique("P1", "Name_Calling,Labeling", "Officials", 2),
        _technique("P2", "Loaded_Language", "cracked", 2),
        _technique("P3", "Doubt", "an account still unverified", 3),
        _technique("P4", "Loaded_Language", "flooding", 3),
        _technique("P5", "Loaded_Language", "doubled", 4),
    ]
    _, summary = _run([], techniques=techniques)
    assert list(summary.technique_counts.items()) == [
        ("Loaded_Language", 3),
        ("Doubt", 1),
        ("Name_Calling,Labeling", 1),
    ]
    _, summary = _run([])
    assert summary.technique_counts == {}
