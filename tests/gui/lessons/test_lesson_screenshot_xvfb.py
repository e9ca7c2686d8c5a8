"""The real window under Xvfb with Mazur's lesson open at the w1 step (docs/lessons.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.xvfb
def test_lesson_screenshot_of_the_real_window(tmp_path):
    from PySide6.QtGui import QImage

    from gui.main_window import WINDOW_SIZE

    shot = tmp_path / "lesson.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    xvfb = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"]
    command = [*xvfb, sys.executable, "scripts/lesson_screenshot.py", str(shot)]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    # The lessons dock shares the right-hand column: the window keeps its size.
    assert (image.width(), image.height()) == WINDOW_SIZE
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 19)
    }
    assert len(colours) > 20
