"""Every attribution kind of issue 3, on one example article: examples/attribution_kinds.txt.

Each test holds what a careful fact-checker records for one kind: the attribution kind, who is
cited (as written, typed, linked to an entity cluster), the cue, what is attributed, the channel
where there is one, and the claim's evidential status. The expectations were written by reading
the article, never generated from the engine's output. Where the engine does not meet one yet,
the test is a strict xfail that names what is missing: it documents the gap, and fails loudly
(XPASS) once the engine gets it right, so that the mark is removed then.

Everyone and everything in the article is fictional (Belmora, Vetrin, the Halmen Pass, the
Corvale Tribune, the Belmoran Press Agency); Reuters appears only as a channel.
"""

from __future__ import annotations

from typing import Any

import pytest

from golden import CASES, run_case
from spans import span_errors

pytestmark = pytest.mark.slow

EXAMPLE = "attribution_kinds.txt"


def _gap(reason: str) -> pytest.MarkDecorator:
    """A strict xfail for an expectation the engine does not meet yet (issue 3)."""
    return pytest.mark.xfail(strict=True, raises=AssertionError, reason=f"issue 3: {reason}")


@pytest.fixture(scope="module")
def analysis(analyzer: Any) -> Any:
    (case,) = [c for c in CASES if c["example"] == EXAMPLE]
    return run_case(case, analyzer)


def _attribution(analysis: Any, content_part: str, *, source_part: str | None = None) -> Any:
    """The one attribution whose content holds ``content_part`` (and whose source, as written,
    holds ``source_part`` when given)."""
    found = [
        a
        for a in analysis.attributions
        if content_part in a.content.text
        and (source_part is None or (a.source is not None and source_part in a.source.text))
    ]
    assert len(found) == 1, (
        f"expected one attribution whose content holds {content_part!r}, got "
        f"{[(a.kind, a.source and a.source.text, a.content.text) for a in found]}"
    )
    return found[0]


def _claim(analysis: Any, text_part: str) -> Any:
    found = [c for c in analysis.claims if text_part in c.span.text]
    assert found, f"no claim holding {text_part!r}"
    return found[0]


def _person(analysis: Any, surname: str) -> Any:
    found = [
        e for e in analysis.entities if e.type == "PERSON" and e.canonical.endswith(f" {surname}")
    ]
    assert len(found) == 1, f"expected one PERSON cluster named ... {surname}, got {found}"
    return found[0]


def _cue(attribution: Any) -> str:
    assert attribution.cue is not None, f"attribution {attribution.id} has no cue"
    return str(attribution.cue.text)


def _source(attribution: Any) -> str:
    assert attribution.source is not None, f"attribution {attribution.id} has no source"
    return str(attribution.source.text)


def test_every_span_is_the_article_slice(analysis: Any) -> None:
    assert span_errors(analysis) == []


# --- direct quotes ----------------------------------------------------------------------------


def test_straight_double_quotes_expert(analysis: Any) -> None:
    quote = _attribution(analysis, "never built to hold ground")
    assert quote.kind == "direct"
    assert quote.content.text.rstrip(",") == (
        "The militia was never built to hold ground against a regular army"
    )
    assert _source(quote).startswith("Nadia Orsel")
    assert quote.source_entity == _person(analysis, "Orsel").id
    assert quote.source_type == "expert"
    assert _cue(quote) == "said"
    claim = _claim(analysis, "never built to hold ground")
    assert (claim.attribution, claim.status, claim.source_type) == (
        quote.id,
        "attributed",
        "expert",
    )


def test_curly_double_quotes(analysis: Any) -> None:
    quote = _attribution(analysis, "single house by force")
    assert quote.kind == "direct"
    assert quote.content.text.rstrip(",") == "We did not take a single house by force"
    assert _cue(quote) == "told"
    assert quote.source_type == "official"
    assert _claim(analysis, "single house by force").status == "attributed"


def test_multi_sentence_quote_is_one_quote_of_the_president(analysis: Any) -> None:
    quote = _attribution(analysis, "The road is open")
    assert quote.kind == "direct"
    assert "Nobody in Vetrin will go hungry this winter" in quote.content.text
    assert _source(quote) == "Belmoran President Aurel Maren"
    assert quote.source_entity == _person(analysis, "Maren").id
    assert quote.source_type == "official"
    assert _cue(quote) == "told"
    # Both sentences of the quote are claims resting on it.
    for part in ("trucks are moving again", "go hungry this winter"):
        assert _claim(analysis, part).attribution == quote.id


