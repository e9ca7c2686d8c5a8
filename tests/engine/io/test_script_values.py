"""Only checked numbers and the app's own names reach a generated script."""

from __future__ import annotations

import math

import pytest

from engine.io.script_values import ScriptError, label, number
from engine.io.torch_script import torch_script
from engine.models.presets import MAZUR, get_preset


@pytest.mark.parametrize("value", [0.1, -0.0, 1e-300, 5e-324, 1.7976931348623157e308, -3, 2**60])
def test_numbers_read_back_exactly(value):
    text = number(value)
    assert float(eval(text, {"__builtins__": {}})) == float(value)  # noqa: S307
    assert math.copysign(1, float(text)) == math.copysign(1, value)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, True, "0.5", None])
def test_anything_but_a_finite_number_is_refused(value):
    with pytest.raises(ScriptError):
        number(value)


@pytest.mark.parametrize("text", ["w1", "b_o1", "b_h2_3", "x"])
def test_the_models_labels_pass(text):
    assert label(text) == text


@pytest.mark.parametrize("text", ['w1"); import os; ("', "w1\n", "", "W1", "1w", None])
def test_other_labels_are_refused(text):
    with pytest.raises(ScriptError, match="unknown label"):
        label(text)


@pytest.mark.parametrize(
    ("config", "field", "value"),
    [
        (MAZUR, "optimizer", "sgd)\nimport os\n#"),
        (MAZUR, "loss", "half_sse # x"),
        (MAZUR, "dtype", "float64; import os"),
        (MAZUR, "device", "cpu'\nimport os"),
        (get_preset("rosenbrock"), "function", "rosenbrock\nimport os"),
    ],
)
def test_every_name_is_checked_even_past_the_settings_checks(config, field, value):
    """A name the settings would refuse is refused again here (one line), should one slip by."""
    tampered = config.replace()
    object.__setattr__(tampered, field, value)
    with pytest.raises(ScriptError, match="unknown .*name") as error:
        torch_script(tampered, 1)
    assert len(str(error.value).splitlines()) == 1
