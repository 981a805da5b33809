"""Batch: every record gets a result in input order; failures are recorded, never fatal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from claimscope.batch import run_batch
from claimscope.cli import EXIT_SOME_FAILED, app
from claimscope.ingest import read_jsonl

LINES = [
    json.dumps({"id": "ok-1", "text": "Mayor Ilse Varn said the Corvale bridge would reopen."}),
    json.dumps({"id": "empty", "text": "  "}),
    "{not json",
    json.dumps(
        {
            "id": "de",
            "text": "Der Stadtrat von Corvale hat am Dienstag beschlossen, den Hafen zu schließen.",
        }
    ),
    json.dumps({"id": "private", "url": "http://10.0.0.1/story"}),
    json.dumps(
        {
            "id": "ok-2",
            "html": "<html><body><p>The ferry to Tarnia resumed service, officials said.</p>"
            "</body></html>",
            "outlet": "Harbor Ledger",
            "published": "2031-02-03",
        }
    ),
]


def test_run_batch_keeps_order_and_records_failures(analyzer: Any) -> None:
    results = list(run_batch(read_jsonl(LINES), analyzer))
    assert [r.line for r in results] == [1, 2, 3, 4, 5, 6]
    assert [r.ok for r in results] == [True, False, False, False, False, True]
    kinds = [type(r.error).__name__ for r in results if r.error is not None]
    assert kinds == [
        "EmptyInputError",
        "InputError",
        "UnsupportedLanguageError",
        "PrivateAddressError",
    ]
    last = results[-1].analysis
    assert last is not None
    assert last.article.outlet == "Harbor Ledger"
    assert last.article.published is not None and last.article.published.isoformat() == "2031-02-03"
    # Errors found while analysing (not while reading) still name their line.
    assert str(results[3].error).startswith("line 4:")


def test_batch_cli_writes_one_line_per_record(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(source), "-o", str(target)])
    assert result.exit_code == EXIT_SOME_FAILED
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["ok-1", "empty", None, "de", "private", "ok-2"]
    assert rows[0]["analysis"]["summary"]["sentences"] == 1
    assert rows[4]["error"]["exit_code"] == 21
    assert "analysed 2 record(s), 4 failed" in result.stderr


def test_batch_cli_all_good_exits_zero(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(LINES[0] + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(source)])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True
