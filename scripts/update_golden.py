"""Regenerate the golden analyses of the example articles: tests/golden/<example>.json.

Run after a deliberate change to an extractor, then REVIEW THE DIFF (git diff tests/golden)
before committing: every changed record must be one a person agrees with.

    .venv/bin/python scripts/update_golden.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from golden import CASES, GOLDEN_DIR, golden_view, run_case  # noqa: E402


def main() -> None:
    for case in CASES:
        view = golden_view(run_case(case))
        target = GOLDEN_DIR / f"{Path(case['example']).stem}.json"
        target.write_text(json.dumps(view, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(REPO)}")


if __name__ == "__main__":
    main()
