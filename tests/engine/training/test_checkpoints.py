"""Checkpoints: saved exactly, restored exactly, thinned past a budget (never ready or edits)."""

from __future__ import annotations

import numpy as np

from engine.models.presets import MAZUR
from engine.training.checkpoints import CheckpointStore
from engine.training.position import Position
from engine.training.stepper import Stepper
from engine.training.training_setup import TrainingSetup
from engine.training.trajectory import Trajectory


def _store(max_count: int = 100) -> tuple[CheckpointStore, Position, TrainingSetup]:
    setup = TrainingSetup.build(MAZUR)
    position = Position(Trajectory(setup.model.values()))
    return CheckpointStore(setup, position, max_count), position, setup


def test_a_restore_puts_back_the_values_and_the_position() -> None:
    store, position, setup = _store()
    store.save("iteration")
    start = setup.model.values()
    setup.model.set_values({"w1": 9.0})
    position.tick, position.iteration, position.micro, position.diverged = 26, 1, 3, True
    store.restore(store.nearest(26))
    assert np.array_equal(setup.model.values(), start)
    assert (position.tick, position.iteration, position.micro, position.diverged) == (
        0,
        0,
        0,
        False,
    )


def test_a_checkpoint_is_the_position_itself_only_with_its_snapshot() -> None:
    store, position, _ = _store()
    store.save("iteration")  # no Snapshot: position 0 is reached by replaying from before it
    position.tick = 26
    store.save("edit", Stepper(MAZUR).snapshot)
    assert store.nearest(26).kind == "edit" and store.nearest(27).tick == 26
    assert store.nearest(25).tick == 0


def test_thinning_drops_older_iteration_checkpoints_only() -> None:
    store, position, _ = _store(max_count=6)
    store.save("ready", Stepper(MAZUR).snapshot)
    for tick in range(26, 26 * 12, 26):
        position.tick = tick
        store.save("edit" if tick == 52 else "iteration")
    kinds = {tick: c.kind for tick, c in store.saved.items()}
    assert kinds[0] == "ready" and kinds[52] == "edit"
    assert sorted(kinds)[-4:] == [26 * k for k in range(8, 12)]  # the newest stay dense
    assert len(kinds) < 12


def test_forgetting_the_future_keeps_this_position_and_before() -> None:
    store, position, _ = _store()
    for tick in (0, 26, 52):
        position.tick = tick
        store.save("edit" if tick == 52 else "iteration")
    position.tick = 26
    assert store.edit_ahead()
    store.forget_future()
    assert sorted(store.saved) == [0, 26] and not store.edit_ahead()