def test_multi_paragraph_quote_keeps_its_speaker(analysis: Any) -> None:
    mayor = _person(analysis, "Lunde")
    first = _attribution(analysis, "rationed bread and diesel")
    assert first.kind == "direct"
    assert _source(first).startswith("Petra Lunde")
    assert first.source_entity == mayor.id
    assert first.source_type == "official"
    assert _cue(first) == "told"
    # The unclosed first paragraph ends with its paragraph, not somewhere in the next one.
    assert first.content.text.rstrip(".").endswith("could not get through")
    # The second paragraph continues the mayor's quote (one record or a continuation of it).
    second = _attribution(analysis, "never closes again")
    assert second.kind == "direct"
    assert second.source_entity == mayor.id
    claim = _claim(analysis, "never closes again")
    assert (claim.status, claim.source_type) == ("attributed", "official")


def test_quote_interrupted_by_an_inverted_cue(analysis: Any) -> None:
    analyst = _person(analysis, "Orsel")
    before = _attribution(analysis, "never built to hold ground")
    after = _attribution(analysis, "built to make noise")
    for quote in (before, after):
        assert quote.kind == "direct"
        assert quote.source_entity == analyst.id
        assert quote.source_type == "expert"
    # One cue, "said", serves both halves.
    assert before.cue == after.cue
    assert _cue(after) == "said"
    assert _claim(analysis, "built to make noise").attribution == after.id


def test_floating_quote_takes_the_speaker_of_the_sentence_before(analysis: Any) -> None:
    quote = _attribution(analysis, "Nobody wants soldiers on that road")
    assert quote.kind == "direct"
    assert quote.source_entity == _person(analysis, "Kessel").id
    assert quote.source_type == "official"
    claim = _claim(analysis, "Nobody wants soldiers on that road")
    assert (claim.attribution, claim.status) == (quote.id, "attributed")


def test_unbalanced_quote_mark_does_not_break_the_rest_of_the_article(analysis: Any) -> None:
    text = analysis.article.text
    stray = text.index("“a provocation")
    paragraph_start = text.rindex("\n", 0, stray) + 1
    paragraph_end = text.index("\n", stray)
    # The sentence with the stray mark is still reported speech of the ministry, in a statement.
    statement = _attribution(analysis, "a provocation against the Tarnian minority")
    assert _source(statement) == "Tarnia’s foreign ministry"
    assert statement.source_type == "official"
    # PolNeAR marks "said in a statement" as the cue; the statement is the channel as well.
    assert _cue(statement) == "said in a statement"
    assert statement.channel is not None and statement.channel.text == "a statement"
    # The unclosed mark does not swallow the following sentences...
    assert "press reports" not in statement.content.text
    # ... no content that starts in its paragraph runs past the paragraph ...
    assert not [
        a
        for a in analysis.attributions
        if paragraph_start <= a.content.start < paragraph_end < a.content.end
    ]
    # ... and the straight quotes of the next paragraph are read as usual.
    quote = _attribution(analysis, "built to make noise")
    assert quote.kind == "direct"
    assert quote.content.text == "It was built to make noise"


# --- indirect and mixed speech --------------------------------------------------------------


def test_indirect_praise_by_title_and_name(analysis: Any) -> None:
    praise = _attribution(analysis, "the endurance of the mountain brigades")
    assert praise.kind == "indirect"
    assert _cue(praise) == "praised"
    assert _source(praise).startswith("General Teodor Vask")
    general = _person(analysis, "Vask")
    assert praise.source_entity == general.id
    assert praise.source_type == "official"
    assert "General Teodor Vask" in {m.text for m in general.mentions}


def test_demonym_leader_description_refers_to_the_president(analysis: Any) -> None:
    stance = _attribution(analysis, "his commitment to a negotiated settlement")
    assert stance.kind == "indirect"
    assert _source(stance) == "The Belmoran leader"
    assert _cue(stance) == "has repeatedly emphasized"  # the verb group, as PolNeAR marks it
    assert stance.source_type == "official"
    assert stance.source_entity == _person(analysis, "Maren").id


def test_mixed_quote(analysis: Any) -> None:
    mixed = _attribution(analysis, "a police action, not a war")
    assert mixed.kind == "mixed"
    assert _source(mixed) == "Maren"
    assert mixed.source_entity == _person(analysis, "Maren").id
    assert _cue(mixed) == "said"
    assert "no claim on Tarnian territory" in mixed.content.text
    assert _claim(analysis, "a police action").status == "attributed"


