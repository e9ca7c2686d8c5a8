"""Probes the benchmark runs in child processes (`python -m gui.bench_probe frames|cold`).

They live in gui/ because they drive the real window; engine/bench only starts them and reads
what they print, so the engine never imports Qt.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

import torch
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication

from engine.models.presets import MAZUR
from gui.background import wait_for_all
from gui.main_window import MainWindow


def frames(steps: int, threads: int, play_seconds: float) -> None:
    """Print the seconds each micro-step's redraw, and each surface recompute + redraw, took,
    and the micro-steps a second Play reaches at its fastest speed."""
    torch.set_num_threads(threads)
    app = QApplication([])
    window = MainWindow(MAZUR, settings=None)
    window.network_view.animation_ms = 0  # a tween would spread one update over later frames
    window.show()

    def frame() -> None:
        app.processEvents()  # deliver the views' updates
        window.repaint()  # and paint the whole window now

    def timed(action: Callable[[], object]) -> float:
        start = time.perf_counter()
        action()
        frame()
        return time.perf_counter() - start

    for _ in range(5):
        frame()
    redraw = [timed(window.controller.step_phase) for _ in range(steps)]
    play = play_rate(window, play_seconds)
    panel = window.landscape_panel
    window.tabs.setCurrentWidget(panel)
    panel.resolution.setValue(128)
    frame()

    def surface_tick() -> None:
        window.controller.step_phase()
        panel.refresh(window.controller.snapshot, force=True)

    surface = [timed(surface_tick) for _ in range(steps)]
    print(json.dumps({"redraw": redraw, "surface": surface, "play": play}))
    sys.stdout.flush()
    window.close()
    wait_for_all()  # Qt aborts a process whose QThread is still running at exit


def play_rate(window: MainWindow, seconds: float) -> dict[str, float]:
    """Play at the slider's fastest speed for `seconds` of the real event loop (timers, paints):
    the micro-steps taken, and the redraws (published snapshots), per second."""
    controller = window.controller
    window.transport.speed_slider.setValue(window.transport.speed_slider.maximum())
    published = [0]
    controller.snapshot_changed.connect(lambda _: published.__setitem__(0, published[0] + 1))
    first = controller.snapshot.tick
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    start = time.perf_counter()
    controller.play()
    loop.exec()
    elapsed = time.perf_counter() - start
    controller.pause()
    return {
        "micro_steps_per_s": (controller.snapshot.tick - first) / elapsed,
        "redraws_per_s": published[0] / elapsed,
        "speed": float(controller.speed),
    }


class _ExitOnFirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False


def cold() -> None:
    """Start the window and exit at its first paint: the benchmark times the whole process."""
    app = QApplication([])
    window = MainWindow(MAZUR, settings=None)
    painted = _ExitOnFirstPaint()
    window.installEventFilter(painted)
    window.show()
    app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "frames":
        frames(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
    else:
        cold()
