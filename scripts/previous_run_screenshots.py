"""Grab the loss and gradient-norm plots with the previous run drawn for comparison.

Usage: QT_QPA_PLATFORM=offscreen python scripts/previous_run_screenshots.py FOLDER
Trains Mazur's net 100 iterations at lr 0.5, rebuilds it with tanh hidden units (the old run
kept as the previous run) and trains that 100 iterations; writes FOLDER/previous-run-plots.png
(the Plots panel), FOLDER/previous-run-window.png (the window) and
FOLDER/previous-run-projector.png (the window at 1024×768). Exit code 2 with one line
when an image cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from engine.models.presets import PRESETS
from gui.main_window import MainWindow

SETTLE_ROUNDS = 30
WINDOW_SIZE = (1280, 800)
PROJECTOR = (1024, 768)


def settle(app: QApplication) -> None:
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(PRESETS["mazur"].replace(lr=0.5))
    window.network_view.animation_ms = 0
    window.resize(*WINDOW_SIZE)
    window.show()
    controller = window.controller
    controller.run_blocking(100)
    tanh = controller.config.with_hidden_activation("tanh")
    controller.apply_config(tanh)  # the question is the settings form's: not asked here
    controller.run_blocking(100)
    window.plots_panel.loss_plot.hover_at(59)
    settle(app)
    folder.mkdir(parents=True, exist_ok=True)
    grabs = ((window.plots_panel.grab(), "previous-run-plots.png"),
             (window.grab(), "previous-run-window.png"))  # fmt: skip
    for image, name in grabs:
        if not image.save(str(folder / name)):
            print(f"could not write {folder / name}", file=sys.stderr)
            return 2
    window.resize(*PROJECTOR)
    settle(app)
    grabs = ((window.grab(), "previous-run-projector.png"),)
    for image, name in grabs:
        if not image.save(str(folder / name)):
            print(f"could not write {folder / name}", file=sys.stderr)
            return 2
    window.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: previous_run_screenshots.py FOLDER", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
