"""The real window at twice the scale (QT_SCALE_FACTOR=2, Xvfb): sharp, nothing clipped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Runs in a fresh process: the scale factor is read once, when the application starts.
PROBE = """
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QToolButton
from gui.app import run_app
import gui.app as app_module

facts = {}

def grab(window, path):
    loop = QEventLoop()
    QTimer.singleShot(400, loop.quit)
    loop.exec()
    view = window.network_view
    figure = view.mapFromScene(view.sceneRect()).boundingRect()
    overflow = window.transport.findChild(QToolButton, "qt_toolbar_ext_button")
    facts.update(
        ratio=window.devicePixelRatioF(),
        policy=QApplication.highDpiScaleFactorRoundingPolicy().name,
        figure_inside=view.viewport().rect().adjusted(-2, -2, 2, 2).contains(figure),
        toolbar_overflow=bool(overflow and overflow.isVisible()),
        status_fits=all(
            label.width() >= label.sizeHint().width()
            for label in (window.iteration_label, window.loss_label, window.device_label)
        ),
    )
    return 0 if window.grab().save(path) else 2

app_module.save_screenshot = grab
class Args: screenshot = sys.argv[1]; preset = "mazur"; steps = 2
code = run_app(Args())
print(json.dumps(facts))
sys.exit(code)
"""


@pytest.mark.xvfb
def test_window_at_scale_two_renders_sharp_and_unclipped(tmp_path):
    from PySide6.QtGui import QImage

    from gui.main_window import WINDOW_SIZE

    shot = tmp_path / "scale2.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(QT_SCALE_FACTOR="2", PYTHONPATH=str(REPO))
    xvfb = ["xvfb-run", "-a", "-s", "-screen 0 2800x1800x24"]
    command = [*xvfb, sys.executable, "-c", PROBE, str(shot)]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert facts["ratio"] == 2.0
    assert facts["policy"] == "PassThrough"
    assert facts["figure_inside"], "the network diagram is cut off"
    assert not facts["toolbar_overflow"], "transport controls spill into the overflow menu"
    assert facts["status_fits"], "a status bar label is squeezed"
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (2 * WINDOW_SIZE[0], 2 * WINDOW_SIZE[1])
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 41) for y in range(0, image.height(), 37)
    }
    assert len(colours) > 20  # text, edges, plots: not a blank window
