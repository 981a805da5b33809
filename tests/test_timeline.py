"""The timeline: each claim's time, the time-ordered entries, relative times between claims,
and the contradictions ``assess`` draws from them."""

from __future__ import annotations

from typing import Any

import pytest

from claimscope.schema import Analysis, Claim

PUBLISHED = "2025-07-01"


@pytest.fixture(scope="module")
def run(analyzer_without_signals: Any) -> Any:
    def analyse(text: str) -> Analysis:
        result: Analysis = analyzer_without_signals.analyze(text, published=PUBLISHED)
        return result

    return analyse


def _claim(analysis: Analysis, words: str) -> Claim:
    found = [c for c in analysis.claims if words in c.span.text]
    assert len(found) == 1, [c.span.text for c in analysis.claims]
    return found[0]


def _time_text(analysis: Analysis, claim: Claim) -> str | None:
    times = {t.id: t for t in analysis.times}
    return times[claim.time].span.text if claim.time else None


def test_a_statement_date_dates_what_it_says_and_orders_the_timeline(run: Any) -> None:
    # Told in reverse order: the later statement first, the earlier one second.
    analysis = run(
        "According to a notice issued on August 14, the Corvale harbour reopened to ferries.\n"
        "Governor Tomas Orlek, in a separate move, praised the dock workers.\n"
        "His statement, released on March 2, said that the repairs had been finished early."
    )
    august = _claim(analysis, "harbour reopened")
    march = _claim(analysis, "repairs had been finished")
    assert _time_text(analysis, august) == "August 14"
    assert _time_text(analysis, march) == "March 2"
    order = [e.claim for e in analysis.timeline]
    assert order.index(march.id) < order.index(august.id)
    assert [str(e.start) for e in analysis.timeline] == sorted(
        str(e.start) for e in analysis.timeline
    )
    # The middle paragraph has no date and is left out of the timeline.
    praised = _claim(analysis, "dock workers")
    assert praised.time is None and praised.id not in order


def test_a_date_in_a_relative_clause_about_someone_else_dates_nothing(run: Any) -> None:
    analysis = run("Officials, who met in 2019, said the Belmora port was safe.")
    assert _claim(analysis, "port was safe").time is None
    assert analysis.timeline == []


def test_a_past_tense_claim_inherits_the_paragraph_date_and_no_further(run: Any) -> None:
    analysis = run(
        "Mayor Ilse Varn opened the Corvale bridge on March 3. Crowds filled the riverbank. "
        "The council has repaired the road.\n\nResidents walked across it in the evening."
    )
    opened = _claim(analysis, "opened the Corvale bridge")
    crowds = _claim(analysis, "Crowds filled")
    assert opened.time is not None and not opened.time_inherited
    assert crowds.time == opened.time and crowds.time_inherited
    # Present perfect speaks of the time of writing; a new paragraph starts afresh.
    assert _claim(analysis, "has repaired").time is None
    assert _claim(analysis, "walked across").time is None
    entry = next(e for e in analysis.timeline if e.claim == crowds.id)
    assert entry.inherited and entry.value == "2025-03-03"


def test_weeks_after_an_event_is_a_relation_to_the_claim_that_names_it(run: Any) -> None:
    analysis = run(
        "The storm struck Corvale on April 4. Mayor Ilse Varn spoke three weeks after the "
        "storm hit the town."
    )
    struck = _claim(analysis, "storm struck")
    spoke = _claim(analysis, "Varn spoke")
    assert [(r.claim, r.relation, r.other) for r in analysis.time_relations] == [
        (spoke.id, "after", struck.id)
    ]
    relation = analysis.time_relations[0]
    assert relation.span.text == "three weeks after the storm hit the town"
    # The relative words date the other event, not the claim that says them.
    assert spoke.time is None
    assert not [f for f in analysis.findings if f.kind == "time_contradiction"]


def test_a_statement_dated_after_the_event_it_precedes_is_flagged(run: Any) -> None:
    analysis = run(
        "Heavy rain flooded the Varn valley on June 2. The ministry's warning, issued on "
        "June 9, came two days before the flood, according to Tomas Orlek."
    )
    flagged = [f for f in analysis.findings if f.kind == "time_contradiction"]
    assert len(flagged) == 1
    finding = flagged[0]
    assert finding.severity == "warning"
    assert "2025-06-02" in finding.message and "2025-06-09" in finding.message
    assert [s.text for s in finding.spans[:2]] == ["June 2", "June 9"]


def test_two_dates_for_one_event_are_flagged(run: Any) -> None:
    analysis = run(
        "The referendum on May 3 drew large crowds in Corvale. The referendum, held on May 10, "
        "was contested by Mayor Ilse Varn."
    )
    same = [r for r in analysis.time_relations if r.relation == "same"]
    assert len(same) == 1 and same[0].span.text == "The referendum"
    flagged = [f for f in analysis.findings if f.kind == "time_contradiction"]
    assert len(flagged) == 1
    assert [s.text for s in flagged[0].spans[:2]] == ["May 3", "May 10"]


def test_one_event_with_one_date_twice_is_not_flagged(run: Any) -> None:
    analysis = run(
        "The referendum on May 3 drew large crowds in Corvale. The referendum, held on May 3, "
        "was contested by Mayor Ilse Varn."
    )
    assert not [f for f in analysis.findings if f.kind == "time_contradiction"]


def test_timeline_spans_and_ids_point_into_the_analysis(run: Any) -> None:
    analysis = run(
        "The storm struck Corvale on April 4. Mayor Ilse Varn spoke three weeks after the "
        "storm hit the town. The referendum on May 3 drew large crowds."
    )
    claims = {c.id for c in analysis.claims}
    times = {t.id for t in analysis.times}
    assert analysis.timeline
    assert all(e.claim in claims and e.time in times for e in analysis.timeline)
    for relation in analysis.time_relations:
        assert relation.claim in claims and relation.other in claims
        span = relation.span
        assert analysis.article.text[span.start : span.end] == span.text
    assert "timeline" in analysis.provenance.timings_ms
