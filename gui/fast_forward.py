"""One fast-forward in a worker thread, and the requests that wait for its rests.

While the run goes, the worker owns the stepper. A reading asked for meanwhile is done by the
worker at the run's next rest (every 256 iterations); an action that needs this thread waits
for a rest too, the worker waiting until it returns. Whatever a run leaves unserved when it
ends is served then, here, on a stepper that nothing changes any more.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from engine.training.stepper import RunResult, Stepper
from gui.worker import Reading, RunPreview, RunWorker


def reading_of(reading: Reading, stepper: Stepper) -> object:
    """What `reading` returns for this stepper, or the exception it raised (the asker shows it)."""
    try:
        return reading(stepper)
    except Exception as error:
        return error


class FastForward(QObject):
    """At most one run at a time; its worker's signals come back here, on this thread."""

    starting = Signal()  # the run is set up, its thread not yet started
    stopped = Signal()  # the run's thread is done with the stepper; left-overs come next
    pausing = Signal()  # a rest waits for an action: show the state at rest first
    progress = Signal(int, int)  # iterations done, iterations asked for
    preview = Signal(object)  # RunPreview
    finished = Signal(object)  # RunResult, after `stopped`
    failed = Signal(str)  # one line, after `stopped`

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.qthread: QThread | None = None
        self.worker: RunWorker | None = None
        self._stepper: Stepper | None = None
        self.asked = 0  # iterations the latest run was asked for
        self._cancel = threading.Event()
        self._readers: dict[int, Callable[[object], None]] = {}  # read_at_rest requests
        self.actions: dict[int, Callable[[], None]] = {}  # do_at_rest requests
        self.resting = False  # the run waits while this thread reads the stepper
        self._next_request = 0

    @property
    def running(self) -> bool:
        return self.worker is not None

    def start(self, stepper: Stepper, n: int) -> None:
        """Run `stepper.run(n)` in a new thread; `starting` comes before the thread starts."""
        self._cancel = threading.Event()
        self._stepper, self.asked = stepper, n
        worker = RunWorker(stepper, n, self._cancel)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.served.connect(self._on_served)
        worker.resting.connect(self._on_resting)
        worker.progress.connect(self._on_progress)
        worker.preview.connect(self._on_preview)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(thread.quit)
        worker.failed.connect(thread.quit)
        thread.finished.connect(worker.deleteLater)
        thread.finished.connect(thread.deleteLater)
        self.qthread, self.worker = thread, worker
        self.starting.emit()
        self.progress.emit(0, n)
        thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def read_at_rest(self, reading: Reading, done: Callable[[object], None]) -> None:
        """During a run: `reading` is done at its next rest, `done` gets the result here."""
        assert self.worker is not None
        self._next_request += 1
        self._readers[self._next_request] = done
        self.worker.read_at_rest(self._next_request, reading)

    def do_at_rest(self, action: Callable[[], None]) -> None:
        """During a run: `action` runs here at its next rest, the worker waiting for it."""
        assert self.worker is not None
        self._next_request += 1
        self.actions[self._next_request] = action
        self.worker.pause_at_rest(self._next_request)

    def shutdown(self, timeout_ms: int) -> None:
        """Cancel the run and wait for its thread to end (a rest waiting here ends at once)."""
        thread = self.qthread
        if thread is None:
            return
        self._cancel.set()
        if self.worker is not None:
            self.worker.released.set()
        thread.quit()
        thread.wait(timeout_ms)

    @Slot(int, object)
    def _on_served(self, request: int, result: object) -> None:
        done = self._readers.pop(request, None)
        if done is not None:
            done(result)

    @Slot(int, object)
    def _on_resting(self, request: int, resumed: threading.Event) -> None:
        self.resting = True
        try:
            action = self.actions.pop(request, None)
            if action is not None:
                self.pausing.emit()
                action()
        finally:
            self.resting = False
            resumed.set()

    @Slot(int)
    def _on_progress(self, done: int) -> None:
        self.progress.emit(done, self.asked)

    @Slot(object)
    def _on_preview(self, preview: RunPreview) -> None:
        self.preview.emit(preview)

    @Slot(object)
    def _on_finished(self, result: RunResult) -> None:
        self._end()
        self.finished.emit(result)

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self._end()
        self.failed.emit(text)

    def _end(self) -> None:
        worker, stepper = self.worker, self._stepper
        self.qthread, self.worker, self._stepper = None, None, None
        self.stopped.emit()
        if worker is not None and stepper is not None:
            self._serve_left_over(worker, stepper)

    def _serve_left_over(self, worker: RunWorker, stepper: Stepper) -> None:
        """The run ended before its next rest: serve what it left, now that it is idle."""
        while not worker.pending.empty():
            request, reading = worker.pending.get_nowait()
            self._on_served(request, reading_of(reading, stepper))
        while not worker.pauses.empty():
            action = self.actions.pop(worker.pauses.get_nowait(), None)
            if action is not None:
                action()
