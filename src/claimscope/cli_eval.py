"""``claimscope eval <task> --data DIR``: each extractor measured on a public data set."""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

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


ModelDir = Annotated[
    Path | None,
    typer.Option("--model", help="Folder of a signal model (default: the packaged one)."),
]
Limit = Annotated[int | None, typer.Option(min=1, help="Score only the first N items.")]
Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the JSON here, not stdout.")
]


def _signal_model(model: Path | None) -> Any:
    from claimscope.signals.model import load_signal_model

    return load_signal_model(model)


def _eval_sentence_signal(
    evaluate: Callable[..., dict[str, object]],
    signal: str,
    data: Path,
    model: Path | None,
    limit: int | None,
    output: Path | None,
) -> None:
    """Score one sentence-level signal of the model with its task's ``evaluate`` function."""
    try:
        signals = _signal_model(model)
        result = evaluate(
            data,
            lambda texts: [getattr(s, signal) for s in signals.predict(list(texts))],
            limit=limit,
        )
    except ClaimscopeError as err:
        fail(str(err), err.exit_code)
    _emit(result, output)


@eval_app.command()
def checkworthiness(
    data: Annotated[
        Path,
        typer.Option(help="A ClaimBuster CSV or a CheckThat! TSV (e.g. .../dev-test.tsv)."),
    ],
    model: ModelDir = None,
    limit: Limit = None,
    output: Output = None,
) -> None:
    """Check-worthiness: F1 of the positive class (CheckThat! 2024 Task 1 metric)."""
    from claimscope.evaluate.checkworthiness import evaluate_checkworthiness

    _eval_sentence_signal(evaluate_checkworthiness, "checkworthiness", data, model, limit, output)


@eval_app.command()
def subjectivity(
    data: Annotated[Path, typer.Option(help="A CheckThat! subjectivity TSV (e.g. dev_en.tsv).")],
    model: ModelDir = None,
    limit: Limit = None,
    output: Output = None,
) -> None:
    """Subjectivity: macro-F1 over OBJ/SUBJ (CheckThat! subjectivity task metric)."""
    from claimscope.evaluate.subjectivity import evaluate_subjectivity

    _eval_sentence_signal(evaluate_subjectivity, "subjectivity", data, model, limit, output)


@eval_app.command()
def techniques(
    data: Annotated[
        Path,
        typer.Option(help="A propaganda data folder (articles/, techniques.tsv)."),
    ],
    model: ModelDir = None,
    limit: Limit = None,
    output: Output = None,
) -> None:
    """Persuasion techniques: SemEval-2020 span F1, span+technique F1 and sentence F1.

    Scores every article of DATA that is not on the model's training list
    (train_articles.txt beside the model) and says how many it scored and skipped.
    """
    from claimscope.evaluate.techniques import evaluate_techniques
    from claimscope.signals.model import default_model_dir

    folder = model if model is not None else default_model_dir()
    try:
        signals = _signal_model(model)
        training = (folder / "train_articles.txt").read_text(encoding="utf-8").split()
    except OSError as err:
        fail(f"cannot read the model's training list in {folder}: {err}", 30)
    except ClaimscopeError as err:
        fail(str(err), err.exit_code)

    def predict(lines: list[str]) -> list[tuple[float, list[tuple[int, int, str, float]]]]:
        return [
            (s.uses_technique, [(t.start, t.end, t.technique, t.score) for t in s.spans])
            for s in signals.predict(lines)
        ]

    try:
        result = evaluate_techniques(data, predict, exclude_ids=set(training), limit=limit)
    except ClaimscopeError as err:
        fail(str(err), err.exit_code)
    _emit(result, output)


@eval_app.command()
def places(
    data: Annotated[
        Path, typer.Option(help="A places JSONL test set (e.g. tests/data/places_eval.jsonl).")
    ],
    limit: Limit = None,
    output: Output = None,
) -> None:
    """Place resolution: mention found, country and first-level region accuracy.

    Rows are {"text", "mention", "country", "region"}; see claimscope.evaluate.places.
    """
    from claimscope.evaluate.places import evaluate_places

    try:
        result = evaluate_places(data, limit=limit)
    except ClaimscopeError as err:
        fail(str(err), err.exit_code)
    _emit(result, output)


class TimeSystem(enum.StrEnum):
    claimscope = "claimscope"
    dateparser = "dateparser"


@eval_app.command("time")
def time_(
    data: Annotated[
        Path,
        typer.Option(
            help="A folder of TimeML .tml files, read at any depth "
            "(e.g. .../tempeval3/TimeBank, or .../tempeval3 for TimeBank and AQUAINT)."
        ),
    ],
    system: Annotated[
        TimeSystem,
        typer.Option(help="What to measure: claimscope, or the dateparser search_dates baseline."),
    ] = TimeSystem.claimscope,
    limit: Limit = None,
    output: Output = None,
) -> None:
    """Time expressions on TempEval-3 TimeML: strict/relaxed F1, type accuracy, value F1.

    Each document is read with its creation time as the publication date; see
    docs/eval-time.md for the definitions.
    """
    from claimscope.evaluate.tempeval import evaluate_time

    try:
        result = evaluate_time(data, system=system.value, limit=limit)
    except ClaimscopeError as err:
        fail(str(err), err.exit_code)
    _emit(result, output)
