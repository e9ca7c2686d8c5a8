"""The validation pass at an epoch's end: `model.eval()`, then the validation set under
`torch.no_grad()`, as a learner's `evaluate(model, val_set)` computes it."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from engine.models.losses import Loss
from engine.models.trainable_model import TrainableModel
from engine.training.loop_data import LoopData


@dataclass(frozen=True)
class Evaluation:
    epoch: int  # 1-based
    train_loss: float  # the mean of the epoch's batch losses
    val_loss: float
    val_accuracy: float | None  # classification only

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "epoch": self.epoch,
            "train_loss": self.train_loss,
            "val_loss": self.val_loss,
            "val_accuracy": self.val_accuracy,
        }


def evaluate(model: TrainableModel, loss_fn: Loss, loop: LoopData) -> tuple[float, float | None]:
    """(validation loss, accuracy or None) at the current parameters."""
    with torch.no_grad():
        out = model(loop.val_x)
        loss = float(loss_fn.value(out, loop.val_y))
        if loop.val_labels is None:
            return loss, None
        accuracy = float((out.argmax(dim=1) == loop.val_labels).double().mean())
    return loss, accuracy
