"""The ``claimscope`` command line: builds options, calls the library, prints a view.

The CLI holds no analysis logic. Every failure claimscope anticipates becomes one line on
stderr and a distinct exit code (see ``claimscope.errors``), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer

from claimscope import __version__
from claimscope.cli_output import EXIT_OUTPUT, fail, write_output
from claimscope.errors import ClaimscopeError, InvalidOptionError
from claimscope.options import DEFAULT_MAX_CHARS, AnalyzeOptions

#: Exit code for an error claimscope did not anticipate (a bug): EX_SOFTWARE from sysexits.h.
EXIT_INTERNAL = 70
#: Exit code of ``batch`` when some records failed (each failure is in the output).
EXIT_SOME_FAILED = 4

app = typer.Typer(
    name="claimscope",
    help=(
        "Untangle a news article the way a fact-checker does: claims, sources, hedges, "
        "times, places and findings, each pointing at characters of the text."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


# Reading options shared by every command that reads articles.
MaxChars = Annotated[
    int, typer.Option(min=1, help="Refuse articles longer than this many characters.")
]
ForceLanguage = Annotated[bool, typer.Option(help="Analyse text that is detected as not English.")]
AllowPrivate = Annotated[
    bool, typer.Option(help="Allow URLs on private, loopback or link-local addresses.")
]
Timeout = Annotated[float, typer.Option(min=0.1, help="Seconds to wait for a URL.")]
Signals = Annotated[
    bool,
    typer.Option(
        help="Compute check-worthiness, subjectivity and techniques (--no-signals: faster)."
    ),
]


class OutputFormat(enum.StrEnum):
    text = "text"
    json = "json"
    html = "html"


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"claimscope {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """claimscope: what is claimed, by whom, on whose word, when and where."""


def _parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidOptionError(
            f"--published '{value}' is not a date: use the form YYYY-MM-DD"
        ) from None


@app.command()
def analyze(
    source: Annotated[
        str,
        typer.Argument(help="A .txt or .html file, '-' for standard input, or an http(s) URL."),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="What to print or write.")
    ] = OutputFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json-out", help="Also write the analysis as JSON here.")
    ] = None,
    html_out: Annotated[
        Path | None, typer.Option("--html-out", help="Also write the HTML report here.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD: anchors relative dates."),
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="The outlet that published it.")] = None,
    title: Annotated[str | None, typer.Option(help="The article's title.")] = None,
    url: Annotated[str | None, typer.Option(help="The article's URL (metadata only).")] = None,
    byline: Annotated[str | None, typer.Option(help="The article's author(s).")] = None,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    force_language: ForceLanguage = False,
    allow_private: AllowPrivate = False,
    timeout: Timeout = 15.0,
    signals: Signals = True,
) -> None:
    """Analyse one article and print a summary, the JSON analysis or the HTML report.

    Metadata options override what was found in the source.
    """
    try:
        options = AnalyzeOptions(
            max_chars=max_chars,
            force_language=force_language,
            allow_private=allow_private,
            fetch_timeout=timeout,
            signals=signals,
        )
        published_date = _parse_published(published)
        from claimscope.analyzer import Analyzer
        from claimscope.ingest import load_source

        item = load_source(source, options=options, stdin=sys.stdin.buffer)
        item = item.with_metadata(
            published=published_date, outlet=outlet, title=title, url=url, byline=byline
        )
        analysis = next(Analyzer(options).analyze_many([item]))
    except ClaimscopeError as err:
        fail(str(err), err.exit_code)

    if json_out is not None:
        write_output(json_out, analysis.model_dump_json(indent=2))
    if html_out is not None:
        from claimscope.report import render_html

        write_output(html_out, render_html(analysis))

    if output_format is OutputFormat.json:
        content = analysis.model_dump_json(indent=2)
    elif output_format is OutputFormat.html:
        from claimscope.report import render_html

        content = render_html(analysis)
    else:
        from claimscope.report.terminal import render_terminal, summary_text

        if output is None:
            from rich.console import Console

            render_terminal(analysis, Console())
            return
        content = summary_text(analysis)
    if output is None:
        sys.stdout.write(content if content.endswith("\n") else content + "\n")
    else:
        write_output(output, content)


@app.command()
def batch(
    source: Annotated[
        str,
        typer.Argument(
            help='A JSONL file (or - for stdin): one {"text"|"html"|"url": ..., metadata} per line.'
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write results here, not stdout.")
    ] = None,
    fetch: Annotated[
        bool, typer.Option(help="Fetch records that give only a URL (--no-fetch: offline).")
    ] = True,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    force_language: ForceLanguage = False,
    allow_private: AllowPrivate = False,
    timeout: Timeout = 15.0,
    signals: Signals = True,
) -> None:
    """Analyse every record of a JSONL file; write one JSON result per line.

    A record that cannot be read or analysed is written as an error result and the batch goes
    on. The exit code is 0 when every record was analysed and 4 when some failed.
    """
    from claimscope.analyzer import Analyzer
    from claimscope.batch import run_batch
    from claimscope.ingest import read_jsonl

    options = AnalyzeOptions(
        max_chars=max_chars,
        force_language=force_language,
        allow_private=allow_private,
        fetch_timeout=timeout,
        signals=signals,
    )
    try:
        lines: Any = sys.stdin.buffer if source == "-" else source
        records = read_jsonl(lines, options=options, fetch=fetch)
        analyzer = Analyzer(options)
    except ClaimscopeError as err:
        fail(str(err), err.exit_code)
    try:
        sink = sys.stdout if output is None else output.open("w", encoding="utf-8")
    except OSError as err:
        fail(f"cannot write {output}: {err.strerror or err}", EXIT_OUTPUT)
    done = failed = 0
    with sink if output is not None else nullcontext(sink):
        for result in run_batch(records, analyzer):
            sink.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
            done += result.ok
            failed += not result.ok
    typer.echo(f"claimscope: analysed {done} record(s), {failed} failed", err=True)
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of the Analysis output."""
    from claimscope.schema import json_schema

    content = json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
    if output is None:
        sys.stdout.write(content)
    else:
        write_output(output, content)


def _register_subcommands() -> None:
    # Evaluation commands live in their own module: they read data-set formats, not articles.
    from claimscope.cli_eval import eval_app
    from claimscope.cli_train import train_app

    app.add_typer(eval_app, name="eval")
    app.add_typer(train_app, name="train")


_register_subcommands()


def main() -> None:
    """Entry point of the ``claimscope`` command."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        typer.echo("claimscope: interrupted", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as err:
        typer.echo(
            f"claimscope: internal error: {type(err).__name__}: {err} "
            "(this is a bug; please report it with the input that caused it)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
