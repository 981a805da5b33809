"""The committed JSON Schema matches the code, and spans validate themselves."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from claimscope.schema import SCHEMA_VERSION, Analysis, Span, json_schema
from conftest import REPO

SCHEMA_FILE = REPO / "schema" / "analysis.schema.json"


def test_committed_schema_is_current() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), (
        "schema/analysis.schema.json is stale: run "
        "`claimscope schema -o schema/analysis.schema.json`, review the diff, and bump "
        "SCHEMA_VERSION if the JSON shape changed"
    )


def test_schema_names_its_version() -> None:
    assert SCHEMA_VERSION in json_schema()["title"]
    assert Analysis.model_fields["schema_version"].default == SCHEMA_VERSION


def test_span_of_takes_the_slice() -> None:
    text = "Harbour Minister Odile Ferrant spoke."
    span = Span.of(text, 17, 30)
    assert span.text == "Odile Ferrant"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(5, 3, ""), (0, 4, "abc"), (-1, 2, "abc")],
)
def test_span_refuses_inconsistent_offsets(start: int, end: int, text: str) -> None:
    with pytest.raises(ValidationError):
        Span(start=start, end=end, text=text)


def test_records_are_frozen() -> None:
    span = Span.of("abc", 0, 1)
    with pytest.raises(ValidationError):
        span.start = 2  # type: ignore[misc]
