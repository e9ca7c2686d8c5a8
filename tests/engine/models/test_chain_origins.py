"""Every factor expands to its own formula, which evaluates to the factor's number: the
chain rule's (∂E/∂out, ∂out/∂net, ∂net/∂w, δ), a forward sum's terms and the loss's outputs.

The numbers are checked against autograd on a network written out in the test with plain
torch functions (not the engine's activations or losses), and Mazur's against his post.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import torch
import torch.nn.functional as F
from helpers.formula_checks import leaves

from engine.core.formula import Formula, Num, factors_with_origins
from engine.models.config import Config
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper

TORCH_ACTIVATIONS = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "identity": lambda x: x,
    "softmax": lambda x: torch.softmax(x, dim=-1),
    "log_softmax": lambda x: torch.log_softmax(x, dim=-1),
    "silu": F.silu,
    "gelu": F.gelu,
    "softplus": F.softplus,
    "elu:1.0": F.elu,
    "leaky_relu:0.1": lambda x: F.leaky_relu(x, 0.1),
}
TORCH_LOSSES = {
    "half_sse": lambda out, target: 0.5 * ((target - out) ** 2).sum(),
    "mse": F.mse_loss,
    "cross_entropy": F.cross_entropy,
    "nll": lambda out, target: -(target * out).sum() / out.shape[0],
}


def custom(layers, activations, loss, inputs, targets) -> Config:
    return Config(
        preset="custom",
        layers=layers,
        activations=activations,
        loss=loss,
        seed=7,
        train_biases=True,
        inputs=inputs,
        targets=targets,
        initial_params=(),
    )


CONFIGS = {
    "mazur": MAZUR,
    "mazur-tanh": MAZUR.with_hidden_activation("tanh"),
    "relu-hidden": custom(
        (2, 3, 2), ("relu", "sigmoid"), "half_sse", ((0.5, -1.0),), ((0.2, 0.7),)
    ),
    "deep-mixed": custom(
        (2, 3, 3, 2),
        ("leaky_relu:0.1", "elu:1.0", "tanh"),
        "mse",
        ((1.5, -0.5),),
        ((0.3, -0.2),),
    ),
    "cross-entropy": custom(
        (2, 3, 3), ("silu", "identity"), "cross_entropy", ((0.4, 0.9),), ((0.0, 1.0, 0.0),)
    ),
    "softmax-output": custom(
        (2, 2, 3), ("softplus", "softmax"), "half_sse", ((0.3, -0.6),), ((0.1, 0.8, 0.1),)
    ),
    "gelu-hidden": custom((2, 3, 2), ("gelu", "tanh"), "mse", ((0.7, -1.2),), ((0.4, -0.1),)),
    "log-softmax-nll": custom(
        (2, 3, 2), ("sigmoid", "log_softmax"), "nll", ((0.2, 0.1),), ((1.0, 0.0),)
    ),
}


def one_iteration(config: Config) -> tuple[Stepper, list[Formula]]:
    """Every formula shown in one iteration's micro-steps, and the stepper before its step."""
    stepper = Stepper(config)
    weights = [
        (lin.weight.detach().clone(), lin.bias.detach().clone()) for lin in stepper.model.linears
    ]
    formulas: list[Formula] = []
    for _ in stepper.plan:
        formulas += stepper.step_phase().formulas
    stepper.initial_weights = weights  # type: ignore[attr-defined]
    return stepper, formulas


def origins_within(formula: Formula, depth: int = 0) -> Iterator[tuple[Num, Formula]]:
    """(factor, its origin) at every depth of the expansion."""
    assert depth < 12, "an origin refers back to itself"
    for factor in factors_with_origins(formula.expression):
        assert factor.origin is not None
        yield factor, factor.origin
        yield from origins_within(factor.origin, depth + 1)


