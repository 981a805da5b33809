"""Score place resolution on a JSONL test set: mention found, country and region accuracy.

Each row is ``{"text", "mention", "country", "region"}``: a short sentence, a place name as
it occurs in it (its first occurrence is the one scored), the ISO 3166-1 alpha-2 code a
careful reader gives it, and the ISO 3166-2 code of its first-level region, or ``null`` where
it has none or spans several (a country, "Donbas").

The metrics (all over rows, a mention the analyzer missed counting as wrong):

* ``found``: some place entity has a mention overlapping the row's mention;
* ``country_accuracy``: that entity's place has the expected country, over all rows;
* ``region_accuracy``: it has the expected region, over the rows whose region is not null;
* ``both_accuracy``: country and region (null expected means none given) both right.

Example:
    >>> row = PlaceRow(text="Flooding hit Ostrava.", mention="Ostrava", country="CZ",
    ...                region="CZ-80")
    >>> row.start, row.end
    (13, 20)
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimscope.errors import InputError
from claimscope.schema import Analysis, Place


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One place mention of the test set."""

    text: str
    mention: str
    country: str
    region: str | None

    @property
    def start(self) -> int:
        """Offset of the mention's first occurrence in ``text``."""
        return self.text.index(self.mention)

    @property
    def end(self) -> int:
        """End offset of the mention's first occurrence."""
        return self.start + len(self.mention)


def read_rows(path: Path) -> list[PlaceRow]:
    """The rows of a places JSONL file.

    Raises:
        InputError: the file is missing, or a row is malformed or its mention is not in its text.
    """
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as err:
        raise InputError(f"cannot read the places test set {path}: {err}") from err
    rows: list[PlaceRow] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            row = PlaceRow(
                text=record["text"],
                mention=record["mention"],
                country=record["country"],
                region=record.get("region"),
            )
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"{path}:{number}: not a places row ({err})") from err
        if row.mention not in row.text:
            raise InputError(f"{path}:{number}: mention {row.mention!r} is not in the text")
        rows.append(row)
    return rows


def place_of(analysis: Analysis, start: int, end: int) -> Place | None:
    """The resolved place of the entity whose mention overlaps ``[start, end)``, if any.

    Where several overlap, the one covering most of the range wins ("Paris" in "Paris, Texas").
    """
    best: tuple[int, Place] | None = None
    for entity in analysis.entities:
        if entity.place is None:
            continue
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, entity.place)
    return best[1] if best else None


@dataclass
class PlaceScorer:
    """Counts what ``place_of`` found against the rows' expectations."""

    rows: int = 0
    found: int = 0
    country_right: int = 0
    region_rows: int = 0
    region_right: int = 0
    both_right: int = 0

    def add(self, row: PlaceRow, place: Place | None) -> dict[str, Any] | None:
        """Score one row; returns an error record when anything about it is wrong."""
        self.rows += 1
        if row.region is not None:
            self.region_rows += 1
        if place is None:
            return {"text": row.text, "mention": row.mention, "expected": _want(row), "got": None}
        self.found += 1
        country_ok = place.country == row.country
        region_ok = place.region == row.region
        self.country_right += country_ok
        self.region_right += region_ok and row.region is not None
        self.both_right += country_ok and region_ok
        if country_ok and region_ok:
            return None
        got = {"country": place.country, "region": place.region, "ambiguous": place.ambiguous}
        return {"text": row.text, "mention": row.mention, "expected": _want(row), "got": got}

    def metrics(self) -> dict[str, float | int]:
        """Counts and accuracies (0.0 over an empty set)."""
        return {
            "rows": self.rows,
            "region_rows": self.region_rows,
            "found": _share(self.found, self.rows),
            "country_accuracy": _share(self.country_right, self.rows),
            "region_accuracy": _share(self.region_right, self.region_rows),
            "both_accuracy": _share(self.both_right, self.rows),
        }


def _want(row: PlaceRow) -> dict[str, str | None]:
    return {"country": row.country, "region": row.region}


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def score_places(
    rows: Sequence[PlaceRow], analyses: Iterable[Analysis]
) -> tuple[dict[str, float | int], list[dict[str, Any]]]:
    """Metrics and error records of ``analyses``, one per row in the same order."""
    scorer = PlaceScorer()
    errors: list[dict[str, Any]] = []
    for row, analysis in zip(rows, analyses, strict=True):
        error = scorer.add(row, place_of(analysis, row.start, row.end))
        if error is not None:
            errors.append(error)
    return scorer.metrics(), errors


def evaluate_places(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Run the analyzer (without the learned signals) on every row of ``path`` and score it.

    Raises:
        InputError: the test set cannot be read.
    """
    from claimscope.analyzer import Analyzer
    from claimscope.options import AnalyzeOptions

    rows = read_rows(path)[:limit]
    started = time.perf_counter()
    # Short sentences can fool language detection; the test set is English by construction.
    analyzer = Analyzer(AnalyzeOptions(signals=False, force_language=True))
    metrics, errors = score_places(rows, analyzer.analyze_many(row.text for row in rows))
    # Headline metrics at the top level, where a reader of the JSON looks first; the long
    # error list last.
    return {
        "task": "places",
        "data": str(path),
        **metrics,
        "seconds": round(time.perf_counter() - started, 2),
        "errors": errors,
    }
