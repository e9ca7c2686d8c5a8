"""Fast iterations: the same numbers as micro-stepping, committed in chunks, divergence cut off."""

from __future__ import annotations

import numpy as np

from engine.models.presets import MAZUR
from engine.training.fast_batch import FastIterations
from engine.training.phases import make_timeline
from engine.training.position import Position
from engine.training.stepper import Stepper
from engine.training.training_setup import TrainingSetup
from engine.training.trajectory import Trajectory

PLAN_LENGTH = 26  # Mazur's micro-steps per iteration


def _fast(config=MAZUR) -> tuple[FastIterations, Position]:
    setup = TrainingSetup.build(config)
    position = Position(Trajectory(setup.model.values()))
    timeline = make_timeline(setup)
    assert timeline.length(0) == PLAN_LENGTH
    return FastIterations(setup, position, timeline), position


def test_replayed_iterations_match_micro_stepped_ones() -> None:
    fast, position = _fast()
    fast.replay_iterations(3)
    stepped = Stepper(MAZUR)
    for _ in range(3):
        stepped.step_iteration()
    assert (position.iteration, position.tick, position.max_tick) == (3, 78, 78)
    assert np.array_equal(position.trajectory.losses, stepped.trajectory.losses)
    assert np.array_equal(position.trajectory.grad_norms, stepped.trajectory.grad_norms)
    assert np.array_equal(position.trajectory.current, stepped.model.values())


def test_a_commit_keeps_only_the_iterations_before_a_non_finite_loss() -> None:
    fast, position = _fast(MAZUR.replace(activations=("identity", "identity"), lr=1e3))
    batch = fast.batch()
    for _ in range(60):
        batch.iterate()
    past = fast.commit(batch)
    assert past is not None and 0 < past <= 60
    assert position.iteration == 60 - past == position.trajectory.length
    assert np.isfinite(position.trajectory.losses).all()
    assert fast.commit(batch) is None  # nothing queued any more
