"""Opening a session: progress and Cancel, a window closed mid-open, and an open during a run."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

import gui.session_menu as session_menu
from engine.io.session_open import load_session
from engine.io.session_replay import SessionCancelled
from engine.io.session_save import save_session
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper


def slow_load(seconds: float = 60.0):
    """A load_session stand-in that replays for `seconds` unless told to stop."""
    calls: list[str] = []

    def load(path, progress=None, should_stop=None):
        calls.append(str(path))
        end = time.monotonic() + seconds
        step = 0
        while time.monotonic() < end:
            if should_stop is not None and should_stop():
                raise SessionCancelled("opening the session was cancelled")
            step += 1
            if progress is not None:
                progress(step, 1_000_000)
            time.sleep(0.002)
        raise AssertionError("the open was never stopped")

    return load, calls


def test_cancel_stops_the_open_and_keeps_the_open_run(window, qtbot, tmp_path, monkeypatch,
                                                      warnings_shown):  # fmt: skip
    load, calls = slow_load()
    monkeypatch.setattr(session_menu, "load_session", load)
    window.controller.run_blocking(3)
    before = window.controller.stepper
    menu = window.session_menu
    assert menu.open(tmp_path / "long.json")
    dialog = menu.progress_dialog
    assert dialog is not None and dialog.labelText().startswith("Opening long.json")
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)
    assert dialog.maximum() == 1_000_000
    dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: not menu.task.running, timeout=5000)
    assert window.controller.stepper is before and before.iteration == 3
    assert "cancelled" in window.last_message and menu.progress_dialog is None
    assert warnings_shown == [] and calls == [str(tmp_path / "long.json")]


def test_closing_the_window_during_an_open_stops_the_replay(window, qtbot, tmp_path,
                                                            monkeypatch):  # fmt: skip
    load, _ = slow_load()
    monkeypatch.setattr(session_menu, "load_session", load)
    assert window.session_menu.open(tmp_path / "long.json")
    thread = window.session_menu.task._thread
    qtbot.waitUntil(lambda: window.session_menu.progress_dialog.value() > 0, timeout=5000)
    started = time.monotonic()
    window.close()
    assert thread.isFinished()  # waited for, so Qt never destroys it while running
    assert time.monotonic() - started < 5


def test_a_real_open_can_be_cancelled_at_once(window, qtbot, tmp_path, warnings_shown):
    stepper = Stepper(window.controller.config)
    stepper.run(20_000)
    path = tmp_path / "run.json"
    save_session(stepper, path)
    before = window.controller.stepper
    assert window.session_menu.open(path)
    window.session_menu.cancel_open()
    qtbot.waitUntil(lambda: not window.session_menu.task.running, timeout=20000)
    assert window.controller.stepper is before
    assert "cancelled" in window.last_message and warnings_shown == []


@pytest.fixture
def saved(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(4)
    path = tmp_path / "four.json"
    save_session(stepper, path)
    return path


def answer(monkeypatch, button) -> list[str]:
    asked: list[str] = []

    def exec_(box) -> int:
        asked.append(box.text())
        return button

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_opening_during_a_run_asks_then_stops_the_run_and_opens(window, qtbot, saved,
                                                                monkeypatch):  # fmt: skip
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    controller = window.controller
    assert controller.run_iterations(10_000_000)
    assert window.session_menu.open(saved)
    assert asked and "A run is in progress" in asked[0] and "four.json" in asked[0]
    qtbot.waitUntil(lambda: not controller.busy and not window.session_menu.task.running,
                    timeout=20000)  # fmt: skip
    qtbot.waitUntil(lambda: controller.stepper.iteration == 4, timeout=20000)
    assert controller.last_run is None  # the opened session, not the stopped run
    assert "Opened four.json" in window.last_message


def test_declining_keeps_the_run_going_and_opens_nothing(window, qtbot, saved, monkeypatch):
    answer(monkeypatch, QMessageBox.StandardButton.No)
    controller = window.controller
    assert controller.run_iterations(10_000_000)
    assert not window.session_menu.open(saved)
    assert controller.busy and not window.session_menu.task.running
    assert "Not opened" in window.last_message
    controller.cancel_run()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    assert controller.stepper.iteration != 4


def test_a_run_that_ends_while_the_question_is_open_still_opens(window, qtbot, saved,
                                                                monkeypatch):  # fmt: skip
    controller = window.controller

    def the_run_ends_meanwhile(box) -> int:
        controller.cancel_run()
        qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", the_run_ends_meanwhile)
    assert controller.run_iterations(10_000_000)
    assert window.session_menu.open(saved)
    qtbot.waitUntil(lambda: controller.stepper.iteration == 4, timeout=20000)


def test_twenty_saves_during_a_long_run_all_reopen_bit_for_bit(
    window, qtbot, tmp_path, warnings_shown
):
    """Each save is copied at the run's next consistent point; none mixes two iterations."""
    controller = window.controller
    assert controller.run_iterations(1_000_000)
    paths = [tmp_path / f"mid-run-{k:02d}.json" for k in range(20)]
    for path in paths:
        assert window.session_menu.save(path)
        assert "next consistent point" in window.last_message
        qtbot.waitUntil(path.exists, timeout=20000)
    assert controller.busy  # all twenty came while the run went on
    controller.cancel_run()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    iterations = []
    for path in paths:
        reopened = load_session(path)  # replays and compares with the saved Snapshot exactly
        iterations.append(reopened.iteration)
        assert reopened.iteration % 256 == 0 and reopened.snapshot.phase == "step"
    assert iterations == sorted(iterations) and iterations[-1] > iterations[0]
    assert warnings_shown == []


def test_a_save_asked_just_before_the_run_ends_is_written_when_it_ends(window, qtbot, tmp_path):
    controller = window.controller
    assert controller.run_iterations(100)  # ends before its first rest
    path = tmp_path / "at-the-end.json"
    assert window.session_menu.save(path)
    qtbot.waitUntil(lambda: not controller.busy and path.exists(), timeout=20000)
    assert load_session(path).iteration == 100
