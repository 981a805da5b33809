"""The output contract: ``Analysis`` and the records it holds.

JSON, the HTML report, the terminal summary, database rows and API answers are all views of
this one pydantic model. Its JSON Schema is exported to ``schema/analysis.schema.json`` and a
test fails when that committed file is stale (regenerate with ``claimscope schema -o
schema/analysis.schema.json``).

Every span is ``{start, end, text}`` with ``text == article.text[start:end]``.

Example:
    >>> from claimscope.schema import Span
    >>> Span.of("Mayor Ilse Varn spoke.", 6, 15)
    Span(start=6, end=15, text='Ilse Varn')
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: Bumped on every change of the JSON shape: major for removals/renames, minor for additions.
SCHEMA_VERSION = "1.2.0"

SourceType = Literal[
    "official",  # government, military, party, public body, head of state
    "state_media",  # a news agency or outlet owned or run by a state
    "media",  # any other news outlet, reporter or report
    "expert",  # analysts, researchers, experts
    "eyewitness",  # eyewitnesses, residents, correspondents on the ground
    "anonymous",  # unnamed or collective sources ("officials said", "some analysts")
    "document",  # a press release, statement, report or document
    "author",  # the article's own voice, nobody else named
    "other",  # a named source of none of the kinds above
]

AttributionKind = Literal[
    "direct",  # a quotation in quote marks with its speaker
    "indirect",  # reported speech: "X said that ..."
    "mixed",  # reported speech with a quoted fragment
    "according_to",  # "according to X, ..."
    "reporting_noun",  # "a statement released on ...", "reports describe ..."
]

EvidentialStatus = Literal[
    "asserted",  # stated by the author as fact
    "attributed",  # stated on someone else's word
    "hedged",  # softened: "reportedly", "may", "appears to"
    "unverified",  # explicitly flagged as not verified
    "speculative",  # guessed, predicted or speculated
    "denied",  # denied or rejected by its source
]

HedgeKind = Literal["reported", "alleged", "hedged", "unverified", "speculative", "denied"]

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]

MentionKind = Literal[
    "name",  # a full name as written: "Ilse Varn"
    "surname",  # a short form of a name: "Varn"
    "title_name",  # a name with its title: "Mayor Ilse Varn"
    "acronym",  # "NRB"
    "expansion",  # "National Radio of Belmora"
    "demonym",  # "Belmoran"
    "pronoun",  # "she"
    "description",  # "the mayor"
]

Severity = Literal["info", "warning"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Record):
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int = Field(ge=0, description="Offset of the first character (Python str index).")
    end: int = Field(ge=0, description="Offset just after the last character.")
    text: str = Field(description="The article text between start and end, verbatim.")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match end - start")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``, so that its text always matches the article."""
        return cls(start=start, end=end, text=text[start:end])


class Article(_Record):
    """The article analysed, with its metadata."""

    id: str = Field(description="First 16 hex digits of the SHA-256 of the normalised text.")
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code as detected.")
    text: str = Field(description="The text every span points into.")


class Sentence(Span):
    """A sentence, with its sentence-level signals (``None`` where a signal is unavailable)."""

    index: int = Field(ge=0)
    checkworthiness: float | None = Field(
        default=None, ge=0, le=1, description="Probability that it holds a claim worth checking."
    )
    subjectivity: float | None = Field(
        default=None, ge=0, le=1, description="Probability that it is opinion, not report."
    )
    uses_technique: float | None = Field(
        default=None, ge=0, le=1, description="Probability that it uses a persuasion technique."
    )
    techniques: list[str] = Field(
        default_factory=list, description="Names of the techniques whose spans it holds."
    )


