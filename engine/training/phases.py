"""The phase state machine: one real PyTorch training loop, revealed one micro-step at a time.

Every iteration literally calls optimizer.zero_grad(), runs the layers, computes the loss and
calls loss.backward() and optimizer.step() once each. Micro-steps only reveal what those calls
did, in the order autograd did it (captured with hooks).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from types import MappingProxyType

from engine.core.errors import EngineError
from engine.core.i18n import QT_TRANSLATE_NOOP, translate
from engine.core.phrase import phrase
from engine.core.snapshot import NeuronValue, Snapshot
from engine.explain import phases as explain
from engine.explain.forward_origins import attach_forward_origins
from engine.explain.published_variant import apply_published_variant
from engine.models.trainable_model import TrainableModel
from engine.training.checkpoints import CheckpointStore
from engine.training.iteration_pass import Pass
from engine.training.loop_steps import LoopSteps, gradient_norm
from engine.training.optimizer_state import NO_STATE, ElementStateReader, lookahead
from engine.training.position import Position
from engine.training.reveal import AutogradOrder
from engine.training.snapshot_builder import SnapshotBuilder
from engine.training.timeline import Plan, Timeline
from engine.training.training_setup import TrainingSetup
from engine.training.update_formula import UpdateInputs, gradient_origin, update_formulas

MicroStep = Callable[[str | None, bool], Snapshot | None]


def make_plan(model: TrainableModel) -> Plan:
    """The micro-steps of one iteration; backward's order is filled in by the hooks."""
    plan: Plan = [("zero_grad", None)]
    plan += [("forward", n) for names in model.neurons[1:] for n in names]
    plan.append(("loss", None))
    nodes = sum(len(names) for names in model.neurons[1:])
    trainable = [p.label for p in model.params if model.trainable(p)]
    plan += [("backward", None)] * (nodes + len(trainable))
    plan += [("step", label) for label in trainable]
    return plan


def make_timeline(setup: TrainingSetup) -> Timeline:
    """Every iteration's micro-steps with the loop's own lines where they are on, and what the
    last batch of an epoch adds."""
    config, loop = setup.config, setup.loop
    plan = make_plan(setup.model)
    base: Plan = [("batch", None)] if loop is not None and loop.batched else []
    first_step = next(i for i, (phase, _) in enumerate(plan) if phase == "step")
    base += plan[:first_step]
    if config.clip_norm or config.clip_value:
        base.append(("clip", None))
    base += plan[first_step:]
    if config.scheduler and config.scheduler_step == "batch":
        base.append(("schedule", None))
    epoch_end: Plan = []
    if loop is not None and loop.evaluates:
        epoch_end += [("eval_mode", None), ("evaluate", None)]
    if config.scheduler and config.scheduler_step == "epoch":
        epoch_end.append(("schedule", None))
    per_epoch = loop.per_epoch if loop is not None else 1
    return Timeline(base, epoch_end, per_epoch)


def diverged_error() -> EngineError:
    return EngineError(
        translate("EngineError", "training diverged: go back, reset, or change the settings first")
    )


