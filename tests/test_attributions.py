"""Attributions: quote pairing, each attribution kind, source typing and speaker resolution.

Every text here is fictional (Corvale, Belmora and their people do not exist).
"""

from __future__ import annotations

from typing import Any

import pytest

from claimscope.extract.attributions import extract_attributions
from claimscope.extract.quotes import find_quotes, stands_alone
from claimscope.schema import Attribution, Entity, Mention, Span


def attributions(nlp: Any, text: str, entities: list[Entity] | None = None) -> list[Attribution]:
    doc = nlp(text)
    found = extract_attributions(doc, entities or [])
    for record in found:
        for span in (record.cue, record.source, record.channel, record.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return found


def only(found: list[Attribution]) -> Attribution:
    assert len(found) == 1, [(a.kind, a.cue and a.cue.text, a.content.text) for a in found]
    return found[0]


def entity(text: str, eid: str, etype: str, name: str, titles: tuple[str, ...] = ()) -> Entity:
    """An entity with every mention of ``name`` in ``text`` and the first span of each title."""
    mentions = []
    start = text.find(name)
    while start != -1:
        mentions.append(Mention(start=start, end=start + len(name), text=name))
        start = text.find(name, start + 1)
    title_spans = [Span.of(text, text.find(t), text.find(t) + len(t)) for t in titles]
    return Entity(id=eid, type=etype, canonical=name, mentions=mentions, titles=title_spans)


# --- quote marks (no model needed) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“Curly double,” she said.", ["Curly double,"]),
        ('"Straight double," she said.', ["Straight double,"]),
        ("‘It’s Corvale’s turn,’ he said.", ["It’s Corvale’s turn,"]),
        ("'It's late,' he said.", ["It's late,"]),
        ("The soldiers’ kit and Belmora’s ports were ‘old’ and rusty.", ["old"]),
        ("‘The soldiers’ boots are wet,’ he said.", ["The soldiers’ boots are wet,"]),
        ("The mayor’s office and the crews’ union met.", []),
    ],
)
def test_quotes_are_paired_and_apostrophes_skipped(text: str, quoted: list[str]) -> None:
    assert [q.content(text) for q in find_quotes(text)] == quoted


def test_unbalanced_quote_mark_stays_in_its_paragraph() -> None:
    text = 'The mayor said "the bridge is safe.\nResidents called it "a relief" on Monday.'
    assert [q.content(text) for q in find_quotes(text)] == ["a relief"]


def test_quote_continued_over_paragraphs_runs_to_paragraph_end() -> None:
    text = "“The first part.\n“The second part,” she said."
    assert [(q.content(text), q.runs_on) for q in find_quotes(text)] == [
        ("The first part.", True),
        ("The second part,", False),
    ]


# --- direct quotes -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "“The bridge will reopen in May,” Mayor Ilse Varn said.",
        '"The bridge will reopen in May," Mayor Ilse Varn said.',
        "‘The bridge will reopen in May,’ Mayor Ilse Varn said.",
        "'The bridge will reopen in May,' Mayor Ilse Varn said.",
    ],
)
def test_direct_quote_with_each_kind_of_mark(nlp: Any, text: str) -> None:
    record = only(attributions(nlp, text))
    assert record.kind == "direct"
    assert record.cue is not None and record.cue.text == "said"
    assert record.source is not None and record.source.text == "Mayor Ilse Varn"
    assert record.source_type == "official"
    assert record.content.text == "The bridge will reopen in May"


@pytest.mark.slow
def test_direct_quote_with_inverted_speaker_and_apostrophes(nlp: Any) -> None:
    record = only(attributions(nlp, "‘It’s Corvale’s best year,’ said the mayor."))
    assert record.kind == "direct"
    assert record.source is not None and record.source.text == "the mayor"
    assert record.content.text == "It’s Corvale’s best year"


@pytest.mark.slow
def test_apostrophes_alone_make_no_direct_quote(nlp: Any) -> None:
    record = only(attributions(nlp, "Belmora’s mayor said the port’s cranes were idle."))
    assert record.kind == "indirect"
    assert record.content.text == "the port’s cranes were idle"


