"""An uncaught exception in a slot or a thread: a dialog with one line, the traceback on stderr,
and the application keeps running with the open session."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from gui import crash_guard

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def guard(monkeypatch):
    """The guard installed as the application installs it; the test runner's hooks come back."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash_guard.install()
    yield
    dialog = crash_guard.current_dialog()
    if dialog is not None:
        dialog.close()


def shown(qtbot) -> str:
    qtbot.waitUntil(lambda: crash_guard.current_dialog() is not None, timeout=5000)
    dialog = crash_guard.current_dialog()
    assert dialog.isVisible()
    return dialog.text()


class Emitter(QObject):
    fired = Signal()


def test_an_exception_in_a_slot_shows_a_dialog_and_the_window_lives_on(
    qtbot, window, guard, capsys
):
    window.controller.run_blocking(3)
    stepper, snapshot = window.controller.stepper, window.controller.snapshot

    def broken_slot() -> None:
        raise ValueError("a broken slot\nwith a second line")

    emitter = Emitter()
    emitter.fired.connect(broken_slot)
    emitter.fired.emit()
    text = shown(qtbot)
    assert "ValueError: a broken slot" in text and "second line" not in text
    err = capsys.readouterr().err
    assert "Traceback" in err and "second line" in err  # the whole story is logged
    assert window.isVisible()
    assert window.controller.stepper is stepper and window.controller.snapshot is snapshot
    assert window.controller.step_phase()


def test_an_exception_from_the_event_loop(qtbot, window, guard):
    QTimer.singleShot(0, lambda: 1 / 0)
    assert "ZeroDivisionError" in shown(qtbot)
    assert window.controller.step_phase()


def test_an_exception_in_a_python_thread_is_shown_from_the_gui_thread(qtbot, window, guard):
    worker = threading.Thread(target=lambda: [][1])
    worker.start()
    worker.join()
    assert "IndexError" in shown(qtbot)
    assert crash_guard.current_dialog().parent() is window  # in front of the window


def test_repeated_errors_share_one_dialog(qtbot, window, guard):
    for n in range(3):
        crash_guard.handle(RuntimeError, RuntimeError(f"fault {n}"), None)
    text = shown(qtbot)
    assert all(f"fault {n}" in text for n in range(3))
    dialogs = [w for w in window.findChildren(type(crash_guard.current_dialog())) if w.isVisible()]
    assert len(dialogs) == 1


def test_one_line_is_short():
    line = crash_guard.one_line(RuntimeError("x" * 1000 + "\nrest"))
    assert len(line) <= crash_guard.MAX_LINE and "\n" not in line
    assert crash_guard.one_line(KeyError()) == "KeyError"


def test_the_app_installs_the_guard(tmp_path):
    """Started as the learner starts it (in its own process: it sets up the application)."""
    target = tmp_path / "shot.png"
    code = (
        "import sys, main, gui.crash_guard as guard; "
        f"code = main.main(['--screenshot', {str(target)!r}]); "
        "print(code, sys.excepthook is guard.handle)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120, check=False)  # fmt: skip
    assert result.stdout.split()[-2:] == ["0", "True"], result.stderr
    assert target.stat().st_size > 0
