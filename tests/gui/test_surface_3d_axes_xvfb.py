"""The 3-D surface under Xvfb shows its axes, tick values and the colour bar of the loss,
on screen and in the copied or exported image (they are drawn in the view itself)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
import gui
from engine.landscape.picture import RunPicture
from engine.models.presets import PRESETS
from engine.training.stepper import Stepper
from gui.views.landscape_panel import LandscapePanel
found = {}
for preset in ("himmelblau", "mazur"):
    stepper = Stepper(PRESETS[preset])
    stepper.run(20)
    panel = LandscapePanel(lambda: RunPicture.of(stepper))
    panel.resize(900, 650)
    panel.show()
    app.processEvents()
    panel.three_d.setChecked(True)
    app.processEvents()
    panel.finish_surface()
    app.processEvents()
    view = panel.view_3d
    if panel.stack.currentWidget() is not view:
        sys.exit("no 3-D view: " + panel.message.text())
    image = view.figure_image()
    image.save(sys.argv[1] + preset + ".png")
    from PySide6.QtGui import QGuiApplication
    from gui.copy_image import COPY_ACTION_NAME, image_menu
    menu = image_menu(view, "Loss surface in 3-D")  # what a right-click on it opens
    [a for a in menu.actions() if a.objectName() == COPY_ACTION_NAME][0].trigger()
    copied = QGuiApplication.clipboard().image()
    from PySide6.QtWidgets import QFileDialog
    from gui.copy_image import export_image_with_dialog
    exported = sys.argv[1] + preset + "_exported.png"
    QFileDialog.getSaveFileName = lambda *a, **k: (exported, "PNG (*.png)")
    assert str(export_image_with_dialog(view, "Loss surface in 3-D")) == exported
    surface = view.surface
    bar = view.axes.colour_bar.bar
    found[preset] = {
        "texts": view.axes.texts(), "names": list(view.axes.scales.names),
        "loss_range": list(view.axes.scales.loss_range),
        "x": [float(surface.x[0]), float(surface.x[-1]), len(surface.x)],
        "y": [float(surface.y[0]), float(surface.y[-1]), len(surface.y)],
        "axes": [panel.axis_a.currentText(), panel.axis_b.currentText()],
        "bar": [bar.left(), bar.top(), bar.width(), bar.height()],
        "size": [image.width(), image.height(), view.width(), view.height()],
        "copied": [copied.width(), copied.height(), copied.pixelColor(4, 4).name()],
    }
print(json.dumps(found))
"""


def _himmelblau(x, y):
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("surface3d")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, "-c", SCRIPT,
               str(folder / "surface_")]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return folder, json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.xvfb
def test_the_axes_name_the_two_parameters_and_label_their_ticks(rendered):
    _, found = rendered
    mazur = found["mazur"]
    assert mazur["names"] == mazur["axes"] == ["w5", "w6"]  # the surface panel's own choice
    texts = mazur["texts"]  # the ticks of each axis, then its name
    at_w5, at_w6, at_loss = texts.index("w5"), texts.index("w6"), texts.index("loss")
    ranges = {
        "x": (texts[:at_w5], mazur["x"][:2]),
        "y": (texts[at_w5 + 1 : at_w6], mazur["y"][:2]),
        "loss": (texts[at_w6 + 1 : at_loss], mazur["loss_range"]),
    }
    for axis, (ticks, (low, high)) in ranges.items():
        values = [float(t) for t in ticks]
        assert len(values) >= 2, axis
        assert all(low - 1e-9 <= v <= high + 1e-9 for v in values), (axis, values, low, high)


@pytest.mark.xvfb
def test_the_colour_bar_spans_the_loss_computed_by_hand(rendered):
    _, found = rendered
    himmelblau = found["himmelblau"]
    x0, x1, nx = himmelblau["x"]
    y0, y1, ny = himmelblau["y"]
    grid_x, grid_y = np.meshgrid(np.linspace(x0, x1, nx), np.linspace(y0, y1, ny))
    loss = _himmelblau(grid_x, grid_y)  # the test function written out here
    assert himmelblau["loss_range"] == pytest.approx([loss.min(), loss.max()], rel=1e-9)
    assert himmelblau["names"] == ["x", "y"]


@pytest.mark.xvfb
def test_the_image_holds_the_colour_bar_and_has_the_views_size(rendered):
    from PySide6.QtGui import QImage

    from gui.views.surface_scale import colour_at

    folder, found = rendered
    for preset in ("himmelblau", "mazur"):
        image = QImage(str(folder / f"surface_{preset}.png"))
        info = found[preset]
        assert info["size"][:2] == info["size"][2:]  # the figure's own size
        assert info["copied"][:2] == info["size"][:2]  # Copy image puts that picture there
        assert info["copied"][2] == image.pixelColor(4, 4).name()
        left, top, width, height = info["bar"]
        x = int(left + width / 2)
        for y, fraction in ((top + height - 3, 0.0), (top + 3, 1.0)):
            got, want = image.pixelColor(x, int(y)), colour_at(fraction)
            assert abs(got.red() - want.red()) + abs(got.green() - want.green()) < 40, preset
        exported = QImage(str(folder / f"surface_{preset}_exported.png"))  # its menu's PNG
        assert exported.size() == image.size() and exported.pixel(x, int(top + 3)) == (
            image.pixel(x, int(top + 3))
        )
        corner = image.pixelColor(3, 3)
        assert corner.alpha() == 255 and corner.lightness() < 60  # opaque, dark background
