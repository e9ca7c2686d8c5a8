"""One whole iteration's Snapshots, also the micro-steps not reached yet, leaving the run as it was.

The iteration animation shows an iteration from its zero_grad to its step even when the learner
stands in its middle. Micro-steps past the furthest position are computed for real, exactly as
stepping would, and then forgotten: the position, the furthest position, the checkpoints and
the recorded trajectory are what they were before.
"""

from __future__ import annotations

import numpy as np

from engine.core.errors import EngineError
from engine.core.snapshot import Snapshot
from engine.training.checkpoints import CheckpointStore
from engine.training.evaluation import Evaluation
from engine.training.history import History
from engine.training.phases import PhaseMachine
from engine.training.position import Position
from engine.training.trajectory import Trajectory


class _Unrecorded:
    """Stands in for the trajectory while looking ahead: counts iterations, records nothing.

    The Snapshots read only `length`; the real record is left untouched (recording into it
    and rewinding could thin it, which cannot be undone)."""

    def __init__(self, record: Trajectory) -> None:
        self.length = record.length
        self._losses = record.losses.copy()  # an epoch's end averages its batches' losses

    @property
    def losses(self) -> np.ndarray:
        return self._losses

    def record(
        self, iteration: int, loss: float, grad_norm: float, after: np.ndarray, lr: float
    ) -> None:
        self._losses = np.append(self._losses[:iteration], loss)
        self.length = iteration + 1

    def record_evaluation(self, iteration: int, evaluation: Evaluation) -> None:
        """Shown by the micro-step's Snapshot, kept nowhere."""


class LookAhead:
    """Replays (and where needed computes) one whole iteration without moving the run."""

    def __init__(
        self, position: Position, store: CheckpointStore, phases: PhaseMachine, history: History
    ) -> None:
        self._position = position
        self._store = store
        self._phases = phases
        self._history = history

    def first_tick(self) -> int | None:
        """The position before the iteration to show: the current one, or the last one when an
        iteration has just finished; the next one after a reset or an edit. None at the start."""
        position = self._position
        if position.micro:
            return position.tick - position.micro
        snapshot = position.snapshot
        if position.tick == 0:
            return None
        if snapshot is not None and snapshot.phase not in ("ready", "edit"):
            return position.tick - self._phases.timeline.length(position.iteration - 1)
        return position.tick

    def whole_iteration(self) -> tuple[Snapshot, ...]:
        """Every micro-step of that iteration, from zero_grad to the last update (fewer only
        when its loss diverged); the run is then exactly where it was."""
        start = self.first_tick()
        if start is None:
            return ()
        position = self._position
        here, furthest, record = position.tick, position.max_tick, position.trajectory
        checkpoints = dict(self._store.saved)  # replaying may add (or thin) some
        try:
            self._history.goto(start)
            position.trajectory = _Unrecorded(record)  # type: ignore[assignment]
            return self._advance(self._phases.timeline.length(position.iteration))
        finally:
            position.trajectory = record
            self._history.goto(here)
            position.max_tick = furthest
            self._store.saved.clear()
            self._store.saved.update(checkpoints)

    def _advance(self, count: int) -> tuple[Snapshot, ...]:
        snapshots: list[Snapshot] = []
        for _ in range(count):
            try:
                snapshots.append(self._phases.advance(build=True))
            except EngineError:  # the loss diverged: the iteration ends there
                break
        return tuple(snapshots)
