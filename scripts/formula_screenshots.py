"""Grab the window where it shows formulas and the step arrows, for the README.

Usage: QT_QPA_PLATFORM=offscreen python scripts/formula_screenshots.py FOLDER
Writes FOLDER/main-window.png (the first backward pass at ∂E/∂w5), FOLDER/adam-update.png
(Adam's update of w5 with m̂ and v̂) and FOLDER/surface-momentum.png (the real step and the
plain −lr·∇E step under momentum). Exit code 2 with one line when an image cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from engine.models.config import Config
from engine.models.presets import PRESETS
from gui.main_window import MainWindow

SETTLE_ROUNDS = 30
WINDOW_SIZE = (1280, 800)
PANEL_SIZE = (1000, 650)
TALL_SIZE = (1400, 1000)


def settle(app: QApplication) -> None:
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()


def window_at(
    app: QApplication,
    config: Config,
    phase: str,
    focus: str,
    iteration: int,
    size: tuple[int, int] = WINDOW_SIZE,
):
    window = MainWindow(config)
    window.network_view.animation_ms = 0
    window.resize(*size)
    window.show()
    controller = window.controller
    while not (
        (s := controller.snapshot).phase == phase and s.focus == focus and s.iteration == iteration
    ):
        controller.step_phase()
    settle(app)
    return window


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    mazur = PRESETS["mazur"]
    grabs = []
    window = window_at(app, mazur, "backward", "w5", 0)
    grabs.append((window.grab(), "main-window.png"))
    adam_config = mazur.replace(optimizer="adam", lr=0.05)
    adam = window_at(app, adam_config, "step", "w5", 1, TALL_SIZE)  # the six lines in view
    grabs.append((adam.grab(), "adam-update.png"))
    momentum = window_at(app, mazur.replace(momentum=0.9), "step", "w8", 3)
    momentum.tabs.setCurrentWidget(momentum.landscape_panel)
    momentum.landscape_panel.resize(*PANEL_SIZE)
    settle(app)
    grabs.append((momentum.landscape_panel.grab(), "surface-momentum.png"))
    for image, name in grabs:
        if not image.save(str(folder / name)):
            print(f"formula_screenshots.py: error: cannot write {folder / name}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
