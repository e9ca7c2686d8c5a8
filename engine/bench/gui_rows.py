"""GUI rows: a micro-step's redraw, a surface recompute + redraw, and cold start.

The engine never imports Qt (an import-linter contract), so the window is measured in child
processes on the offscreen platform; the probe's source below is what those processes run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from engine.bench.report import Row
from engine.bench.timing import Sizes, median

ROOT = Path(__file__).resolve().parents[2]
REDRAW_TARGET = "median ≤ 8 ms, p95 ≤ 16 ms"
SURFACE_TARGET = "median ≤ 33 ms"
COLD_TARGET = "A/B ≤ 1.5"
FRAME_PROBE = r"""
import json, sys, time
import torch
from PySide6.QtWidgets import QApplication
from engine.presets import MAZUR
from gui.main_window import MainWindow

steps, threads = int(sys.argv[1]), int(sys.argv[2])
torch.set_num_threads(threads)
app = QApplication([])
window = MainWindow(MAZUR, settings=None)
window.network_view.animation_ms = 0  # a tween would spread one update over later frames
window.show()

def frame():
    app.processEvents()  # deliver the views' updates
    window.repaint()  # and paint the whole window now

def timed(action):
    start = time.perf_counter()
    action()
    frame()
    return time.perf_counter() - start

for _ in range(5):
    frame()
redraw = [timed(window.controller.step_phase) for _ in range(steps)]
panel = window.landscape_panel
window.tabs.setCurrentWidget(panel)
panel.resolution.setValue(128)
frame()

def surface_tick():
    window.controller.step_phase()
    panel.refresh(window.controller.snapshot, force=True)

surface = [timed(surface_tick) for _ in range(steps)]
print(json.dumps({"redraw": redraw, "surface": surface}))
sys.stdout.flush()
window.controller.shutdown()
"""
COLD_PROBE = r"""
import os
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from engine.presets import MAZUR
from gui.main_window import MainWindow

app = QApplication([])
window = MainWindow(MAZUR, settings=None)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False

painted = FirstPaint()
window.installEventFilter(painted)
window.show()
app.exec()
"""
BASELINE = "import torch, PySide6.QtWidgets"


def gui_rows(sizes: Sizes, threads: int) -> list[Row]:
    if not (ROOT / "gui" / "main_window.py").is_file():
        return not_measured("there is no gui/main_window.py yet")
    try:
        frames = json.loads(probe(FRAME_PROBE, str(sizes.redraws), str(threads)).splitlines()[-1])
    except (subprocess.SubprocessError, ValueError, IndexError) as error:
        return not_measured(f"the window did not run offscreen ({first_line(error)})")
    return [redraw_row(frames["redraw"]), surface_row(frames["surface"]), cold_start_row(sizes)]


def not_measured(reason: str) -> list[Row]:
    return [
        Row.not_measured("GUI redraw of one micro-step", REDRAW_TARGET, reason),
        Row.not_measured("surface 128×128 recompute + redraw", SURFACE_TARGET, reason),
        Row.not_measured("cold start to first painted window", COLD_TARGET, reason),
    ]


def probe(source: str, *args: str, timeout: float = 120) -> str:
    """Run `source` in a fresh interpreter on the offscreen platform; its stdout."""
    command = [sys.executable, "-c", source, *args]
    done = subprocess.run(
        command, cwd=ROOT, env=offscreen_env(), capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise subprocess.SubprocessError(done.stderr.strip().splitlines()[-1:] or done.returncode)
    return done.stdout


def offscreen_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def first_line(error: Exception) -> str:
    text = str(error.args[0] if error.args else error)
    return text.strip("[]'\" ").splitlines()[0][:160] if text else type(error).__name__


def redraw_row(times: list[float]) -> Row:
    med, p95 = median(times), float(np.percentile(times, 95))
    return Row(
        metric="GUI redraw of one micro-step",
        a=med,
        b=1 / 60,
        unit="s",
        ratio=med / (1 / 60),
        target=REDRAW_TARGET,
        ok=med <= 8e-3 and p95 <= 16e-3,
        a_is="controller.step_phase(), then process events and repaint the window (offscreen)",
        b_is="one 60 fps frame",
        note=f"p95 {p95 * 1e3:.1f} ms over {len(times)} micro-steps, weight tween off",
    )


def surface_row(times: list[float]) -> Row:
    med = median(times)
    return Row(
        metric="surface 128×128 recompute + redraw",
        a=med,
        b=1 / 30,
        unit="s",
        ratio=med / (1 / 30),
        target=SURFACE_TARGET,
        ok=med <= 33e-3,
        a_is="a micro-step, the surface recomputed at the new point, the window repainted",
        b_is="one 30 fps frame",
        note=f"p95 {float(np.percentile(times, 95)) * 1e3:.1f} ms over {len(times)} ticks",
    )


def cold_start_row(sizes: Sizes) -> Row:
    window, baseline = [], []
    for _ in range(sizes.cold_starts):
        for source, times in ((COLD_PROBE, window), (BASELINE, baseline)):
            start = time.perf_counter()
            probe(source)
            times.append(time.perf_counter() - start)
    ratio = median(window) / median(baseline)
    return Row(
        metric="cold start to first painted window",
        a=median(window),
        b=median(baseline),
        unit="s",
        ratio=ratio,
        target=COLD_TARGET,
        ok=ratio <= 1.5,
        a_is="a fresh interpreter until the main window's first paint event",
        b_is=f'python -c "{BASELINE}"',
    )
