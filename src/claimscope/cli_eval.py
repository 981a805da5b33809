"""``claimscope eval <task> --data DIR``: each extractor measured on a public data set."""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from claimscope.cli_output import fail, write_output
from claimscope.errors import ClaimscopeError

eval_app = typer.Typer(
    help="Measure an extractor on a public data set; prints one JSON object of metrics.",
    no_args_is_help=True,
)


class AttributionSystem(enum.StrEnum):
    claimscope = "claimscope"
    textacy = "textacy"


def _emit(result: dict[str, object], output: Path | None) -> None:
    content = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(content)
    else:
        write_output(output, content)


@eval_app.command()
def attribution(
    data: Annotated[
        Path,
        typer.Option(
            help="A PolNeAR split folder holding text/ and attributions/ (e.g. .../polnear/dev)."
        ),
    ],
    system: Annotated[
        AttributionSystem,
        typer.Option(help="What to measure: claimscope, or the textacy direct-quote baseline."),
    ] = AttributionSystem.claimscope,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Score only the first N articles (sorted by name).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the JSON here, not stdout.")
    ] = None,
) -> None:
    """Attribution on PolNeAR: P/R/F1 per role (source, cue, content) and per attribution.

    Overlap matching at the top level, exact matching under "exact"; see
    docs/eval-attribution.md for the definitions.
    """
    from claimscope.evaluate.attribution import evaluate_attribution

    try:
        result = evaluate_attribution(data, system=system.value, limit=limit)
    except ClaimscopeError as err:
        fail(str(err), err.exit_code)
    _emit(result, output)
