"""The activation lab plots exactly what engine.labs.activation_curves computes."""

from __future__ import annotations

import numpy as np
import pytest

from engine.labs.activation_curves import LAB_KEYS, curve, reading
from gui.labs.activation_lab import ActivationLab
from gui.theme import apply_plot_theme


@pytest.fixture
def lab(qtbot) -> ActivationLab:
    apply_plot_theme()
    widget = ActivationLab()
    qtbot.addWidget(widget)
    return widget


def select(lab: ActivationLab, key: str) -> None:
    lab.choice.setCurrentIndex(lab.choice.findData(key))


@pytest.mark.parametrize("key", LAB_KEYS)
def test_plots_are_the_engine_curves(lab: ActivationLab, key: str) -> None:
    select(lab, key)
    expected = curve(key, lab._parameter_value())
    x, f = lab.f_curve.getData()
    np.testing.assert_array_equal(x, expected.x)
    np.testing.assert_array_equal(f, expected.f)
    np.testing.assert_array_equal(lab.d_curve.getData()[1], expected.derivative)
    np.testing.assert_array_equal(lab.d_markers.getData()[1], expected.closed_form[::40])
    assert len(lab._regions) == 2 * len(expected.saturated)


def test_sigmoid_facts_and_shading(lab: ActivationLab) -> None:
    select(lab, "sigmoid")
    text = lab.facts.text()
    assert "0.25" in text and "(0, 1)" in text and "no" in text
    assert len(lab._regions) == 4  # two saturated tails, on both plots
    start, end = lab._regions[0][1].getRegion()
    assert start == -8.0 and end == pytest.approx(-4.6, abs=0.01)


def test_dragging_the_point_moves_the_tangent(lab: ActivationLab) -> None:
    select(lab, "tanh")
    lab.lines[0].setValue(-0.5)
    assert lab.x_box.value() == -0.5
    expected = reading("tanh", None, -0.5)
    assert lab.f_dot.data["y"][0] == expected.f
    assert lab.d_dot.data["y"][0] == expected.derivative
    tx, ty = lab.tangent.getData()
    assert list(tx) == list(expected.tangent_x) and list(ty) == list(expected.tangent_y)
    assert lab.lines[1].value() == -0.5
    assert f"{expected.derivative:.6g}" in lab.facts.text()


def test_use_in_network_emits_the_spec(lab: ActivationLab, qtbot) -> None:
    select(lab, "leaky_relu")
    assert lab.parameter.isVisibleTo(lab) and lab.parameter.value() == 0.01
    lab.parameter.setValue(0.2)
    with qtbot.waitSignal(lab.use_activation_requested) as signal:
        lab.use_button.click()
    assert signal.args == ["leaky_relu:0.2"]
    select(lab, "prelu")
    assert not lab.use_button.isEnabled()
    select(lab, "gelu")
    assert not lab.parameter.isVisibleTo(lab)
    with qtbot.waitSignal(lab.use_activation_requested) as signal:
        lab.use_button.click()
    assert signal.args == ["gelu"]
