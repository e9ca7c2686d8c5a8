"""Mazur's published derivation, digit for digit, and where his closing figures come from."""

import pytest

from engine.models.presets import MAZUR
from engine.training.stepper import Stepper

PUBLISHED_UPDATE = {
    "w1": "0.149780716",
    "w2": "0.19956143",
    "w3": "0.24975114",
    "w4": "0.29950229",
    "w5": "0.35891648",
    "w6": "0.408666186",
    "w7": "0.511301270",
    "w8": "0.561370121",
}


def agrees_with_published(value: float, published: str) -> bool:
    """Equal to every digit the post printed: within half a unit of its last decimal."""
    decimals = len(published.split(".")[1])
    return abs(value - float(published)) <= 0.5 * 10.0**-decimals


@pytest.fixture
def stepper() -> Stepper:
    return Stepper(MAZUR)


def step_to(stepper: Stepper, phase: str, focus: str | None = None):
    while True:
        snap = stepper.step_phase()
        if snap.phase == phase and (focus is None or snap.focus == focus):
            return snap


def test_forward_pass_matches_the_post(stepper):
    snap = step_to(stepper, "forward", "o2")
    assert snap.neurons["h1"].net == pytest.approx(0.3775, abs=1e-12)
    assert snap.neurons["h1"].out == pytest.approx(0.593269992, abs=1e-9)
    assert snap.neurons["o1"].out == pytest.approx(0.75136507, abs=1e-8)
    assert snap.neurons["o2"].out == pytest.approx(0.772928465, abs=1e-9)


def test_total_error_before_the_first_update(stepper):
    snap = step_to(stepper, "loss")
    assert snap.loss == pytest.approx(0.298371109, abs=1e-9)
    assert "0.298371109" in snap.formula


def test_gradients_of_w5_and_w1(stepper):
    w5 = step_to(stepper, "backward", "w5")
    assert w5.grads["w5"] == pytest.approx(0.082167041, abs=1e-9)
    assert "0.74136507 × 0.186815602 × 0.593269992 = 0.082167041" in w5.formula
    w1 = step_to(stepper, "backward", "w1")
    assert w1.grads["w1"] == pytest.approx(0.000438568, abs=1e-9)
    assert "0.036350306" in w1.formula  # ∂E/∂out_h1, the sum over both paths


def test_all_eight_weights_after_one_update(stepper):
    snap = stepper.step_iteration()
    assert snap.phase == "step"
    for label, published in PUBLISHED_UPDATE.items():
        assert agrees_with_published(snap.params[label], published), label
    assert snap.params["b_h1"] == 0.35 and snap.params["b_o1"] == 0.60  # frozen as in the post


def test_w5_update_is_explained_with_its_numbers(stepper):
    snap = step_to(stepper, "step", "w5")
    assert "w5 ← w5 − lr·∂E/∂w5 = 0.4 − 0.5 × 0.082167041 = 0.35891648" in snap.formula
    assert snap.previous_params["w5"] == 0.4


def test_correct_backprop_after_one_round(stepper):
    stepper.run(1)
    assert stepper.current_loss() == pytest.approx(0.2910277737, abs=1e-10)


def test_correct_backprop_after_10000_rounds(stepper):
    stepper.run(10_000)
    assert stepper.current_loss() == pytest.approx(0.0000351019, abs=1e-10)
    outputs = stepper.outputs()
    assert outputs["o1"] == pytest.approx(0.01591362, abs=1e-8)
    assert outputs["o2"] == pytest.approx(0.98406427, abs=1e-8)


def test_published_variant_reproduces_the_posts_closing_figures():
    variant = Stepper(MAZUR.replace(published_variant=True))
    variant.run(1)
    assert variant.current_loss() == pytest.approx(0.291027924, abs=1e-9)
    variant.run(9_999)
    assert variant.current_loss() == pytest.approx(0.000035085, abs=1e-9)
    assert variant.outputs()["o1"] == pytest.approx(0.015912196, abs=1e-9)
    assert variant.outputs()["o2"] == pytest.approx(0.984065734, abs=1e-9)


def test_published_variant_leaves_the_output_layer_alone():
    variant = Stepper(MAZUR.replace(published_variant=True)).step_iteration()
    correct = Stepper(MAZUR).step_iteration()
    for label in ("w5", "w6", "w7", "w8"):
        assert variant.params[label] == correct.params[label]
    assert variant.params["w1"] != correct.params["w1"]
    assert "already-updated" in variant.variant_note
