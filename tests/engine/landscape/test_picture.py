"""A landscape reads copies of the run taken at rest: training on changes nothing it holds."""

from __future__ import annotations

import numpy as np
import torch

from engine.landscape.loss_landscape import Landscape
from engine.landscape.picture import RunPicture
from engine.landscape.terrain import PlaneChoice
from engine.models.presets import PRESETS
from engine.training.stepper import Stepper


def test_a_picture_keeps_the_run_as_it_was() -> None:
    stepper = Stepper(PRESETS["mazur"])
    stepper.run(5)
    picture = RunPicture.of(stepper)
    values, path = picture.values.copy(), picture.path.copy()
    landscape = Landscape(picture)
    before = landscape.surface(16)
    stepper.run(50)
    np.testing.assert_array_equal(picture.values, values)
    np.testing.assert_array_equal(picture.path, path)
    assert picture.snapshot is not stepper.snapshot
    np.testing.assert_array_equal(landscape.surface(16).loss, before.loss)
    assert len(landscape.trajectory()) == 6  # five iterations' starts and the point now


def test_a_new_picture_moves_the_slice_with_the_point() -> None:
    stepper = Stepper(PRESETS["mazur"])
    landscape = Landscape.of(stepper, PlaneChoice("params"))
    origin = landscape.plane.origin.copy()
    stepper.run(10)
    landscape.update(RunPicture.of(stepper))
    a, b = landscape.current()
    here = landscape.plane.points(np.array(a), np.array(b))
    np.testing.assert_allclose(here, stepper.model.values(), rtol=0, atol=1e-15)
    assert not np.array_equal(landscape.plane.origin, origin)


def test_a_network_offers_planes_and_has_no_minima_or_caption() -> None:
    landscape = Landscape.of(Stepper(PRESETS["mazur"]))
    assert landscape.offers_planes and not landscape.is_curve
    assert landscape.minima() == () and landscape.caption() == "" and landscape.note() == ""


def test_a_test_function_is_its_own_plane() -> None:
    stepper = Stepper(PRESETS["rosenbrock"])
    fn = stepper.model.fn
    landscape = Landscape.of(stepper, PlaneChoice("random"))  # the choice does not apply
    assert not landscape.offers_planes and landscape.plane.kind == "function"
    assert landscape.minima() == fn.minima and landscape.caption() == fn.formula
    assert landscape.note() == fn.note and landscape.bounds() == fn.bounds
    surface = landscape.surface(8)
    x, y = np.meshgrid(surface.x, surface.y)
    expected = fn(torch.from_numpy(x), torch.from_numpy(y)).numpy()
    np.testing.assert_allclose(surface.loss, expected, rtol=1e-12)
    assert landscape.surface_request(8).total_bytes < 2**20


def test_the_parabola_is_a_curve() -> None:
    landscape = Landscape.of(Stepper(PRESETS["parabola"]))
    assert landscape.is_curve and landscape.trajectory().shape[1] == 2


def parabola_after(lr: float, iterations: int) -> Landscape:
    stepper = Stepper(PRESETS["parabola"].replace(lr=lr))
    stepper.run(iterations)
    return Landscape.of(stepper)


def test_the_curve_grows_to_hold_the_whole_diverging_path() -> None:
    curve = parabola_after(1.1, 5).curve()
    xs = [-1.5 * (-1.2) ** k for k in range(6)]  # x ← (1 − 2·lr)·x, by hand
    np.testing.assert_allclose(curve.path[0], xs, rtol=1e-12)
    assert curve.x.min() <= min(xs) and curve.x.max() >= max(xs) > 3.7
    np.testing.assert_allclose(curve.f, curve.x**2, rtol=1e-12)


def test_a_path_inside_the_bounds_keeps_the_functions_own_range() -> None:
    landscape = parabola_after(0.1, 5)
    curve = landscape.curve()
    assert (curve.x.min(), curve.x.max()) == landscape.picture.model.fn.bounds[:2]