@pytest.mark.slow
def test_quote_interrupted_by_its_cue(nlp: Any) -> None:
    found = attributions(nlp, "“We won,” Varn said, “and we will win again.”")
    assert [(a.kind, a.content.text) for a in found] == [
        ("direct", "We won"),
        ("direct", "and we will win again"),
    ]
    assert {a.source.text for a in found if a.source} == {"Varn"}
    assert {a.cue.text for a in found if a.cue} == {"said"}


@pytest.mark.slow
def test_floating_quote_continues_the_previous_speaker(nlp: Any) -> None:
    text = "‘They fight hard,’ the correspondent noted. ‘They never rest.’"
    found = attributions(nlp, text)
    assert [a.content.text for a in found] == ["They fight hard", "They never rest"]
    assert all(a.source is not None and a.source.text == "the correspondent" for a in found)
    assert all(a.source_type == "eyewitness" for a in found)
    assert found[1].sentence == 1


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("Varn left. ‘We stay.’ The talks went on.", True),
        ("Varn left.\n“We stay.”", True),
        ("Varn left. “We stay”. Then the talks went on.", True),
        ("‘We stay,’ Varn said.", False),
        ("Varn said: “We stay.”", False),
        ("Varn called it the ‘we stay.’ line.", False),
    ],
)
def test_quote_standing_alone_as_a_sentence(text: str, alone: bool) -> None:
    (quote,) = find_quotes(text)
    assert stands_alone(text, quote) is alone


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # After indirect speech, in the same paragraph.
        "Dock foreman Arvid Penn rejected the offer from the Saltmere harbour board. "
        "‘Nobody asked the men who do the work.’",
        # After indirect speech, opening the next paragraph.
        "Dock foreman Arvid Penn said the crews would stay out until Friday.\n"
        "‘Nobody asked the men who do the work.’",
    ],
)
def test_floating_quote_after_indirect_speech_takes_its_speaker(nlp: Any, text: str) -> None:
    found = attributions(nlp, text)
    quote = only([a for a in found if a.content.text.startswith("Nobody asked")])
    assert quote.kind == "direct"
    assert quote.content.text == "Nobody asked the men who do the work"
    assert quote.source is not None and quote.source.text == "Dock foreman Arvid Penn"
    (speech,) = [a for a in found if a is not quote]
    assert quote.cue == speech.cue
    assert quote.sentence == 1


@pytest.mark.slow
def test_floating_quote_follows_a_pronoun_speaker(nlp: Any) -> None:
    text = (
        "Councillor Mira Holt of Corvale said the budget was final. She pointed to the "
        "flood repairs. ‘We cannot pay twice for one bridge.’"
    )
    holt = entity(text, "E1", "PERSON", "Mira Holt")
    found = attributions(nlp, text, [holt])
    quote = only([a for a in found if "pay twice" in a.content.text])
    assert quote.kind == "direct"
    assert quote.source_entity == "E1"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # A document does not speak in a quote of its own.
        "A report published on Monday said the cranes at Saltmere were unsafe. "
        "‘The crews knew it for years.’",
        # Another sentence stands between the speaker and the quote.
        "Dock foreman Arvid Penn said the crews would stay out. The cranes stood idle all week. "
        "‘Nobody asked the men who do the work.’",
        # A quoted phrase, not a sentence.
        "Dock foreman Arvid Penn said the crews would stay out. ‘Until Friday.’",
        # The quote is part of the author's own sentence.
        "Dock foreman Arvid Penn said the crews would stay out. "
        "His ‘nobody asked us’ line was printed on every banner.",
    ],
)
def test_no_floating_quote_without_a_speaker_right_before(nlp: Any, text: str) -> None:
    found = attributions(nlp, text)
    assert [a for a in found if a.kind == "direct"] == []


