"""Which training samples each iteration's batch holds, drawn by a real DataLoader.

A learner's loop is `loader = DataLoader(train_set, batch_size=B, shuffle=True,
generator=torch.Generator().manual_seed(seed))`; each `for xb, yb in loader` draws from that
generator (a seed for worker processes, then the permutation). The same DataLoader over the
sample indices draws exactly the same numbers, so its index batches are the learner's batches,
and `train_x[indices]` holds the very values the learner's default collate stacks. The indices
are handed over as a whole batch (`__getitems__`), not one sample at a time: the same draws,
without a Python call per sample.
"""

from __future__ import annotations

import torch
from torch import Tensor
from torch.utils.data import DataLoader, Dataset


class _Indices(Dataset[int]):
    """Sample i is the number i; a batch of them is fetched in one call."""

    def __init__(self, count: int) -> None:
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> int:
        return index

    def __getitems__(self, indices: list[int]) -> list[int]:
        return indices


class BatchOrder:
    """The index batches of every epoch, drawn in order and kept: going back reads them again."""

    def __init__(self, count: int, batch_size: int, shuffle: bool, seed: int) -> None:
        generator = torch.Generator().manual_seed(seed)
        self._loader = DataLoader(
            _Indices(count),
            batch_size=batch_size,
            shuffle=shuffle,
            generator=generator,
            collate_fn=torch.tensor,
        )
        self.per_epoch = len(self._loader)
        self._epochs: list[list[Tensor]] = []

    def indices(self, iteration: int) -> Tensor:
        """The samples of iteration `iteration`'s batch (iterations count across epochs)."""
        epoch, batch = divmod(iteration, self.per_epoch)
        while len(self._epochs) <= epoch:
            self._epochs.append(list(self._loader))
        return self._epochs[epoch][batch]
