"""The step arrows: where optimizer.step() moved the point, and where −lr·∇E alone would have."""

from __future__ import annotations

import numpy as np
import pytest

from engine.landscape.loss_landscape import Landscape
from engine.models.presets import MAZUR, get_preset
from engine.training.stepper import Stepper


def step_snapshot(stepper: Stepper, iteration: int):
    """The first step micro-step of `iteration` (0-based)."""
    while True:
        snap = stepper.step_phase()
        if snap.phase == "step" and snap.iteration == iteration:
            return snap


def test_plain_sgd_moves_along_minus_lr_grad() -> None:
    stepper = Stepper(MAZUR)
    arrows = Landscape.of(stepper).step_arrows(step_snapshot(stepper, 0))
    assert arrows is not None and not arrows.differ
    np.testing.assert_allclose(arrows.real[1], arrows.gradient[1], rtol=0, atol=1e-15)


@pytest.mark.parametrize(
    "settings",
    [
        dict(momentum=0.9),
        dict(optimizer="adam", lr=0.05),
        dict(weight_decay=0.5),
        dict(lookahead_k=1, lookahead_alpha=0.5),
    ],
)
def test_the_real_step_differs_from_the_gradient_step(settings) -> None:
    stepper = Stepper(MAZUR.replace(**settings))
    snap = step_snapshot(stepper, 1)
    landscape = Landscape.of(stepper)
    arrows = landscape.step_arrows(snap)
    assert arrows is not None and arrows.differ
    labels = [info.label for info in stepper.model.params]
    before = np.array([snap.previous_params[label] for label in labels])
    after = stepper.model.values()  # every parameter after the real step
    plain = before - stepper.config.lr * np.array([snap.grads[k] or 0.0 for k in labels])
    start, real_end, plain_end = landscape.plane.project(np.stack([before, after, plain]))
    np.testing.assert_array_equal(arrows.real[0], start)
    np.testing.assert_array_equal(arrows.real[1], real_end)
    np.testing.assert_array_equal(arrows.gradient[1], plain_end)


def test_a_test_function_under_momentum() -> None:
    stepper = Stepper(get_preset("rosenbrock").replace(momentum=0.9, lr=0.001))
    snap = step_snapshot(stepper, 2)
    arrows = Landscape.of(stepper).step_arrows(snap)
    assert arrows is not None and arrows.differ
    assert tuple(arrows.real[1]) == (snap.stepped_params["x"], snap.stepped_params["y"])


def test_no_arrow_outside_the_step() -> None:
    stepper = Stepper(MAZUR)
    snap = stepper.step_phase()
    assert Landscape.of(stepper).step_arrows(snap) is None