@pytest.mark.slow
def test_multi_paragraph_quote_continues_with_its_speaker(nlp: Any) -> None:
    text = (
        "Harbour master Jonas Vell told the Saltmere Gazette: “The tide gauges failed twice "
        "this month, and nobody came to fix them.\n"
        "“We are still waiting for the engineers.”\n"
        "The board did not comment."
    )
    found = attributions(nlp, text)
    assert [(a.kind, a.content.text) for a in found] == [
        ("direct", "The tide gauges failed twice this month, and nobody came to fix them"),
        ("direct", "We are still waiting for the engineers"),
    ]
    first, second = found
    assert first.source is not None and first.source.text == "Harbour master Jonas Vell"
    assert (second.source, second.cue, second.source_type) == (
        first.source,
        first.cue,
        first.source_type,
    )


@pytest.mark.slow
def test_closed_quote_does_not_run_into_the_next_paragraph(nlp: Any) -> None:
    # The first paragraph closes its quote: the next paragraph's quote, with its own cue,
    # keeps its own speaker.
    text = (
        "“The gauges failed,” Jonas Vell, the harbour master, said.\n"
        "“The engineers are on their way,” the board’s spokeswoman Lea Dorn said."
    )
    found = attributions(nlp, text)
    assert [(a.content.text, a.source and a.source.text) for a in found] == [
        ("The gauges failed", "Jonas Vell, the harbour master"),
        ("The engineers are on their way", "the board’s spokeswoman Lea Dorn"),
    ]


@pytest.mark.slow
def test_unbalanced_quote_does_not_break_the_next_paragraph(nlp: Any) -> None:
    text = 'The mayor spoke of "a new start.\nOfficials confirmed that the harbour was closed.'
    found = attributions(nlp, text)
    # The stray mark's quote ends with its paragraph: no content runs over the line break,
    # and the next paragraph's attribution is read as if the mark were not there.
    assert all("\n" not in a.content.text for a in found)
    assert ("indirect", "the harbour was closed") in [(a.kind, a.content.text) for a in found]


# --- indirect, according to, reporting nouns, mixed --------------------------------------


@pytest.mark.slow
def test_indirect_speech_drops_the_complementiser(nlp: Any) -> None:
    record = only(attributions(nlp, "The mayor said that the harbour was closed."))
    assert record.kind == "indirect"
    assert record.source is not None and record.source.text == "The mayor"
    assert record.content.text == "the harbour was closed"


@pytest.mark.slow
def test_passive_reporting_verb_takes_its_agent_as_source(nlp: Any) -> None:
    record = only(attributions(nlp, "The closure has been confirmed by Corvale police."))
    assert record.source is not None and record.source.text == "Corvale police"
    assert record.source_type == "official"
    assert record.content.text == "The closure"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "source_type", "content"),
    [
        (
            "According to the Belmora Daily Courier, the dam may have cracked.",
            "the Belmora Daily Courier",
            "media",
            "the dam may have cracked",
        ),
        ("The dam cracked, according to residents.", "residents", "eyewitness", "The dam cracked"),
        (
            "According to a press release issued on Monday, the port will close.",
            "a press release",
            "document",
            "the port will close",
        ),
    ],
)
def test_according_to(nlp: Any, text: str, source: str, source_type: str, content: str) -> None:
    record = only(attributions(nlp, text))
    assert record.kind == "according_to"
    assert record.cue is not None and record.cue.text.lower() == "according to"
    assert record.source is not None and record.source.text == source
    assert record.source_type == source_type
    assert record.content.text == content


@pytest.mark.slow
def test_reporting_noun_as_subject(nlp: Any) -> None:
    record = only(attributions(nlp, "Reports describe flooding near the Corvale bridge."))
    assert record.kind == "reporting_noun"
    assert record.source is not None and record.source.text == "Reports"
    assert record.source_type == "media"


@pytest.mark.slow
def test_released_statement_is_a_document_source(nlp: Any) -> None:
    record = only(attributions(nlp, "A statement released on Monday said the port would close."))
    assert record.kind == "reporting_noun"
    assert record.source_type == "document"
    assert record.content.text == "the port would close"


