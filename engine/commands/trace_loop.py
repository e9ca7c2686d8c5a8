"""What `trace` adds for the loop around the model: each new micro-step's own numbers.

The batch names its samples (indices into the training set, as the seeded DataLoader drew
them); the clip its limit, the gradients' total norm before and after, and norm clipping's
factor; the scheduler the learning rate before and after its step; the evaluation its epoch's
train loss, validation loss and accuracy. All are read from the run itself around the
micro-step (the gradients, the optimizer's param groups, the trajectory), never recomputed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from engine.training.clipping import EPS, total_norm
from engine.training.stepper import Stepper

LOOP_PHASES = ("batch", "clip", "schedule", "eval_mode", "evaluate")


def current_lr(stepper: Stepper) -> float:
    optimizer = stepper.optimizer
    groups = getattr(optimizer, "inner", optimizer).param_groups  # Lookahead keeps it inside
    return float(groups[0]["lr"])


def next_phase(stepper: Stepper) -> str:
    return stepper.timeline.plan(stepper.iteration)[stepper.micro][0]


def step_with_loop_numbers(stepper: Stepper) -> tuple[Any, dict[str, Any] | None]:
    """Advance one micro-step; (its Snapshot, its loop numbers or None)."""
    phase = next_phase(stepper)
    if phase not in LOOP_PHASES:
        return stepper.step_phase(), None
    before = _BEFORE[phase](stepper)
    snapshot = stepper.step_phase()
    return snapshot, _AFTER[phase](stepper, snapshot, before)


def _batch(stepper: Stepper, snapshot, _: Any) -> dict[str, Any]:
    per_epoch = stepper.timeline.per_epoch
    epoch, batch = divmod(snapshot.iteration, per_epoch)
    return {
        "epoch": epoch + 1,
        "batch": batch + 1,
        "batches": per_epoch,
        "samples": list(snapshot.batch),
    }


def _clip(stepper: Stepper, _snapshot, norm_before: float) -> dict[str, Any]:
    config = stepper.config
    kind = "norm" if config.clip_norm else "value"
    limit = config.clip_norm if config.clip_norm else config.clip_value
    record = {
        "kind": kind,
        "limit": limit,
        "norm_before": norm_before,
        "norm_after": total_norm(stepper.trainable),
    }
    if kind == "norm":  # the factor clip_grad_norm_ multiplied every gradient by
        norm = torch.tensor(norm_before, dtype=stepper.trainable[0].dtype)
        record["scale"] = float(torch.clamp(limit / (norm + EPS), max=1.0))
    return record


def _schedule(stepper: Stepper, _snapshot, lr_before: float) -> dict[str, Any]:
    return {
        "scheduler": stepper.config.scheduler,
        "per": stepper.config.scheduler_step,
        "lr_before": lr_before,
        "lr_after": current_lr(stepper),
    }


def _eval_mode(stepper: Stepper, snapshot, _: Any) -> dict[str, Any]:
    return {"epoch": snapshot.iteration // stepper.timeline.per_epoch + 1}


def _evaluate(stepper: Stepper, snapshot, _: Any) -> dict[str, Any]:
    evaluation = stepper.trajectory.evaluation_at(snapshot.iteration)
    assert evaluation is not None  # the micro-step just recorded it
    return evaluation.to_dict()


_BEFORE: dict[str, Callable[[Stepper], Any]] = {
    "batch": lambda stepper: None,
    "clip": lambda stepper: total_norm(stepper.trainable),
    "schedule": current_lr,
    "eval_mode": lambda stepper: None,
    "evaluate": lambda stepper: None,
}
_AFTER: dict[str, Callable[[Stepper, Any, Any], dict[str, Any]]] = {
    "batch": _batch,
    "clip": _clip,
    "schedule": _schedule,
    "eval_mode": _eval_mode,
    "evaluate": _evaluate,
}
