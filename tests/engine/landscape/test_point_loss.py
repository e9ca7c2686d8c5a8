"""The loss at one point of a plane, and the parameters a click there would set."""

from __future__ import annotations

import pytest
import torch

from engine.landscape.loss_landscape import Landscape
from engine.landscape.point_loss import loss_at, placed_parameters
from engine.landscape.terrain import PlaneChoice
from engine.models.presets import PRESETS
from engine.training.stepper import Stepper


def test_on_a_parameter_plane_the_loss_is_the_network_run_at_those_two_values() -> None:
    stepper = Stepper(PRESETS["mazur"])
    stepper.run(3)
    landscape = Landscape.of(stepper, PlaneChoice("params", ("w2", "w7")))
    assert loss_at(landscape, *landscape.current()) == pytest.approx(
        stepper.current_loss(), rel=1e-14
    )
    assert placed_parameters(landscape, 1.5, -0.25) == {"w2": 1.5, "w7": -0.25}
    stepper.edit_parameter("w2", 1.5)
    stepper.edit_parameter("w7", -0.25)
    assert loss_at(landscape, 1.5, -0.25) == pytest.approx(stepper.current_loss(), rel=1e-14)


def test_a_test_functions_plane_is_its_formula_and_its_own_x_and_y() -> None:
    landscape = Landscape.of(Stepper(PRESETS["himmelblau"]))
    x, y = torch.tensor(-1.25, dtype=torch.float64), torch.tensor(0.5, dtype=torch.float64)
    by_hand = float((x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2)
    assert loss_at(landscape, -1.25, 0.5) == by_hand
    assert placed_parameters(landscape, -1.25, 0.5) == {"x": -1.25, "y": 0.5}


def test_a_random_plane_offers_no_two_parameters_to_place() -> None:
    landscape = Landscape.of(Stepper(PRESETS["mazur"]), PlaneChoice("random"))
    assert placed_parameters(landscape, 0.1, 0.2) is None
