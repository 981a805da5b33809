"""Which runs of learned cue tokens become attributions (``extract.learned_cues``)."""

from __future__ import annotations

from typing import Any

from claimscope.extract.cues import RawAttribution
from claimscope.extract.learned_cues import _can_be_cue, _channel_reach, _reports


def _index(doc: Any, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def test_an_adjective_before_its_noun_is_no_cue_of_its_own(nlp: Any) -> None:
    doc = nlp("Moderator Dana Holt asked the candidates a simple question: who will win?")
    simple = _index(doc, "simple")
    assert doc[simple].dep_ == "amod"
    assert not _can_be_cue(doc, simple, simple, set())
    # A verb run is still one.
    asked = _index(doc, "asked")
    assert _can_be_cue(doc, asked, asked, set())


def test_a_question_as_object_lets_a_clause_verb_report(nlp: Any) -> None:
    doc = nlp("Moderator Dana Holt asked the candidates a simple question: who will win?")
    asked = _index(doc, "asked")
    raw = RawAttribution(kind="indirect", cue=(asked, asked), source=doc[2], content=(6, 14))
    assert _reports(raw, doc)
    # With a plain object, "add" reports nothing ("adds a dimension").
    other = nlp("The new wing adds a dimension to the Corvale museum.")
    adds = _index(other, "adds")
    raw = RawAttribution(kind="indirect", cue=(adds, adds), source=other[2], content=(4, 9))
    assert not _reports(raw, other)


def test_an_object_reporting_verb_reports_with_its_object(nlp: Any) -> None:
    # PolNeAR marks what is recalled, noted or asked for: "recalling a visit", "noted the
    # dichotomy", "asked the department to investigate".
    for text, verb in (
        ("Mayor Ilse Varn spoke warmly, recalling a visit to the Corvale docks.", "recalling"),
        ("The Belmora Courier noted the gap between the two budgets.", "noted"),
        ("Two committees asked the ministry to investigate the port deal.", "asked"),
    ):
        doc = nlp(text)
        at = _index(doc, verb)
        raw = RawAttribution(kind="indirect", cue=(at, at), source=doc[0], content=(at + 1, at + 3))
        assert _reports(raw, doc), text


def test_the_words_up_to_a_close_channel_count_for_the_cue(nlp: Any) -> None:
    doc = nlp("The road stays closed, Minister Odile Ferrant said, according to Reuters.")
    said, reuters = _index(doc, "said"), _index(doc, "Reuters")
    raw = RawAttribution(
        kind="indirect", cue=(said, said), source=doc[8], content=(0, 3), channel=(reuters, reuters)
    )
    assert _channel_reach(raw) == reuters
    # A channel far from the cue lends it nothing.
    raw.channel = (said + 9, said + 9)
    assert _channel_reach(raw) == said
    raw.channel = None
    assert _channel_reach(raw) == said


def test_the_description_after_a_source_is_no_content_run(nlp: Any) -> None:
    import numpy as np

    from claimscope.extract.content_choice import marked_runs

    doc = nlp("According to BPA, the state news agency, 46 fighters surrendered on Monday.")
    bpa, agency = _index(doc, "BPA"), _index(doc, "agency")
    raw = RawAttribution(
        kind="according_to",
        cue=(0, 1),
        source=doc[bpa],
        content=(agency + 2, len(doc) - 2),
        source_last=agency,
    )
    # A content head that marks every word: the runs start after the description.
    runs = marked_runs(doc, raw, np.ones(len(doc)))
    assert runs and runs[0][0] == agency + 2
    assert doc[runs[0][0] : runs[0][1] + 1].text.startswith("46 fighters surrendered")
