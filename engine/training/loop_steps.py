"""The micro-steps of the loop around the model: the batch the DataLoader hands over,
gradient clipping, the scheduler's step, and model.eval() with the validation pass.

Each one runs the real call (torch's clip functions, the real scheduler) and then says what
it did; the numbers it shows are read from what the call left behind.
"""

from __future__ import annotations

import numpy as np
import torch

from engine.core.snapshot import Snapshot
from engine.explain import loop_phases as explain
from engine.training.clipping import clip_gradients
from engine.training.evaluation import Evaluation, evaluate
from engine.training.iteration_pass import Pass
from engine.training.position import Position
from engine.training.snapshot_builder import SnapshotBuilder
from engine.training.training_setup import TrainingSetup


def gradient_norm(grads: np.ndarray | None) -> float:
    """The gradient norm the trajectory records (NaN marks a parameter without a gradient)."""
    if grads is None:
        return 0.0
    with np.errstate(over="ignore"):  # a diverging run's norm is inf, said elsewhere
        return float(np.sqrt(np.nansum(grads**2)))


class LoopSteps:
    """The loop's own micro-steps, for the phase machine."""

    def __init__(
        self, setup: TrainingSetup, position: Position, snapshots: SnapshotBuilder
    ) -> None:
        self._setup = setup
        self._position = position
        self._snapshots = snapshots

    def _pass(self) -> Pass:
        p = self._position.pass_
        assert p is not None
        return p

    def batch(self, _: str | None, build: bool) -> Snapshot | None:
        setup, iteration = self._setup, self._position.iteration
        indices = setup.use_batch(iteration)
        if not build:
            return None
        loop = setup.loop
        assert loop is not None and indices is not None
        epoch, number = loop.epoch_of(iteration)
        shown = indices.tolist()
        text = explain.batch(epoch, number, loop.per_epoch, shown, len(loop.samples.train))
        return self._snapshots.build("batch", None, text)

    def clip(self, _: str | None, build: bool) -> Snapshot | None:
        p, setup = self._pass(), self._setup
        config = setup.config
        p.norm_before = gradient_norm(setup.model.grads())
        before = [None if t.grad is None else t.grad.clone() for t in setup.trainable]
        p.clipped = clip_gradients(setup.trainable, config.clip_norm, config.clip_value)
        if not build:
            return None
        clipped = p.clipped
        assert clipped is not None
        if clipped.kind == "norm":
            text = explain.clip_norm(
                clipped.limit, clipped.norm_before, clipped.norm_after, clipped.scale
            )
        else:
            changed = sum(
                int((g != t.grad).sum())
                for g, t in zip(before, setup.trainable, strict=True)
                if g is not None and t.grad is not None
            )
            text = explain.clip_value(
                clipped.limit, clipped.norm_before, clipped.norm_after, changed
            )
        return self._snapshots.build("clip", None, text)

    def schedule(self, _: str | None, build: bool) -> Snapshot | None:
        optimizer = self._setup.optimizer
        built = optimizer.get()
        scheduler = optimizer.scheduler
        assert scheduler is not None
        before = float(built.param_groups[0]["lr"])
        scheduler.step()
        if not build:
            return None
        after = float(built.param_groups[0]["lr"])
        name = type(scheduler).__name__
        text = explain.schedule(name, before, after, int(scheduler.last_epoch))
        return self._snapshots.build("schedule", None, text)

    def eval_mode(self, _: str | None, build: bool) -> Snapshot | None:
        self._setup.model.eval()
        if not build:
            return None
        loop = self._setup.loop
        assert loop is not None
        epoch, _number = loop.epoch_of(self._position.iteration)
        return self._snapshots.build("eval_mode", None, explain.eval_mode(epoch))

    def evaluate(self, _: str | None, build: bool) -> Snapshot | None:
        setup, position = self._setup, self._position
        loop = setup.loop
        assert loop is not None
        epoch, _number = loop.epoch_of(position.iteration)
        first = position.iteration + 1 - loop.per_epoch
        losses = list(position.trajectory.losses[first:]) + [self._pass().loss_value]
        val_loss, accuracy = evaluate(setup.model, setup.loss_fn, loop)
        setup.model.train()  # the next epoch's loop begins with model.train()
        evaluation = Evaluation(epoch, float(np.mean(losses)), val_loss, accuracy)
        position.trajectory.record_evaluation(position.iteration, evaluation)
        if not build:
            return None
        text = explain.evaluate(
            epoch, evaluation.train_loss, val_loss, accuracy, len(loop.samples.val)
        )
        return self._snapshots.build("evaluate", None, text)


def lr_of(setup: TrainingSetup) -> float:
    """The learning rate the next optimizer.step() uses."""
    with torch.no_grad():
        return float(setup.optimizer.get().param_groups[0]["lr"])
