"""Labels laid out as each layer's weight matrix, and a Snapshot's values read back through them.

A Snapshot names every scalar by label ("w5", "b_o1"); a picture of a layer needs them as a
matrix. The place of each label comes from its ParamInfo (layer, row, column), the same record
the model uses to find the scalar in its tensors, so a picture cannot disagree with the model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from engine.models.parameters import ParamInfo


@dataclass(frozen=True)
class LayerLabels:
    """One weight layer's labels: `weights[row][col]` feeds neuron `row` from neuron `col`."""

    layer: int  # 1-based
    weights: tuple[tuple[str, ...], ...]
    biases: tuple[str, ...]

    @property
    def shape(self) -> tuple[int, int]:
        """(neurons fed, neurons read): the weight tensor's shape."""
        return len(self.weights), len(self.weights[0]) if self.weights else 0

    def flat_weights(self) -> tuple[str, ...]:
        return tuple(label for row in self.weights for label in row)

    def incoming(self, row: int) -> tuple[str, ...]:
        """The weights into neuron `row`, in the order of the neurons they read."""
        return self.weights[row]


def layer_labels(params: Sequence[ParamInfo]) -> tuple[LayerLabels, ...]:
    """Every weight layer's labels placed by each parameter's own (layer, row, col)."""
    weights: dict[int, dict[tuple[int, int], str]] = {}
    biases: dict[int, dict[int, str]] = {}
    for info in params:
        if info.kind == "weight":
            weights.setdefault(info.layer, {})[(info.row, info.col)] = info.label
        else:
            biases.setdefault(info.layer, {})[info.row] = info.label
    layers = []
    for layer in sorted(weights):
        cells = weights[layer]
        rows = 1 + max(row for row, _ in cells)
        cols = 1 + max(col for _, col in cells)
        grid = tuple(tuple(cells[(r, c)] for c in range(cols)) for r in range(rows))
        bias = tuple(biases.get(layer, {}).get(r, "") for r in range(rows))
        layers.append(LayerLabels(layer, grid, bias))
    return tuple(layers)


def values_of(values: Mapping[str, float | None], labels: Sequence[str]) -> np.ndarray:
    """The values by label as float64, NaN where one is missing or None (a cleared gradient)."""
    return np.array([values.get(label) for label in labels], dtype=np.float64)
