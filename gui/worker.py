"""Fast-forward off the GUI thread: a QObject that runs Stepper.run(n) inside a QThread.

The worker owns the stepper for the length of the run and never touches a widget: it reports by
signal only, and everything it sends is a copy that the engine will not change afterwards.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from engine.stepper import Stepper
from gui.crash_guard import log_exception, one_line

PREVIEW_SECONDS = 0.2  # at most five live plot updates a second, whatever the run's speed


@dataclass(frozen=True)
class RunPreview:
    """The losses and gradient norms so far, copied in the worker's thread."""

    done: int
    losses: np.ndarray
    grad_norms: np.ndarray


class RunWorker(QObject):
    """Runs `stepper.run(n)`; cancel by setting `cancel` (a threading.Event)."""

    progress = Signal(int)  # iterations done so far
    preview = Signal(object)  # RunPreview
    finished = Signal(object)  # RunResult
    failed = Signal(str)  # one line: what went wrong

    def __init__(self, stepper: Stepper, n: int, cancel: threading.Event) -> None:
        super().__init__()
        self.stepper = stepper
        self.n = n
        self.cancel = cancel
        self._last_preview = 0.0

    @Slot()
    def run(self) -> None:
        try:
            result = self.stepper.run(
                self.n, progress=self._progress, should_stop=self.cancel.is_set
            )
        except Exception as error:  # any failure reaches the window as a message
            self.failed.emit(one_line(error))
            log_exception(error)  # the traceback, for a bug report (after the window knows)
            return
        self.finished.emit(result)

    def _progress(self, done: int) -> None:
        self.progress.emit(done)
        now = time.monotonic()
        if now - self._last_preview >= PREVIEW_SECONDS:
            self._last_preview = now
            trajectory = self.stepper.trajectory
            copy = RunPreview(done, trajectory.losses.copy(), trajectory.grad_norms.copy())
            self.preview.emit(copy)
