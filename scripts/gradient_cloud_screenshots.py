"""Grab the gradient cloud on Mazur's 2-2-2 network over two moons, for batches of 1 and 64.

Usage: QT_QPA_PLATFORM=offscreen python scripts/gradient_cloud_screenshots.py FOLDER
Writes FOLDER/cloud-batch-1.png, FOLDER/cloud-batch-64.png (the surface over w5, w6 with the
cloud) and FOLDER/batch-noise.png (the variance against the batch size).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from engine.models.presets import MAZUR
from gui.gradient_cloud_panel import show_gradient_cloud_window

SAMPLES = 200
AXES = ("w1", "w2")  # i1 and i2 into h1: each sample pulls along its own input (i1, i2)


def two_moons(samples: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half circles, spread over about [−3, 3]² so that the hidden neurons see
    different inputs, with one-hot targets 0.01/0.99."""
    rng = np.random.default_rng(seed)
    label = rng.integers(0, 2, samples)
    angle = rng.uniform(0, np.pi, samples)
    x = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    x[label == 1] = 1 - x[label == 1] + [0, 0.5]
    x = 2.5 * (x + rng.normal(0, 0.1, x.shape) - [0.5, 0.25])
    targets = np.where(np.eye(2)[label] > 0, 0.99, 0.01)
    return x, targets


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder.mkdir(parents=True, exist_ok=True)
    x, y = two_moons(SAMPLES)
    config = MAZUR.replace(loss="mse", inputs=tuple(map(tuple, x)), targets=tuple(map(tuple, y)))
    window = show_gradient_cloud_window(
        config, dict(MAZUR.initial_params), x, y, batch_size=1, axes=AXES
    )
    for size in (1, 64):
        window.panel.batch_size.setValue(size)
        for _ in range(20):
            app.processEvents()
        if not window.view.grab().save(str(folder / f"cloud-batch-{size}.png")):
            print(f"could not write {folder}", file=sys.stderr)
            return 2
    window.panel.noise_plot.grab().save(str(folder / "batch-noise.png"))
    window.grab().save(str(folder / "cloud-window.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots")))
