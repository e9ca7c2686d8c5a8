"""The words before the first micro-step name what is about to be trained."""

from __future__ import annotations

from engine.models.presets import PRESETS
from engine.training.stepper import Stepper


def test_a_network_is_ready_with_its_shape() -> None:
    text = Stepper(PRESETS["mazur"]).snapshot.explanation
    assert text.startswith("Ready: a 2-2-2 network with its starting parameters.")


def test_a_test_function_is_ready_at_its_starting_point() -> None:
    stepper = Stepper(PRESETS["rosenbrock"])
    text = stepper.snapshot.explanation
    assert text.startswith(
        f"Ready: the test function rosenbrock, starting at {stepper.model.point_text()}."
    )
    assert "network" not in text