class Autograd:
    """∂E/∂out, ∂out/∂net and δ of every neuron by autograd on a hand-written forward pass."""

    def __init__(self, config: Config, stepper: Stepper) -> None:
        x = torch.tensor(config.inputs, dtype=torch.float64)
        target = torch.tensor(config.targets, dtype=torch.float64)
        self.values: dict[str, float] = {}
        nets, outs, signal = [], [], x
        names = stepper.model.neurons
        tensors = [
            (w.clone().requires_grad_(), b.clone().requires_grad_())
            for w, b in stepper.initial_weights
        ]
        for layer, ((w, b), act) in enumerate(zip(tensors, config.activations, strict=True), 1):
            net = signal @ w.T + b
            net.retain_grad()
            out = TORCH_ACTIVATIONS[act](net)
            out.retain_grad()
            nets.append(net)
            outs.append(out)
            signal = out
            for row, name in enumerate(names[layer]):
                self.values[f"out_{name}"] = self.values[name] = float(out[0, row].detach())
                self.values[f"net_{name}"] = float(net[0, row].detach())
                local = torch.autograd.grad(out[0, row], net, retain_graph=True)[0][0]
                for j, other in enumerate(names[layer]):
                    self.values[f"∂out_{name}/∂net_{other}"] = float(local[j])
        for row, name in enumerate(names[0]):
            self.values[name] = float(x[0, row])
        loss = TORCH_LOSSES[config.loss](outs[-1], target)
        grads = torch.autograd.grad(loss, nets + outs + [t for pair in tensors for t in pair])
        by_layer = zip(grads[: len(nets)], grads[len(nets) : 2 * len(nets)], strict=True)
        for info in stepper.model.params:
            g = grads[2 * len(nets) + 2 * (info.layer - 1) + (info.kind == "bias")]
            self.values[f"∂E/∂{info.label}"] = float(
                g[info.row, info.col] if info.col >= 0 else g[info.row]
            )
        for layer, (g_net, g_out) in enumerate(by_layer, 1):
            for row, name in enumerate(names[layer]):
                self.values[f"δ_{name}"] = self.values[f"∂E/∂net_{name}"] = float(g_net[0, row])
                self.values[f"∂E/∂out_{name}"] = float(g_out[0, row])

    def expected(self, symbol: str) -> float | None:
        if symbol.startswith("∂net_"):  # ∂net_o1/∂w5: the input it multiplies
            return None
        return self.values[symbol]


@pytest.mark.parametrize("name", CONFIGS)
def test_every_factor_expands_to_a_formula_that_gives_its_number(name):
    config = CONFIGS[name]
    stepper, formulas = one_iteration(config)
    autograd = Autograd(config, stepper)
    hidden_and_outputs = {  # GELU's forward is shown without a tree (test_forward_formula)
        n
        for layer, act in zip(stepper.model.neurons[1:], config.activations, strict=True)
        for n in layer
        if act != "gelu"
    }
    checked = 0
    for formula in formulas:
        for factor in leaves(formula.expression):
            symbol = factor.symbol or ""
            computed = symbol.startswith(("∂", "δ_")) or symbol in hidden_and_outputs
            if formula.label == "E":
                computed = symbol.startswith("out_")
            if computed:
                assert factor.origin is not None, f"{symbol} in {formula.text()}"
        for factor, origin in origins_within(formula):
            assert origin.result == factor.number, (factor, origin.text())
            assert origin.expression.value() == pytest.approx(origin.result, rel=1e-12, abs=1e-15)
            truth = autograd.expected(str(factor.symbol))
            if truth is not None:
                assert factor.number == pytest.approx(truth, rel=1e-12, abs=1e-15), factor.symbol
            else:  # ∂net/∂w = the activation or input it multiplies, named as its leaf
                (source,) = list(leaves(origin.expression))
                inputs = autograd.values.get(str(source.symbol), 1.0)  # a bias's is 1
                assert factor.number == inputs
            checked += 1
    assert checked > 10


def test_mazur_delta_o1_factors_say_out_minus_target_and_out_times_one_minus_out():
    _, formulas = one_iteration(MAZUR)
    delta = next(f for f in formulas if f.label == "δ_o1")
    texts = [n.origin.text() for n in factors_with_origins(delta.expression)]
    assert texts == [
        "∂E/∂out_o1 = out_o1 − target_o1 = 0.75136507 − 0.01 = 0.74136507",
        "∂out_o1/∂net_o1 = out_o1·(1 − out_o1) = 0.75136507 × (1 − 0.75136507) = 0.186815602",
    ]
    # Mazur's post: 0.75136507 − 0.01 = 0.74136507 and 0.75136507(1 − 0.75136507) = 0.186815602
    assert abs((0.75136507 - 0.01) - 0.74136507) < 1e-8
    assert abs(0.75136507 * (1 - 0.75136507) - 0.186815602) < 1e-9


