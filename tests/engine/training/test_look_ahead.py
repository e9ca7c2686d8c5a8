"""The whole iteration, also its micro-steps not reached yet, without moving the run."""

from __future__ import annotations

import numpy as np
import torch

from engine.models.presets import MAZUR
from engine.training.stepper import Stepper


def _fields(snapshot):
    return (
        snapshot.tick, snapshot.iteration, snapshot.completed, snapshot.phase, snapshot.focus,
        dict(snapshot.params), dict(snapshot.grads), snapshot.loss,
    )  # fmt: skip


def _state(stepper: Stepper):
    t = stepper.trajectory
    return (
        stepper.tick, stepper.micro, stepper.iteration, stepper.max_tick,
        sorted(stepper.checkpoints), t.length, t.losses.tolist(), t.params.tolist(),
        stepper.model.values().tolist(), _fields(stepper.snapshot),
    )  # fmt: skip


def test_mid_iteration_the_whole_iteration_is_computed_and_the_run_left_as_it_was():
    stepper, reference = Stepper(MAZUR), Stepper(MAZUR)
    stepper.step_iteration()
    reference.step_iteration()
    for _ in range(7):
        stepper.step_phase()  # at the furthest position, in the middle of iteration 2
    before = _state(stepper)
    whole = stepper.whole_iteration()
    expected = [reference.step_phase() for _ in range(stepper.micro_steps_per_iteration)]
    assert [_fields(s) for s in whole] == [_fields(s) for s in expected]
    assert whole[0].phase == "zero_grad" and whole[-1].phase == "step"
    assert _state(stepper) == before  # position, furthest position, history, checkpoints
    # and the run goes on exactly as it would have
    assert _fields(stepper.step_phase()) == _fields(expected[7])


def test_the_loss_shown_in_the_look_ahead_is_the_plain_pytorch_loss():
    stepper = Stepper(MAZUR)
    stepper.step_phase()  # zero_grad only: the loss is not computed yet
    whole = stepper.whole_iteration()
    x, target = torch.tensor([[0.05, 0.10]]), torch.tensor([[0.01, 0.99]])
    w1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]])
    w2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]])
    hidden = torch.sigmoid(x @ w1.T + 0.35)
    out = torch.sigmoid(hidden @ w2.T + 0.60)
    loss = float(0.5 * ((target - out) ** 2).sum())
    losses = [s.loss for s in whole]
    assert losses[:5] == [None] * 5 and np.isclose(losses[5], loss, rtol=0, atol=1e-7)
    assert stepper.tick == 1 and stepper.max_tick == 1 and stepper.snapshot.loss is None


def test_after_going_back_into_an_iteration_its_whole_is_replayed_and_the_future_kept():
    stepper = Stepper(MAZUR)
    stepper.run(3)
    for _ in range(10):
        stepper.back()  # in the middle of iteration 3, with its end still ahead
    before = _state(stepper)
    whole = stepper.whole_iteration()
    assert len(whole) == stepper.micro_steps_per_iteration
    assert {s.iteration for s in whole} == {2}
    assert _state(stepper) == before


def test_between_iterations_the_last_one_is_shown_and_after_an_edit_the_next():
    stepper = Stepper(MAZUR)
    assert stepper.whole_iteration() == ()  # nothing stepped yet
    stepper.step_iteration()
    assert {s.iteration for s in stepper.whole_iteration()} == {0}
    stepper.edit_parameter("w5", 3.0)
    before = _state(stepper)
    whole = stepper.whole_iteration()
    assert {s.iteration for s in whole} == {1} and whole[0].params["w5"] == 3.0
    assert _state(stepper) == before
