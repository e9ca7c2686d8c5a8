"""Step line, Step batch, Step epoch and fast-forward by epochs land where the engine says: a
Stepper driven directly in the test, with the same settings, is the reference."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.loop_runs import DIGITS_LOOP, MOONS_LOOP

from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.controller import Controller
from gui.loop_commands import iterations_to_epoch_end


@pytest.fixture
def controllers(qtbot):
    """Controllers shut down after the test (a run's thread must end before Qt exits)."""
    made: list[Controller] = []

    def make(config=MOONS_LOOP) -> Controller:
        made.append(Controller(config))
        return made[-1]

    yield make
    for controller in made:
        controller.shutdown()


def same_place(controller: Controller, reference: Stepper) -> None:
    ours, theirs = controller.snapshot, reference.snapshot
    assert (ours.tick, ours.iteration, ours.phase, ours.focus) == (
        theirs.tick,
        theirs.iteration,
        theirs.phase,
        theirs.focus,
    )
    assert ours.batch == theirs.batch
    np.testing.assert_array_equal(controller.stepper.model.values(), reference.model.values())


def test_the_epoch_end_is_counted_from_the_iteration_under_way() -> None:
    assert iterations_to_epoch_end(0, 20) == 20
    assert iterations_to_epoch_end(19, 20) == 1
    assert iterations_to_epoch_end(20, 20) == 20
    assert iterations_to_epoch_end(5, 20, epochs=3) == 55
    assert iterations_to_epoch_end(7, 1, epochs=4) == 4


def test_step_line_is_the_engines_step_line(qtbot, controllers) -> None:
    controller, reference = controllers(), Stepper(MOONS_LOOP)
    for _ in range(9):
        assert controller.step_line()
        reference.step_line()
        same_place(controller, reference)
    assert (controller.snapshot.iteration, controller.snapshot.phase) == (1, "forward")


def test_step_batch_reaches_the_batchs_end(qtbot, controllers) -> None:
    controller, reference = controllers(), Stepper(MOONS_LOOP)
    controller.step_line()
    reference.step_line()
    assert controller.step_iteration()
    reference.step_iteration()
    same_place(controller, reference)
    assert controller.stepper.micro == 0 and controller.snapshot.completed == 1


def test_step_epoch_runs_to_the_evaluation_at_the_epochs_end(qtbot, controllers) -> None:
    controller, reference = controllers(), Stepper(MOONS_LOOP)
    for _ in range(3):  # into the epoch's first batch
        controller.step_phase()
    assert controller.step_epoch()
    qtbot.waitUntil(lambda: not controller.busy, timeout=60_000)
    reference.run(20)
    assert controller.snapshot.completed == 20
    same_place(controller, reference)
    assert [e.epoch for e in controller.stepper.trajectory.evaluations] == [1]
    assert controller.stepper.trajectory.evaluations == reference.trajectory.evaluations


def test_fast_forward_by_epochs_and_by_batches(qtbot, controllers) -> None:
    controller, reference = controllers(), Stepper(MOONS_LOOP)
    assert controller.run_count(3, "batches")
    qtbot.waitUntil(lambda: not controller.busy, timeout=60_000)
    assert controller.run_count(2, "epochs")  # the rest of epoch 1, then epoch 2
    qtbot.waitUntil(lambda: not controller.busy, timeout=60_000)
    reference.run(40)
    assert controller.snapshot.completed == 40
    same_place(controller, reference)


def test_a_one_batch_epoch_is_stepped_here(qtbot, controllers) -> None:
    controller, reference = controllers(MAZUR), Stepper(MAZUR)
    assert controller.step_epoch() and not controller.busy  # no worker for one iteration
    reference.step_iteration()
    same_place(controller, reference)


def test_the_step_button_steps_a_line_on_a_wide_network(qtbot, controllers) -> None:
    wide, reference = controllers(DIGITS_LOOP), Stepper(DIGITS_LOOP)
    assert wide.wide
    for _ in range(4):  # batch, zero_grad, all of forward, loss
        assert wide.step()
        reference.step_line()
    same_place(wide, reference)
    assert wide.snapshot.phase == "loss"
    small = controllers(MAZUR)
    assert not small.wide and small.step() and small.snapshot.tick == 1


def test_loop_facts_are_copied_once_per_run(qtbot, controllers) -> None:
    controller = controllers()
    facts = controller.loop()
    assert controller.loop() is facts
    assert (facts.per_epoch, facts.epochs, facts.batched) == (20, 2, True)
    samples = Stepper(MOONS_LOOP).samples
    np.testing.assert_array_equal(facts.train.x, samples.train.x)
    assert not facts.train.x.flags.writeable
    assert facts.epoch_of(21) == (2, 2)
    controller.reset()
    assert controller.loop() is not facts
    assert controllers(MAZUR).loop().train is None