def test_according_to_state_news_agency(analysis: Any) -> None:
    agency = _attribution(analysis, "46 militia fighters surrendered")
    assert agency.kind == "according_to"
    assert _cue(agency) == "According to"
    assert _source(agency).startswith("BPA")
    bpa = [e for e in analysis.entities if "BPA" in {m.text for m in e.mentions}]
    assert len(bpa) == 1 and agency.source_entity == bpa[0].id
    assert agency.source_type == "state_media"
    assert not agency.content.text.startswith("the state news agency")
    assert agency.content.text.startswith("46 militia fighters surrendered")
    claim = _claim(analysis, "46 militia fighters surrendered")
    assert (claim.status, claim.source_type) == ("attributed", "state_media")


# --- reporting nouns and passives -----------------------------------------------------------


def test_press_release_issued_on_a_date(analysis: Any) -> None:
    release = _attribution(analysis, "last militia positions on the eastern ridge")
    assert release.kind == "reporting_noun"
    assert _source(release).startswith("A press release")
    assert release.source_type == "document"
    assert _cue(release) == "said"
    assert (
        release.content.text == "the last militia positions on the eastern ridge had been cleared"
    )


def test_his_statement_released_on_a_date(analysis: Any) -> None:
    statement = _attribution(analysis, "hand the road back to the police")
    assert statement.kind == "reporting_noun"
    # The general speaks; his statement is the document it came through.
    assert statement.source_entity == _person(analysis, "Vask").id
    assert statement.source_type == "official"
    assert statement.channel is not None and statement.channel.text == "His statement"
    assert _cue(statement) == "stressed"


def test_eyewitness_accounts_paint_a_picture(analysis: Any) -> None:
    accounts = _attribution(analysis, "grim picture")
    assert accounts.kind == "reporting_noun"
    assert "Eyewitness accounts" in _source(accounts)
    assert accounts.source_type == "eyewitness"
    assert "paint" in _cue(accounts)


def test_press_reports_describe(analysis: Any) -> None:
    reports = _attribution(analysis, "orderly withdrawal")
    assert reports.kind == "reporting_noun"
    assert "press reports" in _source(reports)
    assert reports.source_type == "media"
    assert _cue(reports) == "describe"
    claim = _claim(analysis, "orderly withdrawal")
    assert (claim.attribution, claim.status, claim.source_type) == (
        reports.id,
        "attributed",
        "media",
    )


def test_passive_it_was_reported_by(analysis: Any) -> None:
    report = _attribution(analysis, "14 Belmoran soldiers were wounded")
    assert report.kind == "indirect"
    assert _source(report) == "the Corvale Tribune"
    assert report.source_type == "media"
    assert "reported" in _cue(report)
    assert report.content.text == "at least 14 Belmoran soldiers were wounded"


# --- collective and anonymous sources -------------------------------------------------------


def test_some_analysts_view_it_as(analysis: Any) -> None:
    view = _attribution(analysis, "a proxy force")
    assert view.kind == "indirect"
    assert _source(view) == "Some analysts"
    assert view.source_type == "anonymous"
    assert view.source_entity is None
    assert _cue(view) == "view"


def test_observers_said(analysis: Any) -> None:
    observers = _attribution(analysis, "collapsed far faster")
    assert _source(observers).startswith("Observers")
    assert observers.source_type == "anonymous"
    assert _cue(observers) == "said"


def test_officials_said_after_the_content(analysis: Any) -> None:
    officials = _attribution(analysis, "Two militia commanders were detained")
    assert officials.kind == "indirect"
    assert _source(officials) == "officials"
    assert officials.source_type == "anonymous"
    assert _cue(officials) == "said"
    assert "officials said" not in officials.content.text


def test_residents_are_eyewitnesses(analysis: Any) -> None:
    residents = _attribution(analysis, "shells had struck two houses")
    assert residents.kind == "indirect"
    assert _source(residents) == "Residents"
    assert residents.source_type == "eyewitness"
    assert _cue(residents) == "told"


# --- source resolution ----------------------------------------------------------------------


def test_pronoun_he_stated_is_the_general(analysis: Any) -> None:
    stated = _attribution(analysis, "no civilians had been harmed")
    assert stated.kind == "indirect"
    assert _source(stated) == "He"
    assert stated.source_entity == _person(analysis, "Vask").id
    assert stated.source_type == "official"
    assert _cue(stated) == "stated"


