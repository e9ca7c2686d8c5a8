"""Undo, goto and hand edits: any earlier position is reached again exactly.

History keeps a checkpoint at the start of iterations and replays micro-steps on demand, so
back() is exact (parameters, gradients and optimizer state bit for bit) and memory stays small.
"""

from __future__ import annotations

import math

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.core.snapshot import Snapshot
from engine.explain import phases as explain
from engine.models.config import FLOAT32_MAX
from engine.models.data_labels import DataCell, data_cell
from engine.training.checkpoints import CheckpointStore
from engine.training.fast_batch import FastIterations
from engine.training.phases import PhaseMachine
from engine.training.position import Position
from engine.training.snapshot_builder import SnapshotBuilder
from engine.training.training_setup import TrainingSetup


class History:
    """Moves to any position up to the furthest reached: back(), goto(), and undone edits."""

    def __init__(
        self,
        store: CheckpointStore,
        position: Position,
        phases: PhaseMachine,
        fast: FastIterations,
    ) -> None:
        self._store = store
        self._position = position
        self._phases = phases
        self._fast = fast

    def back(self) -> Snapshot:
        """Undo one micro-step (or an edit), restoring parameters, gradients and state exactly."""
        position = self._position
        if position.tick == 0:
            assert position.snapshot is not None
            return position.snapshot
        return self.goto(position.tick - 1)

    def goto(self, tick: int) -> Snapshot:
        """Reach position `tick` from the nearest checkpoint, replaying what lies between."""
        position = self._position
        if not 0 <= tick <= position.max_tick:
            raise EngineError(f"no position {tick} in this history (0 to {position.max_tick})")
        checkpoint = self._store.nearest(tick)
        self._store.restore(checkpoint)
        position.stale = False
        if checkpoint.tick == tick:
            assert checkpoint.snapshot is not None
            position.snapshot = checkpoint.snapshot
            return checkpoint.snapshot
        whole = self._phases.timeline.whole_within(checkpoint.iteration, tick - checkpoint.tick - 1)
        self._fast.replay_iterations(whole)
        while position.tick < tick - 1:
            self._phases.advance(build=False)
        return self._phases.advance(build=True)

    def drop_undone_edits(self) -> None:
        """Moving forward after back() undid an edit discards that edit, as undo stacks do.

        Otherwise a later goto or run would land on the edited path again.
        """
        position = self._position
        if position.tick >= position.max_tick:
            return  # nothing lies ahead: skip the walk over every checkpoint
        if self._store.edit_ahead():
            self._store.forget_future()
            position.max_tick = position.tick


class HandEdits:
    """Sets a parameter by hand between iterations, as a position of its own that back() undoes.

    Each edit is kept as a checkpoint that thinning never drops: the edit log is read from them.
    """

    def __init__(
        self,
        setup: TrainingSetup,
        position: Position,
        store: CheckpointStore,
        snapshots: SnapshotBuilder,
    ) -> None:
        self._setup = setup
        self._position = position
        self._store = store
        self._snapshots = snapshots

    def edit(self, label: str, value: float) -> Snapshot:
        """Set `label` (a parameter, an input or a target) to `value`; what lay ahead of this
        position is forgotten."""
        model, position = self._setup.model, self._position
        self._check_position()
        self.check(label, value)
        cell = self.cell_of(label)
        self._store.save_at_boundary()
        self._store.forget_future()
        if cell is None:
            old = float(model.values()[model.index[label]])
            model.set_values({label: float(value)})
            held = float(model.values()[model.index[label]])
        else:
            old = self._setup.data.value(cell)
            held = self._setup.data.set(cell, float(value))
        position.tick += 1
        position.max_tick = position.tick
        position.diverged = False
        position.trajectory.rewind(position.iteration, model.values())
        text = explain.Text(
            f"{label} was set by hand from {old:g} to {value:g}.", (f"{label} = {value:g}",)
        )
        position.snapshot = self._snapshots.build("edit", label, text)
        self._store.save("edit", position.snapshot, (label, held))
        return position.snapshot

    def cell_of(self, label: str) -> DataCell | None:
        """The input or target `label` names (a network's only: a test function has no data)."""
        if not self._setup.config.has_layers:
            return None
        return data_cell(label, self._setup.model.neurons, len(self._setup.data.x))

    def _check_position(self) -> None:
        if self._position.micro:
            raise EngineError(
                translate(
                    "EngineError",
                    "finish or rewind the current iteration before editing a parameter",
                )
            )

    def check(self, label: str, value: object) -> None:
        """Refuse an unknown label or a value the run cannot hold, before anything moves."""
        if label not in self._setup.model.index and self.cell_of(label) is None:
            raise EngineError(f"unknown parameter {label!r}")
        if self._setup.loop is not None and self.cell_of(label) is not None:
            # Each iteration's batch is drawn afresh from the dataset: an edited value of
            # the current batch would vanish at the next one.
            text = translate(
                "EngineError",
                "{label} is a value of the dataset's samples, which the DataLoader draws in "
                "batches: it cannot be set by hand (set a parameter instead)",
            )
            raise EngineError(text.format(label=label))
        self._check_value(label, value)

    def _check_value(self, label: str, value: object) -> None:
        """Refuse, before anything changes, a value the parameters' dtype cannot hold."""
        if self._setup.config.dtype == "float32" and not (
            isinstance(value, int | float) and abs(value) <= FLOAT32_MAX
        ):
            text = translate(
                "EngineError",
                "{label} must be a finite number float32 can hold (at most ±{most:.7g}), "
                "got {value!r}",
            )
            raise EngineError(text.format(label=label, value=value, most=FLOAT32_MAX))
        if not isinstance(value, int | float) or not math.isfinite(value):
            text = translate("EngineError", "{label} must be a finite number, got {value!r}")
            raise EngineError(text.format(label=label, value=value))
