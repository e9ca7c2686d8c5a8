"""What each hidden unit of a classifier computes over the input plane, as TensorFlow
Playground pictures it: every hidden layer's activations on a grid, from one batched forward.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor, nn

from engine.labs.apply import Apply

Bounds = tuple[float, float, float, float]  # x0, x1, y0, y1


@dataclass(frozen=True)
class NeuronMaps:
    """layers[l][u] is unit u of hidden layer l on a res × res grid: row r is y[r], column c
    x[c] (the decision map's orientation), after the hidden activation."""

    x: np.ndarray
    y: np.ndarray
    activation: str
    layers: tuple[np.ndarray, ...]  # each (units, res, res)


def plane_grid(bounds: Bounds, res: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(xs, ys, points): res values along each axis and the res² points, row by row in y."""
    x0, x1, y0, y1 = bounds
    xs, ys = np.linspace(x0, x1, res), np.linspace(y0, y1, res)
    return xs, ys, np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)


def hidden_activations(model: nn.Sequential, x: Tensor) -> list[Tensor]:
    """The output of every hidden activation for the batch x, in one forward pass."""
    outputs = []
    for module in model:
        x = module(x)
        if isinstance(module, Apply):
            outputs.append(x)
    return outputs


def neuron_maps(model: nn.Sequential, bounds: Bounds, res: int, activation: str) -> NeuronMaps:
    xs, ys, points = plane_grid(bounds, res)
    with torch.no_grad():
        layers = hidden_activations(model, torch.from_numpy(points))
    pictures = tuple(a.T.reshape(-1, res, res).numpy().copy() for a in layers)
    return NeuronMaps(xs, ys, activation, pictures)
