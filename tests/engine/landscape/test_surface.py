"""Batched loss surfaces equal the model's own loss, and the planes are what Li et al. define."""

import numpy as np
import pytest
import torch

from engine.core.errors import EngineError
from engine.landscape.surface import (
    filters,
    function_surface,
    mlp_surface,
    parameter_plane,
    pca_plane,
    random_plane,
)
from engine.models.config import Config
from engine.models.presets import MAZUR
from engine.models.test_functions import FUNCTIONS
from engine.training.stepper import Stepper


def loss_at(stepper: Stepper, values: np.ndarray) -> float:
    """The model's own loss (its nn.Linear layers, not the batched code) at `values`."""
    stepper.model.load_values(values)
    with torch.no_grad():
        return float(stepper.loss_fn.value(stepper.model(stepper.x), stepper.target))


def check_samples(stepper: Stepper, surface, rows=(0, 3, 7), cols=(0, 5, 8)):
    for r in rows:
        for c in cols:
            point = surface.plane.points(np.array(surface.x[c]), np.array(surface.y[r]))
            assert surface.loss[r, c] == pytest.approx(loss_at(stepper, point), abs=1e-12)


def test_parameter_slice_equals_the_model_loss_at_grid_points():
    stepper = Stepper(MAZUR)
    values = stepper.model.values()
    plane = parameter_plane(stepper.model, values, "w5", "w6")
    surface = mlp_surface(stepper.model, stepper.x, stepper.target, stepper.loss_fn, plane,
                          (-1, 2, -1.5, 1.5), 9)  # fmt: skip
    assert surface.loss.shape == (9, 9)
    check_samples(stepper, surface)
    # the current point lies on the slice: its loss is Mazur's E_total
    at_current = parameter_plane(stepper.model, values, "w5", "w6")
    s = mlp_surface(stepper.model, stepper.x, stepper.target, stepper.loss_fn, at_current,
                    (0.4, 0.5, 0.45, 0.55), 2)  # fmt: skip
    assert s.loss[0, 0] == pytest.approx(0.298371109, abs=1e-9)


@pytest.mark.parametrize(
    ("layers", "acts", "loss"),
    [
        ((3, 4, 2), ("tanh", "softmax"), "cross_entropy"),
        ((2, 3, 3, 1), ("relu", "step", "identity"), "mse"),
    ],
)
def test_random_plane_of_other_nets_matches_the_model(layers, acts, loss):
    rng = np.random.default_rng(0)
    targets = rng.uniform(size=(2, layers[-1]))
    targets /= targets.sum(axis=1, keepdims=True)
    config = Config(preset="custom", layers=layers, activations=acts, loss=loss, train_biases=True,
                    inputs=tuple(map(tuple, rng.normal(size=(2, layers[0])))),
                    targets=tuple(map(tuple, targets)))  # fmt: skip
    stepper = Stepper(config)
    plane = random_plane(stepper.model, stepper.model.values(), seed=3)
    surface = mlp_surface(stepper.model, stepper.x, stepper.target, stepper.loss_fn, plane,
                          (-1, 1, -1, 1), 9)  # fmt: skip
    check_samples(stepper, surface)


def test_filter_normalised_directions_have_the_weights_norms():
    stepper = Stepper(MAZUR.replace(layers=(2, 4, 2), seed=5))
    values = stepper.model.values()
    plane = random_plane(stepper.model, values, seed=1)
    for direction in plane.directions:
        for indices in filters(stepper.model):
            assert np.linalg.norm(direction[indices]) == pytest.approx(
                np.linalg.norm(values[indices])
            )
        biases = [i for i, p in enumerate(stepper.model.params) if p.kind == "bias"]
        assert not direction[biases].any()
    assert not np.allclose(plane.directions[0], plane.directions[1])


def test_pca_of_a_straight_trajectory_lies_on_one_axis():
    start, step = np.arange(12.0), np.linspace(-1, 1, 12)
    trajectory = np.stack([start + t * step for t in np.linspace(0, 3, 40)])
    plane = pca_plane(trajectory)
    coords = plane.project(trajectory)
    assert np.abs(coords[:, 1]).max() < 1e-10 and np.ptp(coords[:, 0]) > 1
    assert plane.axes[0].startswith("PC1 (100.0%")


def test_pca_plane_of_a_real_run_projects_back_onto_its_points():
    stepper = Stepper(MAZUR.replace(optimizer="adam", lr=0.05))
    stepper.run(200)
    plane = pca_plane(stepper.trajectory.params)
    coords = plane.project(stepper.trajectory.params)
    assert np.allclose(coords[-1], 0)
    rebuilt = plane.points(coords[:, 0], coords[:, 1])
    # two axes hold nearly all of the path
    error = np.abs(rebuilt - stepper.trajectory.params).max()
    assert error < 0.02 * np.ptp(stepper.trajectory.params)


def test_function_surface_orientation():
    surface = function_surface(FUNCTIONS["rosenbrock"], (-2, 2, -1, 3), 5)
    for r, y in enumerate(surface.y):
        for c, x in enumerate(surface.x):
            assert surface.loss[r, c] == pytest.approx((1 - x) ** 2 + 100 * (y - x**2) ** 2)


@pytest.mark.parametrize("bounds", [(1, 0, 0, 1), (0, 1, 0, float("nan"))])
def test_bad_ranges_are_refused(bounds):
    with pytest.raises(EngineError):
        function_surface(FUNCTIONS["bowl"], bounds, 8)


def test_same_parameter_twice_is_refused():
    stepper = Stepper(MAZUR)
    with pytest.raises(EngineError, match="two different"):
        parameter_plane(stepper.model, stepper.model.values(), "w5", "w5")