@pytest.mark.slow
def test_issuer_of_a_statement_is_the_source_and_the_statement_the_channel(nlp: Any) -> None:
    record = only(attributions(nlp, "The ministry's statement emphasized that the port was safe."))
    assert record.source is not None and record.source.text.startswith("The ministry")
    assert record.source_type == "official"
    assert record.channel is not None and record.channel.text == "The ministry's statement"


@pytest.mark.slow
def test_channel_of_a_reporting_verb(nlp: Any) -> None:
    text = "In a statement, the Corvale ministry denied that troops had crossed the border."
    record = only(attributions(nlp, text))
    assert record.channel is not None and record.channel.text == "a statement"
    assert record.content.text == "troops had crossed the border"


@pytest.mark.slow
def test_mixed_quote_fragment_inside_reported_speech(nlp: Any) -> None:
    record = only(attributions(nlp, "The mayor praised the ‘tireless courage’ of the crews."))
    assert record.kind == "mixed"
    assert record.content.text == "the ‘tireless courage’ of the crews"


@pytest.mark.slow
def test_clause_only_verb_with_a_plain_object_is_no_attribution(nlp: Any) -> None:
    assert attributions(nlp, "These photos add a human dimension to the flood.") == []


# --- source types ----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("subject", "source_type"),
    [
        ("Some analysts", "anonymous"),
        ("Officials", "anonymous"),
        ("A person familiar with the talks", "anonymous"),
        ("Sources", "anonymous"),
        ("The police", "official"),
        ("Corvale's interior minister", "official"),
        ("Professor Tomas Reel", "expert"),
        ("Eyewitnesses", "eyewitness"),
        ("Residents", "eyewitness"),
        ("The Belmora state news agency", "state_media"),
        ("A reporter for the Belmora Daily Courier", "media"),
    ],
)
def test_source_types(nlp: Any, subject: str, source_type: str) -> None:
    record = only(attributions(nlp, f"{subject} said the road was shut."))
    assert record.source is not None and record.source.text == subject
    assert record.source_type == source_type


# --- speaker resolution ------------------------------------------------------------------


@pytest.mark.slow
def test_pronoun_resolves_to_nearest_preceding_person(nlp: Any) -> None:
    text = "Mayor Ilse Varn met General Oskar Brandt. “The border is calm,” he stated."
    entities = [
        entity(text, "E1", "PERSON", "Ilse Varn", ("Mayor",)),
        entity(text, "E2", "PERSON", "Oskar Brandt", ("General",)),
    ]
    record = only(attributions(nlp, text, entities))
    assert record.source is not None and record.source.text == "he"
    assert record.source_entity == "E2"
    assert record.source_type == "official"


@pytest.mark.slow
def test_description_resolves_to_entity_with_that_title(nlp: Any) -> None:
    text = (
        "Ilse Varn, the mayor of Corvale, met Dario Fenn on Monday. "
        "Later the mayor said the port was closed."
    )
    entities = [
        entity(text, "E1", "PERSON", "Ilse Varn", ("mayor",)),
        entity(text, "E2", "PERSON", "Dario Fenn"),
    ]
    found = attributions(nlp, text, entities)
    record = next(a for a in found if a.content.text == "the port was closed")
    assert record.source is not None and record.source.text == "the mayor"
    assert record.source_entity == "E1"
    assert record.source_type == "official"


@pytest.mark.slow
def test_source_overlapping_an_entity_mention_is_linked(nlp: Any) -> None:
    text = "Dario Fenn said the shop was closed."
    record = only(attributions(nlp, text, [entity(text, "E7", "PERSON", "Dario Fenn")]))
    assert record.source_entity == "E7"
    assert record.source_type == "other"


@pytest.mark.slow
def test_without_entities_a_pronoun_takes_the_type_of_the_previous_source(nlp: Any) -> None:
    text = "Professor Tomas Reel said the water was clean. “We tested it twice,” he added."
    found = attributions(nlp, text)
    assert [a.source_type for a in found] == ["expert", "expert"]
    assert all(a.source_entity is None for a in found)


