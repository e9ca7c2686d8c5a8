"""What-if: an edit's forward pass and loss at once, and an edit mid-iteration as a restart."""

from __future__ import annotations

import pytest
import torch
from run_state import mazur_loss, state

from engine.core.errors import EngineError
from engine.models.presets import MAZUR, XOR, get_preset
from engine.training.stepper import Stepper


def test_the_preview_after_a_weight_edit_is_plain_pytorchs_forward():
    stepper = Stepper(MAZUR)
    stepper.run(1)
    stepper.edit_parameter("w5", 3.0)
    before = state(stepper)
    preview = stepper.forward_preview()
    assert state(stepper) == before  # nothing of the run changed
    assert preview.tick == stepper.tick and preview.edited == "w5"
    params = stepper.params()
    assert params["w5"] == 3.0
    assert preview.loss == mazur_loss(params, [[0.05, 0.10]], [[0.01, 0.99]])
    # ... and the step the learner takes next computes the same numbers.
    while stepper.snapshot.loss is None:
        stepper.step_phase()
    assert stepper.snapshot.loss == preview.loss
    for name, value in stepper.snapshot.neurons.items():
        assert preview.neurons[name] == value


def test_the_preview_of_a_batch_and_of_a_test_function():
    stepper = Stepper(XOR)
    stepper.edit_parameter("w2", 1.5)
    preview = stepper.forward_preview()
    stepper.step_iteration()
    assert stepper.trajectory.losses[0] == preview.loss
    rosenbrock = Stepper(get_preset("rosenbrock"))
    rosenbrock.edit_parameter("x", 0.5)
    x, y = rosenbrock.params()["x"], rosenbrock.params()["y"]
    expected = (1 - torch.tensor(x, dtype=torch.float64)) ** 2 + 100 * (y - x**2) ** 2
    assert rosenbrock.forward_preview().loss == float(expected)


def test_a_mid_iteration_edit_restarts_the_iteration_as_an_edit_at_its_start_would():
    restarted = Stepper(MAZUR)
    restarted.run(2)
    start = state(restarted)
    for _ in range(9):
        restarted.step_phase()
    restarted.restart_iteration_with("w1", 2.5)
    direct = Stepper(MAZUR)
    direct.run(2)
    direct.edit_parameter("w1", 2.5)
    assert state(restarted) == state(direct)
    assert restarted.snapshot.phase == "edit" and restarted.snapshot.focus == "w1"
    restarted.back()  # ← undoes the edit, at the iteration's start
    assert state(restarted) == start
    restarted.step_iteration()
    direct.back()
    direct.step_iteration()
    assert restarted.trajectory.losses.tobytes() == direct.trajectory.losses.tobytes()


def test_a_refused_restart_leaves_the_position_alone():
    stepper = Stepper(MAZUR)
    stepper.run(1)
    for _ in range(4):
        stepper.step_phase()
    before = state(stepper)
    for label, value in (("nope", 1.0), ("w1", float("nan"))):
        with pytest.raises(EngineError):
            stepper.restart_iteration_with(label, value)
        assert state(stepper) == before
