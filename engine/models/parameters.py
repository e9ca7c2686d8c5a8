"""Parameters by label: where each scalar sits in a network, and setting them by label.

Every model (the layered network and a test function's point) names its scalars with labels
("w5", "b_o1", "x"); the views, sessions, --init files and scripts all speak in these labels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

import torch
from torch import nn

from engine.core.errors import EngineError


class Addressable(Protocol):
    """What setting a parameter by its label needs of a model."""

    params: tuple[ParamInfo, ...]
    index: dict[str, int]

    def tensor_of(self, info: ParamInfo) -> nn.Parameter: ...

    def element_of(self, info: ParamInfo) -> tuple[int, ...]: ...


@dataclass(frozen=True)
class ParamInfo:
    """One scalar parameter: where it sits in the network and in its layer's tensor."""

    label: str  # "w5", "b_o1"
    layer: int  # 1-based index of the weight layer
    kind: str  # "weight" or "bias"
    row: int  # index of the neuron it feeds
    col: int  # index of the neuron it reads (-1 for a bias)
    source: str  # label of the neuron it reads ("h1"), or "1" for a bias
    target: str  # label of the neuron it feeds ("o1")


def neuron_labels(layers: tuple[int, ...]) -> list[list[str]]:
    """i1.., then h1.. (h1_1.. when there are several hidden layers), then o1.."""
    hidden = len(layers) - 2
    labels = [[f"i{k + 1}" for k in range(layers[0])]]
    for depth, size in enumerate(layers[1:-1], start=1):
        prefix = "h" if hidden == 1 else f"h{depth}_"
        labels.append([f"{prefix}{k + 1}" for k in range(size)])
    labels.append([f"o{k + 1}" for k in range(layers[-1])])
    return labels


def describe_parameters(layers: tuple[int, ...]) -> tuple[ParamInfo, ...]:
    """Every scalar parameter in storage order: per layer, weights row by row, then biases."""
    names = neuron_labels(layers)
    infos: list[ParamInfo] = []
    weight_number = 0
    for layer in range(1, len(layers)):
        sources, targets = names[layer - 1], names[layer]
        for row, target in enumerate(targets):
            for col, source in enumerate(sources):
                weight_number += 1
                infos.append(
                    ParamInfo(f"w{weight_number}", layer, "weight", row, col, source, target)
                )
        for row, target in enumerate(targets):
            infos.append(ParamInfo(f"b_{target}", layer, "bias", row, -1, "1", target))
    return tuple(infos)


def incoming_terms(
    params: tuple[ParamInfo, ...],
) -> dict[tuple[int, int], tuple[list[ParamInfo], ParamInfo]]:
    """(layer, row) → the weights into that neuron and its bias (the forward formula's terms)."""
    weights: dict[tuple[int, int], list[ParamInfo]] = {}
    biases: dict[tuple[int, int], ParamInfo] = {}
    for info in params:
        if info.kind == "weight":
            weights.setdefault((info.layer, info.row), []).append(info)
        else:
            biases[(info.layer, info.row)] = info
    return {key: (weights[key], bias) for key, bias in biases.items()}


def assign_values(model: Addressable, values: dict[str, float]) -> None:
    """Set parameters by label, refusing unknown labels and non-finite values."""
    unknown = sorted(set(values) - set(model.index))
    if unknown:
        raise EngineError(f"unknown parameter label(s): {', '.join(unknown)}")
    with torch.no_grad():
        for label, value in values.items():
            if not math.isfinite(value):
                raise EngineError(f"{label} must be a finite number, got {value}")
            info = model.params[model.index[label]]
            model.tensor_of(info)[model.element_of(info)] = value