def test_mazur_w5_names_its_incoming_activation_and_w1_its_input():
    _, formulas = one_iteration(MAZUR)
    w5 = next(f for f in formulas if f.label == "∂E/∂w5")
    w1 = next(f for f in formulas if f.label == "∂E/∂w1")
    assert factors_with_origins(w5.expression)[-1].origin.text() == (
        "∂net_o1/∂w5 = out_h1 = 0.593269992"
    )
    assert factors_with_origins(w1.expression)[-1].origin.text() == "∂net_h1/∂w1 = i1 = 0.05"


def test_hidden_factor_expands_to_the_sum_over_paths_with_each_delta_expandable():
    _, formulas = one_iteration(MAZUR)
    delta_h1 = next(f for f in formulas if f.label == "δ_h1")
    upstream = factors_with_origins(delta_h1.expression)[0].origin
    assert upstream.text().startswith("∂E/∂out_h1 = δ_o1·w5 + δ_o2·w7 = ")
    inner = [n.origin.label for n in factors_with_origins(upstream.expression)]
    assert inner == ["δ_o1", "δ_o2"]


def test_relu_derivative_says_which_side_of_zero_net_is():
    _, formulas = one_iteration(CONFIGS["relu-hidden"])
    texts = {o.text() for f in formulas for _, o in origins_within(f)}
    relu = [t for t in texts if t.startswith("∂out_h") and "∂net_h" in t.split("=")[0]]
    assert relu and all(("> 0) = 1" in t) or ("≤ 0) = 0" in t) for t in relu), relu


def test_mazur_incoming_activation_expands_to_its_forward_formula_and_sum():
    _, formulas = one_iteration(MAZUR)
    w5 = next(f for f in formulas if f.label == "∂E/∂w5")
    incoming = factors_with_origins(w5.expression)[-1]
    (out_h1,) = factors_with_origins(incoming.origin.expression)
    net_h1 = 0.15 * 0.05 + 0.20 * 0.10 + 0.35  # Mazur's forward pass by hand
    sigmoid = 1 / (1 + torch.exp(torch.tensor(-net_h1, dtype=torch.float64)))
    assert out_h1.origin.text() == (
        "out_h1 = sigmoid(net_h1) = 1/(1 + exp(−net_h1)) = 1 / (1 + exp(−0.3775)) = 0.593269992"
    )
    assert out_h1.origin.expression.value() == pytest.approx(float(sigmoid), rel=1e-15)
    assert out_h1.origin.result == incoming.number == out_h1.number
    (net,) = factors_with_origins(out_h1.origin.expression)
    assert (
        net.origin.text()
        == "net_h1 = w1·i1 + w2·i2 + b_h1 = 0.15 × 0.05 + 0.2 × 0.1 + 0.35 = 0.3775"
    )
    assert net.origin.expression.value() == pytest.approx(net_h1, rel=1e-15)


@pytest.mark.parametrize("name", ["deep-mixed", "softmax-output", "cross-entropy"])
def test_every_incoming_activation_expands_to_the_factor_it_is(name):
    """∂net/∂w of every weight above the first layer: its activation's forward formula
    evaluates to the factor's number, down to the inputs."""
    _, formulas = one_iteration(CONFIGS[name])
    checked = 0
    for formula in formulas:
        if not formula.label.startswith("∂E/∂w"):
            continue
        incoming = factors_with_origins(formula.expression)[-1]
        assert incoming.symbol.startswith("∂net_")
        sources = factors_with_origins(incoming.origin.expression)
        if not sources:  # a first-layer weight multiplies an input
            assert next(leaves(incoming.origin.expression)).symbol.startswith("i")
            continue
        (source,) = sources
        assert source.symbol.startswith("out_")
        assert source.origin.expression.value() == pytest.approx(incoming.number, rel=1e-12)
        checked += 1
    assert checked >= 6
