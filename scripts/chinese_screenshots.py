"""Grab the real window in Simplified Chinese: mid-backward at ∂E/∂w5, and Mazur's lesson.

Usage: xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/chinese_screenshots.py FOLDER
Writes FOLDER/main-window-zh.png, FOLDER/lesson-zh.png and FOLDER/language-switch-zh.png (a
run trained and stepped in English, then switched to Chinese: the same run, re-rendered). Needs
a CJK font, e.g. the fonts-wqy-microhei package. Exit code 2 with one line on stderr when an
image cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from lesson_screenshot import LESSON, STEP, wait_until
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from engine.models.presets import PRESETS
from gui.language import CHINESE, ENGLISH, install_language, switch_language
from gui.main_window import MainWindow
from gui.theme import apply_theme

SETTLE_ROUNDS = 20  # event-loop rounds for layouts and the diagram's fit


def new_window(app: QApplication) -> MainWindow:
    window = MainWindow(PRESETS["mazur"])
    window.network_view.animation_ms = 0  # a grab shows final values, not a tween
    window.show()
    settle(app)
    return window


def settle(app: QApplication) -> None:
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()


def mid_backward(app: QApplication, target: Path) -> bool:
    """Like main-window.png: the first backward pass, at the gradient of w5."""
    window = new_window(app)
    snapshot = window.controller.snapshot
    while not (snapshot.phase == "backward" and snapshot.focus == "w5"):
        window.controller.step_phase()
        snapshot = window.controller.snapshot
    settle(app)
    saved = window.grab().save(str(target))
    window.close()
    return saved


def switched_mid_run(app: QApplication, target: Path) -> bool:
    """Three iterations and half a backward pass in English, then Language → 简体中文."""
    window = new_window(app)
    window.controller.run_blocking(3)
    snapshot = window.controller.snapshot
    while not (snapshot.phase == "backward" and snapshot.focus == "w5"):
        window.controller.step_phase()
        snapshot = window.controller.snapshot
    switched = switch_language(window, CHINESE)
    switched.network_view.animation_ms = 0
    settle(app)
    saved = switched.grab().save(str(target))
    switched.close()
    return saved


def lesson(app: QApplication, target: Path) -> bool:
    """Mazur's lesson open at the step that shows ∂E/∂w1 through both paths."""
    window = new_window(app)
    lessons = window.lessons
    lessons.open(lessons.find(LESSON))
    wait_until(app, lambda: not lessons.player.busy)
    lessons.player.go_to(STEP)
    wait_until(app, lambda: not lessons.player.busy)
    settle(app)
    saved = window.grab().save(str(target))
    window.close()
    return saved


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setApplicationName("backprop-studio-screenshots")  # not the app's settings
    apply_theme("light")  # as the other screenshots in the docs
    install_language(ENGLISH)
    if not switched_mid_run(app, folder / "language-switch-zh.png"):
        print(f"error: cannot write {folder / 'language-switch-zh.png'}", file=sys.stderr)
        return 2
    if not install_language(CHINESE):
        print("error: the Chinese translation (assets/translations) is missing", file=sys.stderr)
        return 2
    for name, grab in (("main-window-zh.png", mid_backward), ("lesson-zh.png", lesson)):
        if not grab(app, folder / name):
            print(f"error: cannot write {folder / name}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: chinese_screenshots.py FOLDER", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
