"""A hand-built ``Analysis`` of a short fictional article, for the report tests.

Every record is written by hand (no model runs), so the report tests stay fast and say exactly
what they expect. Spans are built with ``Span.of`` on the text, located with ``_at``, which
fails loudly if a phrase is missing or ambiguous.
"""

from __future__ import annotations

import datetime as dt

from claimscope.schema import (
    Acronym,
    Analysis,
    Article,
    Attribution,
    Claim,
    Entity,
    Finding,
    Hedge,
    Mention,
    MentionKind,
    Provenance,
    Sentence,
    SourceSummary,
    Span,
    Summary,
    TimeExpression,
)

ARTICLE_TEXT = (
    'Mayor Ilse Varn said on Tuesday that the Tarrow bridge "will reopen by May 3, '
    'whatever the inspectors say."\n\n'
    "According to the National Radio of Belmora (NRC), repairs have reportedly cost four "
    "million crowns.\n\n"
    "Some residents said the works may have been rushed."
)


def _at(text: str, phrase: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.find(phrase, start + 1)
        assert start >= 0, f"{phrase!r} is not in the fixture text"
    return Span.of(text, start, start + len(phrase))


def _mention(text: str, phrase: str, kind: MentionKind = "name", nth: int = 0) -> Mention:
    span = _at(text, phrase, nth)
    return Mention(start=span.start, end=span.end, text=span.text, kind=kind)


def build_analysis(
    text: str = ARTICLE_TEXT,
    *,
    title: str | None = "Tarrow bridge to reopen, mayor says",
    outlet: str | None = "Belmora Daily Courier",
    url: str | None = "https://courier.belmora.example/news/tarrow-bridge",
) -> Analysis:
    """The analysis of ``text``, which must contain the phrases of ``ARTICLE_TEXT``."""
    s = _at  # short alias: every span below is located in the same text
    sentences = [
        Sentence.model_validate({**s(text, sent).model_dump(), "index": i})
        for i, sent in enumerate(
            [
                text[: text.index('say."') + len('say."')],
                "According to the National Radio of Belmora (NRC), repairs have reportedly "
                "cost four million crowns.",
                "Some residents said the works may have been rushed.",
            ]
        )
    ]
    entities = [
        Entity(
            id="E1",
            type="PERSON",
            canonical="Ilse Varn",
            mentions=[_mention(text, "Ilse Varn")],
            titles=[s(text, "Mayor")],
        ),
        Entity(
            id="E2",
            type="ORG",
            canonical="National Radio of Belmora",
            mentions=[
                _mention(text, "National Radio of Belmora", "expansion"),
                _mention(text, "NRC", "acronym"),
            ],
        ),
        Entity(id="E3", type="FAC", canonical="Tarrow bridge", mentions=[_mention(text, "Tarrow")]),
    ]
    acronyms = [
        Acronym(
            id="AC1",
            short=s(text, "NRC"),
            long=s(text, "National Radio of Belmora"),
            matches=False,
            entity="E2",
        )
    ]
    attributions = [
        Attribution(
            id="A1",
            kind="mixed",
            cue=s(text, "said"),
            source=s(text, "Mayor Ilse Varn"),
            source_entity="E1",
            source_type="official",
            content=s(
                text, 'the Tarrow bridge "will reopen by May 3, whatever the inspectors say.'
            ),
            sentence=0,
        ),
        Attribution(
            id="A2",
            kind="according_to",
            cue=s(text, "According to"),
            source=s(text, "the National Radio of Belmora (NRC)"),
            source_entity="E2",
            source_type="state_media",
            content=s(text, "repairs have reportedly cost four million crowns"),
            sentence=1,
        ),
        Attribution(
            id="A3",
            kind="indirect",
            cue=s(text, "said", nth=1),
            source=s(text, "Some residents"),
            source_type="anonymous",
            content=s(text, "the works may have been rushed"),
            sentence=2,
        ),
    ]
    hedges = [
        Hedge(id="H1", kind="reported", span=s(text, "reportedly"), sentence=1),
        Hedge(id="H2", kind="hedged", span=s(text, "may have been"), sentence=2),
    ]
    times = [
        TimeExpression(
            id="T1",
            span=s(text, "on Tuesday"),
            type="DATE",
            value="2031-04-22",
            anchored=True,
            sentence=0,
        ),
        TimeExpression(
            id="T2",
            span=s(text, "May 3"),
            type="DATE",
            value="2031-05-03",
            anchored=True,
            sentence=0,
        ),
    ]
    claims = [
        Claim(
            id="C1",
            # Deliberately crosses the entity mention "Tarrow" (starts inside "the Tarrow
            # bridge" only at "bridge"), so the report must cut a crossing overlap correctly.
            span=s(text, 'bridge "will reopen by May 3'),
            sentence=0,
            attribution="A1",
            source_type="official",
            status="attributed",
            entities=["E3"],
            times=["T2"],
        ),
        Claim(
            id="C2",
            span=s(text, "repairs have reportedly cost four million crowns"),
            sentence=1,
            attribution="A2",
            source_type="state_media",
            status="hedged",
            hedges=["H1"],
        ),
        Claim(
            id="C3",
            span=s(text, "the works may have been rushed"),
            sentence=2,
            attribution="A3",
            source_type="anonymous",
            status="speculative",
            hedges=["H2"],
        ),
    ]
    findings = [
        Finding(
            id="F1",
            kind="acronym_mismatch",
            severity="warning",
            message=(
                "the acronym 'NRC' does not match the initials of 'National Radio of Belmora': "
                "check the name of the organisation or outlet"
            ),
            spans=[s(text, "NRC"), s(text, "National Radio of Belmora")],
            related=["AC1", "E2"],
        ),
        Finding(
            id="F2",
            kind="anonymous_source",
            severity="info",
            message="this claim rests on an unnamed or collective source",
            spans=[s(text, "the works may have been rushed")],
            related=["C3", "A3"],
        ),
    ]
    summary = Summary(
        sentences=3,
        claims=3,
        attributions=3,
        findings=2,
        claims_by_status={"attributed": 1, "hedged": 1, "speculative": 1},
        claims_by_source_type={"official": 1, "state_media": 1, "anonymous": 1},
        sources=[
            SourceSummary(
                label="Ilse Varn",
                source_type="official",
                entity="E1",
                attributions=["A1"],
                claims=["C1"],
            ),
            SourceSummary(
                label="National Radio of Belmora",
                source_type="state_media",
                entity="E2",
                attributions=["A2"],
                claims=["C2"],
            ),
            SourceSummary(
                label="Some residents",
                source_type="anonymous",
                attributions=["A3"],
                claims=["C3"],
            ),
        ],
    )
    return Analysis(
        article=Article(
            id="0123456789abcdef",
            url=url,
            outlet=outlet,
            title=title,
            published=dt.date(2031, 4, 23),
            language="en",
            text=text,
        ),
        sentences=sentences,
        entities=entities,
        acronyms=acronyms,
        attributions=attributions,
        hedges=hedges,
        times=times,
        claims=claims,
        findings=findings,
        summary=summary,
        provenance=Provenance(
            claimscope_version="0.1.0",
            spacy_version="3.8.0",
            spacy_model="en_core_web_sm-3.8.0",
            signals={
                "checkworthiness": "unavailable: no model installed",
                "entities": "available",
            },
            timings_ms={"total": 12.5},
        ),
    )


#: Markup an attacker might plant in an article, its metadata and its entity names.
HOSTILE = (
    "<script>alert(1)</script> "
    '<img src=x onerror=alert(1)> "><svg onload=alert(1)> '
    '<a href="javascript:alert(1)">x</a> </article></aside><style>*{display:none}</style> '
)


def hostile_analysis() -> Analysis:
    """The fixture article with hostile markup in its text, title, outlet and url."""
    text = HOSTILE + ARTICLE_TEXT + "\n\n" + HOSTILE
    analysis = build_analysis(
        text,
        title='javascript:alert(1) "><script>alert(2)</script>',
        outlet="<img src=x onerror=alert(3)>",
        url="javascript:alert(document.cookie)",
    )
    # Names and messages are derived from the text, so they can carry markup too.
    person = analysis.entities[0].model_copy(update={"canonical": 'x"><svg onload=alert(4)>'})
    finding = analysis.findings[0].model_copy(
        update={"message": "'<script>alert(5)</script>' does not match"}
    )
    source = analysis.summary.sources[0].model_copy(update={"label": "<b onclick=alert(6)>"})
    summary = analysis.summary.model_copy(
        update={"sources": [source, *analysis.summary.sources[1:]]}
    )
    return analysis.model_copy(
        update={
            "entities": [person, *analysis.entities[1:]],
            "findings": [finding, *analysis.findings[1:]],
            "summary": summary,
        }
    )
