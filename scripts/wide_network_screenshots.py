"""Grab the window with a wide network, where the diagram shows layers as columns.

Usage: QT_QPA_PLATFORM=offscreen python scripts/wide_network_screenshots.py FOLDER
Writes, for a digits-shaped 64 → 10 network (log_softmax, NLL) fed one 8×8 picture of a
ring: FOLDER/wide-forward.png (mid-forward), FOLDER/wide-backward.png (mid-backward, half of
the gradients revealed), FOLDER/wide-step.png (every parameter updated), FOLDER/wide-zoom.png
(o1's incoming weights as an 8×8 picture), all at 1280×800; and FOLDER/wide-64-32-10-1024.png
(a 64 → 32 → 10 network mid-backward with a hidden neuron zoomed, at 1024×768) and the same in
Chinese, FOLDER/wide-64-32-10-1024-zh.png. Exit code 2 with one line when an image cannot be
written.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from engine.core.snapshot import Snapshot
from engine.models.config import Config
from engine.models.presets import PRESETS
from gui.language import CHINESE, ENGLISH, install_language
from gui.main_window import MainWindow

SETTLE_ROUNDS = 30
WINDOW_SIZE = (1280, 800)
PROJECTOR_SIZE = (1024, 768)
SIDE = 8


def ring_picture() -> tuple[float, ...]:
    """A hand-drawn-looking 0 on an 8×8 grid, pixel values in [0, 1] (row by row)."""
    pixels = []
    for row in range(SIDE):
        for col in range(SIDE):
            distance = ((row - 3.5) ** 2 / 9 + (col - 3.5) ** 2 / 5) ** 0.5
            pixels.append(round(max(0.0, 1 - abs(distance - 1.0) * 2.2), 3))
    return tuple(pixels)


def digits_shaped(layers: tuple[int, ...]) -> Config:
    """The digits tutorial's shape on one sample of class 0; relu on any hidden layer."""
    activations = ("relu",) * (len(layers) - 2) + ("log_softmax",)
    target = tuple(1.0 if k == 0 else 0.0 for k in range(layers[-1]))
    return PRESETS["mazur"].replace(
        preset="custom",
        layers=layers,
        activations=activations,
        loss="nll",
        train_biases=True,
        inputs=(ring_picture(),),
        targets=(target,),
    )


def settle(app: QApplication) -> None:
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()


def open_window(
    app: QApplication, config: Config, size: tuple[int, int], settings: QSettings
) -> MainWindow:
    window = MainWindow(config, settings=settings)
    window.network_view.animation_ms = 0
    window.resize(*size)
    window.show()
    window.plots_dock.show()
    window.plots_dock.raise_()
    settle(app)
    return window


def step_until(app: QApplication, window: MainWindow, done: Callable[[Snapshot], bool]) -> None:
    controller = window.controller
    while not done(controller.snapshot):
        controller.step_phase()
    settle(app)


def half_revealed(snapshot: Snapshot) -> bool:
    revealed = sum(grad is not None for grad in snapshot.grads.values())
    return snapshot.phase == "backward" and revealed >= len(snapshot.grads) // 2


def all_updated(snapshot: Snapshot) -> bool:
    stepped = snapshot.stepped_params
    return snapshot.phase == "step" and bool(stepped) and dict(snapshot.params) == dict(stepped)


def grabs_of_64_10(app: QApplication, settings: QSettings) -> list[tuple[QImage, str]]:
    window = open_window(app, digits_shaped((64, 10)), WINDOW_SIZE, settings)
    grabs = []
    step_until(app, window, lambda s: s.phase == "forward" and s.focus == "o5")
    grabs.append((window.grab().toImage(), "wide-forward.png"))
    step_until(app, window, half_revealed)
    grabs.append((window.grab().toImage(), "wide-backward.png"))
    step_until(app, window, all_updated)
    grabs.append((window.grab().toImage(), "wide-step.png"))
    window.diagram_pane.switch.columns.zoom_into("o1")
    settle(app)
    grabs.append((window.grab().toImage(), "wide-zoom.png"))
    return grabs


def grab_of_64_32_10(app: QApplication, settings: QSettings) -> QImage:
    window = open_window(app, digits_shaped((64, 32, 10)), PROJECTOR_SIZE, settings)
    step_until(app, window, half_revealed)
    window.diagram_pane.switch.columns.zoom_into("h3")
    settle(app)
    return window.grab().toImage()


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "layout.ini"), QSettings.Format.IniFormat)
        grabs = grabs_of_64_10(app, settings)
        grabs.append((grab_of_64_32_10(app, settings), "wide-64-32-10-1024.png"))
        if install_language(CHINESE):
            grabs.append((grab_of_64_32_10(app, settings), "wide-64-32-10-1024-zh.png"))
            install_language(ENGLISH)
    for image, name in grabs:
        if not image.save(str(folder / name)):
            print(
                f"wide_network_screenshots.py: error: cannot write {folder / name}", file=sys.stderr
            )
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
