"""Walk every span of an Analysis, for the invariant ``text == article.text[start:end]``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def iter_spans(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every dict in a dumped Analysis that has start, end and text: spans and span records."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield path, value
        for key, item in value.items():
            if key != "article":
                yield from iter_spans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_spans(item, f"{path}[{i}]")


def span_errors(analysis: Any) -> list[str]:
    """Descriptions of every span whose text is not the article slice it claims to be."""
    text = analysis.article.text
    errors = []
    for path, span in iter_spans(analysis.model_dump(mode="json")):
        start, end = span["start"], span["end"]
        if not (0 <= start <= end <= len(text)) or text[start:end] != span["text"]:
            errors.append(f"{path}: {span['start']}-{span['end']} {span['text']!r}")
    return errors
