"""The real window under Xvfb (the xcb platform, not offscreen): `main.py --screenshot`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.xvfb
def test_screenshot_of_the_real_window(tmp_path):
    from PySide6.QtGui import QImage

    from gui.main_window import WINDOW_SIZE

    shot = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    xvfb = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"]
    command = [*xvfb, sys.executable, "main.py", "--screenshot", str(shot), "--steps", "3"]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(shot))
    assert (image.width(), image.height()) == WINDOW_SIZE
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 19)
    }
    assert len(colours) > 20  # text, edges, plots: not a blank window


@pytest.mark.xvfb
def test_screenshot_to_an_unwritable_place_exits_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    target = tmp_path / "missing-folder" / "shot.png"
    command = ["xvfb-run", "-a", sys.executable, "main.py", "--screenshot", str(target)]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("error: cannot write")
