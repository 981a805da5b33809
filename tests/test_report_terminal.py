"""The terminal summary: what it lists, and that article text never acts as markup or escapes."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from claimscope.report import render_terminal, summary_text
from claimscope.schema import Analysis, Claim, Finding, Span, Summary
from fixtures_analysis import ARTICLE_TEXT, build_analysis

MARKUP_LINE = (
    "[bold red]Officials[/bold red] said [/] :warning: the dam [link=http://x]held[/link]."
)


@pytest.fixture(scope="module")
def text_summary() -> str:
    return summary_text(build_analysis(), width=100)


def test_article_line_and_counts(text_summary: str) -> None:
    lines = text_summary.splitlines()
    assert lines[0] == "Tarrow bridge to reopen, mayor says"
    assert "Belmora Daily Courier · 2031-04-23 · id 0123456789abcdef" in lines[1]
    assert "https://courier.belmora.example/news/tarrow-bridge" in text_summary
    assert "3 sentences · 3 claims · 3 attributions · 3 sources · 2 findings" in text_summary
    assert "attributed 1" in text_summary and "speculative 1" in text_summary


def test_sources_table(text_summary: str) -> None:
    rows = {
        line.split("  ")[1].strip(): line for line in text_summary.splitlines() if "claim " in line
    }
    assert "official" in rows["Ilse Varn"] and "1 claim" in rows["Ilse Varn"]
    assert "state media" in rows["National Radio of Belmora"]
    assert "anonymous" in rows["Some residents"] and "C3" in rows["Some residents"]


def test_claims_table(text_summary: str) -> None:
    c2 = next(line for line in text_summary.splitlines() if line.strip().startswith("C2 "))
    assert "hedged" in c2 and "repairs have reportedly cost four million crowns" in c2
    c1 = next(line for line in text_summary.splitlines() if line.strip().startswith("C1 "))
    assert "attributed" in c1 and "Ilse Varn" in c1 and 'bridge "will reopen by May 3' in c1


def test_findings_with_severity_and_quotes(text_summary: str) -> None:
    f1 = next(line for line in text_summary.splitlines() if " F1 " in line)
    assert f1.startswith("warning") and "acronym mismatch" in f1
    assert "“NRC”" in text_summary and "“National Radio of Belmora”" in text_summary
    f2 = next(line for line in text_summary.splitlines() if " F2 " in line)
    assert f2.startswith("info") and "unnamed or collective source" in f2
    assert "Signals not computed: checkworthiness" in text_summary


def _with_markup() -> Analysis:
    """The fixture article plus a sentence that looks like rich markup, as a claim."""
    text = ARTICLE_TEXT + "\n\n" + MARKUP_LINE
    analysis = build_analysis(text, title="[blink]Dam[/blink] :fire: holds", outlet="[red]X[/]")
    start = text.index(MARKUP_LINE)
    claim = Claim(
        id="C4",
        span=Span.of(text, start, start + len(MARKUP_LINE)),
        sentence=3,
        attribution=None,
        source_type="author",
        status="asserted",
    )
    source = analysis.summary.sources[0].model_copy(update={"label": "[bold]Varn[/bold]"})
    summary = analysis.summary.model_copy(
        update={"sources": [source, *analysis.summary.sources[1:]]}
    )
    return analysis.model_copy(update={"claims": [*analysis.claims, claim], "summary": summary})


def test_markup_in_the_article_prints_literally() -> None:
    out = summary_text(_with_markup(), width=200)
    assert MARKUP_LINE in out
    assert "[blink]Dam[/blink] :fire: holds" in out
    assert "[red]X[/]" in out
    assert "[bold]Varn[/bold]" in out


def test_markup_in_the_article_gets_no_style() -> None:
    console = Console(file=io.StringIO(), width=200, force_terminal=True, color_system="standard")
    render_terminal(_with_markup(), console)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[5m" not in out  # blink was not applied
    assert "\x1b]8;" not in out  # no hyperlink was made from [link=...]
    assert "[bold red]Officials[/bold red]" in out


def test_control_characters_cannot_reach_the_terminal() -> None:
    # An OSC sequence (sets the terminal title) and a CSI sequence planted in the metadata.
    analysis = build_analysis(title="Dam\x1b]0;pwned\x07 holds", outlet="Courier\x1b[2J\x9b31m")
    console = Console(file=io.StringIO(), width=120, force_terminal=True, color_system="standard")
    render_terminal(analysis, console)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b]" not in out and "\x1b[2J" not in out and "\x9b" not in out
    assert "Dam\ufffd]0;pwned\ufffd holds" in out


def test_long_claims_are_truncated_to_fit() -> None:
    analysis = build_analysis()
    text = analysis.article.text
    long_claim = analysis.claims[0].model_copy(update={"span": Span.of(text, 0, len(text))})
    analysis = analysis.model_copy(update={"claims": [long_claim, *analysis.claims[1:]]})
    out = summary_text(analysis, width=100)
    assert "…" in out
    assert "rushed" not in next(line for line in out.splitlines() if "C1 " in line)
    assert max(len(line) for line in out.splitlines()) <= 100


def test_an_analysis_with_nothing_found() -> None:
    analysis = build_analysis().model_copy(
        update={
            "claims": [],
            "findings": list[Finding](),
            "summary": Summary(sentences=3, claims=0, attributions=0, findings=0),
        }
    )
    out = summary_text(analysis)
    assert "0 claims" in out
    assert "(none: everything is in the author's voice)" in out
    assert "(no claims found)" in out
    assert "nothing flagged" in out
