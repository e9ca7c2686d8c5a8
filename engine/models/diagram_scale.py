"""When the network diagram gives way to layers as columns, and what a Snapshot's focus points at.

A textbook figure with one circle per neuron and one line per weight is readable up to a few
dozen weights; the digits network (64 inputs, 650 parameters) would be a wall of lines. These
pure functions decide the switch and read a Snapshot's focus as a place in the layered picture,
so the views need no rule of their own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from engine.models.parameters import ParamInfo

MAX_NEURONS_DRAWN = 16  # per layer, as circles
MAX_PARAMETERS_DRAWN = 500  # in the whole network, as lines and tags
LAYER_FOCUS_PREFIX = "layer:"  # a focus naming a whole weight layer: "layer:1"
# Input counts that are a flattened square picture: the 8×8 digits and 28×28 MNIST (IDX) files.
IMAGE_INPUTS = {64: 8, 784: 28}


def parameter_count(layers: tuple[int, ...]) -> int:
    """Weights and biases of a fully connected network with these layer sizes."""
    return sum(n_in * n_out + n_out for n_in, n_out in zip(layers[:-1], layers[1:], strict=False))


def needs_layer_columns(layers: tuple[int, ...]) -> bool:
    """Wide when any layer has more than 16 neurons or the network more than 500 parameters."""
    too_many_neurons = any(size > MAX_NEURONS_DRAWN for size in layers)
    return too_many_neurons or parameter_count(layers) > MAX_PARAMETERS_DRAWN


def input_image_side(layers: tuple[int, ...]) -> int | None:
    """The side of the square picture the inputs form (8 for digits), or None."""
    return IMAGE_INPUTS.get(layers[0]) if layers else None


@dataclass(frozen=True)
class FocusPlace:
    """Where a focus sits: a weight layer (1-based) and, when it names one, a neuron's row."""

    layer: int
    row: int | None = None


def focus_place(
    focus: str | None, neurons: Sequence[Sequence[str]], params: Sequence[ParamInfo]
) -> FocusPlace | None:
    """The layer a Snapshot's focus is in: "layer:N" names weight layer N, a neuron label its
    layer (an input neuron none: it is computed by no layer), a parameter label the layer it
    belongs to and the neuron it feeds. None when the focus names nothing in the network."""
    if not focus:
        return None
    if focus.startswith(LAYER_FOCUS_PREFIX):
        number = focus.removeprefix(LAYER_FOCUS_PREFIX)
        layer = int(number) if number.isdigit() else 0
        return FocusPlace(layer) if 1 <= layer < len(neurons) else None
    for column, names in enumerate(neurons[1:], start=1):
        if focus in names:
            return FocusPlace(column, list(names).index(focus))
    for info in params:
        if info.label == focus:
            return FocusPlace(info.layer, info.row)
    return None


def norm_of(values: Sequence[float | None]) -> float | None:
    """The Euclidean norm of the values that are there; None when none is (all cleared)."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return math.sqrt(math.fsum(v * v for v in present))