class Place(_Record):
    """Where a place mention resolves to, from the shipped gazetteer data only."""

    name: str = Field(description="The gazetteer's name for the place.")
    kind: Literal["country", "region", "city", "area"]
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code.")
    region: str | None = Field(default=None, description="ISO 3166-2 code of the region.")
    regions: list[str] = Field(
        default_factory=list,
        description="ISO 3166-2 codes of every first-level region an area spans (Donbas: "
        "UA-14, UA-09); region is set only when there is exactly one.",
    )
    countries: list[str] = Field(
        default_factory=list,
        description="ISO alpha-2 codes of every country an area spans (Korean Peninsula: KP, KR).",
    )
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    ambiguous: bool = Field(default=False, description="Several places share this name.")


class Mention(Span):
    """One mention of an entity."""

    kind: MentionKind = "name"


class Entity(_Record):
    """A cluster of mentions of one person, organisation, place or group."""

    id: str
    type: str = Field(description="PERSON, ORG, GPE, LOC, NORP, FAC or EVENT (spaCy labels).")
    canonical: str = Field(description="The fullest name used in the article.")
    mentions: list[Mention]
    titles: list[Span] = Field(
        default_factory=list, description="Roles and titles given to the entity in the text."
    )
    country: str | None = Field(
        default=None, description="ISO alpha-2 of the country a demonym or group belongs to."
    )
    place: Place | None = None


class Acronym(_Record):
    """An acronym defined next to its expansion: "NRB (National Radio of Belmora)"."""

    id: str
    short: Span
    long: Span
    matches: bool = Field(description="Whether the acronym fits the expansion's initials.")
    entity: str | None = Field(default=None, description="Entity id of the expansion.")


class Attribution(_Record):
    """Who says something, through which words, on which channel."""

    id: str
    kind: AttributionKind
    cue: Span | None = Field(description="The reporting verb or phrase: said, according to.")
    source: Span | None = Field(description="Who is cited, as written; None when unnamed.")
    source_entity: str | None = Field(default=None, description="Entity id of the source.")
    source_type: SourceType
    channel: Span | None = Field(default=None, description="Outlet or document it came via.")
    content: Span
    sentence: int


class Hedge(_Record):
    """A word or phrase that marks a claim as reported, hedged, unverified or speculative."""

    id: str
    kind: HedgeKind
    span: Span
    sentence: int


class TimeExpression(_Record):
    """A temporal expression with its TIMEX3-style type and normalised value."""

    id: str
    span: Span
    type: TimeType
    value: str | None = Field(
        description="TIMEX3 value (2025-08-20, 2025-W33, XXXX-08-20, P3W, PAST_REF)."
    )
    anchored: bool = Field(
        description=(
            "DATE/TIME: the value is complete (written in full or resolved against the "
            "publication date; PAST_REF and the like count). DURATION/SET: always true."
        )
    )
    range_start: dt.date | None = None
    range_end: dt.date | None = None
    sentence: int


class Claim(_Record):
    """A check-worthy statement and what it rests on."""

    id: str
    span: Span
    sentence: int
    attribution: str | None = Field(description="Attribution id; None is the author's voice.")
    source_type: SourceType
    status: EvidentialStatus
    hedges: list[str] = Field(default_factory=list)
    entities: list[str] = Field(default_factory=list)
    times: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    checkworthiness: float | None = Field(default=None, ge=0, le=1)
    time: str | None = Field(
        default=None, description="Id of the time expression the claim is about, if any."
    )
    time_inherited: bool = Field(
        default=False,
        description="The time comes from the context (an earlier sentence), not the claim's own "
        "sentence.",
    )


class TimelineEntry(_Record):
    """A claim placed in time: the timeline is the list of these in time order."""

    claim: str = Field(description="Claim id.")
    time: str = Field(description="Id of the time expression that dates it.")
    value: str = Field(description="The TIMEX3 value it is placed at.")
    start: dt.date | None = Field(default=None, description="First day the value covers.")
    end: dt.date | None = Field(default=None, description="Last day the value covers.")
    inherited: bool = False


class TimeRelation(_Record):
    """A relative time between two claims ("weeks after the reported involvement")."""

    claim: str
    relation: Literal["before", "after", "during", "same"]
    other: str = Field(description="Id of the claim it is placed against.")
    span: Span = Field(description="The words that say it.")


