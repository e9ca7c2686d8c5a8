"""The last line of defence: an uncaught exception becomes a dialog and a traceback on stderr.

PySide6 hands an exception raised in a slot to `sys.excepthook` and carries on with the event
loop; the default hook only prints it, so the learner would see nothing. The hook installed
here prints the traceback (for a bug report) and shows one line in a dialog; the window and
the open session stay as they were. Exceptions in worker threads arrive here too: the dialog
is always shown from the GUI thread, through a queued signal.
"""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget
from shiboken6 import isValid

from gui.plain_text import message_box

MAX_LINE = 300  # a dialog line, not a page
MAX_LINES = 12  # errors collected in one open dialog; the rest are only logged


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashGuard", text)


def one_line(error: BaseException) -> str:
    """'TypeName: first line of the message', at most MAX_LINE characters."""
    lines = str(error).strip().splitlines()
    text = f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
    return text if len(text) <= MAX_LINE else text[: MAX_LINE - 1] + "…"


def log_exception(error: BaseException) -> None:
    """The full traceback on stderr: the dialog shows one line, a bug report needs the rest."""
    traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)


class _Relay(QObject):
    """Lives in the GUI thread; a signal emitted from any thread is shown from there.

    The dialog does not block (no nested event loop to re-enter): a fault that repeats, e.g. on
    every timer tick, adds lines to the open dialog instead of stacking new ones.
    """

    show = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.dialog: QMessageBox | None = None
        self.show.connect(self._show)

    @Slot(str, str)
    def _show(self, title: str, text: str) -> None:
        dialog = self.current()
        if dialog is not None and dialog.isVisible():
            lines = dialog.text().splitlines()
            if len(lines) < MAX_LINES:
                dialog.setText("\n".join([*lines, text]))
            return
        dialog = message_box(None, title, text)  # plain: errors quote files and user input
        dialog.setParent(_main_window(), dialog.windowFlags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget)
        self.dialog = dialog
        dialog.show()

    def _forget(self) -> None:
        self.dialog = None

    def current(self) -> QMessageBox | None:
        """The open dialog; None once it (or the window it belongs to) is gone."""
        if self.dialog is not None and not isValid(self.dialog):
            self.dialog = None
        return self.dialog


def _main_window() -> QWidget | None:
    """The window the dialog belongs to: the active one, else any visible main window."""
    active = QApplication.activeWindow()
    if active is not None:
        return active
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    return next((w for w in shown if w.isVisible()), None)


def current_dialog() -> QMessageBox | None:
    """The error dialog on screen, if any."""
    return _relay.current() if _relay is not None else None


_relay: _Relay | None = None


def show_error(text: str, title: str | None = None) -> None:
    """A warning dialog with `text`, from whichever thread calls this; only logged without Qt."""
    app = QCoreApplication.instance()
    if app is None or not isinstance(app, QApplication):
        print(text, file=sys.stderr)
        return
    relay = _relay_for(app)
    title = title or tr("Something went wrong")
    if QThread.currentThread() is app.thread():
        relay._show(title, text)
    else:
        relay.show.emit(title, text)  # queued: the dialog opens in the GUI thread


def _relay_for(app: QCoreApplication) -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.moveToThread(app.thread())
    return _relay


def handle(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """sys.excepthook: log the traceback, show one line, keep the application running."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    try:
        traceback.print_exception(kind, error, trace, file=sys.stderr)
        show_error(
            tr("An unexpected error occurred; the window and your session are kept.\n{0}").format(
                one_line(error)
            )
        )
    except Exception:  # the guard itself must never raise
        traceback.print_exc(file=sys.stderr)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        handle(args.exc_type, args.exc_value, args.exc_traceback)


def install() -> None:
    """Route uncaught exceptions (GUI slots and Python threads) to `handle`."""
    app = QCoreApplication.instance()
    if app is not None:
        _relay_for(app)  # created now, in the GUI thread
    sys.excepthook = handle
    threading.excepthook = _thread_hook
