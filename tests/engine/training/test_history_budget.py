"""A run whose history would outgrow memory is refused up front; ordinary runs are not."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from engine.core.errors import EngineError
from engine.models.presets import MAZUR
from engine.training.history_budget import (
    HISTORY_BUDGET_BYTES,
    checkpoint_bytes,
    checkpoints_kept_for,
    params_record_bytes,
)
from engine.training.stepper import Stepper

BIG = MAZUR.replace(
    layers=(40, 100, 50),
    activations=("sigmoid", "sigmoid"),
    inputs=((0.1,) * 40,),
    targets=((0.5,) * 50,),
    initial_params=(),
)
PARAMETERS = 9150


def never(*_: object) -> bool:
    return True


def test_the_longest_runs_the_command_line_allows_fit():
    Stepper(MAZUR).check_history_room(10_000_000)
    Stepper(BIG).check_history_room(10_000_000)  # thinned parameters and checkpoints


def test_an_endless_run_is_refused_and_nothing_changes():
    stepper = Stepper(BIG)
    snapshot = stepper.step_phase()
    with pytest.raises(EngineError, match=r"about [\d,.]+ GB of history for 9,150 parameters"):
        stepper.run(1_000_000_000, should_stop=never)  # should_stop: no hang if not refused
    assert stepper.snapshot is snapshot and stepper.tick == 1 and stepper.trajectory.length == 0


def test_the_refusal_says_how_many_more_fit_and_that_many_do():
    stepper = Stepper(BIG)
    stepper.run(10)
    fixed = params_record_bytes(PARAMETERS)
    fixed += checkpoints_kept_for(PARAMETERS) * checkpoint_bytes(PARAMETERS)
    room = int((HISTORY_BUDGET_BYTES - fixed) // 32) - 10
    with pytest.raises(EngineError, match=f"at most {room:,} more fit"):
        stepper.check_history_room(room + 1)
    stepper.check_history_room(room)


def test_the_estimate_is_not_below_what_a_run_keeps():
    stepper = Stepper(MAZUR)
    stepper.run(1)  # the optimizer and the first buffers exist before measuring
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    stepper.run(20_000)
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    parameters = int(stepper.model.values().size)
    # Losses and gradient norms, checkpoints, and (short of thinning) the parameters' record,
    # each in arrays that grow by doubling: up to twice the rows in use.
    estimate = 20_000 * 2 * (16 + 8 * parameters) + 201 * checkpoint_bytes(parameters)
    assert 0 < kept <= estimate
