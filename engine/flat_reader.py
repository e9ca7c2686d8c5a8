"""Read a model's parameters and gradients as flat float64 vectors, copying only on change.

A Snapshot needs both on every micro-step, yet most micro-steps change neither (a forward
step changes no parameter; a step reveal changes no gradient). Torch bumps a tensor's
`_version` on every in-place write (optimizer steps, `copy_`, gradient accumulation), so a
tuple of versions tells whether the last copy is still the truth.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import Tensor


class FlatReader:
    def __init__(self, tensors: tuple[Tensor, ...]) -> None:
        self.tensors = tensors
        self._values_key: tuple[int, ...] | None = None
        self._values = np.empty(0)
        self._grads_key: tuple[tuple[int, int] | None, ...] | None = None
        self._grads: np.ndarray | None = None
        # Holding the gradient tensors keeps their ids from being reused by new ones.
        self._grad_refs: list[Tensor | None] = []

    def values(self) -> np.ndarray:
        """All scalars in storage order, as float64 (a copy the caller may change)."""
        key = tuple(t._version for t in self.tensors)
        if key != self._values_key:
            flat = torch.cat([t.detach().reshape(-1) for t in self.tensors])
            self._values = flat.to("cpu", torch.float64).numpy()
            self._values_key = key
        return self._values.copy()

    def grads(self) -> np.ndarray | None:
        """Gradients in storage order, NaN where one has none; None when all are cleared."""
        refs = [t.grad for t in self.tensors]
        key = tuple(None if g is None else (id(g), g._version) for g in refs)
        if key != self._grads_key:
            self._grads = _flat_grads(self.tensors, refs)
            self._grads_key, self._grad_refs = key, refs
        return None if self._grads is None else self._grads.copy()


def _flat_grads(tensors: tuple[Tensor, ...], grads: list[Tensor | None]) -> np.ndarray | None:
    if all(g is None for g in grads):
        return None
    parts = [
        torch.full((t.numel(),), math.nan, dtype=t.dtype, device=t.device)
        if g is None
        else g.detach().reshape(-1)
        for t, g in zip(tensors, grads, strict=True)
    ]
    return torch.cat(parts).to("cpu", torch.float64).numpy()
