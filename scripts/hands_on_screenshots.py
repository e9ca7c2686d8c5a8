"""Grab the window where it shows the hands-on features, for the README.

Usage: QT_QPA_PLATFORM=offscreen python scripts/hands_on_screenshots.py FOLDER
Writes FOLDER/factor-origins.png (δ_o1 with out − target and out·(1 − out) expanded),
FOLDER/network-2-8-8-2.png (a 2-8-8-2 network mid-backward, at a readable size),
FOLDER/window-1024x768.png, FOLDER/lesson-lr-0.9.png and FOLDER/lesson-lr-1.1.png (the
learning-rate lesson's zig-zag and divergence), FOLDER/live-lr-change.png (the learning rate
raised mid-run, marked on the plots) and FOLDER/gif-frame.png (a captioned frame of the
iteration GIF). Exit code 2 with one line when an image cannot be written.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from engine.models.config import Config
from engine.models.presets import PRESETS
from gui.main_window import MainWindow

SETTLE_ROUNDS = 30
WINDOW_SIZE = (1280, 800)
PROJECTOR_SIZE = (1024, 768)
TALL_SIZE = (1400, 1000)  # room for a formula with every factor expanded
WAIT_MS = 60_000


def settle(app: QApplication) -> None:
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()


def wait_until(app: QApplication, done: Callable[[], bool]) -> None:
    """Let the event loop run until `done()` (a lesson step's run, a GIF's frames)."""
    loop, timer = QEventLoop(), QTimer()
    timer.timeout.connect(lambda: loop.quit() if done() else None)
    timer.start(20)
    QTimer.singleShot(WAIT_MS, loop.quit)
    loop.exec()
    timer.stop()
    if not done():
        raise TimeoutError("the window did not finish in time")


def open_window(
    app: QApplication, config: Config, size: tuple[int, int], settings: QSettings
) -> MainWindow:
    window = MainWindow(config, settings=settings)
    window.network_view.animation_ms = 0
    window.resize(*size)
    window.show()
    window.plots_dock.show()
    window.plots_dock.raise_()  # not the Lessons panel a first launch offers
    settle(app)
    return window


def step_to(app: QApplication, window: MainWindow, phase: str, focus: str) -> None:
    controller = window.controller
    while not ((s := controller.snapshot).phase == phase and s.focus == focus):
        controller.step_phase()
    settle(app)


def factor_origins(app: QApplication, settings: QSettings) -> QImage:
    window = open_window(app, PRESETS["mazur"], TALL_SIZE, settings)
    step_to(app, window, "backward", "o1")
    window.explanation_panel.toggle_factor("factors:all")
    settle(app)
    return window.grab().toImage()


def big_network(app: QApplication, settings: QSettings) -> QImage:
    config = PRESETS["mazur"].replace(layers=(2, 8, 8, 2), activations=("sigmoid",) * 3)
    window = open_window(app, config, WINDOW_SIZE, settings)
    step_to(app, window, "backward", "h1_3")
    return window.grab().toImage()


def projector(app: QApplication, settings: QSettings) -> QImage:
    window = open_window(app, PRESETS["mazur"], PROJECTOR_SIZE, settings)
    step_to(app, window, "backward", "w5")
    return window.grab().toImage()


def lesson_at(app: QApplication, settings: QSettings, marker: str) -> QImage:
    window = open_window(app, PRESETS["mazur"], WINDOW_SIZE, settings)
    lessons = window.lessons
    lessons.offer()
    lesson = lessons.find("learning_rate")
    index = next(i for i, step in enumerate(lesson.steps) if marker in step.text)
    lessons.open(lesson)
    wait_until(app, lambda: not lessons.player.busy)
    lessons.player.go_to(index)
    wait_until(app, lambda: not lessons.player.busy)
    settle(app)
    return window.grab().toImage()


def live_lr_change(app: QApplication, settings: QSettings) -> QImage:
    window = open_window(app, PRESETS["mazur"], WINDOW_SIZE, settings)
    controller = window.controller
    controller.run_blocking(60)
    controller.change_settings(controller.config.replace(lr=2.0))
    controller.run_blocking(60)
    settle(app)
    return window.grab().toImage()


def gif_frame(app: QApplication, settings: QSettings, folder: Path) -> QImage:
    window = open_window(app, PRESETS["mazur"], WINDOW_SIZE, settings)
    controller = window.controller
    controller.step_iteration()
    for _ in range(4):
        controller.step_phase()
    target = folder / "iteration.gif"
    finished: list[object] = []
    animation = window.export_iteration_animation(target)
    animation.finished.connect(finished.append)
    wait_until(app, lambda: bool(finished))
    with Image.open(target) as gif:
        gif.seek(gif.n_frames // 2)
        frame = gif.convert("RGB")
        data = frame.tobytes("raw", "RGB")
        image = QImage(
            data, frame.width, frame.height, 3 * frame.width, QImage.Format.Format_RGB888
        )
        return image.copy()


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "layout.ini"), QSettings.Format.IniFormat)
        grabs = [
            (factor_origins(app, settings), "factor-origins.png"),
            (big_network(app, settings), "network-2-8-8-2.png"),
            (projector(app, settings), "window-1024x768.png"),
            (lesson_at(app, settings, "lr = 0.9"), "lesson-lr-0.9.png"),
            (lesson_at(app, settings, "lr = 1.1"), "lesson-lr-1.1.png"),
            (live_lr_change(app, settings), "live-lr-change.png"),
            (gif_frame(app, settings, Path(scratch)), "gif-frame.png"),
        ]
    for image, name in grabs:
        if not image.save(str(folder / name)):
            print(f"hands_on_screenshots.py: error: cannot write {folder / name}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
