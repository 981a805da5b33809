"""What every ``claimscope`` command shares: the one-line error and writing an output file.

Every failure claimscope anticipates becomes one line on stderr and a distinct exit code
(see ``claimscope.errors``), never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer

#: Exit code when an output file cannot be written: EX_CANTCREAT from sysexits.h.
EXIT_OUTPUT = 73


def fail(message: str, code: int) -> NoReturn:
    """Print ``claimscope: error: <message>`` on stderr and exit with ``code``."""
    typer.echo(f"claimscope: error: {message}", err=True)
    raise typer.Exit(code)


def write_output(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` as UTF-8, or fail with one line and EXIT_OUTPUT."""
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as err:
        fail(f"cannot write {path}: {err.strerror or err}", EXIT_OUTPUT)
