"""Shared fixtures: the spaCy pipeline and the analyzer are loaded once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from claimscope.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def analyzer() -> Any:
    from claimscope import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def analyzer_without_signals() -> Any:
    """The analyzer with the learned signals off: the golden files hold the extractors' output,
    which must not change each time the signal model is retrained."""
    from claimscope import AnalyzeOptions, Analyzer

    return Analyzer(AnalyzeOptions(signals=False))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present (development data only)")
    return SHARED_DATA
