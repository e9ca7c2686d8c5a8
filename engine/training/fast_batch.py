"""Whole iterations without micro-steps, queued on tensors and committed to the run in chunks."""

from __future__ import annotations

from functools import partial

import numpy as np
import torch
from torch import Tensor

from engine.core.fast_path import backward_function, step_function
from engine.explain.published_variant import apply_published_variant
from engine.models.loop_settings import loop_is_plain
from engine.training.fast_loop import LoopFastBatch
from engine.training.position import Position
from engine.training.timeline import Timeline
from engine.training.training_setup import TrainingSetup


class FastBatch:
    """Whole iterations with the micro-steps' operations, queued on tensors until taken.

    Each iteration is zero_grad, the layers, the loss, one loss.backward() and one optimizer
    step, exactly as micro-stepping runs them. Losses, parameters and gradients stay tensors
    here: `take` converts a chunk at once, so the loop never syncs or touches numpy.
    """

    def __init__(self, setup: TrainingSetup) -> None:
        model, config = setup.model, setup.config
        self.x, self.target, self.loss_fn = setup.x, setup.target, setup.loss_fn
        self.forward = model.forward_function()
        self.trainable = setup.trainable
        self.zero_grad = not config.skip_zero_grad
        optimizer = setup.optimizer.get()
        self.group = optimizer.param_groups[0]  # its "lr" is the one each step uses
        self.lrs: list[float] = []
        self.step = step_function(optimizer)
        self.backward = backward_function(setup.x)
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
        self.lrs.append(self.group["lr"])
        self.step()
        self.losses.append(loss.detach())
        self.params.append(torch.cat(self.values))
        self.grads.append(grads)

    def take_extras(self) -> tuple[np.ndarray, list]:
        """(learning rates, evaluations): a plain loop evaluates nothing."""
        lrs, self.lrs = np.array(self.lrs, dtype=float), []
        return lrs, []

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
        # As a micro-stepped iteration computes it, NaN marking parameters without a gradient;
        # a run that diverged may overflow here, and its rows are dropped by the commit.
        with np.errstate(over="ignore", invalid="ignore"):
            norms = np.sqrt(np.nansum(grads**2, axis=1))
        return losses, norms, params


class FastIterations:
    """Moves the run on by whole fast iterations: queued in a FastBatch, then committed."""

    def __init__(self, setup: TrainingSetup, position: Position, timeline: Timeline) -> None:
        self._setup = setup
        self._position = position
        self._timeline = timeline

    def batch(self) -> FastBatch | LoopFastBatch:
        """Fresh fast-forward state for the current position."""
        if loop_is_plain(self._setup.config):
            return FastBatch(self._setup)
        return LoopFastBatch(self._setup, self._position, self._timeline)

    def replay_iterations(self, count: int) -> None:
        """Replay `count` whole iterations of recorded history (their losses were finite)."""
        if not count:
            return
        fast = self.batch()
        for _ in range(count):
            fast.iterate()
        self.commit(fast)

    def commit(self, fast: FastBatch | LoopFastBatch) -> int | None:
        """Move the queued iterations into the trajectory and the position.

        When one had a non-finite loss, only those before it count, and the number of
        iterations that ran from it on is returned (the state is then restored by replay).
        """
        if not fast.pending:
            return None
        position = self._position
        losses, grad_norms, params = fast.take()
        lrs, evaluations = fast.take_extras()
        finite = np.isfinite(losses)
        keep = losses.size if finite.all() else int(np.argmin(finite))
        first, trajectory = position.iteration, position.trajectory
        if keep:
            trajectory.record_many(
                first, losses[:keep], grad_norms[:keep], params[:keep], lrs[:keep]
            )
        for iteration, evaluation in evaluations:
            if iteration < first + keep:
                trajectory.record_evaluation(iteration, evaluation)
        position.iteration += keep
        position.moved(self._timeline.ticks(first, keep))
        return None if keep == losses.size else losses.size - keep


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
