"""Run N iterations off the GUI thread: the event loop keeps running, cancel stops it, failures
become messages, and the result is exactly the engine's."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QTimer

from engine.models.presets import PRESETS
from engine.training.stepper import Stepper

MAZUR = PRESETS["mazur"]


class TickCounter:
    """A GUI-thread timer that records when it fires."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: self.times.append(time.monotonic()))
        self.timer.start(interval_ms)

    def largest_gap(self) -> float:
        return float(np.max(np.diff(self.times))) if len(self.times) > 1 else float("inf")


def test_10000_iterations_keep_the_event_loop_responsive(qtbot, window):
    transport = window.transport
    transport.run_count.setValue(10_000)
    counter = TickCounter()
    transport.run_action.trigger()
    assert window.controller.busy
    assert not transport.step_action.isEnabled() and transport.cancel_button.isEnabled()
    assert not window.settings_panel.isEnabled()
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=120_000)
    counter.timer.stop()
    assert len(counter.times) >= 10
    assert counter.largest_gap() < 0.5  # seconds; run on the GUI thread, it stalls > 1 s

    reference = Stepper(MAZUR)
    assert reference.run(10_000).completed == 10_000
    controller = window.controller
    assert controller.snapshot == reference.snapshot
    assert controller.stepper.params() == reference.params()
    np.testing.assert_array_equal(controller.stepper.trajectory.losses, reference.trajectory.losses)
    np.testing.assert_array_equal(window.plots_panel.loss_plot.losses, reference.trajectory.losses)
    assert transport.progress.value() == 10_000
    assert f"{reference.current_loss():.9g}" in window.last_message
    assert transport.step_action.isEnabled() and not transport.cancel_button.isEnabled()


def test_cancel_stops_the_run(qtbot, window):
    window.transport.run_count.setValue(1_000_000)
    window.transport.run_action.trigger()
    qtbot.waitUntil(lambda: window.transport.progress.value() > 0, timeout=30_000)
    window.transport.cancel_button.click()
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=30_000)
    done = window.controller.stepper.trajectory.length
    assert 0 < done < 1_000_000
    assert "Cancelled" in window.last_message
    assert window.plots_panel.loss_plot.losses.size == done
    assert window.controller.step_phase()  # the window is usable again


def test_a_failure_in_the_worker_becomes_a_message(qtbot, window, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(window.controller.stepper, "run", broken)
    assert window.controller.run_iterations(10)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=10_000)
    assert "simulated failure" in window.last_message
    assert window.banner.isVisible()
    assert window.controller.step_phase()


def test_stepping_is_refused_while_a_run_owns_the_engine(qtbot, window):
    window.controller.run_iterations(200_000)
    assert not window.controller.step_phase()
    assert not window.controller.apply_config(MAZUR.replace(lr=0.1))
    assert window.controller.describe("w5") is None
    window.controller.cancel_run()
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=30_000)


def test_a_run_that_diverges_stops_at_the_last_finite_state(qtbot, window):
    config = MAZUR.replace(activations=("identity", "identity"), lr=1e200)
    assert window.controller.apply_config(config)
    window.controller.run_iterations(100)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=30_000)
    assert "diverged in iteration" in window.last_message
    assert window.banner.isVisible()
    assert np.isfinite(window.plots_panel.loss_plot.losses).all()
    assert not window.controller.snapshot.diverged


def test_a_run_too_long_to_keep_is_refused_before_it_starts(window):
    controller = window.controller
    stepper, snapshot = controller.stepper, controller.snapshot
    assert not controller.run_iterations(200_000_000)  # its losses alone: 6.4 GB
    assert not controller.busy and controller.stepper is stepper
    assert controller.snapshot is snapshot
    assert "GB of history" in window.last_message and window.banner.isVisible()
    assert controller.run_iterations(5)  # a short run still goes
