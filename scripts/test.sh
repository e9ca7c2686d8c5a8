#!/usr/bin/env bash
# Install everything (as root, also the system libraries) and run lint, the import
# contract and the whole test suite, stopping at the first failure.
# Arguments go to pytest: `bash scripts/test.sh -k mazur -x`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/_bootstrap.sh
bootstrap requirements/test.txt

run_step() {
    echo "==> $*"
    "$VENV_DIR/bin/$1" "${@:2}"
}

run_step ruff check .
run_step ruff format --check .
run_step lint-imports
run_step python -m pytest "$@"
