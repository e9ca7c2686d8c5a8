"""Forward, loss and backward formulas add up to the numbers the real pass produced."""

from __future__ import annotations

import pytest
from formula_checks import check_formulas, walk

from engine.models.presets import MAZUR, get_preset

NETWORKS = {
    "mazur": MAZUR,
    "deep-tanh-mse": MAZUR.replace(
        layers=(2, 3, 3, 2), activations=("tanh", "relu", "sigmoid"), loss="mse"
    ),
    "leaky-elu": MAZUR.replace(layers=(2, 3, 2), activations=("leaky_relu:0.1", "elu:1.0")),
    "silu-softplus": MAZUR.replace(activations=("silu", "softplus")),
    "identity-biases": MAZUR.replace(activations=("identity", "identity"), train_biases=True),
    "softmax-cross-entropy": MAZUR.replace(activations=("relu", "identity"), loss="cross_entropy"),
    "log-softmax-nll": MAZUR.replace(activations=("sigmoid", "log_softmax"), loss="nll"),
    "softmax-output": MAZUR.replace(activations=("sigmoid", "softmax"), loss="half_sse"),
    "xor-batch": get_preset("xor"),
    "skip-zero-grad": MAZUR.replace(skip_zero_grad=True),
    "published-variant": MAZUR.replace(published_variant=True),
    "float32": MAZUR.replace(dtype="float32", train_biases=True),
    # nets far past where exp overflows: the trees split or shift as the tensors' kernels do
    "saturated-sigmoid": MAZUR.replace(initial_params=(("w1", -2e4), ("w5", 3e3))),
    "saturated-softmax": MAZUR.replace(
        activations=("silu", "softmax"), initial_params=(("w1", -3e4), ("w5", 3e3))
    ),
    "saturated-cross-entropy": MAZUR.replace(
        activations=("sigmoid", "identity"), loss="cross_entropy", initial_params=(("w5", 2e3),)
    ),
}


@pytest.mark.parametrize("name", NETWORKS)
def test_every_formula_of_three_iterations_adds_up(name: str) -> None:
    config = NETWORKS[name]
    phases = set()
    for snap in walk(config):
        check_formulas(snap, config.dtype)
        if snap.formulas:
            phases.add(snap.phase)
    assert phases == {"forward", "loss", "backward", "step"}


def _first(config, phase: str, focus: str | None):
    return next(s for s in walk(config, 1) if s.phase == phase and s.focus == focus)


def test_mazurs_forward_pass_reads_with_its_published_numbers() -> None:
    snap = _first(MAZUR, "forward", "h1")
    net, out = snap.formulas
    assert net.text() == "net_h1 = w1·i1 + w2·i2 + b_h1 = 0.15 × 0.05 + 0.2 × 0.1 + 0.35 = 0.3775"
    assert out.text().endswith("= 1 / (1 + exp(−0.3775)) = 0.593269992")
    assert _first(MAZUR, "loss", None).formulas[0].result == pytest.approx(0.298371109, abs=5e-10)


def test_the_forward_result_is_the_tensor_value() -> None:
    snap = _first(MAZUR, "forward", "o1")
    assert [f.result for f in snap.formulas] == [snap.neurons["o1"].net, snap.neurons["o1"].out]


def test_every_gradient_formula_ends_at_autograds_gradient() -> None:
    """The hand-derived product equals what loss.backward() wrote into .grad."""
    for snap in walk(get_preset("xor"), 1):
        if snap.phase == "backward" and snap.focus in snap.grads and snap.formulas:
            grad = snap.grads[snap.focus]
            assert snap.formulas[-1].result == pytest.approx(grad, rel=1e-12, abs=1e-300)


def test_a_hidden_neurons_sum_shows_each_path() -> None:
    snap = _first(MAZUR, "backward", "w1")
    upstream, gradient = snap.formulas
    assert upstream.text().startswith("∂E/∂out_h1 = δ_o1·w5 + δ_o2·w7 = 0.138498562 × 0.4 + ")
    assert gradient.result == pytest.approx(0.000438568, abs=5e-10)


def test_skipped_zero_grad_shows_the_accumulation() -> None:
    config = MAZUR.replace(skip_zero_grad=True)
    snap = next(
        s for s in walk(config, 2) if s.phase == "backward" and s.focus == "w5" and s.iteration
    )
    added = snap.formulas[-1]
    assert added.label == "w5.grad" and added.result == snap.grads["w5"]


def test_gelu_has_no_closed_form_and_keeps_its_plain_line() -> None:
    config = MAZUR.replace(activations=("gelu", "sigmoid"))
    snap = _first(config, "forward", "h1")
    assert [f.label for f in snap.formulas] == ["net_h1"]
    assert "out_h1 = gelu(net_h1) = " in snap.formula
