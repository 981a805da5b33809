"""Article-level findings and summary, computed from the extracted records only."""

from __future__ import annotations

from collections import Counter

from claimscope.schema import (
    Acronym,
    Article,
    Attribution,
    Claim,
    Entity,
    Finding,
    Hedge,
    Sentence,
    SourceSummary,
    Summary,
    TimeExpression,
)


def assess(
    *,
    article: Article,
    sentences: list[Sentence],
    entities: list[Entity],
    acronyms: list[Acronym],
    attributions: list[Attribution],
    hedges: list[Hedge],
    times: list[TimeExpression],
    claims: list[Claim],
) -> tuple[list[Finding], Summary]:
    """Findings worth a human look, and the article's summary and sourcing profile."""
    findings: list[Finding] = []

    def add(finding: dict[str, object]) -> None:
        findings.append(Finding.model_validate({"id": f"F{len(findings) + 1}", **finding}))

    for acronym in acronyms:
        if not acronym.matches:
            add(
                {
                    "kind": "acronym_mismatch",
                    "severity": "warning",
                    "message": (
                        f"the acronym '{acronym.short.text}' does not match the initials of "
                        f"'{acronym.long.text}': check the name of the organisation or outlet"
                    ),
                    "spans": [acronym.short, acronym.long],
                    "related": [acronym.id] + ([acronym.entity] if acronym.entity else []),
                }
            )

    for expr in times:
        if expr.type in ("DATE", "TIME") and not expr.anchored:
            reason = (
                "the publication date is unknown"
                if article.published is None
                else "the article gives no date to anchor it to"
            )
            add(
                {
                    "kind": "unanchored_date",
                    "severity": "info",
                    "message": (
                        f"'{expr.span.text}' cannot be resolved to a calendar date: {reason}"
                    ),
                    "spans": [expr.span],
                    "related": [expr.id],
                }
            )

    hedges_by_id = {h.id: h for h in hedges}
    for claim in claims:
        if claim.status == "unverified":
            markers = [hedges_by_id[h].span for h in claim.hedges if h in hedges_by_id]
            add(
                {
                    "kind": "unverified_claim",
                    "severity": "warning",
                    "message": "the article itself says this account is not verified",
                    "spans": [claim.span, *markers],
                    "related": [claim.id, *claim.hedges],
                }
            )
        elif claim.source_type == "anonymous":
            add(
                {
                    "kind": "anonymous_source",
                    "severity": "info",
                    "message": "this claim rests on an unnamed or collective source",
                    "spans": [claim.span],
                    "related": [claim.id] + ([claim.attribution] if claim.attribution else []),
                }
            )

    summary = Summary(
        sentences=len(sentences),
        claims=len(claims),
        attributions=len(attributions),
        findings=len(findings),
        claims_by_status=dict(Counter(c.status for c in claims)),
        claims_by_source_type=dict(Counter(c.source_type for c in claims)),
        sources=_sources(attributions, claims, entities),
    )
    return findings, summary


def _sources(
    attributions: list[Attribution], claims: list[Claim], entities: list[Entity]
) -> list[SourceSummary]:
    """One row per distinct source: an entity when resolved, else the source text as written."""
    canonical = {e.id: e.canonical for e in entities}
    claims_by_attribution: dict[str, list[str]] = {}
    for claim in claims:
        if claim.attribution:
            claims_by_attribution.setdefault(claim.attribution, []).append(claim.id)
    rows: dict[str, SourceSummary] = {}
    for attribution in attributions:
        if attribution.source_entity:
            key = attribution.source_entity
            label = canonical.get(key, key)
        elif attribution.source is not None:
            label = attribution.source.text
            key = label.lower()
        else:
            label = (
                "(unnamed source)"
                if attribution.source_type == "anonymous"
                else f"(unnamed {attribution.source_type.replace('_', ' ')})"
            )
            key = label
        row = rows.get(key) or SourceSummary(
            label=label, source_type=attribution.source_type, entity=attribution.source_entity
        )
        # Records are frozen: each new attribution makes an updated copy of its source's row.
        rows[key] = row.model_copy(
            update={
                "attributions": [*row.attributions, attribution.id],
                "claims": [*row.claims, *claims_by_attribution.get(attribution.id, [])],
            }
        )
    return list(rows.values())
