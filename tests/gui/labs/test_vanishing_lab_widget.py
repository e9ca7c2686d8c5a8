"""The vanishing-gradient lab draws the engine's per-layer norms on a log scale."""

from __future__ import annotations

import numpy as np

from engine.labs.vanishing import gradient_profile
from gui.labs.vanishing_lab import VanishingLab
from gui.theme import apply_plot_theme


def test_bars_are_the_log_norms(qtbot) -> None:
    apply_plot_theme()
    lab = VanishingLab()
    qtbot.addWidget(lab)
    qtbot.waitUntil(lambda: bool(lab.profiles), timeout=10_000)  # computed off the GUI thread
    assert list(lab.profiles) == ["sigmoid", "tanh", "relu", "gelu"]
    for bar, name in zip(lab._bars, lab.profiles, strict=True):
        expected = gradient_profile(20, 32, name, "kaiming", 0).norms
        opts = bar.opts
        np.testing.assert_allclose(opts["y0"] + opts["height"], np.log10(expected), rtol=1e-12)
        assert len(opts["x"]) == 20


def test_changing_settings_recomputes(qtbot) -> None:
    apply_plot_theme()
    lab = VanishingLab()
    qtbot.addWidget(lab)
    lab.init.setCurrentIndex(lab.init.findData("xavier"))
    lab.activation.setCurrentIndex(lab.activation.findData("relu"))
    lab.depth.setValue(7)
    qtbot.waitUntil(
        lambda: len(lab.profiles) == 3 and lab.profiles["relu"].depth == 7, timeout=10_000
    )  # the changes came during the first run: one more follows
    qtbot.waitUntil(lambda: not lab.task.running, timeout=10_000)
    assert len(lab._bars[0].opts["x"]) == 7 and lab.profiles["relu"].init == "xavier"
    assert list(lab.profiles) == ["sigmoid", "tanh", "relu"]
    relu = gradient_profile(7, 32, "relu", "xavier", 0)
    assert np.array_equal(lab.profiles["relu"].norms, relu.norms)
    assert f"{relu.first_to_last:.1e}" in lab.summary.text()
    assert lab.depth_label.text() == "depth 7"
