"""The terminal summary: article line, counts, sources, claims and findings, drawn with rich.

Everything taken from the article goes into ``rich.text.Text`` objects, never into markup
strings, so "[bold red]" or ":warning:" in an article prints as written; control characters
(an ESC could drive the terminal) are replaced before printing.

Example:
    >>> from rich.console import Console
    >>> from claimscope import analyze
    >>> from claimscope.report import render_terminal
    >>> render_terminal(analyze("Mayor Ilse Varn said the bridge would reopen."), Console())
    ... # doctest: +SKIP
"""

from __future__ import annotations

import io
import re

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimscope.report.signal_view import signal_states, technique_label
from claimscope.schema import Analysis

#: Colour of each evidential status and finding severity.
STATUS_STYLE = {
    "asserted": "bright_black",
    "attributed": "blue",
    "hedged": "yellow",
    "unverified": "red",
    "speculative": "magenta",
    "denied": "bright_black",
}
SEVERITY_STYLE = {"warning": "bold red", "info": "cyan"}
#: Techniques named on the summary's technique line; the rest are counted as "+N more".
TOP_TECHNIQUES = 5

# C0 and C1 control characters and DEL (newlines and tabs are folded separately).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean(text: str, limit: int | None = None) -> Text:
    """Untrusted text as a rich ``Text``: one line, no control codes, at most ``limit`` chars."""
    line = _CONTROL.sub("\ufffd", " ".join(text.split()))
    if limit is not None and len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return Text(line)


def render_terminal(analysis: Analysis, console: Console) -> None:
    """Print a summary of ``analysis`` on ``console``: sources, claims and findings.

    Example:
        >>> from rich.console import Console
        >>> from claimscope import analyze
        >>> console = Console(width=100)
        >>> render_terminal(analyze("Ilse Varn said it rained."), console)  # doctest: +SKIP
    """
    article = analysis.article
    head = Text()
    head.append_text(_clean(article.title or "Untitled article"))
    head.stylize("bold")
    details = [
        _clean(article.outlet) if article.outlet else None,
        Text(article.published.isoformat()) if article.published else Text("date unknown"),
        Text(f"id {article.id}"),
    ]
    meta = Text(" · ", style="dim").join(d for d in details if d is not None)
    meta.stylize("dim")
    console.print(head)
    console.print(meta)
    if article.url:
        console.print(_clean(article.url), style="dim", soft_wrap=True)

    summary = analysis.summary
    counts = Text(
        f"{summary.sentences} sentences · {summary.claims} claims · "
        f"{summary.attributions} attributions · {len(summary.sources)} sources · "
        f"{summary.findings} findings"
    )
    if summary.claims_by_status:
        counts.append("\nclaims by status:")
        for status, n in summary.claims_by_status.items():
            counts.append(f"  {status}", style=STATUS_STYLE.get(status, ""))
            counts.append(f" {n}")
    sourcing = summary.sourcing
    if summary.claims:
        counts.append(
            f"\nsourcing: {sourcing.author_claims} in the author's voice · "
            f"{sourcing.anonymous_claims} on unnamed sources · "
            f"{sourcing.unverified_claims} unverified · "
            f"{sourcing.single_source_claims} on a source cited once · "
            f"{sourcing.unnamed_sources} unnamed source(s)"
        )
    for line in signal_lines(analysis):
        counts.append("\n")
        counts.append_text(line)
    console.print(counts)
    console.print()
    console.print(_sources_table(analysis))
    console.print(_claims_table(analysis))
    console.print(_findings(analysis))
    console.print()
    unavailable = [k for k, v in analysis.provenance.signals.items() if v != "available"]
    if unavailable:
        console.print(
            Text(f"Signals not computed: {', '.join(sorted(unavailable))}", style="dim italic")
        )


