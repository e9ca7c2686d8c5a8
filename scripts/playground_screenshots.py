"""Grab the classification lab for docs/labs.md: the circle with its hidden units and the
comparison table, and the spiral with the hint that says why the defaults cannot fit it.

Usage: QT_QPA_PLATFORM=offscreen python scripts/playground_screenshots.py FOLDER
Writes FOLDER/lab-playground.png and FOLDER/lab-playground-spiral.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from engine.labs.head_comparison import compare_heads
from gui.labs.playground_lab import PlaygroundLab
from gui.theme import apply_plot_theme

SIZE = (1240, 760)
SETTLE_ROUNDS = 30


def settle(app: QApplication) -> None:
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()


def lab_with(app: QApplication, dataset: str, epochs: int) -> PlaygroundLab:
    lab = PlaygroundLab()
    lab.resize(*SIZE)
    lab.show()
    lab.settings.dataset.setCurrentIndex(lab.settings.dataset.findData(dataset))
    settle(app)
    lab._pending_reset.stop()  # the change's delayed reset would clear the training below
    lab.reset()
    lab.train(epochs)
    lab.pause()
    settle(app)
    return lab


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_plot_theme()
    folder.mkdir(parents=True, exist_ok=True)
    circle = lab_with(app, "circle", 150)
    config, data = circle._current()
    circle.comparison._show(compare_heads(config, data, circle.comparison.epochs.value()))
    settle(app)
    spiral = lab_with(app, "spiral", 300)
    for lab, name in ((circle, "lab-playground.png"), (spiral, "lab-playground-spiral.png")):
        if not lab.grab().save(str(folder / name)):
            print(f"cannot write {folder / name}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
