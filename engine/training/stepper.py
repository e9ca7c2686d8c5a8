"""The phase state machine: one real PyTorch training loop, revealed one micro-step at a time.

Every iteration literally calls optimizer.zero_grad(), runs the layers, computes the loss and
calls loss.backward() and optimizer.step() once each. Micro-steps only reveal what those calls
did, in the order autograd did it (captured with hooks). History keeps a checkpoint at the start
of iterations and replays micro-steps on demand, so back() is exact and memory stays small.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from types import MappingProxyType
from typing import Any

import numpy as np
import torch
from torch import Tensor

from engine.core.errors import EngineError
from engine.core.fast_path import backward_function, step_function
from engine.core.i18n import QT_TRANSLATE_NOOP, translate
from engine.core.phrase import Words, phrase
from engine.core.reused_mapping import ReusedMapping
from engine.core.snapshot import NeuronValue, Snapshot
from engine.core.told import Told
from engine.explain import phases as explain
from engine.explain.published_variant import apply_published_variant
from engine.models.build import build_model
from engine.models.chain_rule import ChainRule
from engine.models.config import FLOAT32_MAX, Config
from engine.models.function_model import FunctionModel
from engine.models.mlp import MLP
from engine.training.code_listing import PHASE_LINES
from engine.training.history_budget import check_history_room, checkpoints_kept_for
from engine.training.optimizers import OptimizerLike, element_states, make_optimizer
from engine.training.trajectory import Trajectory
from engine.training.update_formula import UpdateInputs, update_formulas

CHECKPOINT_EVERY = 100  # during fast-forward; back() replays at most this many iterations


NO_STATE: Mapping[str, float] = MappingProxyType({})  # a scalar the optimizer has no state for


@dataclass
class Checkpoint:
    """Exact state at the start of an iteration."""

    tick: int
    iteration: int
    kind: str  # "ready", "iteration" or "edit"
    values: np.ndarray
    grads: np.ndarray | None
    optimizer: dict[str, Any] | None  # None: the optimizer was fresh (never built)
    snapshot: Snapshot | None = None  # ready and edit checkpoints are positions of their own


@dataclass(frozen=True)
class RunResult:
    completed: int  # iterations finished by this call
    diverged_at: int | None = None  # the iteration whose loss was not finite
    cancelled: bool = False


@dataclass
class _Pass:
    """What one iteration has computed so far, for the micro-steps still to reveal."""

    nets: list[Tensor] = field(default_factory=list)
    outs: list[Tensor] = field(default_factory=list)
    loss: Tensor | None = None
    loss_value: float | None = None
    hook_events: list[tuple[str, int, str]] = field(default_factory=list)
    reveal: list[tuple[str, str]] = field(default_factory=list)  # ("node" | "param", label)
    chain: ChainRule | None = None
    # As Python floats (None: no .grad); read once per iteration, shown by many micro-steps.
    grads_before: tuple[float | None, ...] | None = None
    grads_after: tuple[float | None, ...] | None = None
    values_before: tuple[float, ...] | None = None
    values_after: tuple[float, ...] | None = None
    state_before: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    previous_params: Mapping[str, float] = field(default_factory=dict)  # values_before by label
    stepped_params: Mapping[str, float] = field(default_factory=dict)  # values_after by label
    step_group: Mapping[str, object] = field(default_factory=dict)  # the step's param group
    neurons: dict[str, NeuronValue] = field(default_factory=dict)
    deltas: dict[str, float] = field(default_factory=dict)
    revealed_grads: set[str] = field(default_factory=set)
    revealed_params: set[str] = field(default_factory=set)
    variant_note: Words = ""


Visitor = Callable[["Stepper"], None]  # reads a stepper at rest inside a run


class Stepper:
    """Drives one model and optimizer through the phases; every position yields a Snapshot."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.model: MLP | FunctionModel = build_model(config)  # a TrainableModel
        self._groups: list[tuple[Tensor, list[str], list[int]]] | None = None
        self._labels = [info.label for info in self.model.params]
        self._inputs: dict[str, NeuronValue] | None = None
        self._states_memo: tuple[tuple, int, dict[str, Mapping[str, float]]] = ((), 0, {})
        self._shown_params, self._shown_grads = ReusedMapping(), ReusedMapping()
        self._shown_states = ReusedMapping()
        self._shown_neurons, self._shown_deltas = ReusedMapping(), ReusedMapping()
        self._fresh_states: dict[str, Mapping[str, float]] | None = None
        self._no_grads = (None,) * len(self._labels)
        self.loss_fn = self.model.loss_function(config)
        self.x, self.target = self.model.data(config)
        self.trainable = [p for p in self.model.parameters() if p.requires_grad]
        # Built on first use: torch.optim's first parameter group imports torch._dynamo (~0.6 s),
        # which a window can do after it has painted. A never-built optimizer has no state.
        self._optimizer: OptimizerLike | None = None
        self._hook_log: list[tuple[str, int, str]] | None = None
        self.max_checkpoints = checkpoints_kept_for(len(self._labels))
        self._register_param_hooks()
        self.plan = self._plan()
        self._initial_values = self.model.values()
        self.reset()

    # -- set-up ----------------------------------------------------------------------------
    def _register_param_hooks(self) -> None:
        for layer, kind, tensor in self.model.param_tensors():
            if tensor.requires_grad:
                tensor.register_post_accumulate_grad_hook(self._param_hook(layer, kind))

    def _param_hook(self, layer: int, kind: str) -> Callable[[Tensor], None]:
        def record(_: Tensor) -> None:
            if self._hook_log is not None:
                self._hook_log.append(("param", layer, kind))

        return record

    def _plan(self) -> list[tuple[str, str | None]]:
        """The micro-steps of one iteration; backward's order is filled in by the hooks."""
        plan: list[tuple[str, str | None]] = [("zero_grad", None)]
        plan += [("forward", n) for names in self.model.neurons[1:] for n in names]
        plan.append(("loss", None))
        nodes = sum(len(names) for names in self.model.neurons[1:])
        trainable = [p.label for p in self.model.params if self.model.trainable(p)]
        plan += [("backward", None)] * (nodes + len(trainable))
        plan += [("step", label) for label in trainable]
        return plan

    @property
    def optimizer(self) -> OptimizerLike:
        if self._optimizer is None:
            self._optimizer = make_optimizer(self.config, self.trainable)
        return self._optimizer

    @property
    def micro_steps_per_iteration(self) -> int:
        return len(self.plan)

    def reset(self) -> Snapshot:
        """Back to the configured starting point; history is cleared."""
        self.model.load_values(self._initial_values)
        self.model.load_grads(None)
        self._optimizer = None
        self.iteration = 0
        self.micro = 0
        self.tick = 0
        self.max_tick = 0
        self.pass_: _Pass | None = None
        self.diverged = False
        self.trajectory = Trajectory(self.model.values())
        self.snapshot = self._snapshot("ready", None, explain.ready(self.config, self.model))
        self.checkpoints: dict[int, Checkpoint] = {}
        self._save_checkpoint("ready", self.snapshot)
        return self.snapshot

    # -- checkpoints -----------------------------------------------------------------------
    def _save_checkpoint(self, kind: str, snapshot: Snapshot | None = None) -> None:
        if kind == "iteration":
            self._thin_checkpoints()
        self.checkpoints[self.tick] = Checkpoint(
            self.tick,
            self.iteration,
            kind,
            self.model.values(),
            self.model.grads(),
            None if self._optimizer is None else copy.deepcopy(self._optimizer.state_dict()),
            snapshot,
        )

    def _thin_checkpoints(self) -> None:
        """Past the budget, every other iteration checkpoint of the older half goes.

        Going back near the end stays as quick as before; going far back replays further
        (exactly: fast iterations repeat the same operations). Ready and edit checkpoints stay.
        """
        if len(self.checkpoints) < self.max_checkpoints:  # cheap: counts every kind
            return
        ticks = sorted(t for t, c in self.checkpoints.items() if c.kind == "iteration")
        if len(ticks) < self.max_checkpoints:
            return
        for tick in ticks[: len(ticks) // 2][1::2]:
            del self.checkpoints[tick]

    def _restore(self, checkpoint: Checkpoint) -> None:
        self.model.load_values(checkpoint.values)
        self.model.load_grads(checkpoint.grads)
        if checkpoint.optimizer is None:
            self._optimizer = None
        else:
            self.optimizer.load_state_dict(copy.deepcopy(checkpoint.optimizer))
        self.iteration = checkpoint.iteration
        self.tick = checkpoint.tick
        self.micro = 0
        self.pass_ = None
        self.diverged = False
        self.trajectory.rewind(checkpoint.iteration, checkpoint.values)

    # -- moving forward --------------------------------------------------------------------
    def step_phase(self, build: bool = True) -> Snapshot:
        """Advance exactly one micro-step (`build=False`: without building its Snapshot)."""
        self._drop_undone_edits()
        return self._advance(build)

    def _drop_undone_edits(self) -> None:
        """Moving forward after back() undid an edit discards that edit, as undo stacks do.

        Otherwise a later goto or run would land on the edited path again.
        """
        if self.tick >= self.max_tick:
            return  # nothing lies ahead: skip the walk over every checkpoint
        if any(c.kind == "edit" and c.tick > self.tick for c in self.checkpoints.values()):
            self._forget_future()
            self.max_tick = self.tick

    def _advance(self, build: bool) -> Snapshot:
        """One micro-step (`build=False` when replaying to a later one)."""
        if self.diverged:
            raise EngineError(_diverged())
        if self.micro == 0:
            if self.tick not in self.checkpoints:
                self._save_checkpoint("iteration")
            self.pass_ = _Pass()
        phase, focus = self.plan[self.micro]
        snapshot = getattr(self, f"_micro_{phase}")(focus, build)
        if snapshot is not None:
            self.snapshot = snapshot
        self.micro += 1
        self.tick += 1
        self.max_tick = max(self.max_tick, self.tick)
        if self.micro == len(self.plan):
            self._finish_iteration()
        return self.snapshot

    def step_iteration(self) -> Snapshot:
        """Run to the end of the current iteration (a whole one when at its start)."""
        self.step_phase()
        while self.micro:
            self._advance(build=True)
        return self.snapshot

    def _finish_iteration(self) -> None:
        assert self.pass_ is not None and self.pass_.loss_value is not None
        grads = self.model.grads()
        with np.errstate(over="ignore"):  # a diverging run's norm is inf, said elsewhere
            norm = 0.0 if grads is None else float(np.sqrt(np.nansum(grads**2)))
        self.trajectory.record(self.iteration, self.pass_.loss_value, norm, self.model.values())
        self.iteration += 1
        self.micro = 0
        self.pass_ = None

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
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise EngineError(f"the number of iterations must be a whole number ≥ 0, got {n!r}")
        if self.diverged:
            raise EngineError(_diverged())
        self.check_history_room(n)
        self._drop_undone_edits()
        done = 0
        if self.micro and n:
            while self.micro and not self.diverged:
                self._advance(build=True)
            if self.diverged:
                return RunResult(0, self.iteration)
            done = 1
        return self._fast_forward(n, done, progress, should_stop, visit)

    def check_history_room(self, n: int) -> None:
        """Refuse (EngineError) a run of n iterations whose history would not fit the budget."""
        check_history_room(len(self._labels), self.trajectory.length, n, CHECKPOINT_EVERY)

    def _fast_forward(
        self,
        n: int,
        done: int,
        progress: Callable[[int], None] | None,
        should_stop: Callable[[], bool] | None,
        visit: Callable[[], Visitor | None] | None = None,
    ) -> RunResult:
        """Whole iterations until `done` reaches n, committed to the trajectory in chunks:
        before each checkpoint, before each progress report (the caller may read the
        trajectory then) and at the end."""
        first, fast = self.iteration, _FastForward(self)
        while done < n and not (should_stop is not None and should_stop()):
            if (self.iteration + fast.pending) % CHECKPOINT_EVERY == 0 or done == n - 1:
                if (past := self._commit(fast)) is not None:
                    return self._stop_diverged(first, done - past)
                self._save_checkpoint_at_boundary()
            fast.iterate()
            done += 1
            if progress is not None and done % 256 == 0:
                if (past := self._commit(fast)) is not None:
                    return self._stop_diverged(first, done - past)
                progress(done)
                if visit is not None and (visitor := visit()) is not None:
                    fast = self._rest(visitor)
        if (past := self._commit(fast)) is not None:
            return self._stop_diverged(first, done - past)
        if self.iteration > first:
            self.goto(self.tick)  # rebuild the last micro-step's Snapshot by exact replay
        return RunResult(done, cancelled=done < n)

    def _rest(self, visitor: Visitor) -> _FastForward:
        """A consistent point inside a run: the Snapshot of this position rebuilt by exact
        replay (as at the end of every run), the visitor served, fresh fast-forward state."""
        self.goto(self.tick)
        visitor(self)
        return _FastForward(self)

    def _save_checkpoint_at_boundary(self) -> None:
        if self.tick not in self.checkpoints:
            self._save_checkpoint("iteration")

    def _fast_iterations(self, count: int) -> None:
        """Replay `count` whole iterations of recorded history (their losses were finite)."""
        if not count:
            return
        fast = _FastForward(self)
        for _ in range(count):
            fast.iterate()
        self._commit(fast)

    def _commit(self, fast: _FastForward) -> int | None:
        """Move the queued iterations into the trajectory and the position.

        When one had a non-finite loss, only those before it count, and the number of
        iterations that ran from it on is returned (the state is then restored by replay).
        """
        if not fast.pending:
            return None
        losses, grad_norms, params = fast.take()
        finite = np.isfinite(losses)
        keep = losses.size if finite.all() else int(np.argmin(finite))
        if keep:
            self.trajectory.record_many(
                self.iteration, losses[:keep], grad_norms[:keep], params[:keep]
            )
        self.iteration += keep
        self.tick += keep * len(self.plan)
        self.max_tick = max(self.max_tick, self.tick)
        return None if keep == losses.size else losses.size - keep

    def _stop_diverged(self, first: int, done: int) -> RunResult:
        """Rewind to the start of the iteration before the divergence: its loss was finite."""
        diverged_at = self.iteration
        keep = max(first, diverged_at - 1)
        self.goto(self.tick - (diverged_at - keep) * len(self.plan))
        return RunResult(done - (diverged_at - keep), diverged_at)

    # -- moving back -----------------------------------------------------------------------
    def back(self) -> Snapshot:
        """Undo one micro-step (or an edit), restoring parameters, gradients and state exactly."""
        if self.tick == 0:
            return self.snapshot
        return self.goto(self.tick - 1)

    @property
    def can_go_back(self) -> bool:
        return self.tick > 0

    def goto(self, tick: int) -> Snapshot:
        """Reach position `tick` from the nearest checkpoint, replaying what lies between."""
        if not 0 <= tick <= self.max_tick:
            raise EngineError(f"no position {tick} in this history (0 to {self.max_tick})")
        checkpoint = max(
            (c for c in self.checkpoints.values() if self._usable(c, tick)), key=lambda c: c.tick
        )
        self._restore(checkpoint)
        if checkpoint.tick == tick:
            assert checkpoint.snapshot is not None
            self.snapshot = checkpoint.snapshot
            return self.snapshot
        steps = tick - checkpoint.tick
        whole = (steps - 1) // len(self.plan)
        self._fast_iterations(whole)
        while self.tick < tick - 1:
            self._advance(build=False)
        return self._advance(build=True)

    @staticmethod
    def _usable(checkpoint: Checkpoint, tick: int) -> bool:
        if checkpoint.tick < tick:
            return True
        return checkpoint.tick == tick and checkpoint.snapshot is not None

    # -- edits -----------------------------------------------------------------------------
    def edit_parameter(self, label: str, value: float) -> Snapshot:
        """Set one parameter by hand, between iterations; back() undoes it."""
        if self.micro:
            raise EngineError(
                translate(
                    "EngineError",
                    "finish or rewind the current iteration before editing a parameter",
                )
            )
        if label not in self.model.index:
            raise EngineError(f"unknown parameter {label!r}")
        self._check_edit_value(label, value)
        if self.tick not in self.checkpoints:
            self._save_checkpoint("iteration")
        old = float(self.model.values()[self.model.index[label]])
        self._forget_future()
        self.model.set_values({label: float(value)})
        self.tick += 1
        self.max_tick = self.tick
        self.diverged = False
        self.trajectory.rewind(self.iteration, self.model.values())
        text = explain.Text(
            f"{label} was set by hand from {old:g} to {value:g}.", (f"{label} = {value:g}",)
        )
        self.snapshot = self._snapshot("edit", label, text)
        self._save_checkpoint("edit", self.snapshot)
        return self.snapshot

    def _check_edit_value(self, label: str, value: Any) -> None:
        """Refuse, before anything changes, a value the parameters' dtype cannot hold."""
        if self.config.dtype == "float32" and not (
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

    def _forget_future(self) -> None:
        for tick in [t for t in self.checkpoints if t > self.tick]:
            del self.checkpoints[tick]

    # -- micro-steps -----------------------------------------------------------------------
    def _micro_zero_grad(self, _: str | None, build: bool) -> Snapshot | None:
        if not self.config.skip_zero_grad:
            self.optimizer.zero_grad()
        if not build:
            return None
        return self._snapshot("zero_grad", None, explain.zero_grad(self.config.skip_zero_grad))

    def _micro_forward(self, neuron: str | None, build: bool) -> Snapshot | None:
        p = self._pass()
        layer, row = self._locate(neuron)
        if len(p.nets) < layer:
            source = self.x if layer == 1 else p.outs[-1]
            net, out = self.model.layer_forward(layer, source)
            net.register_hook(self._node_hook(p, layer))
            p.nets.append(net)
            p.outs.append(out)
        net_value = float(p.nets[layer - 1][0, row].detach())
        out_value = float(p.outs[layer - 1][0, row].detach())
        p.neurons[neuron] = NeuronValue(net_value, out_value)
        if not build:
            return None
        if isinstance(self.model, FunctionModel):
            text = explain.function_forward(self.model, out_value)
        else:
            # The layer below is already revealed: its outs are this neuron's inputs.
            names = self.model.neurons[layer - 1]
            shown = self._inputs_as_neurons() if layer == 1 else p.neurons
            below = [shown[n].out for n in names]
            nets, values, model = p.nets[layer - 1][0].tolist(), self.model.value_list(), self.model
            text = partial(explain.forward, model, values, layer, row, below, nets, out_value)
        return self._snapshot("forward", neuron, text)

    def _node_hook(self, p: _Pass, layer: int) -> Callable[[Tensor], None]:
        def record(_: Tensor) -> None:
            p.hook_events.append(("node", layer, "net"))

        return record

    def _micro_loss(self, _: str | None, build: bool) -> Snapshot | None:
        p = self._pass()
        p.loss = self.loss_fn.value(p.outs[-1], self.target)
        p.loss_value = float(p.loss.detach())
        self.diverged = not math.isfinite(p.loss_value)
        if not build:
            return None
        text = explain.loss(
            self.loss_fn,
            self.model,
            p.outs[-1].tolist(),
            self.target.tolist(),
            p.loss_value,
        )
        return self._snapshot("loss", None, text)

    def _micro_backward(self, _: str | None, build: bool) -> Snapshot | None:
        p = self._pass()
        if not p.reveal:
            self._run_backward(p)
        kind, label = p.reveal[len(p.deltas) + len(p.revealed_grads)]
        assert p.chain is not None
        if kind == "node":
            p.deltas[label] = p.chain.delta(label)
            if not build:
                return None
            return self._snapshot("backward", label, partial(explain.node, p.chain, label))
        p.revealed_grads.add(label)
        if not build:
            return None
        index = self.model.index[label]
        assert p.grads_after is not None
        before = None if p.grads_before is None else p.grads_before[index]
        note = p.variant_note if self.model.params[index].layer == 1 else ""
        text = partial(explain.param_grad, p.chain, label, p.grads_after[index], before, note)
        return self._snapshot("backward", label, text)

    def _run_backward(self, p: _Pass) -> None:
        """The one real loss.backward() of this iteration, with hooks recording autograd's order."""
        assert p.loss is not None
        p.grads_before = self.model.grad_list()
        self._hook_log = p.hook_events
        try:
            p.loss.backward()
        finally:
            self._hook_log = None
        upstream = None
        if self.config.published_variant:
            upstream = apply_published_variant(
                self.model, self.x, self.target, self.loss_fn, self.config.lr
            )
            p.variant_note = phrase(
                "Explain",
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "Published variant: this hidden-layer gradient uses the already-updated "
                    "output weights, as the post's closing figures do (correct backprop uses "
                    "the old ones).",
                ),
            )
        p.chain = self.model.chain_rule(self.x, self.target, self.loss_fn, upstream)
        p.grads_after = self.model.grad_list()
        p.reveal = self._reveal_order(p.hook_events)

    def _reveal_order(self, events: list[tuple[str, int, str]]) -> list[tuple[str, str]]:
        order: list[tuple[str, str]] = []
        for kind, layer, what in events:
            if kind == "node":
                order += [("node", n) for n in self.model.neurons[layer]]
            else:
                order += [
                    ("param", info.label)
                    for info in self.model.params
                    if info.layer == layer and info.kind == what
                ]
        return order

    def _micro_step(self, label: str | None, build: bool) -> Snapshot | None:
        p = self._pass()
        assert label is not None
        if p.values_after is None:
            p.values_before = self.model.value_list()
            p.state_before = self._all_element_states()
            before = zip(self._labels, p.values_before, strict=True)
            p.previous_params = MappingProxyType(dict(before))
            self.optimizer.step()
            p.step_group = dict(self.optimizer.param_groups[0])  # the hyperparameters it used
            p.values_after = self.model.value_list()
            after = zip(self._labels, p.values_after, strict=True)
            p.stepped_params = MappingProxyType(dict(after))
        p.revealed_params.add(label)
        if not build:
            return None
        index = self.model.index[label]
        grads = self.model.grad_list()
        assert grads is not None and p.values_before is not None
        grad = grads[index]
        assert grad is not None
        inputs = UpdateInputs(
            optimizer=self.config.optimizer,
            group=p.step_group,
            label=label,
            old=p.values_before[index],
            grad=grad,
            new=p.values_after[index],
            before=p.state_before.get(label, NO_STATE),
            after=self._all_element_states().get(label, NO_STATE),
            lookahead=self._lookahead(),
        )
        config = self.config
        told = lambda: explain.update(config, label, update_formulas(inputs))  # noqa: E731
        return self._snapshot("step", label, told)

    def _lookahead(self) -> tuple[int, float] | None:
        c = self.config
        return (c.lookahead_k, c.lookahead_alpha) if c.lookahead_k else None

    def _pass(self) -> _Pass:
        assert self.pass_ is not None
        return self.pass_

    def _locate(self, neuron: str | None) -> tuple[int, int]:
        for layer, names in enumerate(self.model.neurons[1:], start=1):
            if neuron in names:
                return layer, names.index(neuron)
        raise KeyError(neuron)

    # -- optimizer state -------------------------------------------------------------------
    def _all_element_states(
        self, values: tuple[float, ...] | None = None
    ) -> Mapping[str, Mapping[str, float]]:
        """Every trainable scalar's optimizer state, shared: callers must not change it.

        The state only changes with the parameters (a step) or with a new state object (a
        restore or a new optimizer), so the last reading is reused until one of those moves.
        `values` is `model.value_list()` when the caller has just read it.
        """
        if self._optimizer is None and not self.config.lookahead_k:
            if self._fresh_states is None:
                self._fresh_states = dict.fromkeys(self._trainable_labels(), NO_STATE)
            return self._fresh_states
        optimizer = self.optimizer
        # A new value tuple means some parameter changed (see FlatReader.value_list).
        objects = (optimizer, optimizer.state, values or self.model.value_list())
        fast_steps = getattr(optimizer, "fast_steps", 0)
        memo_objects, memo_fast_steps, states = self._states_memo
        same_objects = all(a is b for a, b in zip(objects, memo_objects, strict=False))
        if not (same_objects and memo_objects and fast_steps == memo_fast_steps):
            states = {}
            for tensor, labels, flat_indices in self._trainable_groups():
                found = map(MappingProxyType, element_states(optimizer, tensor, flat_indices))
                states.update(zip(labels, found, strict=True))
            self._states_memo = (objects, fast_steps, states)
        return states

    def _trainable_labels(self) -> list[str]:
        return [label for _, labels, _ in self._trainable_groups() for label in labels]

    def _trainable_groups(self) -> list[tuple[Tensor, list[str], list[int]]]:
        """Per trainable tensor: its scalars' labels and flat positions (computed once)."""
        if self._groups is None:
            groups: dict[int, tuple[Tensor, list[str], list[int]]] = {}
            for info in self.model.params:
                tensor = self.model.tensor_of(info)
                if not tensor.requires_grad:
                    continue
                _, labels, flat = groups.setdefault(id(tensor), (tensor, [], []))
                labels.append(info.label)
                flat.append(_flat_index(tensor, self.model.element_of(info)))
            self._groups = list(groups.values())
        return self._groups

    # -- snapshots -------------------------------------------------------------------------
    def _snapshot(
        self, phase: str, focus: str | None, text: explain.Text | Callable[[], explain.Text]
    ) -> Snapshot:
        p = self.pass_
        labels = self._labels
        values: Sequence[float] = self.model.value_list()
        states: Mapping[str, Mapping[str, float]] = self._all_element_states(values)
        previous: Mapping[str, float] = NO_STATE
        stepped: Mapping[str, float] = NO_STATE
        if p is not None and p.values_before is not None:
            # During step: parameters not yet revealed still show their old value and state.
            values, states = self._as_revealed_by_step(p, values, states)
            previous, stepped = p.previous_params, p.stepped_params
        if p is not None and p.reveal and phase == "backward":
            grads = self._grads_as_revealed(p)
        else:
            grads = self.model.grad_list() or self._no_grads
        return Snapshot.from_fields(
            {
                "tick": self.tick + (0 if phase in ("ready", "edit") else 1),
                "iteration": self.iteration,
                # The last step of an iteration finishes it: count it as done.
                "completed": self.trajectory.length
                + (phase == "step" and self.micro == len(self.plan) - 1),
                "phase": phase,
                "focus": focus,
                "code_line": PHASE_LINES[phase],
                "told": Told(text) if callable(text) else Told.now(text),
                "params": self._shown_params.of(labels, values),
                "grads": self._shown_grads.of(labels, grads),
                "neurons": self._shown_neurons.grown(p, len(p.neurons) if p else 0, self._neurons),
                "deltas": self._shown_deltas.grown(p, len(p.deltas) if p else 0, self._deltas),
                "loss": None if p is None else p.loss_value,
                "optimizer_state": self._shown_states.view(states),
                "previous_params": previous,
                "stepped_params": stepped,
                "diverged": self.diverged,
                "variant_words": p.variant_note if p else "",
            }
        )

    def _as_revealed_by_step(
        self,
        p: _Pass,
        values: Sequence[float],
        states: Mapping[str, Mapping[str, float]],
    ) -> tuple[list[float], dict[str, Mapping[str, float]]]:
        assert p.values_before is not None
        before = p.values_before
        revealed = p.revealed_params
        shown_values = [
            now if label in revealed else old
            for label, now, old in zip(self._labels, values, before, strict=True)
        ]
        shown_states = {
            label: state if label in revealed else p.state_before.get(label, NO_STATE)
            for label, state in states.items()
        }
        return shown_values, shown_states

    def _grads_as_revealed(self, p: _Pass) -> list[float | None]:
        """Gradients autograd has not been shown writing yet keep their value from before."""
        after = p.grads_after or self._no_grads
        before = p.grads_before or self._no_grads
        return [
            a if label in p.revealed_grads else b
            for label, a, b in zip(self._labels, after, before, strict=True)
        ]

    def _neurons(self) -> dict[str, NeuronValue]:
        """The inputs and every neuron computed so far this iteration."""
        return self._inputs_as_neurons() | (self.pass_.neurons if self.pass_ else {})

    def _deltas(self) -> dict[str, float]:
        return dict(self.pass_.deltas) if self.pass_ else {}

    def _inputs_as_neurons(self) -> dict[str, NeuronValue]:
        """The inputs as neurons (first sample; shared, read once: a run never changes them)."""
        if self._inputs is None:
            row = self.x[0].tolist()
            names = self.model.neurons[0]
            self._inputs = {n: NeuronValue(v, v) for n, v in zip(names, row, strict=True)}
        return self._inputs

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
        """(explanation, formula) for any neuron or parameter at the current parameters."""
        chain = self.model.chain_rule(self.x, self.target, self.loss_fn)
        if isinstance(self.model, FunctionModel):
            return explain.function_element(self.model, chain, label)
        return explain.element(self.model, chain, self.x[0].tolist(), label)

    def params(self) -> dict[str, float]:
        labels = [info.label for info in self.model.params]
        return dict(zip(labels, self.model.values().tolist(), strict=True))


class _FastForward:
    """Whole iterations with the micro-steps' operations, queued on tensors until committed.

    Each iteration is zero_grad, the layers, the loss, one loss.backward() and one optimizer
    step, exactly as micro-stepping runs them. Losses, parameters and gradients stay tensors
    here: `take` converts a chunk at once, so the loop never syncs or touches numpy.
    """

    def __init__(self, stepper: Stepper) -> None:
        model, config = stepper.model, stepper.config
        self.x, self.target, self.loss_fn = stepper.x, stepper.target, stepper.loss_fn
        self.forward = (
            model.forward_function() if isinstance(model, MLP) else partial(_layers, model)
        )
        self.trainable = stepper.trainable
        self.zero_grad = not config.skip_zero_grad
        self.step = step_function(stepper.optimizer)
        self.backward = backward_function(stepper.x)
        self.variant = partial(
            apply_published_variant, model, self.x, self.target, self.loss_fn, config.lr
        )
        self.published = config.published_variant
        tensors = [t for _, _, t in model.param_tensors()]
        self.values = [t.detach().reshape(-1) for t in tensors]
        self.width = sum(t.numel() for t in tensors)
        self.columns = _trainable_columns(tensors)
        self.losses: list[Tensor] = []
        self.params: list[Tensor] = []
        self.grads: list[list[Tensor]] = []

    @property
    def pending(self) -> int:
        return len(self.losses)

    def iterate(self) -> None:
        """One iteration; when its loss is not finite the next commit rewinds to before it."""
        if self.zero_grad:
            for p in self.trainable:  # optimizer.zero_grad(), i.e. set_to_none=True
                p.grad = None
        loss = self.loss_fn.value(self.forward(self.x), self.target)
        self.backward(loss)
        if self.published:
            self.variant()
        # New .grad tensors every iteration, unless they accumulate: then keep copies.
        grads = [p.grad if self.zero_grad else p.grad.clone() for p in self.trainable]
        self.step()
        self.losses.append(loss.detach())
        self.params.append(torch.cat(self.values))
        self.grads.append(grads)

    def take(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(losses, gradient norms, parameters after each update) of the queued iterations."""
        losses = _host(torch.stack(self.losses))
        params = _host(torch.stack(self.params))
        rows = len(self.grads)
        columns = zip(*self.grads, strict=True)  # one column of tensors per trainable tensor
        per_tensor = [torch.stack(column).reshape(rows, -1) for column in columns]
        grads = np.full((losses.size, self.width), np.nan)
        grads[:, self.columns] = _host(torch.cat(per_tensor, dim=1))
        self.losses, self.params, self.grads = [], [], []
        # As _finish_iteration computes it, NaN marking parameters without a gradient; a run
        # that diverged may overflow here, and its rows are dropped by the commit.
        with np.errstate(over="ignore", invalid="ignore"):
            norms = np.sqrt(np.nansum(grads**2, axis=1))
        return losses, norms, params


def _layers(model: MLP | FunctionModel, x: Tensor) -> Tensor:
    for layer in range(1, model.depth + 1):
        _, x = model.layer_forward(layer, x)
    return x


def _host(tensor: Tensor) -> np.ndarray:
    return tensor.detach().to("cpu", torch.float64).numpy()


def _trainable_columns(tensors: list[Tensor]) -> np.ndarray:
    """Positions of the trainable tensors' elements in the flat parameter vector."""
    columns, offset = [], 0
    for tensor in tensors:
        if tensor.requires_grad:
            columns.extend(range(offset, offset + tensor.numel()))
        offset += tensor.numel()
    return np.array(columns, dtype=int)


def _flat_index(tensor: Tensor, index: tuple[int, ...]) -> int:
    """Row-major position of `index` in `tensor`."""
    flat = 0
    for size, i in zip(tensor.shape, index, strict=True):
        flat = flat * size + i
    return flat


def _diverged() -> str:
    return translate(
        "EngineError", "training diverged: go back, reset, or change the settings first"
    )
