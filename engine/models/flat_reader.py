"""Read a model's parameters and gradients as flat float64 vectors, copying only on change.

A Snapshot needs both on every micro-step, yet most micro-steps change neither (a forward
step changes no parameter; a step reveal changes no gradient). Torch bumps a tensor's
`_version` on every in-place write (optimizer steps, `copy_`, gradient accumulation), so a
tuple of versions tells whether the last copy is still the truth. On the public-API path
(`engine.core.fast_path`) the reader copies every time and keeps the previous objects when no bit
changed, so callers see the same identities either way.
"""

from __future__ import annotations

import math
from operator import is_not

import numpy as np
import torch
from torch import Tensor

from engine.core.fast_path import versions


class FlatReader:
    def __init__(self, tensors: tuple[Tensor, ...]) -> None:
        self.tensors = tensors
        self._values_key: list[int] | None = None
        self._values = np.empty(0)
        self._value_list: tuple[float, ...] = ()
        self._grads_key: list[int] | None = None
        self._grads: np.ndarray | None = None
        self._grad_list: tuple[float | None, ...] | None = None
        # The gradient tensors last read: a new .grad tensor (or None) is a change of its own.
        self._grad_refs: list[Tensor | None] = []

    def values(self) -> np.ndarray:
        """All scalars in storage order, as float64 (a copy the caller may change)."""
        return self._fresh_values().copy()

    def value_list(self) -> tuple[float, ...]:
        """The same as Python floats; the same tuple object until a value changes."""
        self._fresh_values()
        return self._value_list

    def grads(self) -> np.ndarray | None:
        """Gradients in storage order, NaN where one has none; None when all are cleared."""
        grads = self._fresh_grads()
        return None if grads is None else grads.copy()

    def grad_list(self) -> tuple[float | None, ...] | None:
        """The same as Python floats, None where one has none; None when all are cleared."""
        self._fresh_grads()
        return self._grad_list

    def _fresh_values(self) -> np.ndarray:
        key = versions(self.tensors)
        if key is None or key != self._values_key:
            flat = torch.cat([t.detach().reshape(-1) for t in self.tensors])
            values = flat.to("cpu", torch.float64).numpy()
            if key is not None or not _same_bits(values, self._values):
                self._values = values
                self._value_list = tuple(values.tolist())
            self._values_key = key
        return self._values

    def _fresh_grads(self) -> np.ndarray | None:
        refs = [t.grad for t in self.tensors]
        key = versions(refs)
        if key is None or key != self._grads_key or any(map(is_not, refs, self._grad_refs)):
            grads = _flat_grads(self.tensors, refs)
            if key is not None or not _same_bits(grads, self._grads):
                self._grads = grads
                self._grad_list = grad_list(grads)
            self._grads_key, self._grad_refs = key, refs
        return self._grads


def _same_bits(new: np.ndarray | None, old: np.ndarray | None) -> bool:
    """The public-API path rereads every time, and keeps the old objects when no bit moved."""
    if new is None or old is None:
        return new is old
    return new.shape == old.shape and new.tobytes() == old.tobytes()


def grad_list(grads: np.ndarray | None) -> tuple[float | None, ...] | None:
    """Gradients as Python floats, None where a tensor has no .grad (NaN marks those)."""
    if grads is None:
        return None
    return tuple(None if g != g else g for g in grads.tolist())  # g != g: NaN


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
