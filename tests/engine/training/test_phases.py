"""The micro-step plan and the words each family of models gets, chosen once by its family."""

from __future__ import annotations

from engine.explain.phases import FAMILY_WORDS
from engine.models.build import build_model
from engine.models.config import FUNCTION, NETWORK
from engine.models.presets import MAZUR, get_preset
from engine.training.phases import make_plan
from engine.training.stepper import Stepper


def test_the_plan_of_mazurs_net() -> None:
    plan = make_plan(build_model(MAZUR))
    assert plan[:6] == [("zero_grad", None)] + [
        ("forward", n) for n in ("h1", "h2", "o1", "o2")
    ] + [("loss", None)]
    assert plan[6:18] == [("backward", None)] * 12  # 4 nodes and 8 weights, in hook order
    assert plan[18:] == [("step", f"w{k}") for k in range(1, 9)]


def test_untrained_biases_are_neither_revealed_nor_stepped() -> None:
    trained = make_plan(build_model(MAZUR.replace(train_biases=True)))
    assert len(trained) == len(make_plan(build_model(MAZUR))) + 2 * 4  # a backward, a step
    assert ("step", "b_o2") in trained and ("step", "b_o2") not in make_plan(build_model(MAZUR))


def test_each_family_has_its_words() -> None:
    assert set(FAMILY_WORDS) == {NETWORK, FUNCTION}
    assert MAZUR.family == NETWORK and get_preset("rosenbrock").family == FUNCTION


def test_a_test_functions_forward_words_name_the_point_it_had_then() -> None:
    stepper = Stepper(get_preset("rosenbrock"))  # starting at (-1.5, 2)
    stepper.step_phase()
    forward = stepper.step_phase()
    stepper.step_iteration()  # the step moves the point after the forward micro-step
    assert stepper.params() != {"x": -1.5, "y": 2.0}
    assert forward.phase == "forward" and "(x, y) = (-1.5, 2) = 12.5" in forward.formula
