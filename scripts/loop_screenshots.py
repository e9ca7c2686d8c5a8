"""Grab the window stepping the loop around the model: the digits run mid-batch with the
layer-columns diagram and the batch's digit thumbnails, the Settings dock's "Data and loop"
group, and a moons run's batch among the training points.

Usage: QT_QPA_PLATFORM=offscreen python scripts/loop_screenshots.py FOLDER
Writes FOLDER/digits-mid-batch-1280.png, digits-mid-batch-1024.png, loop-settings.png and
moons-batch.png. Exit code 2 with one line when an image cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from engine.models.config import Config
from engine.models.presets import MAZUR
from gui.background import wait_for_all
from gui.main_window import MainWindow

SETTLE_ROUNDS = 30

# The tutorial's digits model as a learner sets it up, without a preset.
DIGITS = MAZUR.replace(
    dataset="digits", inputs=(), targets=(), layers=(64, 10), activations=("log_softmax",),
    loss="nll", lr=0.5, batch_size=64, val_share=0.2, epochs=2,
)  # fmt: skip
MOONS = MAZUR.replace(
    dataset="moons", inputs=(), targets=(), layers=(2, 4, 2), activations=("tanh", "sigmoid"),
    batch_size=16, val_share=0.2, epochs=3, scheduler="StepLR:step_size=10,gamma=0.5",
)  # fmt: skip


def settle(app: QApplication) -> None:
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()


def window_for(app: QApplication, config: Config, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(config)
    window.network_view.animation_ms = 0
    window.resize(*size)
    window.show()
    settle(app)
    return window


def digits_mid_batch(app: QApplication, size: tuple[int, int]) -> MainWindow:
    """Batch 4 of epoch 1, in the middle of its backward pass."""
    window = window_for(app, DIGITS, size)
    controller = window.controller
    for _ in range(3):
        controller.step_iteration()
    while controller.snapshot.phase != "backward":
        controller.step_line()
    settle(app)
    return window


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    grabs = []
    for width, height in ((1280, 800), (1024, 768)):
        window = digits_mid_batch(app, (width, height))
        grabs.append((window.grab(), f"digits-mid-batch-{width}.png"))
        if width == 1280:
            window.settings_dock.raise_()
            form = window.settings_panel.form
            settle(app)
            scroll = form.parentWidget().parentWidget()
            scroll.ensureWidgetVisible(form.loop_box)
            settle(app)
            grabs.append((window.settings_dock.grab(), "loop-settings.png"))
        window.close()
    window = window_for(app, MOONS, (1280, 800))
    for _ in range(5):
        window.controller.step_iteration()
    window.controller.step_line()
    settle(app)
    grabs.append((window.grab(), "moons-batch.png"))
    window.close()
    wait_for_all()
    folder.mkdir(parents=True, exist_ok=True)
    for pixmap, name in grabs:
        if not pixmap.save(str(folder / name)):
            print(f"cannot write {folder / name}", file=sys.stderr)
            return 2
    print(f"wrote {len(grabs)} images to {folder}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: loop_screenshots.py FOLDER", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
