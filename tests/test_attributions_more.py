"""Attributions, issue 3: cue extent, appositions, depictions, institutions and channels.

Every text here is fictional (Corvale, Belmora and their people and outlets do not exist).
"""

from __future__ import annotations

from typing import Any

import pytest

from claimscope.extract.attributions import extract_attributions
from claimscope.extract.quotes import find_quotes
from claimscope.extract.sources import EntityLinker
from claimscope.schema import Attribution, Entity, Mention, Span


def attributions(nlp: Any, text: str, entities: list[Entity] | None = None) -> list[Attribution]:
    found = extract_attributions(nlp(text), entities or [])
    for record in found:
        for span in (record.cue, record.source, record.channel, record.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return found


def holding(found: list[Attribution], content_part: str) -> Attribution:
    matches = [a for a in found if content_part in a.content.text]
    assert len(matches) == 1, [(a.kind, a.cue and a.cue.text, a.content.text) for a in found]
    return matches[0]


def person(text: str, eid: str, name: str, titles: tuple[str, ...] = ()) -> Entity:
    start = text.index(name)
    return Entity(
        id=eid,
        type="PERSON",
        canonical=name,
        mentions=[Mention(start=start, end=start + len(name), text=name)],
        titles=[Span.of(text, text.index(t), text.index(t) + len(t)) for t in titles],
    )


# --- quote marks (no model needed) -----------------------------------------------------------


def test_regression_stray_open_mark_does_not_run_into_the_next_paragraph() -> None:
    # The curly mark is never closed; the next paragraph opens with a straight mark, so it is
    # a new quote, not the continuation of this one.
    text = (
        "The ministry called the plan “a disgrace to the valley. Reports describe it as a "
        'retreat.\n"We will rebuild," the mayor said.'
    )
    assert [q.content(text) for q in find_quotes(text)] == ["We will rebuild,"]


def test_multi_paragraph_quote_continues_with_the_same_mark() -> None:
    text = "Varn said: “The bridge held.\n“Nobody was hurt.”"
    quotes = find_quotes(text)
    assert [q.content(text) for q in quotes] == ["The bridge held.", "Nobody was hurt."]
    assert quotes[0].runs_on


# --- entity linking by title (no model needed) ----------------------------------------------


def test_institution_is_not_the_person_whose_title_names_it() -> None:
    text = "Admiral Rada Venn, commander of the Southern Navy Fleet, spoke."
    venn = person(text, "E1", "Rada Venn", ("Admiral", "commander of the Southern Navy Fleet"))
    linker = EntityLinker([venn], text)
    assert linker.by_title("navy", set(), len(text)) is None
    assert linker.by_title("fleet", {"southern"}, len(text)) is None
    assert linker.by_title("commander", set(), len(text)) is venn
    assert linker.by_title("admiral", set(), len(text)) is venn


# --- with the model ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Mayor Ilse Varn has repeatedly stressed that the Corvale bridge is safe.",
            "has repeatedly stressed",
        ),
        ("The harbour board did not deny that the ferry was late.", "did not deny"),
        ("It was reported by the Corvale Ledger that the ferry was late.", "was reported"),
    ],
)
def test_cue_is_the_reporting_verb_with_negation_and_passive(nlp: Any, text: str, cue: str) -> None:
    found = holding(attributions(nlp, text), "ferry was late" if "ferry" in text else "safe")
    assert found.cue is not None and found.cue.text == cue


def test_according_to_keeps_an_apposition_with_its_source(nlp: Any) -> None:
    text = (
        "According to CNR, the state news agency, two ferries sank off the Corvale coast on Monday."
    )
    found = holding(attributions(nlp, text), "two ferries sank")
    assert found.kind == "according_to"
    assert found.source is not None and found.source.text == "CNR, the state news agency"
    assert found.source_type == "state_media"
    assert found.content.text.startswith("two ferries sank")


@pytest.mark.parametrize(
    ("text", "content", "cue", "source_type"),
    [
        (
            "Witness accounts from the harbour paint a bleak picture of the storm.",
            "bleak picture",
            "paint",
            "eyewitness",
        ),
        (
            "Survivor testimonies depict a chaotic evacuation of the old town.",
            "chaotic evacuation",
            "depict",
            "eyewitness",
        ),
        (
            "Local press reports describe the closure as a disaster for Corvale.",
            "a disaster for Corvale",
            "describe",
            "media",
        ),
    ],
)
def test_reporting_noun_subject_of_a_depiction(
    nlp: Any, text: str, content: str, cue: str, source_type: str
) -> None:
    found = holding(attributions(nlp, text), content)
    assert found.kind == "reporting_noun"
    assert found.cue is not None and found.cue.text == cue
    assert found.source_type == source_type
    # "from the harbour" says where the accounts come from, not who gives them.
    assert found.source is not None and "harbour paint" not in found.source.text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Survivor testimonies depict a town in ruins.", 1),
        ("The old mural depicts a harbour at dawn.", 0),
    ],
)
def test_depiction_rule_needs_a_reporting_noun(nlp: Any, text: str, found: int) -> None:
    # The rules alone: a mural depicts, but it reports nothing.
    assert len(extract_attributions(nlp(text), [], cue_model=False)) == found


def test_outlet_that_carried_the_remarks_is_the_channel(nlp: Any) -> None:
    text = (
        "Mayor Ilse Varn praised the rescue crews, in remarks carried by the Corvale Daily Courier."
    )
    found = attributions(nlp, text)
    praise = holding(found, "the rescue crews")
    assert praise.channel is not None and praise.channel.text == "the Corvale Daily Courier"
    assert praise.content.text == "the rescue crews"
    assert not [a for a in found if a.content.text == "remarks"]


