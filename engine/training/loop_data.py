"""The data side of the loop a learner writes: the training and validation sets as tensors,
and the batch each iteration trains on (engine.training.batches)."""

from __future__ import annotations

import numpy as np
import torch
from torch import Tensor

from engine.models.config import Config
from engine.models.run_samples import RunSamples, run_samples
from engine.training.batches import BatchOrder

DEFAULT_EPOCHS = 10  # what a schedule plans for when the run names no epoch count


class LoopData:
    """The run's two sets on the model's device and dtype, and its batches."""

    def __init__(self, config: Config, as_tensor) -> None:
        samples: RunSamples = run_samples(config)
        self.samples = samples
        self.train_x: Tensor = as_tensor(samples.train.x)
        self.train_y: Tensor = as_tensor(samples.train.y)
        self.val_x: Tensor = as_tensor(samples.val.x)
        self.val_y: Tensor = as_tensor(samples.val.y)
        device = self.train_x.device
        self.val_labels = _labels(samples.val.labels, device)
        self.batched = config.batch_size > 0
        self.order = (
            BatchOrder(len(samples.train), config.batch_size, config.shuffle, config.seed)
            if self.batched
            else None
        )
        self.per_epoch = self.order.per_epoch if self.order is not None else 1
        self.epochs = config.epochs or DEFAULT_EPOCHS

    @property
    def evaluates(self) -> bool:
        return len(self.samples.val) > 0

    def batch(self, iteration: int) -> tuple[Tensor, Tensor, Tensor | None]:
        """(inputs, targets, sample indices) of iteration `iteration` (indices None: all)."""
        if self.order is None:
            return self.train_x, self.train_y, None
        indices = self.order.indices(iteration)
        return self.train_x[indices], self.train_y[indices], indices

    def epoch_of(self, iteration: int) -> tuple[int, int]:
        """(epoch, batch within it), both 1-based, of iteration `iteration` (0-based)."""
        epoch, batch = divmod(iteration, self.per_epoch)
        return epoch + 1, batch + 1


def _labels(labels: np.ndarray | None, device: torch.device) -> Tensor | None:
    return None if labels is None else torch.as_tensor(labels, device=device)