@pytest.mark.slow
def test_demonym_does_not_name_a_collective_source(nlp: Any) -> None:
    text = "Some Belmoran analysts said the port was closed."
    record = only(attributions(nlp, text, [entity(text, "E1", "NORP", "Belmoran")]))
    assert record.source_entity is None
    assert record.source_type == "anonymous"


@pytest.mark.slow
def test_description_needs_every_word_of_the_title(nlp: Any) -> None:
    text = (
        "Belmoran leader Oskar Brandt met Corvale leader Ilse Varn. "
        "The Belmoran leader said the port was closed."
    )
    entities = [
        entity(text, "E1", "PERSON", "Oskar Brandt", ("Belmoran leader",)),
        entity(text, "E2", "PERSON", "Ilse Varn", ("Corvale leader",)),
    ]
    found = attributions(nlp, text, entities)
    record = next(a for a in found if a.content.text == "the port was closed")
    # The nearest "leader" is Varn; only Brandt's title has "Belmoran" as well.
    assert record.source_entity == "E1"


def test_reversed_parse_bounds_do_not_crash(analyzer: Any) -> None:
    # Regression: on this shape of sentence the parse-tree walk gave a content whose last token
    # came before its first, and building its Span raised a ValidationError (an internal error
    # on a real news page). Now it yields no attribution rather than a malformed one.
    text = (
        "Smuggling figures are necessarily more speculative.\n"
        "As a result, in this fact-check, we’ll interpret Varn’s comment to refer to the "
        "amount being seized at the border. (Varn’s office did not provide a source.)"
    )
    analysis = analyzer.analyze(text)
    for attribution in analysis.attributions:
        assert attribution.content.start < attribution.content.end


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Relief teams reached the last villages on Tuesday, days after the river burst its "
            "banks, the Mirrow Relief Office (MRO) said.",
            "the Mirrow Relief Office",
        ),
        ("The Corvale bridge will reopen in May, Mayor Ilse Varn said.", "Mayor Ilse Varn"),
    ],
)
def test_sentence_final_speaker_the_parse_lost(analyzer: Any, text: str, source: str) -> None:
    # Regression: the parser made the speaker an apposition of the clause's last noun and left
    # "said" without a subject, so the attribution had no source.
    analysis = analyzer.analyze(text)
    assert [a.source.text if a.source else None for a in analysis.attributions] == [source]


def test_quote_ending_a_reported_clause_is_one_mixed_attribution(analyzer: Any) -> None:
    # Regression: the quoted end of a reported clause was taken as a direct quote with the
    # clause's verb ("see") as its cue and "parliament" as its speaker.
    analysis = analyzer.analyze(
        'Aldane said that parliament would see the full text "before anything is signed."'
    )
    found = [
        (a.kind, a.source.text if a.source else None, a.cue.text if a.cue else None)
        for a in analysis.attributions
    ]
    assert found == [("mixed", "Aldane", "said")]


def test_singular_account_reaches_back_one_sentence_only(analyzer: Any) -> None:
    # Regression: "Their account could not be verified" also marked an economist's quote two
    # sentences earlier as unverified.
    analysis = analyzer.analyze(
        "Some economists warn that the stoppage could push inflation up.\n"
        '"Every week of this costs the economy more," said Ines Calder, an economist.\n'
        "Strikers told reporters that police had pushed them back.\n"
        "Their account could not be independently verified."
    )
    assert [c.status for c in analysis.claims] == [
        "hedged",
        "attributed",
        "unverified",
        "unverified",
    ]


# --- cues found by the learned detector (hand-made models, so results follow from weights) ---


def _model(weights: dict[str, float], *, keep: float = 0.0) -> Any:
    from claimscope.extract.cue_model import CueModel

    return CueModel(weights=weights, bias=-4.0, threshold=0.5, keep_rule_threshold=keep)


