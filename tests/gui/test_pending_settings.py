"""Optimizer settings asked for mid-iteration wait for its end, then apply before the next."""

from __future__ import annotations

import pytest

from engine.models.presets import PRESETS
from engine.training.edit_log import settings_changes
from engine.training.stepper import Stepper
from gui.controller import Controller

MAZUR = PRESETS["mazur"]


@pytest.fixture
def controller(qtbot):
    made = Controller(MAZUR)
    yield made
    made.shutdown()


def test_between_iterations_the_change_is_at_once(controller):
    messages: list[str] = []
    controller.message.connect(messages.append)
    assert controller.change_settings(MAZUR.replace(lr=0.9))
    assert controller.config.lr == 0.9 and controller.snapshot.tick == 1
    assert messages[-1] == "lr 0.5 → 0.9 from the next step; back (←) undoes it."


def test_mid_iteration_it_waits_and_the_next_step_after_the_boundary_applies_it(controller):
    per_iteration = controller.network().micro_steps_per_iteration
    for _ in range(3):
        controller.step_phase()
    assert controller.change_settings(MAZUR.replace(lr=0.9))
    assert controller.config.lr == 0.5 and controller.snapshot.tick == 3
    while controller.snapshot.tick < per_iteration:
        controller.step_phase()
    assert controller.config.lr == 0.5  # the iteration finished with the old value
    controller.step_phase()  # the change first, then the next zero_grad
    assert controller.config.lr == 0.9 and controller.snapshot.tick == per_iteration + 2
    changes = settings_changes(controller.stepper)
    assert [(c.iteration, c.text) for c in changes] == [(1, "lr 0.5 → 0.9")]


def test_a_run_asked_for_mid_iteration_finishes_it_then_changes_then_runs(qtbot, controller):
    controller.step_phase()
    controller.change_settings(MAZUR.replace(lr=0.9))
    assert controller.run_iterations(4)
    qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)
    assert controller.snapshot.completed == 4 and controller.config.lr == 0.9
    reference = Stepper(MAZUR)
    reference.run(1)
    reference.change_settings(MAZUR.replace(lr=0.9))
    reference.run(3)
    assert controller.stepper.params() == reference.params()


def test_a_new_run_drops_a_waiting_change(controller):
    controller.step_phase()
    controller.change_settings(MAZUR.replace(lr=0.9))
    controller.reset()
    for _ in range(30):
        controller.step_phase()
    assert controller.config.lr == 0.5 and settings_changes(controller.stepper) == ()
