"""The toolbar's learning-rate slider: a log scale, one change per drag, silent when synced."""

from __future__ import annotations

import math

import pytest

from gui.views.lr_slider import LearningRateSlider, slider_lr, slider_position


@pytest.mark.parametrize("lr", [1e-4, 0.001, 0.05, 0.5, 0.9, 1.0, 10.0])
def test_positions_and_rates_agree_on_a_log_scale(lr):
    assert slider_position(lr) == round((math.log10(lr) + 4) * 100)
    # A hundred positions a decade: the nearest is within half a step, 10 ** 0.005 ≈ 1.2 %.
    assert abs(slider_lr(slider_position(lr)) / lr - 1) < 10**0.005 - 1 + 5e-3


def test_rates_outside_the_scale_sit_at_its_ends():
    assert slider_position(1e-9) == 0 and slider_position(100.0) == 500
    assert slider_position(0.0) == 0


def test_a_drag_chooses_once_on_release_and_syncing_emits_nothing(qtbot):
    slider = LearningRateSlider()
    qtbot.addWidget(slider)
    chosen: list[float] = []
    slider.lr_chosen.connect(chosen.append)
    slider.show_lr(0.5)
    assert chosen == [] and slider.value_label.text() == "0.5"
    slider.slider.setSliderDown(True)
    for position in range(371, 400):
        slider.slider.setValue(position)
    assert chosen == [] and slider.value_label.text() == "0.977"
    slider.slider.setSliderDown(False)  # Qt emits sliderReleased
    assert chosen == [slider_lr(399)] == [0.977]
