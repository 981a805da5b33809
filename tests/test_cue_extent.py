"""The cue reaches back over its verb group (``extract/cue_extent.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from claimscope.extract.cue_extent import cue_between, cue_with_cause


def _index(doc: Any, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "verb", "source_last", "content_first", "expected"),
    [
        # auxiliaries, adverbs and negation of the verb join the cue
        ("Mayor Varn has repeatedly said that the bridge is safe.", "said", "Varn", "the",
         "has repeatedly said"),
        ("The board would not confirm that the ferry sank.", "confirm", "board", "the",
         "would not confirm"),
        # the verbs the cue completes join it too
        ("The mayor declined to comment on the ferry.", "comment", "mayor", "on",
         "declined to comment"),
        # a noun or adjective cue takes the verb it completes
        ("The ministers gave diplomatic assurances that the port would open.", "assurances",
         "ministers", "the", "gave diplomatic assurances"),
        ("The senator has long been lukewarm about the tax plan.", "lukewarm", "senator", "the",
         "has long been lukewarm about"),
        # forward, the cue reaches the preposition that opens the content
        ("The mayor offered her condolences for the victims.", "offered", "mayor", "the",
         "offered her condolences for"),
        # a source after the cue leaves it alone
        ('"The bridge is safe," has said Mayor Varn.', "said", "Varn", "The", "said"),
    ],
)  # fmt: skip
def test_cue_widens_back_to_the_source(
    nlp: Any, text: str, verb: str, source_last: str, content_first: str, expected: str
) -> None:
    doc = nlp(text)
    i = _index(doc, verb)
    first, last = cue_between(doc, (i, i), _index(doc, source_last), _index(doc, content_first))
    assert doc[first : last + 1].text == expected


def test_cue_does_not_widen_over_the_content(nlp: Any) -> None:
    doc = nlp('Varn, "the bridge is safe," has said.')
    i = _index(doc, "said")
    # The content stands between the source and the cue: the words before are the content's.
    assert cue_between(doc, (i, i), _index(doc, "Varn"), _index(doc, "the")) == (i, i)


def test_cue_never_takes_the_source(nlp: Any) -> None:
    doc = nlp("Officials have said that the road is closed.")
    i = _index(doc, "said")
    first, _ = cue_between(doc, (i, i), _index(doc, "have"), _index(doc, "the"))
    assert first == i  # the source phrase ends at "have" here: the cue stops after it


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        # a causative verb and its group join a noun of talk it takes
        ("The speed of the retreat has fuelled speculation that the aid stopped.",
         "speculation", "has fuelled speculation"),
        ("The vote sparked fears of a strike.", "fears", "sparked fears"),
        # any other verb leaves the noun alone: "issued" is said by its subject
        ("The ministry has issued a statement on the ferry.", "statement", "statement"),
    ],
)  # fmt: skip
def test_a_cause_s_verb_joins_its_noun_of_talk(
    nlp: Any, text: str, noun: str, expected: str
) -> None:
    doc = nlp(text)
    i = _index(doc, noun)
    first, last = cue_with_cause(doc, (i, i))
    assert doc[first : last + 1].text == expected


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # an event that raises questions is their cause: nobody is named as speaking
        ("The timing of the mayor's remarks has raised concerns about a second closure of "
         "the Corvale bridge.", None, "has raised concerns about"),
        ("The delay in Corvale poses questions about the budget of the bridge.", None,
         "poses questions about"),
        # a person who raises concerns voices them
        ("Senator Ilse Varn raised concerns about a second closure of the Corvale bridge.",
         "Senator Ilse Varn", "raised concerns about"),
    ],
)  # fmt: skip
def test_raised_questions_have_a_speaker_only_when_a_speaker_raised_them(
    analyzer: Any, text: str, source: str | None, cue: str
) -> None:
    (attribution,) = analyzer.analyze(text).attributions
    assert attribution.cue is not None and attribution.cue.text == cue
    assert (attribution.source.text if attribution.source else None) == source
    assert attribution.content.text.endswith("bridge")


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # the cue as found may hold the causative verb already: only its group is left
        ("The timing of the vote has raised concerns about the ferry.", "raised concerns about",
         "has raised concerns about"),
        # a verb cue with no noun of talk inside it stays as it is
        ("The ferry has raised its fares.", "raised", "raised"),
    ],
)  # fmt: skip
def test_a_cue_holding_the_cause_s_verb_takes_its_group(
    nlp: Any, text: str, cue: str, expected: str
) -> None:
    doc = nlp(text)
    start = doc.text.index(cue)
    span = doc.char_span(start, start + len(cue))
    assert span is not None
    first, last = cue_with_cause(doc, (span.start, span.end - 1))
    assert doc[first : last + 1].text == expected
