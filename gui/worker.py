"""Fast-forward off the GUI thread: a QObject that runs Stepper.run(n) inside a QThread.

The worker owns the stepper for the length of the run and never touches a widget: it reports by
signal only, and everything it sends is a copy that the engine will not change afterwards.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from engine.training.stepper import Stepper
from gui.crash_guard import log_exception, one_line

PREVIEW_SECONDS = 0.2  # at most five live plot updates a second, whatever the run's speed


@dataclass(frozen=True)
class RunPreview:
    """The losses and gradient norms so far, copied in the worker's thread."""

    done: int
    losses: np.ndarray
    grad_norms: np.ndarray
    lrs: np.ndarray | None = None  # the lr each step used
    evaluations: tuple = ()  # engine.training.evaluation.Evaluation, one per finished epoch


Reading = Callable[[Stepper], object]  # reads a stepper at rest; its result is sent back


class RunWorker(QObject):
    """Runs `stepper.run(n)`; cancel by setting `cancel` (a threading.Event).

    Readings asked for with `read_at_rest` are served at the run's next iteration boundary
    with a rebuilt Snapshot (every 256 iterations), in this thread, and their results sent
    back by `served`; whatever is still queued when the run ends is left in `pending`."""

    progress = Signal(int)  # iterations done so far
    preview = Signal(object)  # RunPreview
    served = Signal(int, object)  # (request, result or the exception it raised)
    resting = Signal(int, object)  # (request, threading.Event to set when the run may go on)
    finished = Signal(object)  # RunResult
    failed = Signal(str)  # one line: what went wrong

    def __init__(self, stepper: Stepper, n: int, cancel: threading.Event) -> None:
        super().__init__()
        self.stepper = stepper
        self.n = n
        self.cancel = cancel
        self._last_preview = 0.0
        self.pending: queue.SimpleQueue[tuple[int, Reading]] = queue.SimpleQueue()
        self.pauses: queue.SimpleQueue[int] = queue.SimpleQueue()
        self.released = threading.Event()  # set for good when the window closes

    def read_at_rest(self, request: int, reading: Reading) -> None:
        """Thread-safe: queue `reading` for the next rest of the run."""
        self.pending.put((request, reading))

    def pause_at_rest(self, request: int) -> None:
        """Thread-safe: at the next rest, wait until the GUI thread has done `request`."""
        self.pauses.put(request)

    def _visit(self) -> Callable[[Stepper], None] | None:
        return None if self.pending.empty() and self.pauses.empty() else self._serve

    def _serve(self, stepper: Stepper) -> None:
        while not self.pending.empty():
            request, reading = self.pending.get_nowait()
            try:
                result: object = reading(stepper)
            except Exception as error:  # the asker shows it; the run goes on
                result = error
            self.served.emit(request, result)
        while not self.pauses.empty():
            done = threading.Event()
            self.resting.emit(self.pauses.get_nowait(), done)
            while not (done.wait(0.1) or self.released.is_set()):
                pass

    @Slot()
    def run(self) -> None:
        try:
            result = self.stepper.run(
                self.n, progress=self._progress, should_stop=self.cancel.is_set, visit=self._visit
            )
            _ = self.stepper.snapshot  # rebuilt by replay here, off the GUI thread
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
            copy = RunPreview(
                done,
                trajectory.losses.copy(),
                trajectory.grad_norms.copy(),
                trajectory.lrs.copy(),
                trajectory.evaluations,
            )
            self.preview.emit(copy)
