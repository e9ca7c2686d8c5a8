"""Which training samples each iteration's batch holds, drawn by a real DataLoader.

A learner's loop is `loader = DataLoader(train_set, batch_size=B, shuffle=True,
generator=torch.Generator().manual_seed(seed))`; each `for xb, yb in loader` draws from that
generator (a seed for worker processes, then the permutation). The same DataLoader over the
sample indices draws exactly the same numbers, so its index batches are the learner's batches,
and `train_x[indices]` holds the very values the learner's default collate stacks.
"""

from __future__ import annotations

import torch
from torch import Tensor
from torch.utils.data import DataLoader, TensorDataset


class BatchOrder:
    """The index batches of every epoch, drawn in order and kept: going back reads them again."""

    def __init__(self, count: int, batch_size: int, shuffle: bool, seed: int) -> None:
        generator = torch.Generator().manual_seed(seed)
        self._loader = DataLoader(
            TensorDataset(torch.arange(count)),
            batch_size=batch_size,
            shuffle=shuffle,
            generator=generator,
        )
        self.per_epoch = len(self._loader)
        self._epochs: list[list[Tensor]] = []

    def indices(self, iteration: int) -> Tensor:
        """The samples of iteration `iteration`'s batch (iterations count across epochs)."""
        epoch, batch = divmod(iteration, self.per_epoch)
        while len(self._epochs) <= epoch:
            self._epochs.append([indices for (indices,) in self._loader])
        return self._epochs[epoch][batch]
