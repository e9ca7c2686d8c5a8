"""The inputs and targets a run trains on now: hand edits change them, going back restores them.

Every piece of the run holds the same two tensors (the layers, the loss, fast-forward), so a
change is made in place and reaches all of them at once. `version` grows with each change, so
that what is built from the data (the input neurons of a Snapshot) knows to be built again.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import Tensor

from engine.models.data_labels import INPUTS, DataCell

SavedData = tuple[np.ndarray, np.ndarray]  # inputs and targets, exact copies


class RunData:
    """The run's two data tensors, changed and restored in place."""

    def __init__(self, x: Tensor, target: Tensor) -> None:
        self.x = x
        self.target = target
        self.version = 0

    def saved(self) -> SavedData:
        return _copy(self.x), _copy(self.target)

    def load(self, saved: SavedData) -> None:
        """The data as `saved` holds it (exactly); nothing changes when it is the same."""
        x, target = saved
        if np.array_equal(x, _copy(self.x)) and np.array_equal(target, _copy(self.target)):
            return
        with torch.no_grad():
            self.x.copy_(torch.from_numpy(x.copy()))
            self.target.copy_(torch.from_numpy(target.copy()))
        self.version += 1

    def set(self, cell: DataCell, value: float) -> float:
        """One value set; returns it as the data's dtype holds it."""
        tensor = self.x if cell.kind == INPUTS else self.target
        with torch.no_grad():
            tensor[cell.sample, cell.column] = value
        self.version += 1
        return float(tensor[cell.sample, cell.column])

    def value(self, cell: DataCell) -> float:
        tensor = self.x if cell.kind == INPUTS else self.target
        return float(tensor[cell.sample, cell.column])

    def rows(self) -> tuple[tuple[tuple[float, ...], ...], tuple[tuple[float, ...], ...]]:
        """(inputs, targets) as the run holds them now, one tuple per sample."""
        return _rows(self.x), _rows(self.target)


def _copy(tensor: Tensor) -> np.ndarray:
    # .numpy() of a float64 CPU tensor shares memory: copy, so a checkpoint stays as it was.
    return tensor.detach().to("cpu").numpy().copy()


def _rows(tensor: Tensor) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(float(v) for v in row) for row in tensor.tolist())
