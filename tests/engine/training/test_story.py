"""Tooltips respect the story: an element is described only with what the micro-steps have
revealed, and what is still to come says at which micro-step it appears (which is checked by
stepping there)."""

from __future__ import annotations

import re

import pytest

from engine.core.formula import fmt
from engine.models.presets import MAZUR, PRESETS
from engine.training.stepper import Stepper
from engine.training.story import predicted_order

WHEN = re.compile(r"(\S+) is computed at micro-step (\d+) \(")
# Mazur's post: ∂E/∂w1 = 0.000438568, E = 0.298371109, δ_o1 = 0.74136507 × 0.186815602
MAZUR_DE_DW1 = 0.000438568
MAZUR_E = 0.298371109


def stepped(config, ticks: int) -> Stepper:
    stepper = Stepper(config)
    for _ in range(ticks):
        stepper.step_phase()
    return stepper


def micro_step_of(config, phase: str, focus: str | None) -> int:
    """The 1-based micro-step at which the iteration shows (phase, focus), found by stepping."""
    stepper = Stepper(config)
    for micro in range(1, len(stepper.plan) + 1):
        snap = stepper.step_phase()
        if (snap.phase, snap.focus) == (phase, focus):
            return micro
    raise AssertionError((phase, focus))


def text_of(stepper: Stepper, label: str) -> str:
    return "\n".join(stepper.describe(label))


def test_at_the_w5_micro_step_w1_says_when_its_gradient_comes_instead_of_its_value():
    at_w5 = micro_step_of(MAZUR, "backward", "w5")
    stepper = stepped(MAZUR, at_w5)
    text = text_of(stepper, "w1")
    assert "0.000438" not in text
    w1_step = micro_step_of(MAZUR, "backward", "w1")
    assert w1_step > at_w5
    assert f"∂E/∂w1 is computed at micro-step {w1_step} (loss.backward(), hidden layer)" in text
    assert "w1 = 0.15" in text
    stepper = stepped(MAZUR, w1_step)
    assert f"= {fmt(stepper.snapshot.grads['w1'])}" in text_of(stepper, "w1")
    assert stepper.snapshot.grads["w1"] == pytest.approx(MAZUR_DE_DW1, abs=5e-10)


def test_at_the_w5_micro_step_h2_shows_its_forward_values_but_not_its_delta():
    stepper = stepped(MAZUR, micro_step_of(MAZUR, "backward", "w5"))
    text = text_of(stepper, "h2")
    assert "out_h2 = 0.596884378" in text
    assert "δ_h2 =" not in text
    node = micro_step_of(MAZUR, "backward", "h2")
    assert f"δ_h2 is computed at micro-step {node} (loss.backward(), hidden layer)" in text


def test_the_loss_box_says_when_then_shows_its_formula():
    loss_step = micro_step_of(MAZUR, "loss", None)
    before = stepped(MAZUR, loss_step - 1)
    assert f"E is computed at micro-step {loss_step} (the loss)" in text_of(before, "E")
    after = stepped(MAZUR, loss_step)
    text = text_of(after, "E")
    assert text.endswith(f"= {fmt(MAZUR_E)}")
    assert "0.5 × (0.01 − 0.75136507)² + 0.5 × (0.99 − 0.772928465)²" in text


def test_neurons_say_when_forward_reaches_them():
    stepper = stepped(MAZUR, 1)  # zero_grad only
    o1 = micro_step_of(MAZUR, "forward", "o1")
    assert f"net_o1 and out_o1 are computed at micro-step {o1} (forward pass)" in text_of(
        stepper, "o1"
    )


@pytest.mark.parametrize("config", [MAZUR, PRESETS["xor"], MAZUR.replace(skip_zero_grad=True)])
def test_every_tooltip_of_two_iterations_shows_only_what_the_snapshot_shows(config):
    stepper = Stepper(config)
    timeline = [stepper.step_phase() for _ in range(2 * len(stepper.plan))]
    replay = Stepper(config)
    for snap in timeline:
        replay.step_phase()
        for label in replay.model.index:
            text = text_of(replay, label)
            assert f"{label} = {fmt(snap.params[label])}" in text
            grad = snap.grads[label]
            revealed = f"∂E/∂{label} = " in text
            if grad is None:
                assert not revealed, (snap.phase, snap.focus, text)
            if revealed:
                assert text.endswith(fmt(grad)) or f"= {fmt(grad)}\n" in text, text
            check_when(config, snap.iteration, text)
        for name in [n for layer in replay.model.neurons[1:] for n in layer]:
            text = text_of(replay, name)
            assert (f"out_{name} =" in text) == (name in snap.neurons), text
            assert (f"δ_{name} =" in text) == (name in snap.deltas), text
            check_when(config, snap.iteration, text)


def check_when(config, iteration: int, text: str) -> None:
    """Each "computed at micro-step k" is true: micro-step k shows it appearing."""
    plan_length = len(Stepper(config).plan)
    for value, step in WHEN.findall(text):
        before = stepped(config, iteration * plan_length + int(step) - 1).snapshot
        at = stepped(config, iteration * plan_length + int(step)).snapshot
        assert at.iteration == iteration
        assert appears(before, at, value), (value, step)


def appears(before, at, value: str) -> bool:
    if value == "E":
        return before.loss is None and at.loss is not None and at.phase == "loss"
    if value.startswith("δ_"):
        name = value[2:]
        return at.focus == name and name in at.deltas and name not in before.deltas
    if value.startswith("net_"):
        name = value[4:]
        return at.focus == name and name in at.neurons and name not in before.neurons
    label = value.removeprefix("∂E/∂")
    written = at.grads[label] is not None and before.grads[label] != at.grads[label]
    return (at.phase, at.focus) == ("backward", label) and written


def test_between_iterations_the_tooltips_explain_the_numbers_still_shown():
    stepper = stepped(MAZUR, len(Stepper(MAZUR).plan))
    text = text_of(stepper, "w1")
    assert "w1 = 0.149780716" in text  # the updated value the diagram shows
    assert f"= {fmt(stepper.snapshot.grads['w1'])}" in text  # the gradient that moved it
    assert "out_o1 = 0.75136507" in text_of(stepper, "o1")  # the forward pass shown, not the next


def test_after_back_the_tooltips_follow_the_restored_snapshot():
    w1_step = micro_step_of(MAZUR, "backward", "w1")
    stepper = stepped(MAZUR, w1_step)
    assert "∂E/∂w1 = " in text_of(stepper, "w1")
    stepper.back()
    assert "∂E/∂w1 = " not in text_of(stepper, "w1")
    assert f"computed at micro-step {w1_step}" in text_of(stepper, "w1")


@pytest.mark.parametrize(
    "config", [MAZUR, MAZUR.replace(train_biases=True), PRESETS["xor"], PRESETS["rosenbrock"]]
)
def test_the_order_predicted_before_any_backward_is_the_order_autograd_takes(config):
    stepper = Stepper(config)
    predicted = predicted_order(stepper.model)
    for _ in stepper.plan:
        stepper.step_phase()
    assert stepper._position.finished[1].reveal == predicted


def test_a_test_function_coordinate_says_when_its_gradient_comes():
    stepper = stepped(PRESETS["rosenbrock"], 1)
    assert re.search(r"∂E/∂x is computed at micro-step \d+", text_of(stepper, "x"))
