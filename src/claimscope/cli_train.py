"""``claimscope train ...``: train claimscope's learned parts from public data sets.

Training needs the ``train`` extra (scikit-learn); the trained artifacts run without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimscope.cli_output import fail
from claimscope.errors import ClaimscopeError

train_app = typer.Typer(
    name="train", help="Train claimscope's learned parts (needs: pip install 'claimscope[train]')."
)


@train_app.command("attribution")
def attribution(
    data: Annotated[
        Path, typer.Option("--data", help="PolNeAR train split folder (holds text/, attributions/)")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            help="folder for the cue, content and source weights files (default: packaged)",
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="random seed (shuffling, solver)")] = 0,
    limit: Annotated[
        int | None, typer.Option("--limit", help="train on the first N articles only (tests)")
    ] = None,
    choosers_only: Annotated[
        bool,
        typer.Option(
            "--choosers-only",
            "--content-only",
            help="keep the cue model in the output folder; train only the content and source "
            "choosers",
        ),
    ] = False,
    head_outputs: Annotated[
        Path | None,
        typer.Option(
            "--head-outputs",
            help="out-of-fold cue and role head outputs from 'claimscope train signals --folds' "
            "(head_outputs.npz), read for the articles the signal model learned from",
        ),
    ] = None,
) -> None:
    """Train the attribution cue detector and the content and source choosers on PolNeAR train
    (JSON weights)."""
    from claimscope.extract.cue_model import default_model_dir
    from claimscope.train.attribution import train_attribution

    target = output if output is not None else default_model_dir()
    try:
        record = train_attribution(
            data,
            target,
            seed=seed,
            limit=limit,
            choosers_only=choosers_only,
            head_outputs=head_outputs,
            log=lambda line: typer.echo(line, err=True),
        )
    except ClaimscopeError as err:
        fail(str(err), err.exit_code)
    if "held_out" in record:
        typer.echo(f"held-out scores: {record['held_out']}")
    for role in ("content", "source"):
        scores = record[role]["held_out_with_chooser"]
        typer.echo(f"held-out, with the {role} chooser: {scores}")


@train_app.command("signals")
def signals(
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            help="shared data root holding checkworthiness/, subjectivity/ and propaganda/",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", help="folder for the model files (default: the packaged model)"),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="random seed (sampling, initialisation)")] = 0,
    steps: Annotated[
        int | None,
        typer.Option("--steps", min=1, help="optimiser steps (default: from the passes per task)"),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="use N sentences per task only (tests)")
    ] = None,
    device: Annotated[
        str, typer.Option("--device", help="where torch trains: cpu, cuda, cuda:1, ...")
    ] = "cpu",
    folds: Annotated[
        int,
        typer.Option(
            "--folds",
            min=0,
            help="also fit a network without each of N folds of the PolNeAR articles and write "
            "their out-of-fold head outputs (head_outputs.npz) for 'train attribution'",
        ),
    ] = 0,
    fitted: Annotated[
        Path | None,
        typer.Option(
            "--fitted",
            help="export the weights a run of scripts/device_fit_signals.py wrote to this "
            "folder instead of fitting here",
        ),
    ] = None,
) -> None:
    """Fine-tune the sentence-signal model (check-worthiness, subjectivity, techniques).

    One small encoder learns the three tasks together; it is exported to int8 ONNX and its
    thresholds are chosen on selection splits that the evaluation never uses.
    """
    from claimscope.signals.model import default_model_dir
    from claimscope.train.signals import train_signals

    target = output if output is not None else default_model_dir()
    try:
        record = train_signals(
            data,
            target,
            seed=seed,
            steps=steps,
            limit=limit,
            device=device,
            folds=folds,
            fitted=fitted,
            log=lambda line: typer.echo(line, err=True),
        )
    except ClaimscopeError as err:
        fail(str(err), err.exit_code)
    typer.echo(f"selection scores: {record['selection']}")