@pytest.mark.slow
def test_learned_verb_cue_takes_its_subject_and_object(nlp: Any) -> None:
    text = "The Corvale dockers' union wants a shorter working week."
    found = extract_attributions(nlp(text), [], cue_model=_model({"l=want": 8.0}))
    record = only(found)
    assert record.cue is not None and record.cue.text == "wants"
    assert record.source is not None and record.source.text == "The Corvale dockers' union"
    assert record.content.text == "a shorter working week"


@pytest.mark.slow
def test_learned_participle_under_a_rule_cue_is_an_attribution_of_its_own(nlp: Any) -> None:
    text = "Mayor Ilse Varn said the bridge was safe, citing a survey by the Corvale engineers."
    model = _model({"rule": 8.0, "l=cite": 8.0})
    found = extract_attributions(nlp(text), [], cue_model=model)
    cited = only([a for a in found if a.cue is not None and a.cue.text == "citing"])
    assert cited.source is not None and cited.source.text == "Mayor Ilse Varn"
    assert cited.content.text == "a survey by the Corvale engineers"
    # A phrase under the rule cue that is no participle stays part of that attribution.
    text = "In a statement, the Corvale port authority denied that the ferry sank."
    model = _model({"rule": 8.0, "l=statement": 8.0})
    assert only(extract_attributions(nlp(text), [], cue_model=model)).kind == "indirect"


@pytest.mark.slow
def test_reporting_noun_given_by_a_subject_is_issued_by_it(nlp: Any) -> None:
    text = "The Corvale ministers gave assurances that the ferry would sail on Monday."
    model = _model({"l=assurance": 8.0})
    record = only(extract_attributions(nlp(text), [], cue_model=model))
    assert record.source is not None and record.source.text == "The Corvale ministers"
    assert record.cue is not None and record.cue.text == "gave assurances"
    # PolNeAR's contents of a noun's complement keep its "that" or not; the rule keeps it.
    assert record.content.text.removeprefix("that ") == "the ferry would sail on Monday"


@pytest.mark.slow
def test_participle_on_a_document_is_said_by_its_issuer_or_the_document(nlp: Any) -> None:
    model = _model({"l=allege": 8.0, "l=say": 8.0})
    text = "A lawsuit alleging fraud at the Corvale port was filed on Monday."
    record = only([a for a in extract_attributions(nlp(text), [], cue_model=model)])
    assert record.source is not None and record.source.text == "A lawsuit"
    text = "The Corvale harbour board issued a statement saying the ferry would sail."
    said = only(extract_attributions(nlp(text), [], cue_model=model))
    assert said.source is not None and said.source.text == "The Corvale harbour board"


@pytest.mark.slow
def test_learned_cue_with_preposition_takes_its_object(nlp: Any) -> None:
    text = "Mayor Ilse Varn called for a new bridge over the river."
    model = _model({"l=call": 8.0, "dhl=prep|call": 8.0})
    record = only(extract_attributions(nlp(text), [], cue_model=model))
    assert record.cue is not None and record.cue.text == "called for"
    assert record.source is not None and record.source.text == "Mayor Ilse Varn"
    assert record.content.text == "a new bridge over the river"


@pytest.mark.slow
def test_learned_cue_keeps_rule_attribution_and_its_cue_takes_the_verb_group(nlp: Any) -> None:
    text = "The harbour master has said that the ferry was late."
    # The rule cue "said" scores high, and so does an auxiliary under "say".
    model = _model({"rule": 8.0, "dhl=aux|say": 8.0})
    record = only(extract_attributions(nlp(text), [], cue_model=model))
    # The cue is the verb group between speaker and content, as PolNeAR marks it.
    assert record.cue is not None and record.cue.text == "has said"
    assert record.content.text == "the ferry was late"


