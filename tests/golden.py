"""Golden cases: the example articles, their metadata, and the view of an analysis compared."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GOLDEN_DIR = REPO / "tests" / "golden"
CASES: list[dict[str, Any]] = json.loads((GOLDEN_DIR / "cases.json").read_text(encoding="utf-8"))


def run_case(case: dict[str, Any], analyzer: Any = None) -> Any:
    """Analyse one example article with the metadata its case gives.

    Without an ``analyzer`` it uses one with the learned signals off, as the golden files do.
    """
    from claimscope import AnalyzeOptions, Analyzer

    analyzer = analyzer or Analyzer(AnalyzeOptions(signals=False))
    text = (REPO / "examples" / case["example"]).read_text(encoding="utf-8")
    return analyzer.analyze(
        text, published=case.get("published"), outlet=case.get("outlet"), title=case.get("title")
    )


def golden_view(analysis: Any) -> dict[str, Any]:
    """The analysis as compared: everything but provenance (versions and timings vary)."""
    data: dict[str, Any] = analysis.model_dump(mode="json", exclude={"provenance"})
    return data