def test_the_general_is_general_vask(analysis: Any) -> None:
    quote = _attribution(analysis, "single house by force")
    assert _source(quote) == "the general"
    assert quote.source_entity == _person(analysis, "Vask").id


def test_the_army_is_not_the_general(analysis: Any) -> None:
    denial = _attribution(analysis, "any shells had landed inside the town")
    assert _source(denial) == "The army"
    assert denial.source_type == "official"
    assert denial.source_entity != _person(analysis, "Vask").id


# --- channels -------------------------------------------------------------------------------


def test_said_according_to_reuters_is_a_channel(analysis: Any) -> None:
    minister = _attribution(analysis, "Checkpoints will remain on the pass road")
    assert minister.kind == "indirect"
    assert _source(minister) == "Interior Minister Dana Kessel"
    assert minister.source_entity == _person(analysis, "Kessel").id
    assert minister.source_type == "official"
    assert _cue(minister) == "said"
    assert minister.channel is not None and minister.channel.text == "Reuters"
    assert not [a for a in analysis.attributions if a.source and a.source.text == "Reuters"]
    claim = _claim(analysis, "Checkpoints will remain")
    assert (claim.attribution, claim.status, claim.source_type) == (
        minister.id,
        "attributed",
        "official",
    )


def test_remarks_reported_by_state_media_are_a_channel(analysis: Any) -> None:
    praise = _attribution(analysis, "the endurance of the mountain brigades")
    assert praise.channel is not None and "Belmoran Press Agency" in praise.channel.text
    assert "reported by" not in praise.content.text
    assert not [a for a in analysis.attributions if a.content.text == "remarks"]


def test_rare_public_acknowledgment_is_a_channel(analysis: Any) -> None:
    admission = _attribution(analysis, "some Tarnian citizens had fought alongside the militia")
    assert admission.kind == "indirect"
    assert "Iosif Brann" in _source(admission)
    assert admission.source_entity == _person(analysis, "Brann").id
    assert admission.source_type == "official"
    assert _cue(admission) == "admitted"
    assert admission.channel is not None and "public acknowledgment" in admission.channel.text


# --- evidential status of claims --------------------------------------------------------------


def test_asserted_in_the_authors_voice(analysis: Any) -> None:
    claim = _claim(analysis, "Belmoran troops reopened the Halmen Pass")
    assert (claim.attribution, claim.source_type, claim.status) == (None, "author", "asserted")
    assert claim.hedges == []


def test_attributed_to_a_document(analysis: Any) -> None:
    release = _attribution(analysis, "last militia positions on the eastern ridge")
    claim = _claim(analysis, "last militia positions")
    assert (claim.attribution, claim.source_type, claim.status) == (
        release.id,
        "document",
        "attributed",
    )


def test_hedged_by_reportedly(analysis: Any) -> None:
    claim = _claim(analysis, "slipped across the border")
    assert (claim.attribution, claim.status) == (None, "hedged")
    hedges = {h.id: h for h in analysis.hedges}
    assert [hedges[h].span.text for h in claim.hedges] == ["reportedly"]


def test_unverified_accounts(analysis: Any) -> None:
    residents = _attribution(analysis, "shells had struck two houses")
    claim = _claim(analysis, "shells had struck two houses")
    assert (claim.attribution, claim.status) == (residents.id, "unverified")
    # "Their accounts" are the eyewitnesses'; the newspaper's casualty figure and the mayor's
    # quote, a few sentences earlier, stay merely attributed.
    assert _claim(analysis, "14 Belmoran soldiers were wounded").status == "attributed"
    assert _claim(analysis, "rationed bread and diesel").status == "attributed"


def test_speculative(analysis: Any) -> None:
    # "The speed of the collapse has fuelled speculation that ...": the speculation is
    # reported, its speculators are not named, and the speed of the collapse is a cause,
    # not a speaker.
    speculation = _attribution(analysis, "backers in Varsk had quietly abandoned it")
    assert "speculation" in _cue(speculation)
    assert speculation.source is None
    claim = _claim(analysis, "backers in Varsk had quietly abandoned it")
    assert claim.attribution == speculation.id
    assert (claim.status, claim.source_type) == ("speculative", "anonymous")


def test_denied(analysis: Any) -> None:
    denial = _attribution(analysis, "any shells had landed inside the town")
    assert denial.kind == "indirect"
    assert _cue(denial) == "denied"
    claim = _claim(analysis, "any shells had landed")
    assert (claim.attribution, claim.status, claim.source_type) == (
        denial.id,
        "denied",
        "official",
    )
