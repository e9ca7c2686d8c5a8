"""Checkpoints: the exact state at the start of some iterations, for going back to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.core.snapshot import Snapshot
from engine.models.config import Config
from engine.training.position import Position
from engine.training.run_data import SavedData
from engine.training.training_setup import TrainingSetup


@dataclass
class Checkpoint:
    """Exact state at the start of an iteration."""

    tick: int
    iteration: int
    kind: str  # "ready", "iteration", "edit" or "settings" (see KEPT_KINDS)
    values: np.ndarray
    grads: np.ndarray | None
    optimizer: dict[str, Any] | None  # None: the optimizer was fresh (never built)
    config: Config  # the settings in force (live hyperparameter changes replace them)
    snapshot: Snapshot | None = None  # ready, edit and settings checkpoints are positions
    # Ready, edit and settings checkpoints keep the data as it was (only an edit changes it)
    # and an edit what it set: (label, value as held), which the edit log reads.
    data: SavedData | None = None
    edit: tuple[str, float] | None = None
    schedule: dict[str, Any] | None = None  # the lr scheduler's state (None without one)


# Positions made by hand (an edit, a hyperparameter change): thinning never drops them, the
# logs that sessions and scripts replay are read from them, and stepping on after going back
# past one forgets it.
HAND_KINDS = ("edit", "settings")


class CheckpointStore:
    """The checkpoints of one run, by tick, kept within a memory budget."""

    def __init__(self, setup: TrainingSetup, position: Position, max_count: int) -> None:
        self._setup = setup
        self._position = position
        self.max_count = max_count  # iteration checkpoints beyond this are thinned
        self.saved: dict[int, Checkpoint] = {}

    def clear(self) -> None:
        self.saved = {}

    def save(
        self,
        kind: str,
        snapshot: Snapshot | None = None,
        edit: tuple[str, float] | None = None,
    ) -> None:
        """The exact state of the current position, as a checkpoint of `kind`."""
        if kind == "iteration":
            self._thin()
        model, position = self._setup.model, self._position
        self.saved[position.tick] = Checkpoint(
            position.tick,
            position.iteration,
            kind,
            model.values(),
            model.grads(),
            self._setup.optimizer.saved(),
            self._setup.config,
            snapshot,
            None if kind == "iteration" else self._setup.data.saved(),
            edit,
            self._setup.optimizer.saved_schedule(),
        )

    def save_at_boundary(self) -> None:
        """An iteration checkpoint here, unless this position has one already."""
        if self._position.tick not in self.saved:
            self.save("iteration")

    def _thin(self) -> None:
        """Past the budget, every other iteration checkpoint of the older half goes.

        Going back near the end stays as quick as before; going far back replays further
        (exactly: fast iterations repeat the same operations). Ready and hand-made ones stay.
        """
        if len(self.saved) < self.max_count:  # cheap: counts every kind
            return
        ticks = sorted(t for t, c in self.saved.items() if c.kind == "iteration")
        if len(ticks) < self.max_count:
            return
        for tick in ticks[: len(ticks) // 2][1::2]:
            del self.saved[tick]

    def nearest(self, tick: int) -> Checkpoint:
        """The latest checkpoint from which position `tick` can be reached."""
        return max((c for c in self.saved.values() if _usable(c, tick)), key=lambda c: c.tick)

    def restore(self, checkpoint: Checkpoint) -> None:
        """The model, optimizer and position as they were at `checkpoint`."""
        setup, position = self._setup, self._position
        setup.config = setup.optimizer.config = checkpoint.config
        setup.model.load_values(checkpoint.values)
        setup.model.load_grads(checkpoint.grads)
        setup.optimizer.load(checkpoint.optimizer)
        setup.optimizer.load_schedule(checkpoint.schedule)
        setup.use_batch(checkpoint.iteration)  # the batch the next iteration trains on
        data = self._data_at(checkpoint.tick)
        if data is not None:
            setup.data.load(data)
        position.iteration = checkpoint.iteration
        position.tick = checkpoint.tick
        position.micro = 0
        position.pass_ = None
        position.diverged = False
        position.trajectory.rewind(checkpoint.iteration, checkpoint.values)

    def _data_at(self, tick: int) -> SavedData | None:
        """The data at `tick`: as the latest ready or edit checkpoint up to it left it (a run
        always has its ready checkpoint; None only where a store holds iterations alone)."""
        kept = [c for c in self.saved.values() if c.data is not None and c.tick <= tick]
        return max(kept, key=lambda c: c.tick).data if kept else None

    def edit_ahead(self) -> bool:
        """Whether an edit or a settings change lies past the current position (undone by
        going back)."""
        tick = self._position.tick
        return any(c.kind in HAND_KINDS and c.tick > tick for c in self.saved.values())

    def forget_future(self) -> None:
        """Drop the checkpoints past the current position: the run goes another way now."""
        for tick in [t for t in self.saved if t > self._position.tick]:
            del self.saved[tick]


def _usable(checkpoint: Checkpoint, tick: int) -> bool:
    if checkpoint.tick < tick:
        return True
    return checkpoint.tick == tick and checkpoint.snapshot is not None
