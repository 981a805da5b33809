"""Golden tests: the analyses of the example articles equal the reviewed JSON in tests/golden.

When a deliberate change alters them, regenerate with `python scripts/update_golden.py` and
review the diff before committing (see tests/golden/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from golden import CASES, GOLDEN_DIR, golden_view, run_case
from spans import span_errors


def _diff(expected: Any, actual: Any, path: str = "") -> list[str]:
    """A short list of where two JSON values differ, so a failure says what changed."""
    if type(expected) is not type(actual):
        return [f"{path}: {expected!r} != {actual!r}"]
    if isinstance(expected, dict):
        out = []
        for key in sorted(set(expected) | set(actual)):
            if key not in actual or key not in expected:
                out.append(f"{path}.{key}: only in {'expected' if key in expected else 'actual'}")
            else:
                out.extend(_diff(expected[key], actual[key], f"{path}.{key}"))
        return out
    if isinstance(expected, list):
        out = (
            []
            if len(expected) == len(actual)
            else [f"{path}: {len(expected)} != {len(actual)} items"]
        )
        for i, (e, a) in enumerate(zip(expected, actual, strict=False)):
            out.extend(_diff(e, a, f"{path}[{i}]"))
        return out
    return [] if expected == actual else [f"{path}: {expected!r} != {actual!r}"]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[Path(c["example"]).stem for c in CASES])
def test_example_matches_golden(case: dict[str, Any], analyzer_without_signals: Any) -> None:
    analysis = run_case(case, analyzer_without_signals)
    assert span_errors(analysis) == []
    expected = json.loads(
        (GOLDEN_DIR / f"{Path(case['example']).stem}.json").read_text(encoding="utf-8")
    )
    differences = _diff(expected, golden_view(analysis))
    assert not differences, (
        "analysis differs from the reviewed golden JSON (first 20 differences; if the change "
        "is intended, run scripts/update_golden.py and review the diff):\n"
        + "\n".join(differences[:20])
    )


@pytest.mark.slow
@pytest.mark.parametrize("signals", [False, True], ids=["signals-off", "signals-on"])
def test_no_content_reaches_into_its_own_cue(
    signals: bool, analyzer: Any, analyzer_without_signals: Any
) -> None:
    # A cue can grow after its rule chose the content ("efforts to frame" over "to frame the
    # conflict as"); what the cue says must then lie outside the cue.
    chosen = analyzer if signals else analyzer_without_signals
    texts = [
        "Amid the strike, Mayor Ilse Varn's efforts to frame the dispute as a fight for "
        "fairness have taken on new urgency.",
        "Minister Casimir Aldane came back from Geneva with what officials describe as a "
        "framework for a lasting partnership with Ostravia.",
    ]
    analyses = [run_case(case, chosen) for case in CASES] + list(chosen.analyze_many(texts))
    for analysis in analyses:
        for record in analysis.attributions:
            if record.cue is None or record.content is None:
                continue
            cue, content = record.cue, record.content
            assert content.end <= cue.start or cue.end <= content.start, (
                f"{record.id}: content {content.text!r} overlaps cue {cue.text!r}"
            )