class PhaseMachine:
    """Moves a run on by one micro-step: zero_grad, each neuron, the loss, each node and
    gradient of backward, each parameter's update. The real calls run at the first micro-step
    that needs them; the rest reveal what they did."""

    def __init__(
        self,
        setup: TrainingSetup,
        position: Position,
        store: CheckpointStore,
        states: ElementStateReader,
        snapshots: SnapshotBuilder,
        timeline: Timeline,
    ) -> None:
        self._setup = setup
        self._model = setup.model
        self._position = position
        self._store = store
        self._states = states
        self._snapshots = snapshots
        self._order = AutogradOrder(setup.model)
        self._words = explain.FAMILY_WORDS[setup.config.family]
        self.timeline = timeline
        self.plan = timeline.base
        loop = LoopSteps(setup, position, snapshots)
        self._micro: dict[str, MicroStep] = {
            "batch": loop.batch,
            "zero_grad": self._zero_grad,
            "forward": self._forward,
            "loss": self._loss,
            "backward": self._backward,
            "clip": loop.clip,
            "step": self._step,
            "schedule": loop.schedule,
            "eval_mode": loop.eval_mode,
            "evaluate": loop.evaluate,
        }

    def advance(self, build: bool) -> Snapshot:
        """One micro-step (`build=False` when replaying to a later one)."""
        position = self._position
        if position.diverged:
            raise diverged_error()
        if position.micro == 0:
            self._store.save_at_boundary()
            position.pass_ = Pass()
        plan = self.timeline.plan(position.iteration)
        phase, focus = plan[position.micro]
        snapshot = self._micro[phase](focus, build)
        if snapshot is not None:
            position.snapshot = snapshot
        position.micro += 1
        position.moved(1)
        if position.micro == len(plan):
            self._finish_iteration()
        assert position.snapshot is not None
        return position.snapshot

    def _finish_iteration(self) -> None:
        position = self._position
        p = self._pass()
        assert p.loss_value is not None
        model = self._model
        norm = gradient_norm(model.grads()) if p.norm_before is None else p.norm_before
        lr = math.nan if p.lr is None else p.lr
        position.trajectory.record(position.iteration, p.loss_value, norm, model.values(), lr)
        position.finished = (position.iteration, p)
        position.iteration += 1
        position.micro = 0
        position.pass_ = None

    def _pass(self) -> Pass:
        p = self._position.pass_
        assert p is not None
        return p

    # -- the micro-steps -------------------------------------------------------------------
    def _zero_grad(self, _: str | None, build: bool) -> Snapshot | None:
        skip = self._setup.config.skip_zero_grad
        if not skip:
            self._setup.optimizer.get().zero_grad()
        if not build:
            return None
        return self._snapshots.build("zero_grad", None, explain.zero_grad(skip))

    def _forward(self, neuron: str | None, build: bool) -> Snapshot | None:
        p, model = self._pass(), self._model
        layer, row = self._locate(neuron)
        if len(p.nets) < layer:
            source = self._setup.x if layer == 1 else p.outs[-1]
            net, out = model.layer_forward(layer, source)
            self._order.watch_node(net, p.hook_events, layer)
            p.nets.append(net)
            p.outs.append(out)
        out_value = float(p.outs[layer - 1][0, row].detach())
        p.neurons[neuron] = NeuronValue(float(p.nets[layer - 1][0, row].detach()), out_value)
        if not build:
            return None
        # The layer below is already revealed: its outs are this neuron's inputs.
        shown = self._snapshots.inputs_as_neurons() if layer == 1 else p.neurons
        below = [shown[n].out for n in model.neurons[layer - 1]]
        nets, values = p.nets[layer - 1][0].tolist(), model.value_list()
        lower = [(p.nets[k][0].tolist(), p.outs[k][0].tolist()) for k in range(layer - 1)]
        below_it = (self._inputs(), lower)
        text = self._words.forward(model, values, layer, row, below, nets, out_value, below_it)
        return self._snapshots.build("forward", neuron, text)

    def _inputs(self) -> list[float]:
        inputs = self._snapshots.inputs_as_neurons()
        return [inputs[n].out for n in self._model.neurons[0]]

    def _locate(self, neuron: str | None) -> tuple[int, int]:
        for layer, names in enumerate(self._model.neurons[1:], start=1):
            if neuron in names:
                return layer, names.index(neuron)
        raise KeyError(neuron)

    def _loss(self, _: str | None, build: bool) -> Snapshot | None:
        p, setup = self._pass(), self._setup
        p.loss = setup.loss_fn.value(p.outs[-1], setup.target)
        p.loss_value = float(p.loss.detach())
        self._position.diverged = not math.isfinite(p.loss_value)
        if not build:
            return None
        outs, targets = p.outs[-1].tolist(), setup.target.tolist()
        lower = [
            (net[0].tolist(), out[0].tolist()) for net, out in zip(p.nets, p.outs, strict=True)
        ]
        values, below = self._model.value_list(), (self._inputs(), lower)
        text = partial(
            explain.loss, setup.loss_fn, self._model, outs, targets, p.loss_value, values, below
        )
        return self._snapshots.build("loss", None, text)

    def _backward(self, _: str | None, build: bool) -> Snapshot | None:
        p = self._pass()
        if not p.reveal:
            self._run_backward(p)
        kind, label = p.reveal[len(p.deltas) + len(p.revealed_grads)]
        assert p.chain is not None
        if kind == "node":
            p.deltas[label] = p.chain.delta(label)
            if not build:
                return None
            return self._snapshots.build("backward", label, partial(explain.node, p.chain, label))
        p.revealed_grads.add(label)
        if not build:
            return None
        index = self._model.index[label]
        assert p.grads_after is not None
        before = None if p.grads_before is None else p.grads_before[index]
        note = p.variant_note if self._model.params[index].layer == 1 else ""
        text = partial(explain.param_grad, p.chain, label, p.grads_after[index], before, note)
        return self._snapshots.build("backward", label, text)

    def _run_backward(self, p: Pass) -> None:
        """The one real loss.backward() of this iteration, with hooks recording autograd's order."""
        assert p.loss is not None
        setup, model = self._setup, self._model
        p.grads_before = model.grad_list()
        self._order.backward(p.loss, p.hook_events)
        upstream = None
        if setup.config.published_variant:
            x, target, loss_fn, lr = setup.x, setup.target, setup.loss_fn, setup.config.lr
            upstream = apply_published_variant(model, x, target, loss_fn, lr)
            p.variant_note = phrase(
                "Explain",
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "Published variant: this hidden-layer gradient uses the already-updated "
                    "output weights, as the post's closing figures do (correct backprop uses "
                    "the old ones).",
                ),
            )
        p.chain = model.chain_rule(setup.x, setup.target, setup.loss_fn, upstream)
        attach_forward_origins(p.chain, model)  # ∂net_o1/∂w5 = out_h1 expands to σ(net_h1)
        p.grads_after = model.grad_list()
        p.reveal = self._order.order(p.hook_events)

    def _step(self, label: str | None, build: bool) -> Snapshot | None:
        p = self._pass()
        assert label is not None
        if p.values_after is None:
            self._run_step(p)
        p.revealed_params.add(label)
        if not build:
            return None
        config, index = self._setup.config, self._model.index[label]
        grads = self._model.grad_list()
        assert grads is not None and p.values_before is not None
        grad = grads[index]
        assert grad is not None
        inputs = UpdateInputs(
            optimizer=config.optimizer,
            group=p.step_group,
            label=label,
            old=p.values_before[index],
            grad=grad,
            new=p.values_after[index],
            before=p.state_before.get(label, NO_STATE),
            after=self._states.read().get(label, NO_STATE),
            lookahead=lookahead(config),
            clip=p.clipped,
            raw_grad=self._raw_grad(p, index),
        )
        told = lambda: explain.update(config, label, update_formulas(self._with_origin(p, inputs)))  # noqa: E731
        return self._snapshots.build("step", label, told)

    @staticmethod
    def _raw_grad(p: Pass, index: int) -> float | None:
        """The gradient backward() left, before clipping changed it (None: no clipping)."""
        if p.clipped is None or p.grads_after is None:
            return None
        return p.grads_after[index]

    @staticmethod
    def _with_origin(p: Pass, inputs: UpdateInputs) -> UpdateInputs:
        """The update's ∂E/∂p expandable to the chain rule that computed it."""
        formulas = () if p.chain is None else p.chain.explain(inputs.label).formulas
        if not formulas:
            return inputs
        raw = inputs.grad if inputs.raw_grad is None else inputs.raw_grad
        origin = gradient_origin(formulas[-1], raw)
        return replace(inputs, grad_origin=origin)

    def _run_step(self, p: Pass) -> None:
        """The one real optimizer.step() of this iteration, with what it changed noted."""
        model, labels = self._model, self._setup.labels
        p.values_before = model.value_list()
        p.state_before = self._states.read()  # before the optimizer is built, if it was not
        p.previous_params = MappingProxyType(dict(zip(labels, p.values_before, strict=True)))
        optimizer = self._setup.optimizer.get()
        optimizer.step()
        p.step_group = dict(optimizer.param_groups[0])  # the hyperparameters it used
        p.lr = float(p.step_group["lr"])
        p.values_after = model.value_list()
        p.stepped_params = MappingProxyType(dict(zip(labels, p.values_after, strict=True)))
