"""What the window gets of the run: copies and facts from the controller, taken only at rest."""

from __future__ import annotations

import numpy as np
import pytest

from engine.core.errors import EngineError
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.controller import Controller
from gui.run_copies import PictureTaker


@pytest.fixture
def controllers(qtbot):
    """Controllers that are shut down after the test: a run's thread must end before its
    QThread is destroyed, or Qt aborts the whole test process later, at garbage collection."""
    made: list[Controller] = []

    def make(config=MAZUR) -> Controller:
        made.append(Controller(config))
        return made[-1]

    yield make
    for controller in made:
        controller.shutdown()


def test_a_picture_is_taken_once_per_state(qtbot, controllers) -> None:
    controller = controllers()
    first = controller.run_picture()
    assert controller.run_picture() is first  # nothing moved: the same copies
    assert controller.step_phase()
    second = controller.run_picture()
    assert second is not first and second.snapshot is controller.snapshot
    np.testing.assert_array_equal(second.values, controller.stepper.model.values())


def test_during_a_run_the_picture_taken_at_rest_is_handed_out(qtbot, controllers) -> None:
    controller = controllers()
    before = controller.run_picture()
    values = before.values.copy()
    assert controller.run_iterations(200_000)
    assert controller.busy and not controller.at_rest
    qtbot.waitSignal(
        controller.run_progress, timeout=30_000, check_params_cb=lambda done, _: done > 0
    ).wait()  # some iterations done: the stepper has moved on from the picture
    during = controller.run_picture()
    assert during is before
    np.testing.assert_array_equal(during.values, values)
    controller.cancel_run()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    after = controller.run_picture()
    assert after is not before and after.snapshot is controller.snapshot
    assert len(after.path) > len(before.path)


def test_a_run_is_pictured_as_it_starts(qtbot, controllers) -> None:
    controller = controllers()  # no picture asked for yet
    values = controller.stepper.model.values().copy()
    assert controller.run_iterations(200_000)
    np.testing.assert_array_equal(controller.run_picture().values, values)
    controller.cancel_run()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)


def test_no_picture_is_taken_of_a_stepper_that_is_not_at_rest() -> None:
    with pytest.raises(EngineError, match="not come to rest"):
        PictureTaker().picture(Stepper(MAZUR), at_rest=False)


def test_the_whole_iteration_is_replayed_exactly_and_the_stepper_left_where_it_was(
    qtbot, controllers
):
    controller, reference = controllers(), Stepper(MAZUR)
    assert controller.iteration_snapshots() == ()  # nothing stepped yet
    controller.step_iteration()
    reference.step_iteration()
    for _ in range(5):
        controller.step_phase()
    per = reference.micro_steps_per_iteration
    expected = [reference.step_phase() for _ in range(per)]  # also those not reached yet
    stepper = controller.stepper
    tick, params = controller.snapshot.tick, dict(controller.snapshot.params)
    furthest, losses = stepper.max_tick, stepper.trajectory.losses.tolist()
    replayed = controller.iteration_snapshots()
    assert [s.tick for s in replayed] == [s.tick for s in expected]
    for got, want in zip(replayed, expected, strict=True):
        assert (got.phase, got.focus, dict(got.params), dict(got.grads), got.loss) == (
            want.phase, want.focus, dict(want.params), dict(want.grads), want.loss
        )  # fmt: skip
    assert controller.stepper.tick == tick and dict(controller.stepper.snapshot.params) == params
    assert stepper.max_tick == furthest and stepper.trajectory.losses.tolist() == losses
    controller.step_phase()
    assert dict(controller.snapshot.grads) == dict(expected[5].grads)


def test_facts_about_the_network_and_its_loss_match_the_stepper(qtbot, controllers) -> None:
    controller = controllers(MAZUR.replace(layers=(2, 3, 2), activations=("tanh", "sigmoid")))
    stepper = controller.stepper
    controller.step_iteration()
    network = controller.network()
    assert network.neurons == (("i1", "i2"), ("h1", "h2", "h3"), ("o1", "o2"))
    assert network.params == tuple(stepper.model.params) and network.device == "cpu"
    assert network.micro_steps_per_iteration == stepper.micro_steps_per_iteration
    assert controller.current_loss() == stepper.current_loss()  # the same bits


def test_reading_now_is_refused_while_a_run_owns_the_stepper(qtbot, controllers) -> None:
    controller = controllers()
    assert controller.read(lambda stepper: stepper.tick) == 0
    assert controller.run_iterations(200_000)
    with pytest.raises(EngineError, match="not come to rest"):
        controller.read(lambda stepper: stepper.tick)
    controller.cancel_run()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)


def test_a_run_is_handed_over_whole(qtbot, controllers) -> None:
    old, new = controllers(), controllers()
    old.run_blocking(3)
    stepper = old.stepper
    assert old.hand_over(new, "Language: English")
    assert new.stepper is stepper and new.snapshot.completed == 3


def test_a_run_started_after_a_new_model_is_pictured_with_that_model(qtbot, controllers) -> None:
    controller = controllers()
    assert controller.run_picture().config.preset == "mazur"
    assert controller.load_preset("himmelblau")
    assert controller.run_iterations(200_000)
    assert controller.run_picture().config.preset == "himmelblau"  # not the old network
    controller.cancel_run()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
