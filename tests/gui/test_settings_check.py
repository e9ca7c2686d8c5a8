"""The settings form's values become a Config on top of the one in use, or say what is wrong."""

from __future__ import annotations

import pytest

from engine.core.errors import EngineError
from engine.models.presets import PRESETS
from gui.views.settings_check import FieldRefused, assemble, data_width_error

MAZUR = PRESETS["mazur"]


def test_values_replace_the_settings_they_name_and_keep_the_rest():
    config = assemble(MAZUR, {"layers": (2, 3, 2), "activations": ("tanh", "sigmoid"), "lr": 0.1})
    assert config.layers == (2, 3, 2) and config.lr == 0.1
    assert config.inputs == MAZUR.inputs and config.targets == MAZUR.targets


def test_sizes_that_do_not_fit_the_data_are_refused_at_the_layers_field():
    assert data_width_error(MAZUR, (2, 5, 2)) is None
    with pytest.raises(FieldRefused) as refused:
        assemble(MAZUR, {"layers": (3, 2, 2)})
    assert refused.value.field == "layers"
    assert "2 input(s) and 2 target(s)" in refused.value.message


def test_a_test_function_ignores_the_network_fields():
    bowl = PRESETS["bowl"]
    config = assemble(bowl, {"layers": (9, 9), "loss": "nonsense", "lr": 0.05})
    assert config.layers == bowl.layers and config.loss == bowl.loss and config.lr == 0.05


def test_the_engine_refuses_a_combination_it_cannot_run():
    with pytest.raises(EngineError, match="Nesterov"):
        assemble(MAZUR, {"layers": MAZUR.layers, "nesterov": True, "momentum": 0.0})
