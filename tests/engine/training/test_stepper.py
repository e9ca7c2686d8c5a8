"""The phase state machine: real calls, autograd's order, exact undo, accumulation, divergence."""

import math

import numpy as np
import pytest
import torch

from engine.core.errors import EngineError
from engine.models.presets import MAZUR, XOR
from engine.training.stepper import Stepper


def full_state(stepper: Stepper):
    """Parameters, gradients and optimizer state, as exact bytes."""
    values = stepper.model.values().tobytes()
    grads = stepper.model.grads()
    state = stepper.optimizer.state_dict()["state"]
    optimizer = {
        (i, k): (v.clone() if isinstance(v, torch.Tensor) else v)
        for i, s in state.items()
        for k, v in s.items()
    }
    return values, None if grads is None else grads.tobytes(), optimizer


def same_state(a, b) -> bool:
    if a[0] != b[0] or a[1] != b[1] or a[2].keys() != b[2].keys():
        return False
    return all(
        torch.equal(a[2][k], b[2][k]) if isinstance(a[2][k], torch.Tensor) else a[2][k] == b[2][k]
        for k in a[2]
    )


def test_phases_of_one_mazur_iteration_in_order():
    stepper = Stepper(MAZUR)
    phases = [stepper.step_phase() for _ in range(stepper.micro_steps_per_iteration)]
    assert [s.phase for s in phases[:6]] == ["zero_grad"] + ["forward"] * 4 + ["loss"]
    assert [s.focus for s in phases[1:5]] == ["h1", "h2", "o1", "o2"]
    backward = [s.focus for s in phases if s.phase == "backward"]
    # autograd reaches the output layer first: its δs, then w5..w8, then back to the hidden layer.
    assert backward == ["o1", "o2", "w5", "w6", "w7", "w8", "h1", "h2", "w1", "w2", "w3", "w4"]
    assert [s.focus for s in phases if s.phase == "step"] == [f"w{k}" for k in range(1, 9)]
    assert [s.code_line for s in phases[:6]] == [1, 2, 2, 2, 2, 3]


def test_gradients_appear_as_autograd_writes_them():
    stepper = Stepper(MAZUR)
    while (snap := stepper.step_phase()).focus != "w5" or snap.phase != "backward":
        pass
    assert snap.grads["w5"] is not None and snap.grads["w6"] is None and snap.grads["w1"] is None


def test_parameters_change_one_by_one_during_step():
    stepper = Stepper(MAZUR)
    while (snap := stepper.step_phase()).phase != "step":
        pass
    assert snap.focus == "w1" and snap.params["w1"] != 0.15 and snap.params["w2"] == 0.20


def test_micro_stepping_and_fast_forward_give_identical_numbers():
    stepped, fast = Stepper(MAZUR.replace(optimizer="adam", lr=0.1)), None
    for _ in range(5):
        stepped.step_iteration()
    fast = Stepper(MAZUR.replace(optimizer="adam", lr=0.1))
    fast.run(5)
    assert same_state(full_state(stepped), full_state(fast))
    np.testing.assert_array_equal(stepped.trajectory.losses, fast.trajectory.losses)


def test_back_is_exact_over_three_adam_iterations():
    stepper = Stepper(MAZUR.replace(optimizer="adam", lr=0.05, train_biases=True))
    states, snaps = [full_state(stepper)], [stepper.snapshot]
    for _ in range(3 * stepper.micro_steps_per_iteration):
        snaps.append(stepper.step_phase())
        states.append(full_state(stepper))
    for expected_state, expected_snap in zip(
        reversed(states[:-1]), reversed(snaps[:-1]), strict=True
    ):
        snap = stepper.back()
        assert snap == expected_snap
        assert same_state(full_state(stepper), expected_state)
    assert stepper.snapshot.phase == "ready" and not stepper.can_go_back


def test_back_after_fast_forward_lands_inside_the_last_iteration():
    stepper = Stepper(MAZUR.replace(optimizer="adam", lr=0.05))
    stepper.run(250)
    end = full_state(stepper)
    stepper.back()
    assert stepper.snapshot.phase == "step" and stepper.snapshot.focus == "w7"
    stepper.step_phase()
    assert same_state(full_state(stepper), end)
    for _ in range(60 * stepper.micro_steps_per_iteration):
        stepper.back()  # across the checkpoint at iteration 200, replaying from the one before
    assert stepper.trajectory.length == 190 and stepper.snapshot.phase == "step"


def test_skip_zero_grad_accumulates_gradients():
    normal = Stepper(MAZUR)
    accumulating = Stepper(MAZUR.replace(skip_zero_grad=True))
    first = normal.step_iteration().grads["w5"]
    assert accumulating.step_iteration().grads["w5"] == first
    normal_second = normal.step_iteration().grads["w5"]
    accumulated = accumulating.step_iteration().grads["w5"]
    assert accumulated == pytest.approx(first + normal_second, abs=1e-15)
    snap = accumulating.step_phase()
    assert snap.phase == "zero_grad" and "accumulate" in snap.explanation


