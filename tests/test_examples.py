"""Reviewed expectations on the example articles, written by hand (never generated).

The golden JSON files record everything; these assertions hold the behaviours that must never
regress, so that a careless regeneration of the golden files cannot silently drop them. All
people, places and outlets in the examples are fictional.
"""

from __future__ import annotations

from typing import Any

import pytest

from golden import CASES, run_case

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def examples(analyzer: Any) -> dict[str, Any]:
    return {case["example"].removesuffix(".txt"): run_case(case, analyzer) for case in CASES}


def _attribution(analysis: Any, content_part: str) -> Any:
    found = [a for a in analysis.attributions if content_part in a.content.text]
    assert found, f"no attribution whose content holds {content_part!r}"
    return found[0]


def _claim(analysis: Any, text_part: str) -> Any:
    found = [c for c in analysis.claims if text_part in c.span.text]
    assert found, f"no claim holding {text_part!r}"
    return found[0]


def _person(analysis: Any, name: str) -> Any:
    found = [e for e in analysis.entities if e.type == "PERSON" and e.canonical == name]
    assert found, f"no PERSON cluster {name!r}"
    return found[0]


# harbour_strike: curly single quotes, an interrupted quote, titles, a mismatching acronym.


def test_minister_is_one_cluster_with_her_title(examples: dict[str, Any]) -> None:
    minister = _person(examples["harbour_strike"], "Odile Ferrant")
    forms = {m.text for m in minister.mentions}
    assert {"Harbour Minister Odile Ferrant", "Ferrant"} <= forms
    assert [t.text for t in minister.titles] == ["Harbour Minister"]


def test_interrupted_single_quote_is_attributed_to_the_minister(
    examples: dict[str, Any],
) -> None:
    analysis = examples["harbour_strike"]
    minister = _person(analysis, "Odile Ferrant")
    for part in ("patient with the union", "patience does not unload ships"):
        quote = _attribution(analysis, part)
        assert quote.kind == "direct"
        assert quote.source_entity == minister.id
        assert quote.cue is not None and quote.cue.text == "told"
        assert quote.source_type == "official"


def test_apostrophes_are_not_quote_marks(examples: dict[str, Any]) -> None:
    # "It’s not about the money" is a quote that begins with an apostrophe-bearing word.
    quote = _attribution(examples["harbour_strike"], "not about the money")
    assert quote.content.text == "It’s not about the money"


def test_acronyms_match_or_are_flagged(examples: dict[str, Any]) -> None:
    analysis = examples["harbour_strike"]
    fits = {a.short.text: a.matches for a in analysis.acronyms}
    assert fits["PCA"] is True
    assert fits["CDU"] is True
    assert fits["BTA"] is False
    flagged = [f for f in analysis.findings if f.kind == "acronym_mismatch"]
    assert [f.spans[0].text for f in flagged] == ["BTA"]


def test_sources_are_typed(examples: dict[str, Any]) -> None:
    analysis = examples["harbour_strike"]
    assert _attribution(analysis, "whole pension deal").source_type == "expert"
    assert _attribution(analysis, "inflation rate").source_type == "anonymous"
    # A release issued by the ministry: the ministry speaks, the release is the channel.
    release = _attribution(analysis, "no such request")
    assert (release.source.text, release.source_type) == ("the ministry", "official")
    assert release.channel is not None and release.channel.text == "A press release"
    assert _attribution(analysis, "fallen by roughly a third").source_type == "official"


def test_denial_and_unverified_account(examples: dict[str, Any]) -> None:
    analysis = examples["harbour_strike"]
    # What the ministry denied is that it asked the army: the content of "denied reports
    # ... that", with or without the reports.
    assert _claim(analysis, "it had asked the army to prepare").status == "denied"
    assert _claim(analysis, "pushed them back from the main gate").status == "unverified"


def test_dates_resolve_against_publication(examples: dict[str, Any]) -> None:
    values = {t.span.text: t.value for t in examples["harbour_strike"].times}
    assert values["March 3"] == "2031-03-03"
    assert values["two days ago"] == "2031-03-04"
    assert values["March 20"] == "2031-03-20"
    assert values["last week"] == "2031-W09"
    assert values["November 14, 2030"] == "2030-11-14"


def test_undated_event_gives_a_finding(examples: dict[str, Any]) -> None:
    flagged = [
        f.spans[0].text for f in examples["harbour_strike"].findings if f.kind == "unanchored_date"
    ]
    assert flagged == ["only weeks after"]


# border_incident: curly double quotes, collective and anonymous sources, eyewitnesses.


def test_curly_double_quote_after_the_cue_goes_to_the_minister(
    examples: dict[str, Any],
) -> None:
    analysis = examples["border_incident"]
    quote = _attribution(analysis, "Nobody abandoned that post")
    assert quote.kind == "direct"
    assert quote.source is not None and quote.source.text == "the minister"
    assert quote.source_entity == _person(analysis, "Anselm Koval").id


def test_anonymous_and_expert_sources(examples: dict[str, Any]) -> None:
    analysis = examples["border_incident"]
    assert _attribution(analysis, "aimed at voters at home").source_type == "anonymous"
    assert _attribution(analysis, "keep the channel open").source_type == "anonymous"
    assert _attribution(analysis, "how far it can push").source_type == "expert"


def test_residents_accounts_are_unverified(examples: dict[str, Any]) -> None:
    analysis = examples["border_incident"]
    assert _claim(analysis, "armoured vehicles had driven through").status == "unverified"
    assert _claim(analysis, "nobody told us anything").status == "unverified"
    # The denial in the same closing sentence is not itself an eyewitness claim.
    # "Its timing has sparked speculation in Corvale that ...": the reported speculation is
    # the claim; its speculators are unnamed.
    speculation = _claim(analysis, "Varsk may be testing")
    assert (speculation.status, speculation.source_type) == ("speculative", "anonymous")


def test_weekday_and_full_date(examples: dict[str, Any]) -> None:
    values = {t.span.text: t.value for t in examples["border_incident"].times}
    assert values["April 26, 2031"] == "2031-04-26"
    assert values["Saturday"] == "2031-04-26"
    assert values["two days ago"] == "2031-04-26"


# flood_relief: the neutral control.


def test_neutral_article_has_no_hedged_or_unverified_claims(examples: dict[str, Any]) -> None:
    statuses = {c.status for c in examples["flood_relief"].claims}
    assert statuses <= {"asserted", "attributed", "hedged"}
    assert not [f for f in examples["flood_relief"].findings if f.kind == "acronym_mismatch"]


def test_straight_quote_with_title_after_the_name(examples: dict[str, Any]) -> None:
    quote = _attribution(examples["flood_relief"], "The worst is behind us")
    assert quote.kind == "direct"
    assert quote.source is not None and "Solvik" in quote.source.text


# trade_talks: opinion with rhetorical questions.


def test_rhetorical_questions_are_not_claims(examples: dict[str, Any]) -> None:
    analysis = examples["trade_talks"]
    questions = [s for s in analysis.sentences if s.text.rstrip().endswith("?")]
    assert questions
    claimed = {c.sentence for c in analysis.claims}
    assert not claimed & {s.index for s in questions}


def test_documents_of_doubtful_authenticity_are_unverified(examples: dict[str, Any]) -> None:
    claim = _claim(examples["trade_talks"], "secret annex on military transit")
    assert claim.status in ("unverified", "hedged")
    assert _claim(examples["trade_talks"], "any such annex exists").status == "denied"
