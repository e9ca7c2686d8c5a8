"""The Stepper: one real PyTorch training loop, revealed one micro-step at a time.

Every iteration literally calls optimizer.zero_grad(), runs the layers, computes the loss and
calls loss.backward() and optimizer.step() once each; every position yields a Snapshot. The
Stepper is the front of the pieces that do this, each with one job: the phase machine
(phases), the reveal order (reveal), checkpoints and undo (checkpoints, history),
fast-forward (fast_batch, fast_forward), Snapshots (snapshot_builder) and the optimizer's
state (optimizer_state).
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import Tensor

from engine.core.snapshot import Snapshot
from engine.explain import phases as explain
from engine.models.config import Config
from engine.models.data_labels import DataCell
from engine.models.forward_preview import ForwardPreview, forward_preview
from engine.models.function_model import FunctionModel
from engine.models.losses import Loss
from engine.models.mlp import MLP
from engine.models.run_samples import RunSamples
from engine.training.checkpoints import Checkpoint, CheckpointStore
from engine.training.clipping import Clipped
from engine.training.fast_batch import FastIterations
from engine.training.fast_forward import FastForward, RunResult
from engine.training.history import HandEdits, History
from engine.training.history_budget import checkpoints_kept_for
from engine.training.live_settings import SettingsChanges
from engine.training.look_ahead import LookAhead
from engine.training.loop_data import LoopData
from engine.training.optimizer_state import ElementStateReader
from engine.training.optimizers import OptimizerLike
from engine.training.phases import PhaseMachine, make_timeline
from engine.training.position import Position
from engine.training.reveal import Revealed
from engine.training.snapshot_builder import SnapshotBuilder
from engine.training.story import Story
from engine.training.training_setup import TrainingSetup
from engine.training.trajectory import Trajectory

__all__ = ["RunResult", "Stepper", "Visitor"]

Visitor = Callable[["Stepper"], None]  # reads a stepper at rest inside a run


class Stepper:
    """Drives one model and optimizer through the phases; every position yields a Snapshot.

    The one object the rest of the app holds: it builds the pieces, shares one Position among
    them and forwards each request to the piece whose job it is.
    """

    def __init__(self, config: Config) -> None:
        setup = TrainingSetup.build(config)
        self._setup = setup
        self.initial_config = config  # as built: sessions and scripts start from it
        self.model: MLP | FunctionModel = setup.model  # a TrainableModel
        self.loss_fn: Loss = setup.loss_fn
        self.x: Tensor = setup.x
        self.target: Tensor = setup.target
        self.trainable: list[Tensor] = setup.trainable
        self.timeline = make_timeline(setup)
        self.plan = self.timeline.base
        targets = setup.target.detach().double().cpu().reshape(setup.target.shape[0], -1)
        self._story = Story(setup.model, self.plan, setup.loss_fn, targets.tolist())
        self._position = Position(Trajectory(setup.model.values()))
        self._assemble(setup)
        self._initial_values = setup.model.values()
        self._initial_data = setup.data.saved()
        self.reset()

    def _assemble(self, setup: TrainingSetup) -> None:
        """The pieces, each handed the shared position and the pieces it works with."""
        position, timeline = self._position, self.timeline
        parameters = len(setup.labels)
        self._store = CheckpointStore(setup, position, checkpoints_kept_for(parameters))
        states = ElementStateReader(setup.model, setup.config, setup.optimizer)
        revealed = Revealed(setup.labels)
        self._snapshots = SnapshotBuilder(setup, position, states, revealed, timeline)
        self._phases = PhaseMachine(setup, position, self._store, states, self._snapshots, timeline)
        fast = FastIterations(setup, position, timeline)
        self._history = History(self._store, position, self._phases, fast)
        self._edits = HandEdits(setup, position, self._store, self._snapshots)
        self._settings = SettingsChanges(setup, position, self._store, self._snapshots)
        self._look_ahead = LookAhead(position, self._store, self._phases, self._history)
        self._fast_forward = FastForward(
            position, self._store, self._phases, fast, self._history, parameters
        )

    # -- where the run stands --------------------------------------------------------------
    @property
    def config(self) -> Config:
        """The settings in force at this position (hyperparameters may have changed live)."""
        return self._setup.config

    @property
    def optimizer(self) -> OptimizerLike:
        return self._setup.optimizer.get()

    @property
    def snapshot(self) -> Snapshot:
        if self._position.stale:  # fast-forward left it to be rebuilt when read
            self._history.goto(self._position.tick)
        snapshot = self._position.snapshot
        assert snapshot is not None
        return snapshot

    @property
    def trajectory(self) -> Trajectory:
        return self._position.trajectory

    @property
    def tick(self) -> int:
        return self._position.tick

    @property
    def micro(self) -> int:
        return self._position.micro

    @property
    def iteration(self) -> int:
        return self._position.iteration

    @property
    def max_tick(self) -> int:
        return self._position.max_tick

    @property
    def diverged(self) -> bool:
        return self._position.diverged

    @property
    def micro_steps_per_iteration(self) -> int:
        """An ordinary iteration's micro-steps (an epoch's last batch may add some)."""
        return len(self.plan)

    @property
    def iteration_length(self) -> int:
        """The current iteration's micro-steps."""
        return self.timeline.length(self._position.iteration)

    @property
    def loop(self) -> LoopData | None:
        """The run's training and validation sets and its batches; None for one fixed batch."""
        return self._setup.loop

    @property
    def clipped(self) -> Clipped | None:
        """What clipping did in the iteration shown; None before its clip or without one."""
        position = self._position
        p = position.pass_
        if p is None and position.finished and position.finished[0] == self.snapshot.iteration:
            p = position.finished[1]
        return None if p is None else p.clipped

    @property
    def samples(self) -> RunSamples | None:
        """The run's training and validation sets (None: the config's own rows, one batch)."""
        loop = self._setup.loop
        return None if loop is None else loop.samples

    @property
    def checkpoints(self) -> dict[int, Checkpoint]:
        """The saved checkpoints by tick (read-only for callers: the edit log reads them)."""
        return self._store.saved

    @property
    def max_checkpoints(self) -> int:
        return self._store.max_count

    @max_checkpoints.setter
    def max_checkpoints(self, count: int) -> None:
        self._store.max_count = count

    @property
    def can_go_back(self) -> bool:
        return self._position.tick > 0

    # -- moving ----------------------------------------------------------------------------
    def reset(self) -> Snapshot:
        """Back to the configured starting point; history is cleared."""
        model = self.model
        self._setup.config = self._setup.optimizer.config = self.initial_config
        model.load_values(self._initial_values)
        model.load_grads(None)
        self._setup.data.load(self._initial_data)
        self._setup.optimizer.forget()
        self._position.restart(Trajectory(model.values()))
        snapshot = self._snapshots.build("ready", None, explain.ready(self.config, model))
        self._position.snapshot = snapshot
        self._store.clear()
        self._store.save("ready", snapshot)
        return snapshot

    def step_phase(self, build: bool = True) -> Snapshot:
        """Advance exactly one micro-step (`build=False`: without building its Snapshot)."""
        self._history.drop_undone_edits()
        return self._phases.advance(build)

    def step_line(self) -> Snapshot:
        """Advance through every micro-step of the current line of the loop (all neurons of
        forward, every gradient of backward, every update of step): one click per line for a
        network too wide to follow value by value."""
        snapshot = self.step_phase()
        while self._position.micro and self._next_phase() == snapshot.phase:
            snapshot = self._phases.advance(build=self._last_of_line())
        return self.snapshot

    def _next_phase(self) -> str:
        return self.timeline.plan(self._position.iteration)[self._position.micro][0]

    def _last_of_line(self) -> bool:
        plan, micro = self.timeline.plan(self._position.iteration), self._position.micro
        return micro + 1 == len(plan) or plan[micro + 1][0] != plan[micro][0]

    def step_iteration(self) -> Snapshot:
        """Run to the end of the current iteration (a whole one when at its start)."""
        self.step_phase()
        while self._position.micro:
            self._phases.advance(build=True)
        return self.snapshot

    def run(
        self,
        n: int,
        progress: Callable[[int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        visit: Callable[[], Visitor | None] | None = None,
    ) -> RunResult:
        """Fast-forward n iterations (finishing the current one first) without Snapshots.

        After each progress report, `visit()` may hand back a visitor: the run then rests at
        that iteration boundary with its Snapshot rebuilt, calls `visitor(self)` (to copy a
        session, say) and goes on exactly as if it had not stopped."""
        return self._fast_forward.run(n, progress, should_stop, visit, self)

    def check_history_room(self, n: int) -> None:
        """Refuse (EngineError) a run of n iterations whose history would not fit the budget."""
        self._fast_forward.check_room(n)

    def back(self) -> Snapshot:
        """Undo one micro-step (or an edit), restoring parameters, gradients and state exactly."""
        return self._history.back()

    def goto(self, tick: int) -> Snapshot:
        """Reach position `tick` from the nearest checkpoint, replaying what lies between."""
        return self._history.goto(tick)

    def whole_iteration(self) -> tuple[Snapshot, ...]:
        """Every micro-step of the current (or just finished) iteration, also those not reached
        yet, computed and forgotten: the run stays where it was."""
        return self._look_ahead.whole_iteration()

    def edit_parameter(self, label: str, value: float) -> Snapshot:
        """Set one parameter, input or target by hand, between iterations; back() undoes it."""
        return self._edits.edit(label, value)

    def restart_iteration_with(self, label: str, value: float) -> Snapshot:
        """Mid-iteration: back to this iteration's start (where back() would arrive), then
        the edit. back() then undoes the edit at the start; the micro-steps that followed
        are recomputed by stepping on, as after any edit that was undone."""
        self._edits.check(label, value)
        if self._position.micro:
            self.goto(self._position.tick - self._position.micro)
        return self._edits.edit(label, value)

    def data_cell(self, label: str) -> DataCell | None:
        """The input or target a label names (engine.models.data_labels), else None."""
        return self._edits.cell_of(label)

    @property
    def data_version(self) -> int:
        """Grows whenever the inputs or targets change (an edit, or going back across one)."""
        return self._setup.data.version

    def data_rows(self) -> tuple[tuple[tuple[float, ...], ...], tuple[tuple[float, ...], ...]]:
        """(inputs, targets) as the run holds them now, hand edits included."""
        return self._setup.data.rows()

    def forward_preview(self) -> ForwardPreview:
        """The forward pass and loss at the current parameters and data, computed aside:
        after an edit it shows at once what the new value does, before anything is stepped."""
        where = (self._position.tick, self.snapshot.focus or "")
        data = (self._setup.data.x, self._setup.data.target)
        return forward_preview(self.model, self.model.values(), data, self.loss_fn, where)

    def change_settings(self, config: Config) -> Snapshot:
        """Use `config`'s optimizer hyperparameters from the next step (between iterations
        only, and only when nothing else differs); back() undoes it."""
        return self._settings.change(config)

    # -- queries ---------------------------------------------------------------------------
    def outputs(self) -> dict[str, float]:
        """The network's outputs (first sample) at the current parameters."""
        with torch.no_grad():
            out = self.model(self.x)[0].tolist()
        return dict(zip(self.model.neurons[-1], out, strict=True))

    def current_loss(self) -> float:
        """The loss at the current parameters (after the last update)."""
        with torch.no_grad():
            return float(self.loss_fn.value(self.model(self.x), self.target))

    def describe(self, label: str) -> tuple[str, str]:
        """(explanation, formula) for any neuron, parameter or the loss "E", as far as the
        micro-steps have revealed it; what is still to come says at which micro-step."""
        snapshot, position = self.snapshot, self._position
        p = position.pass_
        if p is None and position.finished and position.finished[0] == snapshot.iteration:
            p = position.finished[1]  # between iterations: the one whose numbers are shown
        return self._story.describe(label, self.snapshot, p)

    def params(self) -> dict[str, float]:
        labels = [info.label for info in self.model.params]
        return dict(zip(labels, self.model.values().tolist(), strict=True))
