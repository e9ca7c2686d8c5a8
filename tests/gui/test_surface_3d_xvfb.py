"""The 3-D surface under Xvfb with Mesa's OpenGL: a rendered, non-blank picture."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
import gui
from engine.landscape.picture import RunPicture
from engine.models.presets import PRESETS
from engine.training.stepper import Stepper
from gui.views.landscape_panel import LandscapePanel
stepper = Stepper(PRESETS["himmelblau"])
stepper.run(50)
panel = LandscapePanel(lambda: RunPicture.of(stepper))
panel.resize(800, 600)
panel.show()
app.processEvents()
panel.three_d.setChecked(True)
app.processEvents()
if panel.stack.currentWidget() is not panel.view_3d:
    sys.exit("no 3-D view: " + panel.message.text())
panel.view_3d.readQImage().save(sys.argv[1])
"""


@pytest.mark.xvfb
def test_three_d_surface_renders_under_xvfb(tmp_path):
    from PySide6.QtGui import QImage

    shot = tmp_path / "surface3d.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, "-c", SCRIPT,
               str(shot)]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    image = QImage(str(shot))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 11) for y in range(0, image.height(), 11)
    }
    assert len(colours) > 50  # a shaded surface, not a blank or black frame
