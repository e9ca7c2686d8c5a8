"""The settings form's values become a Config on top of the one in use, or say what is wrong."""

from __future__ import annotations

import pytest

from engine.core.errors import EngineError
from engine.models.presets import PRESETS
from gui.views.settings_check import assemble

MAZUR = PRESETS["mazur"]


def test_values_replace_the_settings_they_name_and_keep_the_rest():
    config = assemble(MAZUR, {"layers": (2, 3, 2), "activations": ("tanh", "sigmoid"), "lr": 0.1})
    assert config.layers == (2, 3, 2) and config.lr == 0.1
    assert config.inputs == MAZUR.inputs and config.targets == MAZUR.targets


def test_new_input_and_output_sizes_bring_data_of_their_shape():
    activations = ("sigmoid",) * 3
    config = assemble(MAZUR, {"layers": (4, 16, 16, 3), "activations": activations})
    assert config.layers == (4, 16, 16, 3)
    assert [len(row) for row in config.inputs] == [4]
    assert [len(row) for row in config.targets] == [3]
    # Mazur's values stay where their columns remain.
    assert config.inputs[0][:2] == (0.05, 0.10) and config.targets[0][:2] == (0.01, 0.99)


def test_a_test_function_ignores_the_network_fields():
    bowl = PRESETS["bowl"]
    config = assemble(bowl, {"layers": (9, 9), "loss": "nonsense", "lr": 0.05})
    assert config.layers == bowl.layers and config.loss == bowl.loss and config.lr == 0.05


def test_the_engine_refuses_a_combination_it_cannot_run():
    with pytest.raises(EngineError, match="Nesterov"):
        assemble(MAZUR, {"layers": MAZUR.layers, "nesterov": True, "momentum": 0.0})
