"""Grab the explanation where a gradient's factors expand, for the README.

Usage: QT_QPA_PLATFORM=offscreen python scripts/function_origin_screenshots.py FOLDER
Writes FOLDER/rosenbrock-gradient.png (Rosenbrock's update of x with ∂E/∂x expanded to its
partial derivative), FOLDER/beale-gradient.png (Beale's, down to its named a, b, c),
FOLDER/w5-incoming.png (Mazur's ∂net_o1/∂w5 = out_h1 expanded to σ(net_h1) and its sum)
and FOLDER/rosenbrock-window.png (the window with the expansion). Exit code 2 with one line
when an image cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from engine.models.presets import PRESETS
from scripts.formula_screenshots import settle, window_at

PANEL_SIZE = (1000, 360)


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    grabs = []
    shots = [
        ("rosenbrock", "step", "x", ["factor:0"], "rosenbrock-gradient.png"),
        ("beale", "step", "x", ["factor:0", "factor:0.0"], "beale-gradient.png"),
        ("mazur", "backward", "w5", ["factor:2", "factor:2.0", "factor:2.0.0"], "w5-incoming.png"),
    ]
    for preset, phase, focus, anchors, name in shots:
        window = window_at(app, PRESETS[preset], phase, focus, 0)
        panel = window.explanation_panel
        for anchor in anchors:
            panel.toggle_factor(anchor)
        if preset == "rosenbrock":
            settle(app)
            grabs.append((window.grab(), "rosenbrock-window.png"))
        panel.setParent(None)  # alone, at a size where its lines read whole
        panel.resize(*PANEL_SIZE)
        panel.show()
        settle(app)
        grabs.append((panel.grab(), name))
    for image, name in grabs:
        if not image.save(str(folder / name)):
            print(
                f"function_origin_screenshots.py: error: cannot write {folder / name}",
                file=sys.stderr,
            )
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
