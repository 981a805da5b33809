"""Attributions whose cue is a colon after a name at the start of a line."""

from __future__ import annotations

from typing import Any

import pytest


def _triples(analyzer: Any, text: str) -> list[tuple[str | None, str | None, str]]:
    analysis = analyzer.analyze(text)
    return [
        (a.source.text if a.source else None, a.cue.text if a.cue else None, a.content.text)
        for a in analysis.attributions
    ]


@pytest.mark.slow
def test_headline_name_colon_statement(analyzer: Any) -> None:
    text = "Mayor Ilse Varn: The Corvale Bridge Will Reopen in May\n\nWork starts on Monday."
    assert ("Mayor Ilse Varn", ":", "The Corvale Bridge Will Reopen in May") in _triples(
        analyzer, text
    )


@pytest.mark.slow
def test_name_after_a_dash_with_a_quotation(analyzer: Any) -> None:
    text = (
        "THE POLLS WERE EARLY - Ann Bell and Oren Malk: “The Belmora polls were right all "
        "along.”\n\nMore follows."
    )
    triples = _triples(analyzer, text)
    assert ("Ann Bell and Oren Malk", ":", "The Belmora polls were right all along") in [
        (s, c, t.strip("“”")) for s, c, t in triples
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # A label, not a speaker.
        "Watch: The Corvale Bridge Reopens After Two Years\n\nWork starts on Monday.",
        # No statement after the colon: a title, not words someone said.
        "Tuesday’s Morning Email: The Belmora Budget Speech\n\nWork starts on Monday.",
        # A colon inside a sentence introduces a list, not a speaker's words.
        "The council in Corvale listed three priorities: roads, schools and clinics.",
    ],
)
def test_colons_that_name_no_speaker(analyzer: Any, text: str) -> None:
    assert all(cue != ":" for _, cue, _ in _triples(analyzer, text))
