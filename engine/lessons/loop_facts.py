"""The facts about the loop around the model that a lesson's `expect` may name: the current
batch and epoch, the learning rate in force, what clipping did, and the epochs' evaluations.

Computed from the stepper at rest (the window asks through the controller's `read`), so the
lesson checks the engine's own numbers, not what a view made of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch

from engine.training.clipping import EPS
from engine.training.evaluation import Evaluation

if TYPE_CHECKING:
    from engine.training.stepper import Stepper


@dataclass(frozen=True)
class LoopFacts:
    batch_size: int  # samples in the current batch (the whole training set without batches)
    epoch: int  # 1-based, of the iteration shown (1 without a loop)
    batch: int  # 1-based, within its epoch (1 without batches)
    lr: float  # what the optimizer's next step will use (after any scheduler.step())
    clip_scale: float | None  # the factor clip_grad_norm_ multiplied the gradients by
    evaluations: tuple[Evaluation, ...] = ()  # one per finished epoch with a validation set


def loop_facts(stepper: Stepper) -> LoopFacts:
    snapshot, loop = stepper.snapshot, stepper.loop
    if snapshot.batch:
        size = len(snapshot.batch)
    else:
        size = len(loop.samples.train) if loop is not None else int(stepper.x.shape[0])
    epoch, batch = loop.epoch_of(snapshot.iteration) if loop is not None else (1, 1)
    return LoopFacts(
        batch_size=size,
        epoch=epoch,
        batch=batch,
        lr=_lr_now(stepper),
        clip_scale=_clip_scale(stepper),
        evaluations=_evaluations(stepper),
    )


def _evaluations(stepper: Stepper) -> tuple[Evaluation, ...]:
    """The finished epochs' evaluations, and the current one's once its evaluate micro-step ran
    (the trajectory lists an iteration's only when the iteration is finished)."""
    done = stepper.trajectory.evaluations
    iteration, micro = stepper.snapshot.iteration, stepper.micro
    phases = [phase for phase, _ in stepper.timeline.plan(iteration)[:micro]]
    current = stepper.trajectory.evaluation_at(iteration) if "evaluate" in phases else None
    return done if current is None else (*done, current)


def _lr_now(stepper: Stepper) -> float:
    groups = getattr(stepper.optimizer, "param_groups", None)
    return float(groups[0]["lr"]) if groups else float(stepper.config.lr)


def _clip_scale(stepper: Stepper) -> float | None:
    """The scale of the clip in the iteration shown, else of the last iteration run (its
    gradient norm before clipping, scaled as clip_grad_norm_ does); None without norm clipping."""
    max_norm = stepper.config.clip_norm
    if not max_norm:
        return None
    clipped = stepper.clipped
    if clipped is not None:
        return clipped.scale
    norms = stepper.trajectory.grad_norms
    if not len(norms):
        return None
    total = torch.tensor(float(norms[-1]), dtype=torch.float64)
    return float(torch.clamp(max_norm / (total + EPS), max=1.0))
