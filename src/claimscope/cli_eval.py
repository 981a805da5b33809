"""``claimscope eval <task> --data DIR``: each extractor measured on a public data set."""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    help="Measure an extractor on a public data set; prints one JSON object of metrics.",
    no_args_is_help=True,
)