def test_occasion_is_the_channel_and_apposition_names_the_speaker(nlp: Any) -> None:
    text = (
        "In a televised interview, the finance minister, Oren Dallo, admitted that the budget "
        "was short."
    )
    dallo = person(text, "E1", "Oren Dallo")
    found = holding(attributions(nlp, text, [dallo]), "the budget was short")
    assert found.cue is not None and found.cue.text == "admitted"
    assert found.channel is not None and found.channel.text == "a televised interview"
    assert found.source_entity == "E1"
    assert found.source_type == "official"


@pytest.mark.parametrize(
    ("text", "source", "source_type"),
    [
        # Witnesses' accounts from a town come from people there, not from its authorities.
        (
            "Eyewitness accounts from Ostrel paint a grimmer picture of the night.",
            "Eyewitness accounts from Ostrel",
            "eyewitness",
        ),
        # A ministry's accounts are the ministry's.
        ("Accounts from the ministry describe the deal as final.", "the ministry", "official"),
    ],
)
def test_witness_accounts_from_a_place_are_the_witnesses(
    nlp: Any, text: str, source: str, source_type: str
) -> None:
    found = attributions(nlp, text)
    assert len(found) == 1
    assert found[0].source is not None and found[0].source.text == source
    assert found[0].source_type == source_type


def test_a_participle_cue_shares_the_subject_of_its_clause(nlp: Any) -> None:
    text = "Mayor Ilse Varn left the Corvale meeting early, saying the tram budget was a fraud."
    found = attributions(nlp, text)
    record = holding(found, "budget was a fraud")
    assert record.cue is not None and record.cue.text == "saying"
    assert record.source is not None and "Ilse Varn" in record.source.text


def _marked(doc: Any, words: str, value: float = 0.9) -> Any:
    import numpy as np

    marks = np.zeros(len(doc), dtype=np.float32)
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words))
    assert span is not None
    marks[span.start : span.end] = value
    return marks


def test_a_cue_without_a_source_takes_the_one_the_source_head_marks(nlp: Any) -> None:
    from claimscope.extract.attributions import head_source
    from claimscope.extract.cues import RawAttribution

    doc = nlp("The council closed the bridge on Monday, telling residents it was unsafe.")
    telling = next(t.i for t in doc if t.text == "telling")
    it = next(t.i for t in doc if t.text == "it")
    raw = RawAttribution("indirect", (telling, telling), None, (it, len(doc) - 2))
    token = head_source(doc, raw, _marked(doc, "The council"))
    assert token is not None and token.text == "council"
    # Unsure marks, marks inside the content, and marks on a verb give no source.
    assert head_source(doc, raw, _marked(doc, "The council", 0.6)) is None
    assert head_source(doc, raw, _marked(doc, "it was unsafe")) is None
    assert head_source(doc, raw, _marked(doc, "closed")) is None
    # Tokens of another attribution (its source here) are not this one's to take.
    council = next(t.i for t in doc if t.text == "council")
    assert head_source(doc, raw, _marked(doc, "The council"), {council - 1, council}) is None


def test_a_passive_subject_is_no_source_marked_by_the_head(nlp: Any) -> None:
    from claimscope.extract.attributions import head_source
    from claimscope.extract.cues import RawAttribution

    doc = nlp("Minister Vera Lind is expected to visit Corvale next month.")
    cue = (doc.text.index("is expected"), doc.text.index(" to visit"))
    span = doc.char_span(*cue)
    assert span is not None
    raw = RawAttribution("indirect", (span.start, span.end - 1), None, (span.end, len(doc) - 2))
    assert head_source(doc, raw, _marked(doc, "Minister Vera Lind")) is None


def test_source_head_marks_reach_the_analysis_only_with_a_role_head(nlp: Any) -> None:
    import numpy as np

    from claimscope.extract.cue_model import TokenVectors

    # "It is believed" names no believer: the rules leave the source empty.
    doc = nlp("In Corvale it is believed that the bridge was unsafe.")
    roles = np.zeros((len(doc), 2), dtype=np.float32)
    # Marks for the mechanics only: PolNeAR would not call a town the source here.
    roles[:, 0] = _marked(doc, "Corvale")
    with_head = TokenVectors(np.zeros((len(doc), 4), dtype=np.float32), "x", None, roles)
    without = TokenVectors(with_head.vectors, "x")
    # Beside the cue model only: a rules-only run stays rules only.
    for vectors, cue_model, source in (
        (with_head, True, "Corvale"),
        (without, True, None),
        (with_head, False, None),
    ):
        # (Without a source chooser: with one, the chooser reads the marks instead.)
        found = extract_attributions(
            doc, [], cue_model=cue_model, source_model=False, token_vectors=vectors
        )
        (believed,) = [a for a in found if a.cue.text.endswith("believed")]
        assert (believed.source.text if believed.source else None) == source


def test_a_source_keeps_the_closing_bracket_of_its_acronym(analyzer: Any) -> None:
    analysis = analyzer.analyze(
        "More than 40 ships are waiting off the coast, according to the Port of Corvale "
        "Authority (PCA)."
    )
    (record,) = [a for a in analysis.attributions if a.kind == "according_to"]
    assert record.source is not None
    assert record.source.text.endswith("(PCA)") and record.source.text.count("(") == 1
