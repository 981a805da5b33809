"""Local batch: many articles in, one result per record out, failures recorded, never fatal.

The distributed batch of a later release runs this same code path inside its workers.

Example:
    >>> from claimscope import Analyzer
    >>> from claimscope.ingest import read_jsonl
    >>> lines = ['{"id": "a", "text": "The Corvale ferry resumed service on Monday."}', '{}']
    >>> [r.ok for r in run_batch(read_jsonl(lines), Analyzer())]
    [True, False]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from claimscope.analyzer import Analyzer
from claimscope.errors import ClaimscopeError
from claimscope.ingest.jsonl import JsonlRecord
from claimscope.schema import Analysis


@dataclass(frozen=True)
class BatchResult:
    """The outcome for one input record: its analysis, or the error that stopped it."""

    line: int
    key: str | None
    analysis: Analysis | None = None
    error: ClaimscopeError | None = None

    @property
    def ok(self) -> bool:
        """True when the record was analysed."""
        return self.analysis is not None

    def as_json(self) -> dict[str, Any]:
        """The result as one JSON-ready object (one line of the batch output)."""
        out: dict[str, Any] = {"line": self.line, "id": self.key, "ok": self.ok}
        if self.analysis is not None:
            out["analysis"] = self.analysis.model_dump(mode="json")
        elif self.error is not None:
            out["error"] = {
                "type": type(self.error).__name__,
                "exit_code": self.error.exit_code,
                "message": str(self.error),
            }
        return out


def run_batch(records: Iterable[JsonlRecord], analyzer: Analyzer) -> Iterator[BatchResult]:
    """Analyse every readable record, in input order, recording each failure and going on."""
    iterator = iter(records)
    size = max(1, analyzer.options.batch_size)
    while chunk := list(islice(iterator, size)):
        yield from _run_chunk(chunk, analyzer)


def _run_chunk(chunk: list[JsonlRecord], analyzer: Analyzer) -> Iterator[BatchResult]:
    readable = [r for r in chunk if r.article is not None]
    failed: dict[int, ClaimscopeError] = {}

    def record_failure(position: int, error: ClaimscopeError) -> None:
        failed[position] = error

    analyses = list(
        analyzer.analyze_many(
            [r.article for r in readable if r.article is not None], on_error=record_failure
        )
    )
    done = iter(analyses)
    by_line: dict[int, BatchResult] = {}
    for position, record in enumerate(readable):
        if position in failed:
            error = failed[position]
            by_line[record.line] = BatchResult(
                record.line, record.key, error=type(error)(f"line {record.line}: {error}")
            )
        else:
            by_line[record.line] = BatchResult(record.line, record.key, analysis=next(done))
    for record in chunk:
        if record.article is None:
            yield BatchResult(record.line, record.key, error=record.error)
        else:
            yield by_line[record.line]