def test_edit_is_recorded_and_undone_by_back():
    stepper = Stepper(MAZUR)
    stepper.step_iteration()
    before = full_state(stepper)
    snap = stepper.edit_parameter("w5", 1.25)
    assert snap.phase == "edit" and snap.params["w5"] == 1.25
    stepper.step_iteration()
    stepper.back()
    stepper.back()  # ... through the whole iteration, back to the edit
    for _ in range(stepper.micro_steps_per_iteration - 2):
        stepper.back()
    assert stepper.snapshot.phase == "edit"
    stepper.back()
    assert same_state(full_state(stepper), before)


def test_edit_mid_iteration_is_refused_and_keeps_the_state():
    stepper = Stepper(MAZUR)
    stepper.step_phase()
    before = full_state(stepper)
    with pytest.raises(EngineError, match="finish or rewind"):
        stepper.edit_parameter("w1", 2.0)
    with pytest.raises(EngineError):
        Stepper(MAZUR).edit_parameter("w1", math.nan)
    assert same_state(full_state(stepper), before)


def test_divergence_stops_the_run_at_the_last_finite_state():
    stepper = Stepper(XOR.replace(lr=1e200, activations=("tanh", "identity")))
    result = stepper.run(50)
    assert result.diverged_at is not None and result.completed == result.diverged_at - 1
    assert np.isfinite(stepper.model.values()).all() and math.isfinite(stepper.current_loss())
    assert all(math.isfinite(x) for x in stepper.trajectory.losses)


def test_divergence_pauses_micro_stepping():
    stepper = Stepper(MAZUR.replace(lr=1e200, activations=("identity", "identity")))
    for _ in range(10 * stepper.micro_steps_per_iteration):
        if (snap := stepper.step_phase()).diverged:
            break
    assert snap.phase == "loss" and "diverged" in snap.explanation
    with pytest.raises(EngineError, match="diverged"):
        stepper.step_phase()
    assert not stepper.back().diverged


def test_reset_returns_to_the_start():
    stepper = Stepper(MAZUR)
    stepper.run(3)
    snap = stepper.reset()
    assert snap.phase == "ready" and snap.params["w1"] == 0.15 and stepper.trajectory.length == 0


def test_run_reports_progress_and_can_be_cancelled():
    stepper = Stepper(MAZUR)
    seen: list[int] = []
    result = stepper.run(10_000, progress=seen.append, should_stop=lambda: len(seen) >= 2)
    assert result.cancelled and result.completed == 512 and seen == [256, 512]
    assert stepper.trajectory.length == 512


def test_snapshot_is_immutable():
    snap = Stepper(MAZUR).step_phase()
    with pytest.raises(TypeError):
        snap.params["w1"] = 3.0  # type: ignore[index]


def test_stepping_forward_after_undoing_an_edit_discards_it():
    stepper = Stepper(MAZUR)
    stepper.step_iteration()
    stepper.edit_parameter("w5", 1.25)
    stepper.back()  # the edit is undone
    stepper.step_iteration()
    assert stepper.snapshot.params["w5"] != 1.25
    end = full_state(stepper)
    stepper.back()
    stepper.step_phase()
    assert same_state(full_state(stepper), end)  # no jump back onto the edited path
    assert all(c.kind != "edit" for c in stepper.checkpoints.values())


def test_completed_counts_the_iteration_its_last_step_finishes():
    stepper = Stepper(MAZUR)
    snaps = [stepper.step_phase() for _ in range(stepper.micro_steps_per_iteration)]
    assert [s.completed for s in snaps[-2:]] == [0, 1]
    assert stepper.step_phase().completed == 1


@pytest.mark.parametrize("value", [3.5e38, -1e39, math.inf])
def test_edit_beyond_float32_is_refused_before_anything_changes(value):
    stepper = Stepper(MAZUR.replace(dtype="float32"))
    stepper.run(60)
    stepper.goto(len(stepper.plan))  # the end of iteration 1: checkpoints lie ahead to redo
    before = full_state(stepper)
    checkpoints, max_tick = dict(stepper.checkpoints), stepper.max_tick
    with pytest.raises(EngineError, match="float32") as refusal:
        stepper.edit_parameter("w1", value)
    assert len(str(refusal.value).splitlines()) == 1
    assert same_state(full_state(stepper), before)
    assert stepper.checkpoints == checkpoints and stepper.max_tick == max_tick
    stepper.goto(max_tick)  # redo still reaches the end of the run
    assert stepper.iteration == 60
