#!/usr/bin/env bash
# Launch Backprop Studio with the Mazur example; installs what it needs on the first run.
# Arguments go to main.py: `bash scripts/run.sh train --preset mazur --steps 1 --json`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/_bootstrap.sh
bootstrap requirements/app.txt

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
    echo "note: no display found; the window needs one (or QT_QPA_PLATFORM=offscreen)" >&2
fi
exec "$VENV_DIR/bin/python" main.py "$@"