def signal_lines(analysis: Analysis) -> list[Text]:
    """The learned signals in a line or two, only those the analysis carries values for.

    Technique names come from the model's configuration, not from the article, but they still
    go through ``_clean`` like every other name printed here.
    """
    states = signal_states(analysis)
    summary = analysis.summary
    lines: list[Text] = []
    parts: list[Text] = []
    if states["subjectivity"].available and summary.subjective_share is not None:
        parts.append(Text(f"{summary.subjective_share * 100:.0f}% of sentences subjective"))
    if states["techniques"].available:
        counts = list(summary.technique_counts.items())
        named = Text("techniques: ")
        if not counts:
            named.append("none found", style="dim")
        for i, (name, n) in enumerate(counts[:TOP_TECHNIQUES]):
            if i:
                named.append(" · ", style="dim")
            named.append_text(_clean(technique_label(name), 40))
            named.append(f" {n}")
        if len(counts) > TOP_TECHNIQUES:
            named.append(f" (+{len(counts) - TOP_TECHNIQUES} more)", style="dim")
        parts.append(named)
    if parts:
        line = Text("signals: ")
        line.append_text(Text(" · ", style="dim").join(parts))
        lines.append(line)
    sourcing = summary.sourcing
    if sourcing.checkworthy_claims is not None:
        lines.append(
            Text(
                f"check-worthy: {sourcing.checkworthy_claims} claims · "
                f"{sourcing.checkworthy_unsourced or 0} in the author's voice with no source · "
                f"{sourcing.checkworthy_anonymous or 0} on unnamed sources · "
                f"{sourcing.checkworthy_unverified or 0} unverified · "
                f"{sourcing.checkworthy_single_source or 0} on a source cited once"
            )
        )
    return lines


def _sources_table(analysis: Analysis) -> Table:
    table = Table(title="Sources", title_justify="left", box=box.SIMPLE_HEAD, expand=False)
    table.add_column("Source", overflow="fold", ratio=3)
    table.add_column("Type", no_wrap=True)
    table.add_column("Cited for", justify="right", no_wrap=True)
    table.add_column("Claims", overflow="fold", ratio=1)
    for source in analysis.summary.sources:
        n = len(source.claims)
        table.add_row(
            _clean(source.label, 60),
            Text(source.source_type.replace("_", " ")),
            Text(f"{n} claim{'' if n == 1 else 's'}"),
            Text(", ".join(source.claims)),
        )
    if not analysis.summary.sources:
        table.add_row(Text("(none: everything is in the author's voice)", style="dim"), "", "", "")
    return table


def _claims_table(analysis: Analysis) -> Table:
    canonical = {e.id: e.canonical for e in analysis.entities}
    attributions = {a.id: a for a in analysis.attributions}
    table = Table(title="Claims", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("ID", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Source", overflow="fold", ratio=1)
    table.add_column("Claim", overflow="fold", ratio=3)
    for claim in analysis.claims:
        attribution = attributions.get(claim.attribution or "")
        if attribution is None:
            source = Text("the author", style="dim")
        elif attribution.source_entity in canonical:
            source = _clean(canonical[attribution.source_entity or ""], 40)
        elif attribution.source is not None:
            source = _clean(attribution.source.text, 40)
        else:
            source = Text(f"unnamed {attribution.source_type.replace('_', ' ')}", style="dim")
        table.add_row(
            Text(claim.id),
            Text(claim.status, style=STATUS_STYLE.get(claim.status, "")),
            source,
            _clean(claim.span.text, 160),
        )
    if not analysis.claims:
        table.add_row("", "", "", Text("(no claims found)", style="dim"))
    return table


def _findings(analysis: Analysis) -> Table:
    table = Table.grid(padding=(0, 1))
    table.title = "Findings"
    table.title_justify = "left"
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for finding in analysis.findings:
        body = Text.assemble(
            (finding.kind.replace("_", " "), "bold"), ": ", _clean(finding.message)
        )
        for span in finding.spans:
            body.append("\n  “", style="dim")
            body.append_text(_clean(span.text, 120))
            body.append("”", style="dim")
        table.add_row(
            Text(finding.severity, style=SEVERITY_STYLE.get(finding.severity, "")),
            Text(finding.id),
            body,
        )
    if not analysis.findings:
        table.add_row(Text("nothing flagged", style="dim"), "", "")
    return table


def summary_text(analysis: Analysis, *, width: int = 100) -> str:
    """The terminal summary as plain text (no colours), for logs, tests and ``--format text``.

    Example:
        >>> from claimscope import analyze
        >>> print(summary_text(analyze("Ilse Varn said it rained.")))  # doctest: +SKIP
        ...
    """
    console = Console(
        file=io.StringIO(), record=True, width=width, color_system=None, force_terminal=False
    )
    render_terminal(analysis, console)
    return console.export_text()
