"""Grab what the window shows of the training loop while it runs: the learning-rate plot under a
warm-up then a cosine, the per-epoch plots and the confusion matrix on digits, and the gradient
cloud of a live moons run for batches of 1 and 64.

Usage: QT_QPA_PLATFORM=offscreen python scripts/loop_plot_screenshots.py FOLDER
Writes FOLDER/lr-warmup-cosine.png, FOLDER/digits-epochs.png, FOLDER/cloud-live-batch-16.png
(the batch the run's DataLoader drew), FOLDER/cloud-live-batch-1.png and
FOLDER/cloud-live-batch-64.png (seeded batches of those sizes). Exit code 2 with one line when
an image cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from engine.models.config import Config
from gui.background import wait_for_all
from gui.main_window import MainWindow

SETTLE_ROUNDS = 30
WINDOW_SIZE = (1500, 1000)
DOCK_WIDTH = 520
PANEL_SIZE = (1000, 900)

MOONS = Config(
    preset="moons",
    layers=(2, 4, 2),
    activations=("tanh", "identity"),
    loss="cross_entropy",
    lr=0.3,
    seed=2,
    dataset="moons",
    inputs=(),
    targets=(),
    batch_size=16,
    epochs=5,
    train_biases=True,
)
DIGITS = Config(
    preset="digits",
    layers=(64, 10),
    activations=("log_softmax",),
    loss="nll",
    lr=0.5,
    dataset="digits",
    inputs=(),
    targets=(),
    batch_size=64,
    val_share=0.2,
    epochs=2,
    seed=0,
)


def settle(app: QApplication) -> None:
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()


def window_for(app: QApplication, config: Config) -> MainWindow:
    window = MainWindow(config)
    window.network_view.animation_ms = 0
    window.resize(*WINDOW_SIZE)
    window.show()
    window.resizeDocks([window.plots_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    settle(app)
    return window


def lr_plot(app: QApplication) -> MainWindow:
    """Moons, batch 16, 5 epochs, warm-up over 20 steps then a cosine over 100: 40 done."""
    window = window_for(app, MOONS.replace(scheduler="WarmupCosine:warmup=20,T_max=100"))
    window.controller.run_blocking(40)
    window.controller.step_phase()  # mid-iteration: the dot marks the one being stepped
    settle(app)
    return window


def digits_epochs(app: QApplication) -> MainWindow:
    """The tutorial's 64-10 network after 2 epochs: the per-epoch tab."""
    window = window_for(app, DIGITS)
    window.controller.run_blocking(2 * 23)  # 1,438 training images in batches of 64
    window.plots_panel.tabs.setCurrentIndex(1)
    settle(app)
    return window


def cloud_window(app: QApplication) -> MainWindow:
    """A live moons run, a few batches in, the loss surface over two weights shown."""
    window = window_for(app, MOONS)
    window.controller.run_blocking(12)
    window.controller.step_phase()  # the DataLoader draws the next batch
    window.show_page("surface")
    window.landscape_panel.finish_surface()
    settle(app)
    while window.loop_views.cloud.noise_task.running:  # the variance curve, off the GUI thread
        app.processEvents()
    settle(app)
    return window


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder.mkdir(parents=True, exist_ok=True)
    grabs = []
    lr = lr_plot(app)
    grabs.append((lr.plots_dock.grab(), "lr-warmup-cosine.png"))
    digits = digits_epochs(app)
    grabs.append((digits.plots_dock.grab(), "digits-epochs.png"))
    cloud = cloud_window(app)
    for size in (16, 1, 64):  # 16: the batch the DataLoader drew; 1 and 64: seeded draws
        cloud.loop_views.cloud.panel.batch_size.setValue(size)
        settle(app)
        grabs.append((cloud.landscape_panel.grab(), f"cloud-live-batch-{size}.png"))
    for window in (lr, digits, cloud):
        window.close()
    wait_for_all()
    for image, name in grabs:
        if not image.save(str(folder / name)):
            print(f"loop_plot_screenshots.py: error: cannot write {folder / name}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
