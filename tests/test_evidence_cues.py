"""Attributions to the poll, survey or study a finding is read from ("in a new poll, ...")."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("In a new Corvale Herald poll, Mayor Ilse Varn leads by ten points.",
         "a new Corvale Herald poll", "Mayor Ilse Varn leads by ten points"),
        ("Oren Malk has slipped in the latest Belmora survey.", "the latest Belmora survey",
         "Oren Malk has slipped"),
    ],
)  # fmt: skip
def test_a_finding_read_from_a_poll_is_attributed_to_it(
    analyzer: Any, text: str, source: str, content: str
) -> None:
    found = [
        (a.source.text if a.source else None, a.cue.text if a.cue else None, a.content.text)
        for a in analyzer.analyze(text).attributions
    ]
    assert (source, "in", content) in [(s, (c or "").lower(), t) for s, c, t in found]


@pytest.mark.slow
def test_said_in_a_statement_adds_no_poll_attribution(analyzer: Any) -> None:
    analysis = analyzer.analyze("Mayor Ilse Varn said in a survey note that the bridge was safe.")
    assert all((a.cue.text if a.cue else "").lower() != "in" for a in analysis.attributions)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["Oren Malk has slipped in the polls since March.", "Ilse Varn leads in several recent polls."],
)
def test_standing_in_the_polls_is_no_attribution(analyzer: Any, text: str) -> None:
    # The polls in general say where a candidate stands; no document is reported from.
    cues = [(a.cue.text if a.cue else "").lower() for a in analyzer.analyze(text).attributions]
    assert "in" not in cues
