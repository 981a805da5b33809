#!/usr/bin/env bash
# Set up claimscope in .venv and analyse the bundled example article.
# Writes analysis.json and report.html in the repository root and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e .

.venv/bin/claimscope analyze examples/harbour_strike.txt \
    --published 2031-03-06 --outlet "Belmora Daily Courier" \
    --json-out analysis.json --html-out report.html
echo
echo "Wrote analysis.json and report.html (open it in a browser)."
