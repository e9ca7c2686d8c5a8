"""A Snapshot read as layers: weight matrices, gradient norms, activation columns and a zoomed
neuron's weights. Labels are placed by engine.models.layer_grid (each ParamInfo's own row and
column), so every cell holds exactly the Snapshot's number for that label."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from engine.core.snapshot import Snapshot
from engine.models.diagram_scale import FocusPlace, focus_place, input_image_side, norm_of
from engine.models.layer_grid import LayerLabels, layer_labels, values_of
from engine.models.parameters import ParamInfo
from gui.views.layer_columns.neuron_zoom import NeuronWeights


class LayerReading:
    """The network's labels as layers, and Snapshots read through them."""

    def __init__(self, neurons: Sequence[Sequence[str]], params: Sequence[ParamInfo]) -> None:
        self.neurons = [tuple(column) for column in neurons]
        self.params = tuple(params)
        self.layers: tuple[LayerLabels, ...] = layer_labels(params)
        self._flat = [layer.flat_weights() for layer in self.layers]
        self.image_side = input_image_side(tuple(len(column) for column in self.neurons))

    def weights(self, snapshot: Snapshot, layer: int) -> np.ndarray:
        """Weight layer `layer` (1-based) as its (fed × read) matrix."""
        labels = self.layers[layer - 1]
        return values_of(snapshot.params, self._flat[layer - 1]).reshape(labels.shape)

    def grad_norms(self, snapshot: Snapshot, layer: int) -> tuple[float | None, float | None]:
        """‖∇W‖ and ‖∇b‖ of the gradients there now (None when all are cleared)."""
        grads = snapshot.grads
        weights = norm_of([grads.get(label) for label in self._flat[layer - 1]])
        biases = norm_of([grads.get(label) for label in self.layers[layer - 1].biases])
        return weights, biases

    def outs(self, snapshot: Snapshot, column: int) -> np.ndarray:
        """Column `column`'s outs for the current sample; NaN where not computed yet."""
        neurons = snapshot.neurons
        values = [neurons[n].out if n in neurons else None for n in self.neurons[column]]
        return np.array(values, dtype=np.float64)

    def focus(self, snapshot: Snapshot) -> FocusPlace | None:
        return focus_place(snapshot.focus, self.neurons, self.params)

    def neuron(self, column: int, row: int) -> str:
        return self.neurons[column][row]

    def place_of(self, neuron: str) -> tuple[int, int] | None:
        """(column, row) of a neuron that a weight layer feeds; None for inputs and strangers."""
        for column, names in enumerate(self.neurons[1:], start=1):
            if neuron in names:
                return column, names.index(neuron)
        return None

    def neuron_weights(self, snapshot: Snapshot, neuron: str) -> NeuronWeights | None:
        place = self.place_of(neuron)
        if place is None:
            return None
        layer, row = place
        labels = self.layers[layer - 1]
        incoming = labels.incoming(row)
        bias = labels.biases[row]
        grads = [snapshot.grads.get(label) for label in (*incoming, bias)]
        return NeuronWeights(
            neuron=neuron,
            layer=layer,
            weights=values_of(snapshot.params, incoming),
            bias_label=bias,
            bias=snapshot.params.get(bias),
            grad_norm=norm_of(grads),
            image_side=self.image_side if layer == 1 else None,
        )
