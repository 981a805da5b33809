"""Article-level findings and summary, computed from the extracted records only."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

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
    SourcingProfile,
    Span,
    Summary,
    Technique,
    TimeExpression,
    TimelineEntry,
    TimeRelation,
)

#: A claim whose check-worthiness is at least this is check-worthy. The signal model
#: recalibrates every head so that its tuned decision threshold maps to 0.5.
CHECKWORTHY_THRESHOLD = 0.5
#: A sentence whose subjectivity is at least this counts as opinion, not report.
SUBJECTIVE_THRESHOLD = 0.5


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
    techniques: Sequence[Technique] = (),
    timeline: Sequence[TimelineEntry] = (),
    time_relations: Sequence[TimeRelation] = (),
) -> tuple[list[Finding], Summary]:
    """Findings worth a human look, and the article's summary and sourcing profile.

    The learned signals (check-worthiness, subjectivity, techniques) are optional: where the
    records carry none, the signal's counts are ``None`` and it gives no finding.
    """
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

    for finding in _outlet_findings(entities, acronyms):
        add(finding)

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

    for expr, span in _counted_from_an_event(article.text, times):
        add(
            {
                "kind": "unanchored_date",
                "severity": "info",
                "message": (
                    f"'{span.text}' counts from an event this sentence does not date: check "
                    "which date it counts from"
                ),
                "spans": [span],
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
        if _unsourced_checkworthy(claim):
            add(
                {
                    "kind": "unsourced_checkworthy_claim",
                    "severity": "warning",
                    "message": (
                        f"check-worthy claim ({claim.checkworthiness:.2f}) stated in the "
                        "author's own voice with no source"
                    ),
                    "spans": [claim.span],
                    "related": [claim.id],
                }
            )

    for finding in _time_contradictions(claims, times, time_relations):
        add(finding)

    sources = _sources(attributions, claims, entities)
    summary = Summary(
        sentences=len(sentences),
        claims=len(claims),
        attributions=len(attributions),
        findings=len(findings),
        claims_by_status=dict(Counter(c.status for c in claims)),
        claims_by_source_type=dict(Counter(c.source_type for c in claims)),
        sourcing=_sourcing_profile(claims, sources, sentences),
        subjective_share=_subjective_share(sentences),
        technique_counts=_technique_counts(techniques),
        sources=sources,
    )
    return findings, summary


def _time_contradictions(
    claims: list[Claim], times: list[TimeExpression], relations: Sequence[TimeRelation]
) -> list[dict[str, object]]:
    """Relative times that the article's own dates contradict.

    A claim said to come before another but dated after it (or the reverse), and two claims
    about one event with dates that do not overlap. Only dates of the claims' own sentences
    count: an inherited date is a guess from the context, too weak to call a contradiction.
    """
    by_claim = {c.id: c for c in claims}
    by_time = {t.id: t for t in times}

    def dated(claim_id: str) -> TimeExpression | None:
        claim = by_claim.get(claim_id)
        if claim is None or claim.time is None or claim.time_inherited:
            return None
        expr = by_time.get(claim.time)
        if expr is None or expr.range_start is None:
            return None
        return expr

    found: list[dict[str, object]] = []
    for relation in relations:
        mine, theirs = dated(relation.claim), dated(relation.other)
        if mine is None or theirs is None or mine.range_start is None:
            continue
        assert theirs.range_start is not None  # dated() only returns ranged expressions
        mine_end = mine.range_end or mine.range_start
        theirs_end = theirs.range_end or theirs.range_start
        if relation.relation == "before" and mine.range_start > theirs_end:
            message = (
                f"'{relation.span.text}' places this before an event dated "
                f"{theirs.value} ('{theirs.span.text}'), but it is itself dated "
                f"{mine.value} ('{mine.span.text}'), after it"
            )
        elif relation.relation == "after" and mine_end < theirs.range_start:
            message = (
                f"'{relation.span.text}' places this after an event dated "
                f"{theirs.value} ('{theirs.span.text}'), but it is itself dated "
                f"{mine.value} ('{mine.span.text}'), before it"
            )
        elif relation.relation == "same" and (
            mine.range_start > theirs_end or mine_end < theirs.range_start
        ):
            message = (
                f"'{relation.span.text}' is given two dates: {theirs.value} "
                f"('{theirs.span.text}') and {mine.value} ('{mine.span.text}')"
            )
        else:
            continue
        found.append(
            {
                "kind": "time_contradiction",
                "severity": "warning",
                "message": message,
                "spans": [theirs.span, mine.span, relation.span],
                "related": [relation.claim, relation.other, theirs.id, mine.id],
            }
        )
    return found


def is_checkworthy(claim: Claim) -> bool:
    """Whether the check-worthiness signal rates ``claim`` check-worthy (False when unscored)."""
    return claim.checkworthiness is not None and claim.checkworthiness >= CHECKWORTHY_THRESHOLD


def _unsourced_checkworthy(claim: Claim) -> bool:
    # Only claims the author states as plain fact: an attributed claim names its source, and a
    # hedged, speculative or unverified one already tells the reader to hold back.
    return is_checkworthy(claim) and claim.attribution is None and claim.status == "asserted"


def _subjective_share(sentences: list[Sentence]) -> float | None:
    """Share of the scored sentences rated subjective; None when no sentence was scored."""
    scores = [s.subjectivity for s in sentences if s.subjectivity is not None]
    if not scores:
        return None
    return round(sum(1 for x in scores if x >= SUBJECTIVE_THRESHOLD) / len(scores), 4)


def _technique_counts(techniques: Sequence[Technique]) -> dict[str, int]:
    """Spans per technique, most frequent first (ties by name, so the order is stable)."""
    counts = Counter(t.technique for t in techniques)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _checkworthiness_available(claims: list[Claim], sentences: list[Sentence]) -> bool:
    # An article without claims still says "0 check-worthy claims" when its sentences were
    # scored: the signal ran and found nothing to count.
    if claims:
        return any(c.checkworthiness is not None for c in claims)
    return any(s.checkworthiness is not None for s in sentences)


def _sourcing_profile(
    claims: list[Claim], sources: list[SourceSummary], sentences: list[Sentence]
) -> SourcingProfile:
    by_type = Counter(c.source_type for c in claims)
    total = sum(by_type.values())
    single = {claim for s in sources if len(s.claims) == 1 for claim in s.claims}
    checkworthy: dict[str, int | None] = dict.fromkeys(
        (
            "checkworthy_claims",
            "checkworthy_anonymous",
            "checkworthy_unverified",
            "checkworthy_single_source",
            "checkworthy_unsourced",
        )
    )
    if _checkworthiness_available(claims, sentences):
        # The same rules as the counts over all claims below, restricted to check-worthy ones.
        worthy = [c for c in claims if is_checkworthy(c)]
        checkworthy = {
            "checkworthy_claims": len(worthy),
            "checkworthy_anonymous": sum(1 for c in worthy if c.source_type == "anonymous"),
            "checkworthy_unverified": sum(1 for c in worthy if c.status == "unverified"),
            "checkworthy_single_source": sum(1 for c in worthy if c.id in single),
            "checkworthy_unsourced": sum(1 for c in worthy if c.attribution is None),
        }
    return SourcingProfile(
        share_by_source_type={k: round(v / total, 4) for k, v in by_type.items()} if total else {},
        named_sources=sum(1 for s in sources if s.source_type != "anonymous"),
        unnamed_sources=sum(1 for s in sources if s.source_type == "anonymous"),
        author_claims=sum(1 for c in claims if c.attribution is None),
        anonymous_claims=by_type.get("anonymous", 0),
        unverified_claims=sum(1 for c in claims if c.status == "unverified"),
        single_source_claims=len(single),
        **checkworthy,
    )


def _outlet_findings(entities: list[Entity], acronyms: list[Acronym]) -> list[dict[str, object]]:
    """Outlet-like names that no registry outlet has, with the nearest known outlet.

    A made-up or garbled agency name ("Central Telegraph Agency of Korea") is a classic sign
    of a fabricated or laundered source; naming the nearest real outlet tells a checker where
    to look. Names of no known outlet that are near none (a local paper) give no finding.
    """
    from claimscope.outlets import looks_like_outlet_name, lookup_outlet, nearest_outlet

    candidates: list[tuple[str, str | None, list[Span], list[str]]] = []
    covered: set[str] = set()
    for acronym in acronyms:
        candidates.append(
            (
                acronym.long.text,
                acronym.short.text,
                [acronym.short, acronym.long],
                [acronym.id] + ([acronym.entity] if acronym.entity else []),
            )
        )
        if acronym.entity:
            covered.add(acronym.entity)
    for entity in entities:
        if entity.type == "ORG" and entity.id not in covered and entity.mentions:
            mention = entity.mentions[0]
            span = Span(start=mention.start, end=mention.end, text=mention.text)
            candidates.append((entity.canonical, None, [span], [entity.id]))
    found: list[dict[str, object]] = []
    for name, short, spans, related in candidates:
        if not looks_like_outlet_name(name) or lookup_outlet(name) is not None:
            continue
        if short is not None and lookup_outlet(short) is not None:
            continue
        nearest = nearest_outlet(name, short)
        if nearest is None or nearest[1] >= 1.0:
            continue
        outlet, score = nearest
        found.append(
            {
                "kind": "outlet_unknown",
                "severity": "warning",
                "message": (
                    f"no known news outlet is called '{name}'; the nearest known one is "
                    f"{outlet.describe()} (similarity {score:.2f})"
                ),
                "spans": spans,
                "related": related,
            }
        )
    return found


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


#: Words after a count of time that count it from another event: "three days later".
_EVENT_RELATORS = re.compile(r"\s+(later|earlier|after|before|afterwards)\b", re.IGNORECASE)
#: Words before a count that make it a span of time: "for a week after the storm".
_SPAN_PREPOSITIONS = ("for", "within", "over", "during", "throughout")


def _counted_from_an_event(
    text: str, times: Sequence[TimeExpression]
) -> list[tuple[TimeExpression, Span]]:
    """Durations that count from an event ("three days later", "a month after the vote") in a
    sentence with no calendar date of its own, each with the span of count and word.

    TimeML marks the count alone as a DURATION; a checker still has to find the date it counts
    from, which the sentence does not give ("on Tuesday, five days after the flood" does).
    """
    dated = {t.sentence for t in times if t.type in ("DATE", "TIME") and t.range_start}
    found: list[tuple[TimeExpression, Span]] = []
    for expr in times:
        if expr.type != "DURATION" or expr.sentence in dated:
            continue
        relator = _EVENT_RELATORS.match(text, expr.span.end)
        # The word before the count; a short window, not a copy of the text up to it.
        before = text[max(0, expr.span.start - 20) : expr.span.start].rstrip().rsplit(None, 1)
        if relator is None or (before and before[-1].lower() in _SPAN_PREPOSITIONS):
            continue
        found.append((expr, Span.of(text, expr.span.start, relator.end())))
    return found