@pytest.mark.slow
def test_rule_attribution_below_the_keep_threshold_is_dropped(nlp: Any) -> None:
    text = "The harbour master said the ferry was late."
    assert only(extract_attributions(nlp(text), [], cue_model=False)).kind == "indirect"
    # The model gives every token ~2%: below a keep threshold of 0.1 the rule cue goes.
    assert extract_attributions(nlp(text), [], cue_model=_model({}, keep=0.1)) == []
    assert len(extract_attributions(nlp(text), [], cue_model=_model({}, keep=0.01))) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ilse Varn, a lawyer in Corvale, said the bridge was safe.",
         "Ilse Varn, a lawyer in Corvale"),
        ("Oren Malk, who leads the dockers' union, said the strike would end.",
         "Oren Malk, who leads the dockers' union"),
        # The relative clause is the attribution itself, not a description of the source:
        # its speaker is written "who" (resolved to the captains, as "he" is to a person).
        ("The captains who said the harbour was unsafe left early.", "who"),
    ],
)  # fmt: skip
def test_source_span_keeps_its_description_but_not_the_cue(
    nlp: Any, text: str, source: str
) -> None:
    record = only(attributions(nlp, text))
    assert record.source is not None and record.source.text == source


@pytest.mark.slow
def test_relative_pronoun_source_takes_entity_and_type_from_its_noun(analyzer: Any) -> None:
    analysis = analyzer.analyze(
        "Mayor Ilse Varn, who said the bridge was unsafe, left Corvale on Monday."
    )
    record = only(analysis.attributions)
    assert record.source is not None and record.source.text == "who"
    assert record.source_type == "official"
    entity = next(e for e in analysis.entities if e.id == record.source_entity)
    assert entity.canonical == "Ilse Varn"


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        ("Xinhua said the talks in Corvale would resume.", "state_media"),
        ("KCNA said the launch near Corvale had succeeded.", "state_media"),
        ("Reuters reported that the Corvale port had closed.", "media"),
        ("The BBC said the Corvale vote was delayed.", "media"),
    ],
)
def test_registry_outlets_type_their_sources(analyzer: Any, text: str, source_type: str) -> None:
    # Outlets named in the shipped registry are typed by its ownership field: a state-owned
    # agency is state media, a private or public-service outlet is media.
    analysis = analyzer.analyze(text)
    assert [a.source_type for a in analysis.attributions] == [source_type]


def test_an_acronym_defined_in_the_article_is_not_a_registry_outlet(analyzer: Any) -> None:
    # Regression: "Ostravian News Agency (ONA)" made "the ONA" the Oman News Agency (state
    # media) because the registry knows that agency by the same letters.
    analysis = analyzer.analyze(
        "According to the Ostravian News Agency (ONA), the two governments agreed to cooperate. "
        "The ONA said talks would resume."
    )
    assert "state_media" not in [a.source_type for a in analysis.attributions]


def test_country_leader_description_refers_to_the_head_of_state(analyzer: Any) -> None:
    # "the Russian leader" names the person titled "Russian President": a head of state or
    # government is the country's leader, and the demonym must agree.
    analysis = analyzer.analyze(
        "Russian President Ivo Marek met Tarnian Prime Minister Ana Voss in Corvale.\n"
        "The Russian leader has insisted that the border talks would resume in May."
    )
    marek = next(e for e in analysis.entities if e.canonical == "Ivo Marek")
    found = [a for a in analysis.attributions if a.source and a.source.text == "The Russian leader"]
    assert [a.source_entity for a in found] == [marek.id]


def test_speech_verb_after_the_clause_with_according_to_as_channel(analyzer: Any) -> None:
    # Regression: in "..., the minister said, according to Reuters." the parser hangs "said"
    # off the reported clause (parataxis): there was no attribution to the minister, and
    # Reuters became the source of "the minister said". Reuters is the channel.
    analysis = analyzer.analyze(
        "The Corvale road stays closed until May, Harbour Minister Odile Ferrant said, "
        "according to Reuters."
    )
    found = [
        (a.kind, a.source.text if a.source else None, a.channel.text if a.channel else None)
        for a in analysis.attributions
    ]
    assert found == [("indirect", "Harbour Minister Odile Ferrant", "Reuters")]
    assert analysis.attributions[0].content.text == "The Corvale road stays closed until May"
