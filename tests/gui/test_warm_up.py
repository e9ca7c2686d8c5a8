"""The window paints before torch's optimizer machinery is imported, and imports it after."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui.warm_up import DEFERRED_MODULES, warm_up_in_background

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from PySide6.QtWidgets import QApplication
from engine.models.presets import PRESETS
from gui.main_window import MainWindow
app = QApplication([])
window = MainWindow(PRESETS["mazur"], settings=None)
window.show()
app.processEvents()
print("before:" + ",".join(m for m in {modules!r} if m in sys.modules))
window.controller.step_phase()
print("after:" + ",".join(m for m in {modules!r} if m in sys.modules))
window.close()
"""


def test_first_window_does_not_import_the_deferred_modules():
    code = PROBE.format(modules=DEFERRED_MODULES)
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith(("before", "after"))]
    assert lines[0] == "before:"  # the window painted without them
    assert lines[1] == "after:" + ",".join(DEFERRED_MODULES)  # the first zero_grad needs them


def test_warm_up_thread_imports_them():
    thread = warm_up_in_background()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert all(name in sys.modules for name in DEFERRED_MODULES)
