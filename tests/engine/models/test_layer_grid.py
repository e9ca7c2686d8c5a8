"""Labels placed as weight matrices read back exactly the model's own tensors."""

from __future__ import annotations

import math

import numpy as np

from engine.models.layer_grid import layer_labels, values_of
from engine.models.mlp import MLP
from engine.models.presets import MAZUR


def model_of(layers: tuple[int, ...]) -> MLP:
    return MLP(
        MAZUR.replace(
            preset="custom",
            layers=layers,
            activations=("tanh",) * (len(layers) - 1),
            inputs=((0.1,) * layers[0],),
            targets=((0.2,) * layers[-1],),
            initial_params=(),
            seed=3,
        )
    )


def test_weight_grids_read_back_the_tensors_of_every_layer():
    model = model_of((5, 4, 3))
    values = {info.label: float(v) for info, v in zip(model.params, model.values(), strict=True)}
    layers = layer_labels(model.params)
    assert [labels.layer for labels in layers] == [1, 2]
    for labels, linear in zip(layers, model.linears, strict=True):
        tensor = linear.weight.detach().numpy()
        assert labels.shape == tensor.shape
        matrix = values_of(values, labels.flat_weights()).reshape(labels.shape)
        np.testing.assert_array_equal(matrix, tensor)
        np.testing.assert_array_equal(values_of(values, labels.biases), linear.bias.detach())


def test_the_grid_agrees_with_the_models_own_label_lookup():
    model = model_of((4, 6, 2))
    for labels in layer_labels(model.params):
        rows, cols = labels.shape
        for row in range(rows):
            for col in range(cols):
                assert labels.weights[row][col] == model.weight_label(labels.layer, row, col)
            incoming, bias = model.incoming(labels.layer, row)
            assert labels.incoming(row) == tuple(info.label for info in incoming)
            assert labels.biases[row] == bias.label


def test_mazur_w5_feeds_o1_from_h1():
    layers = layer_labels(MLP(MAZUR).params)
    assert layers[1].weights == (("w5", "w6"), ("w7", "w8"))
    assert layers[0].biases == ("b_h1", "b_h2")


def test_cleared_or_missing_values_read_as_nan():
    read = values_of({"w1": 0.5, "w2": None}, ["w1", "w2", "w3"])
    assert read[0] == 0.5 and math.isnan(read[1]) and math.isnan(read[2])
