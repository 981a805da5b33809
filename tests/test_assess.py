"""assess: findings and summary from hand-built records (no model is loaded)."""

from __future__ import annotations

import datetime as dt

from claimscope.assess import assess
from claimscope.schema import (
    Acronym,
    Article,
    Attribution,
    Claim,
    Entity,
    Hedge,
    Mention,
    Span,
    TimeExpression,
)

TEXT = (
    "KCPA (Korean Central Press Agency) said the dam held. "
    "Officials said the road was closed weeks after the storm. "
    "The Corvale Evening Post (CEP) reported that residents fled, an account still unverified."
)


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span.of(TEXT, start, start + len(part))


def _article(published: dt.date | None = dt.date(2031, 5, 2)) -> Article:
    return Article(id="x", text=TEXT, published=published, language="en")


def _run(**records: object) -> tuple[list, object]:  # type: ignore[type-arg]
    base: dict[str, object] = {
        "article": _article(),
        "sentences": [],
        "entities": [],
        "acronyms": [],
        "attributions": [],
        "hedges": [],
        "times": [],
        "claims": [],
    }
    base.update(records)
    return assess(**base)  # type: ignore[arg-type]


def _acronym(short: str, long: str, matches: bool = True) -> Acronym:
    return Acronym(id="K1", short=_span(short), long=_span(long), matches=matches)


def test_made_up_agency_names_the_nearest_known_outlet() -> None:
    findings, _ = _run(acronyms=[_acronym("KCPA", "Korean Central Press Agency")])
    kinds = [f.kind for f in findings]
    assert kinds == ["outlet_unknown"]
    assert "Korean Central News Agency" in findings[0].message
    assert [s.text for s in findings[0].spans] == ["KCPA", "Korean Central Press Agency"]


def test_local_paper_unknown_to_the_registry_is_not_flagged() -> None:
    findings, _ = _run(acronyms=[_acronym("CEP", "Corvale Evening Post")])
    assert findings == []


def test_acronym_mismatch_is_flagged() -> None:
    findings, _ = _run(acronyms=[_acronym("CEP", "Corvale Evening Post", matches=False)])
    assert [f.kind for f in findings] == ["acronym_mismatch"]
    assert "'CEP'" in findings[0].message


def test_org_entity_with_an_outlet_name_is_checked_too() -> None:
    entity = Entity(
        id="E1",
        type="ORG",
        canonical="Korean Central Press Agency",
        mentions=[Mention(**_span("Korean Central Press Agency").model_dump())],
    )
    findings, _ = _run(entities=[entity])
    assert [f.kind for f in findings] == ["outlet_unknown"]
    assert findings[0].related == ["E1"]


def test_unanchored_date_says_why() -> None:
    expr = TimeExpression(
        id="T1", span=_span("weeks after"), type="DATE", value=None, anchored=False, sentence=1
    )
    findings, _ = _run(times=[expr])
    assert [f.kind for f in findings] == ["unanchored_date"]
    assert "no date to anchor it to" in findings[0].message
    findings, _ = _run(times=[expr], article=_article(published=None))
    assert "publication date is unknown" in findings[0].message


def test_claim_statuses_give_findings_and_the_sourcing_profile() -> None:
    officials = Attribution(
        id="A1",
        kind="indirect",
        cue=_span("said the road"),
        source=_span("Officials"),
        source_type="anonymous",
        content=_span("the road was closed weeks after the storm"),
        sentence=1,
    )
    post = Attribution(
        id="A2",
        kind="indirect",
        cue=_span("reported"),
        source=_span("The Corvale Evening Post"),
        source_type="media",
        content=_span("residents fled"),
        sentence=2,
    )
    hedge = Hedge(id="H1", kind="unverified", span=_span("unverified"), sentence=2)
    claims = [
        Claim(
            id="C1",
            span=officials.content,
            sentence=1,
            attribution="A1",
            source_type="anonymous",
            status="attributed",
        ),
        Claim(
            id="C2",
            span=post.content,
            sentence=2,
            attribution="A2",
            source_type="media",
            status="unverified",
            hedges=["H1"],
        ),
    ]
    findings, summary = _run(attributions=[officials, post], hedges=[hedge], claims=claims)
    assert [(f.kind, f.related[0]) for f in findings] == [
        ("anonymous_source", "C1"),
        ("unverified_claim", "C2"),
    ]
    assert [s.text for s in findings[1].spans] == ["residents fled", "unverified"]
    assert summary.claims_by_status == {"attributed": 1, "unverified": 1}
    assert summary.claims_by_source_type == {"anonymous": 1, "media": 1}
    profile = summary.sourcing
    assert profile.share_by_source_type == {"anonymous": 0.5, "media": 0.5}
    assert (profile.named_sources, profile.unnamed_sources) == (1, 1)
    assert (profile.anonymous_claims, profile.unverified_claims) == (1, 1)
    assert (profile.author_claims, profile.single_source_claims) == (0, 2)
    assert [(s.label, s.source_type, s.claims) for s in summary.sources] == [
        ("Officials", "anonymous", ["C1"]),
        ("The Corvale Evening Post", "media", ["C2"]),
    ]
