"""Whole iterations of the loop a learner writes, without micro-steps: the batch, zero_grad,
the model, the loss, backward, clipping, the step, the scheduler and, at each epoch's end,
the validation pass, in the order and with the calls micro-stepping makes."""

from __future__ import annotations

import numpy as np
import torch
from torch import Tensor

from engine.training.clipping import clip_gradients
from engine.training.evaluation import Evaluation, evaluate
from engine.training.loop_steps import gradient_norm
from engine.training.position import Position
from engine.training.timeline import Timeline
from engine.training.training_setup import TrainingSetup


class LoopFastBatch:
    """Queued iterations of a run with a loop around the model, taken in chunks like
    engine.training.fast_batch.FastBatch (whose interface it shares)."""

    def __init__(self, setup: TrainingSetup, position: Position, timeline: Timeline) -> None:
        self._setup = setup
        self._position = position
        self._timeline = timeline
        self.forward = setup.model.forward_function()
        tensors = [t for _, _, t in setup.model.param_tensors()]
        self.values = [t.detach().reshape(-1) for t in tensors]
        self.losses: list[float] = []
        self.norms: list[float] = []
        self.params: list[Tensor] = []
        self.lrs: list[float] = []
        self.evaluations: list[tuple[int, Evaluation]] = []

    @property
    def pending(self) -> int:
        return len(self.losses)

    def iterate(self) -> None:
        """One iteration; when its loss is not finite the next commit rewinds to before it."""
        setup, config = self._setup, self._setup.config
        iteration = self._position.iteration + self.pending
        setup.use_batch(iteration)
        if not config.skip_zero_grad:
            setup.optimizer.get().zero_grad()
        loss = setup.loss_fn.value(self.forward(setup.x), setup.target)
        loss.backward()
        self.norms.append(gradient_norm(setup.model.grads()))
        clip_gradients(setup.trainable, config.clip_norm, config.clip_value)
        optimizer = setup.optimizer.get()
        self.lrs.append(float(optimizer.param_groups[0]["lr"]))
        optimizer.step()
        self.losses.append(float(loss.detach()))
        self.params.append(torch.cat(self.values))
        if config.scheduler and config.scheduler_step == "batch":
            self._schedule()
        if self._timeline.ends_epoch(iteration):
            self._end_epoch(iteration)

    def _schedule(self) -> None:
        scheduler = self._setup.optimizer.scheduler
        assert scheduler is not None
        scheduler.step()

    def _end_epoch(self, iteration: int) -> None:
        setup, loop = self._setup, self._setup.loop
        if loop is not None and loop.evaluates:
            setup.model.eval()
            val_loss, accuracy = evaluate(setup.model, setup.loss_fn, loop)
            setup.model.train()
            epoch, _ = loop.epoch_of(iteration)
            first = iteration + 1 - loop.per_epoch
            losses = self._losses_from(first)
            evaluation = Evaluation(epoch, float(np.mean(losses)), val_loss, accuracy)
            self.evaluations.append((iteration, evaluation))
        if setup.config.scheduler and setup.config.scheduler_step == "epoch":
            self._schedule()

    def _losses_from(self, first: int) -> list[float]:
        """Iteration `first`'s loss and those after it, recorded or queued."""
        start = self._position.iteration
        recorded = list(self._position.trajectory.losses[first:start]) if first < start else []
        return recorded + self.losses[max(first - start, 0) :]

    def take(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(losses, gradient norms before clipping, parameters after each update)."""
        params = torch.stack(self.params).detach().to("cpu", torch.float64).numpy()
        taken = np.array(self.losses), np.array(self.norms), params
        self.losses, self.norms, self.params = [], [], []
        return taken

    def take_extras(self) -> tuple[np.ndarray, list[tuple[int, Evaluation]]]:
        """(learning rates, evaluations) of the iterations `take` returned."""
        lrs, evaluations = np.array(self.lrs), self.evaluations
        self.lrs, self.evaluations = [], []
        return lrs, evaluations