class Technique(_Record):
    """A persuasion-technique span (SemEval-2020 Task 11 taxonomy)."""

    id: str
    technique: str = Field(description="One of the 14 SemEval-2020 Task 11 technique names.")
    span: Span
    sentence: int
    score: float = Field(ge=0, le=1)


class Finding(_Record):
    """Something a checker should look at, with the spans it rests on."""

    id: str
    kind: str = Field(description="acronym_mismatch, unanchored_date, unverified_claim, ...")
    severity: Severity
    message: str
    spans: list[Span] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list, description="Ids of records involved.")


class SourceSummary(_Record):
    """One source and what the article cites it for."""

    label: str
    source_type: SourceType
    entity: str | None = None
    attributions: list[str] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)


class SourcingProfile(_Record):
    """What the article's claims rest on, in numbers a checker can compare across articles."""

    share_by_source_type: dict[str, float] = Field(
        default_factory=dict, description="Share of claims per source type (sums to 1)."
    )
    named_sources: int = Field(default=0, description="Distinct sources named in the text.")
    unnamed_sources: int = Field(
        default=0, description="Distinct anonymous or collective sources ('officials')."
    )
    author_claims: int = Field(default=0, description="Claims in the author's own voice.")
    anonymous_claims: int = Field(default=0, description="Claims resting on unnamed sources.")
    unverified_claims: int = Field(default=0, description="Claims the text calls unverified.")
    single_source_claims: int = Field(
        default=0,
        description="Attributed claims whose source is cited for nothing else in the article.",
    )
    checkworthy_claims: int | None = Field(
        default=None,
        description="Claims the check-worthiness signal rates at least 0.5 (None: unavailable).",
    )
    checkworthy_anonymous: int | None = Field(
        default=None, description="Check-worthy claims resting on unnamed sources."
    )
    checkworthy_unverified: int | None = Field(
        default=None, description="Check-worthy claims the text calls unverified."
    )
    checkworthy_single_source: int | None = Field(
        default=None, description="Check-worthy attributed claims resting on a single source."
    )
    checkworthy_unsourced: int | None = Field(
        default=None, description="Check-worthy claims in the author's own voice, with no source."
    )


class Summary(_Record):
    """Article-level counts and the sourcing profile."""

    sentences: int
    claims: int
    attributions: int
    findings: int
    claims_by_status: dict[str, int] = Field(default_factory=dict)
    claims_by_source_type: dict[str, int] = Field(default_factory=dict)
    sourcing: SourcingProfile = Field(default_factory=SourcingProfile)
    subjective_share: float | None = Field(
        default=None, ge=0, le=1, description="Share of sentences rated subjective (>= 0.5)."
    )
    technique_counts: dict[str, int] = Field(
        default_factory=dict, description="Persuasion-technique spans per technique."
    )
    sources: list[SourceSummary] = Field(default_factory=list)


class Provenance(_Record):
    """What produced the analysis: versions, configuration, which signals ran, timings."""

    claimscope_version: str
    spacy_version: str
    spacy_model: str
    options: dict[str, Any] = Field(default_factory=dict)
    signals: dict[str, str] = Field(
        default_factory=dict, description="Signal name to 'available' or why it is not."
    )
    timings_ms: dict[str, float] = Field(default_factory=dict)


class Analysis(_Record):
    """Everything claimscope found in one article.

    Example:
        >>> from claimscope import analyze
        >>> analysis = analyze("Mayor Ilse Varn said the bridge would reopen on May 3.")
        >>> [c.status for c in analysis.claims]
        ['attributed']
    """

    schema_version: str = SCHEMA_VERSION
    article: Article
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    acronyms: list[Acronym] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    hedges: list[Hedge] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    techniques: list[Technique] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    time_relations: list[TimeRelation] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    summary: Summary
    provenance: Provenance


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``Analysis``, as committed under ``schema/``."""
    schema = Analysis.model_json_schema()
    schema["title"] = f"claimscope Analysis {SCHEMA_VERSION}"
    return schema
