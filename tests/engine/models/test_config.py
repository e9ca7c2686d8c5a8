"""The settings dataclass: JSON round trip, overrides, and one-line refusals of bad values."""

import json

import pytest

from engine.core.errors import EngineError
from engine.models.config import Config
from engine.models.presets import MAZUR, PRESETS


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_round_trips_through_json(name):
    config = PRESETS[name]
    assert Config.from_dict(json.loads(json.dumps(config.to_dict()))) == config


def test_new_layer_sizes_drop_starting_values_that_no_longer_fit():
    assert MAZUR.replace(lr=0.1).initial_params == MAZUR.initial_params
    assert MAZUR.replace(layers=(2, 3, 2)).initial_params == ()


def test_whole_numbers_become_floats():
    config = Config(lr=1, momentum=0, weight_decay=10**30)
    assert isinstance(config.lr, float) and config.weight_decay == 1e30


def test_hidden_activation_keeps_the_output_layer():
    config = MAZUR.replace(layers=(2, 3, 3, 2), activations=("sigmoid",) * 3)
    assert config.with_hidden_activation("relu").activations == ("relu", "relu", "sigmoid")
    with pytest.raises(EngineError, match="test function"):
        PRESETS["bowl"].with_hidden_activation("relu")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"lr": float("nan")}, "finite"),
        ({"lr": -0.5}, "must not be negative"),
        ({"lr": "0.5"}, "must be a number"),
        ({"momentum": 1.0}, "momentum"),
        ({"betas": (0.9, 1.0)}, "betas"),
        ({"layers": (2, 0, 2)}, "at least one neuron"),
        ({"layers": (2,)}, "at least an input"),
        ({"activations": ("sigmoid",)}, "2 activation"),
        ({"activations": ("softmax", "sigmoid")}, "output layer"),
        ({"activations": ("sigmoidd", "sigmoid")}, "sigmoidd"),
        ({"optimizer": "adamax"}, "unknown optimizer"),
        ({"dtype": "float16"}, "unknown dtype"),
        ({"seed": -1}, "seed"),
        ({"seed": 2**70}, "seed"),
        ({"function": ["x"]}, "must be text"),
        ({"function": "sphere"}, "unknown test function"),
        ({"inputs": ((0.1, 0.2, 0.3),)}, "inputs"),
        ({"targets": ((float("inf"), 0.0),)}, "finite"),
        ({"lookahead_k": 5, "lookahead_alpha": 0.0}, "alpha"),
        ({"published_variant": True, "optimizer": "adam"}, "published variant"),
        ({"train_biases": "yes"}, "true or false"),
    ],
)
def test_bad_values_are_refused_with_one_line(changes, message):
    with pytest.raises(EngineError, match=message) as error:
        MAZUR.replace(**changes)
    assert "\n" not in str(error.value)


def test_from_dict_refuses_unknown_keys_and_malformed_values():
    data = MAZUR.to_dict()
    with pytest.raises(EngineError, match="unknown setting"):
        Config.from_dict({**data, "colour": "red"})
    with pytest.raises(EngineError, match="malformed"):
        Config.from_dict({**data, "layers": ["two", 2, 2]})
    with pytest.raises(EngineError, match="JSON object"):
        Config.from_dict([1, 2])


def test_the_family_says_what_applies_and_names_the_shape():
    from engine.models.config import FUNCTION, NETWORK
    from engine.models.presets import PRESETS

    network, function = PRESETS["mazur"], PRESETS["himmelblau"]
    assert (network.family, network.has_layers, network.shape) == (NETWORK, True, "2-2-2")
    assert (function.family, function.has_layers, function.shape) == (
        FUNCTION,
        False,
        "himmelblau",
    )
    assert network.replace(layers=(2, 8, 8, 2), activations=("tanh",) * 3).shape == "2-8-8-2"
