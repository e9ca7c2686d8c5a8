"""Importing every engine module must not pull in Qt, pyqtgraph, OpenGL or the GUI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

IMPORT_EVERY_ENGINE_MODULE = """
import importlib, pkgutil, sys
import engine
for module in pkgutil.walk_packages(engine.__path__, "engine."):
    importlib.import_module(module.name)
forbidden = {"PySide6", "shiboken6", "pyqtgraph", "OpenGL", "gui"}
bad = sorted(m for m in sys.modules if m.split(".")[0] in forbidden)
print(bad)
sys.exit(1 if bad else 0)
"""


def test_importing_every_engine_module_loads_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_ENGINE_MODULE],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    exit_code = result.returncode
    assert exit_code == 0, f"engine import failed or loaded Qt:\n{result.stdout}{result.stderr}"
