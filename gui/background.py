"""Run one engine job off the GUI thread, with progress and cancel.

A job is called as job(progress, should_stop) and returns a frozen result (None when it stopped
early). The worker only emits signals; it never touches a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from gui.crash_guard import log_exception, one_line, show_error

Progress = Callable[[int, int], None]
Job = Callable[[Progress, Callable[[], bool]], object]

# Running threads and their workers are held here, so neither is garbage-collected mid-run
# if the widget that started them goes away first.
_RUNNING: dict[QThread, QObject] = {}


def wait_for_all(ms: int = 10_000) -> None:
    """Cancel every running job and wait for its thread: call before the process exits,
    since Qt aborts the process when a QThread is destroyed while still running."""
    for thread, worker in list(_RUNNING.items()):
        worker.cancel.set()
        thread.quit()
        thread.wait(ms)


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)  # the job refused its input (ValueError, EngineError): one line
    crashed = Signal(str)  # anything else (a bug, a CUDA fault): logged, then one line

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.cancel = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            result = self.job(self.progress.emit, self.cancel.is_set)
        except ValueError as error:  # a refusal (EngineError is one): shown as a message
            self.failed.emit(str(error) or type(error).__name__)
            return
        except Exception as error:  # unexpected: a dialog too, and the traceback for a report
            self.crashed.emit(one_line(error))
            log_exception(error)  # after the window knows: printing allocates, and may be slow
            return
        self.finished.emit(result)


class BackgroundTask(QObject):
    """At most one job at a time; `finished` carries its result, None when cancelled."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # An unexpected failure opens a dialog; off where the owner shows every failure itself.
        self.crash_dialog = True
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, job: Job) -> bool:
        """False (and nothing started) while another job runs."""
        if self.running:
            return False
        worker, thread = _Worker(job), QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self.progress)
        worker.finished.connect(self.finished)
        worker.failed.connect(self.failed)
        worker.crashed.connect(self._crashed)
        for signal in (worker.finished, worker.failed, worker.crashed):
            signal.connect(thread.quit)
        thread.finished.connect(self._done)
        self._thread, self._worker = thread, worker
        _RUNNING[thread] = worker
        thread.start()
        self.running_changed.emit(True)
        return True

    def _crashed(self, text: str) -> None:
        self.failed.emit(text)
        if self.crash_dialog:
            show_error(text, QCoreApplication.translate("BackgroundTask", "The task failed"))

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel.set()

    def wait(self, ms: int = 5000) -> bool:
        """Cancel and block until the thread ends (for shutdown)."""
        thread = self._thread
        self.cancel()
        if thread is None:
            return True
        # The worker's own quit request is queued to this (blocked) thread: ask directly.
        thread.quit()
        return thread.wait(ms)

    def _done(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            _RUNNING.pop(thread, None)
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()
        self.running_changed.emit(False)
