#!/usr/bin/env bash
# Set up claimscope with its development tools in .venv, check style and types, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,train]'

.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/ruff format --check src tests benchmarks scripts
.venv/bin/mypy
# Two workers for two cores; slow tests are included (CI runs everything).
.venv/bin/python -m pytest -n 2 -q
