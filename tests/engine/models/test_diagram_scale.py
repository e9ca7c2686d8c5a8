"""When the diagram switches to layer columns, and where a Snapshot's focus is in the layers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from torch import nn

from engine.models.config import Config
from engine.models.diagram_scale import (
    FocusPlace,
    focus_place,
    input_image_side,
    needs_layer_columns,
    norm_of,
    parameter_count,
)
from engine.models.mlp import MLP
from engine.models.presets import MAZUR


def torch_parameter_count(layers: tuple[int, ...]) -> int:
    linears = [nn.Linear(a, b) for a, b in zip(layers[:-1], layers[1:], strict=False)]
    return sum(p.numel() for linear in linears for p in linear.parameters())


@pytest.mark.parametrize(
    ("layers", "wide"),
    [
        ((2, 2, 2), False),  # Mazur
        ((2, 3, 1), False),  # XOR
        ((2, 8, 8, 2), False),
        ((4, 16, 16, 3), False),  # 403 parameters, 16 neurons at most
        ((16, 15, 15), False),  # 495 parameters
        ((16, 16, 16), True),  # 544 parameters
        ((17, 1), True),  # 17 neurons in one layer, 18 parameters
        ((2, 17, 1), True),  # a hidden layer of 17
        ((64, 10), True),  # the digits tutorial's network
        ((64, 32, 10), True),
    ],
)
def test_wide_when_a_layer_has_more_than_16_neurons_or_over_500_parameters(layers, wide):
    assert parameter_count(layers) == torch_parameter_count(layers)
    assert needs_layer_columns(layers) is wide


def test_the_parameter_limit_is_strict_at_500():
    layers = (5, 16, 16, 7)  # 96 + 272 + 119 = 487
    assert parameter_count(layers) == 487 and not needs_layer_columns(layers)
    layers = (7, 16, 16, 7)  # 128 + 272 + 119 = 519
    assert parameter_count(layers) == 519 and needs_layer_columns(layers)


def test_64_and_784_inputs_form_square_pictures():
    assert input_image_side((64, 10)) == 8
    assert input_image_side((784, 32, 10)) == 28
    assert input_image_side((2, 2, 2)) is None
    assert input_image_side((100, 10)) is None


@pytest.fixture
def digits_model() -> MLP:
    return MLP(
        MAZUR.replace(
            preset="custom",
            layers=(64, 32, 10),
            activations=("relu", "log_softmax"),
            loss="nll",
            inputs=((0.5,) * 64,),
            targets=((1.0,) + (0.0,) * 9,),
        )
    )


def test_a_layer_marker_names_a_weight_layer(digits_model):
    neurons, params = digits_model.neurons, digits_model.params
    assert focus_place("layer:1", neurons, params) == FocusPlace(1)
    assert focus_place("layer:2", neurons, params) == FocusPlace(2)
    for outside in ("layer:0", "layer:3", "layer:", "layer:x", "layer:-1"):
        assert focus_place(outside, neurons, params) is None


def test_a_neuron_or_parameter_focus_is_in_the_layer_that_computes_it(digits_model):
    neurons, params = digits_model.neurons, digits_model.params
    assert focus_place("h5", neurons, params) == FocusPlace(1, 4)
    assert focus_place("o3", neurons, params) == FocusPlace(2, 2)
    # The model's own mapping: the weight from h7 (col 6) into o2 (row 1) of layer 2.
    assert focus_place(digits_model.weight_label(2, 1, 6), neurons, params) == FocusPlace(2, 1)
    assert focus_place("b_h32", neurons, params) == FocusPlace(1, 31)
    for nothing in (None, "", "i1", "E", "w99999"):
        assert focus_place(nothing, neurons, params) is None


def test_mazur_labels_sit_where_the_post_draws_them():
    model = MLP(MAZUR)
    assert focus_place("w5", model.neurons, model.params) == FocusPlace(2, 0)  # h1 → o1
    assert focus_place("w4", model.neurons, model.params) == FocusPlace(1, 1)  # i2 → h2


def test_norm_of_ignores_cleared_values_and_is_none_when_all_are():
    values = [0.3, None, -1.2, 2.5]
    assert math.isclose(norm_of(values), float(np.linalg.norm([0.3, -1.2, 2.5])), rel_tol=1e-15)
    assert norm_of([None, None]) is None
    assert norm_of([]) is None


def test_config_sizes_of_the_digits_network_are_accepted():
    config = Config(
        preset="custom",
        layers=(64, 10),
        activations=("log_softmax",),
        loss="nll",
        inputs=((0.0,) * 64,),
        targets=((1.0,) + (0.0,) * 9,),
    )
    assert needs_layer_columns(config.layers)
