"""Grab the real window with a lesson open mid-way (Mazur's lesson at the w1 gradient step).

Usage: xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/lesson_screenshot.py OUT.png
Exit code 2 with one line on stderr when the image cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication

from engine.models.presets import PRESETS
from gui.main_window import MainWindow

LESSON, STEP = "mazur", 7  # the step that shows ∂E/∂w1 through both paths
TIMEOUT_MS = 30_000


def wait_until(app: QApplication, done) -> None:
    clock = QElapsedTimer()
    clock.start()
    while not done() and clock.elapsed() < TIMEOUT_MS:
        app.processEvents()


def main(target: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(PRESETS["mazur"])
    window.network_view.animation_ms = 0
    window.show()
    lessons = window.lessons
    lessons.open(lessons.find(LESSON))
    wait_until(app, lambda: not lessons.player.busy)
    lessons.player.go_to(STEP)
    wait_until(app, lambda: not lessons.player.busy)
    for _ in range(20):  # let layouts and the diagram's fit settle
        app.processEvents()
    saved = window.grab().save(str(target))
    window.close()
    if not saved:
        print(f"error: cannot write {target}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: lesson_screenshot.py OUT.png", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
