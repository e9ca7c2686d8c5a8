"""Activations: closed-form derivatives and Jacobians against autograd, spec parsing, metadata."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from torch import Tensor

from engine.models.activation_catalogue import Activation
from engine.models.activations import (
    ACTIVATION_NAMES,
    OUTPUT_ONLY,
    UnknownActivationError,
    get_activation,
)

ELEMENTWISE_SPECS = [n for n in ACTIVATION_NAMES if n not in OUTPUT_ONLY] + [
    "leaky_relu:0.2",
    "leaky_relu:1.5",
    "elu:0.5",
    "elu:2.0",
]
ALL_SPECS = ELEMENTWISE_SPECS + sorted(OUTPUT_ONLY)
SMOOTH_SPECS = [s for s in ELEMENTWISE_SPECS if s != "step"]

# What each base name must compute, written with torch directly.
REFERENCE = {
    "identity": lambda x: x,
    "step": lambda x: torch.where(x > 0, 1.0, 0.0).to(x.dtype),
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": lambda x: F.leaky_relu(x, 0.01),
    "elu": F.elu,
    "gelu": lambda x: F.gelu(x, approximate="none"),
    "silu": lambda x: x * torch.sigmoid(x),
    "softplus": lambda x: torch.log1p(torch.exp(x)),
    "softmax": lambda x: torch.exp(x) / torch.exp(x).sum(-1, keepdim=True),
    "log_softmax": lambda x: x - torch.logsumexp(x, -1, keepdim=True),
}


def grid() -> Tensor:
    """Points in float64 that miss the kinks at 0, plus some far out where functions saturate."""
    inner = torch.linspace(-6.0, 6.0, 120, dtype=torch.float64)  # an even count skips 0
    far = torch.tensor([-40.0, -25.0, -19.5, 19.5, 25.0, 40.0], dtype=torch.float64)
    return torch.cat([inner, far])


def autograd_derivative(act: Activation, x: Tensor) -> Tensor:
    x = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(act.forward(x).sum(), x)
    return grad


def test_every_base_name_resolves_to_itself() -> None:
    for name in ACTIVATION_NAMES:
        assert get_activation(name).name.split(":")[0] == name


def test_only_output_only_activations_are_not_elementwise() -> None:
    assert sorted(OUTPUT_ONLY) == ["log_softmax", "softmax"]
    assert OUTPUT_ONLY.issubset(ACTIVATION_NAMES)
    for name in ACTIVATION_NAMES:
        assert get_activation(name).elementwise == (name not in OUTPUT_ONLY)


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_forward_matches_the_definition(name: str) -> None:
    x = torch.linspace(-5.0, 5.0, 24, dtype=torch.float64).reshape(3, 8)
    torch.testing.assert_close(get_activation(name).forward(x), REFERENCE[name](x))


@pytest.mark.parametrize("spec", ALL_SPECS)
def test_torch_code_computes_the_forward(spec: str) -> None:
    act = get_activation(spec)
    x = torch.linspace(-4.0, 4.0, 12, dtype=torch.float64).reshape(2, 6)
    shown = eval(act.torch_code, {"torch": torch, "F": F, "x": x})
    torch.testing.assert_close(shown, act.forward(x), rtol=0, atol=0)


@pytest.mark.parametrize("spec", ELEMENTWISE_SPECS)
def test_derivative_matches_autograd(spec: str) -> None:
    act = get_activation(spec)
    x = grid()
    with torch.no_grad():
        closed = act.derivative(x, act.forward(x))
    assert not closed.requires_grad
    torch.testing.assert_close(closed, autograd_derivative(act, x), rtol=0, atol=1e-12)


@pytest.mark.parametrize("spec", SMOOTH_SPECS)
def test_gradcheck_passes_on_forward(spec: str) -> None:
    x = torch.linspace(-3.0, 3.0, 12, dtype=torch.float64).reshape(3, 4).requires_grad_(True)
    assert torch.autograd.gradcheck(get_activation(spec).forward, (x,))


@pytest.mark.parametrize("name", sorted(OUTPUT_ONLY))
def test_gradcheck_passes_on_softmax_like(name: str) -> None:
    x = torch.randn(3, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    assert torch.autograd.gradcheck(get_activation(name).forward, (x.requires_grad_(True),))


def test_step_sends_back_an_exactly_zero_gradient() -> None:
    act = get_activation("step")
    x = torch.tensor([-2.0, -0.0, 0.0, 0.5, 3.0], dtype=torch.float64, requires_grad=True)
    out = act.forward(x)
    assert out.tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]
    (out * torch.arange(5.0, dtype=torch.float64)).sum().backward()
    assert x.grad is not None
    assert torch.equal(x.grad, torch.zeros_like(x))


def test_step_in_a_graph_leaves_earlier_weights_with_zero_gradient() -> None:
    w = torch.tensor([0.7, -0.3], dtype=torch.float64, requires_grad=True)
    net = w @ torch.tensor([1.0, 2.0], dtype=torch.float64)
    get_activation("step").forward(net).backward()
    assert w.grad is not None
    assert torch.equal(w.grad, torch.zeros_like(w))


@pytest.mark.parametrize("name", sorted(OUTPUT_ONLY))
def test_softmax_like_jacobian_matches_autograd(name: str) -> None:
    act = get_activation(name)
    net = torch.randn(3, 5, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    closed = act.jacobian(net, act.forward(net))
    full = torch.autograd.functional.jacobian(act.forward, net)  # (B, n, B, n)
    expected = torch.stack([full[b, :, b, :] for b in range(net.shape[0])])
    assert closed.shape == (3, 5, 5)
    torch.testing.assert_close(closed, expected, rtol=0, atol=1e-12)
    single = torch.autograd.functional.jacobian(act.forward, net[0])
    torch.testing.assert_close(
        act.jacobian(net[0], act.forward(net[0])), single, rtol=0, atol=1e-12
    )


def test_softmax_jacobian_is_diag_p_minus_p_p_transposed() -> None:
    act = get_activation("softmax")
    net = torch.tensor([0.3, -1.2, 2.0, 0.0], dtype=torch.float64)
    p = act.forward(net)
    expected = torch.diag(p) - torch.outer(p, p)
    torch.testing.assert_close(act.jacobian(net, p), expected, rtol=0, atol=1e-15)


def test_log_softmax_jacobian_rows_are_delta_minus_p() -> None:
    act = get_activation("log_softmax")
    net = torch.tensor([1.0, -0.5, 0.25], dtype=torch.float64)
    p = torch.softmax(net, dim=-1)
    expected = torch.eye(3, dtype=torch.float64) - p.expand(3, 3)
    torch.testing.assert_close(act.jacobian(net, act.forward(net)), expected)


@pytest.mark.parametrize("spec", ["tanh", "elu:0.5"])
def test_elementwise_jacobian_is_diagonal_and_matches_autograd(spec: str) -> None:
    act = get_activation(spec)
    net = torch.linspace(-2.0, 2.0, 6, dtype=torch.float64)
    expected = torch.autograd.functional.jacobian(act.forward, net)
    torch.testing.assert_close(act.jacobian(net, act.forward(net)), expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize("name", sorted(OUTPUT_ONLY))
def test_softmax_like_have_no_elementwise_derivative(name: str) -> None:
    act = get_activation(name)
    net = torch.zeros(3, dtype=torch.float64)
    with pytest.raises(ValueError, match="jacobian"):
        act.derivative(net, act.forward(net))


@pytest.mark.parametrize("spec", ELEMENTWISE_SPECS)
def test_max_derivative_is_the_sup_over_a_fine_grid(spec: str) -> None:
    act = get_activation(spec)
    x = torch.linspace(-30.0, 30.0, 600001, dtype=torch.float64)
    observed = act.derivative(x, act.forward(x)).abs().max().item()
    assert act.max_derivative == pytest.approx(observed, abs=1e-6)


def test_published_max_derivatives() -> None:
    expected = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0, "step": 0.0, "identity": 1.0}
    for name, value in expected.items():
        assert get_activation(name).max_derivative == value
    # GELU′ peaks at x = √2: Φ(√2) + √2·φ(√2) = ½(1 + erf 1) + e⁻¹/√π.
    gelu_peak = 0.5 * (1 + math.erf(1.0)) + math.exp(-1.0) / math.sqrt(math.pi)
    assert get_activation("gelu").max_derivative == pytest.approx(gelu_peak, abs=1e-12)
    assert get_activation("leaky_relu:1.5").max_derivative == 1.5


@pytest.mark.parametrize("name", sorted(OUTPUT_ONLY))
def test_softmax_like_max_derivative_bounds_the_jacobian(name: str) -> None:
    act = get_activation(name)
    net = 4 * torch.randn(200, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(2))
    largest = act.jacobian(net, act.forward(net)).abs().max().item()
    assert largest <= act.max_derivative
    assert largest > 0.9 * act.max_derivative


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("spec", ALL_SPECS)
def test_dtype_follows_the_input(spec: str, dtype: torch.dtype) -> None:
    act = get_activation(spec)
    net = torch.linspace(-2.0, 2.0, 6, dtype=dtype).reshape(2, 3)
    out = act.forward(net)
    assert out.dtype == dtype
    assert act.jacobian(net, out).dtype == dtype
    if act.elementwise:
        assert act.derivative(net, out).dtype == dtype


@pytest.mark.parametrize("spec", ELEMENTWISE_SPECS)
def test_zero_centred_means_an_odd_function(spec: str) -> None:
    act = get_activation(spec)
    x = torch.linspace(0.1, 3.0, 30, dtype=torch.float64)
    odd = torch.allclose(act.forward(-x), -act.forward(x))
    assert act.zero_centred == odd


def _bounds(output_range: str) -> tuple[float, float]:
    text = output_range.split("),")[0].strip("[]()").replace("−", "-").replace("≈", "")
    low, high = (float(part.replace("∞", "inf")) for part in text.split(","))
    return low, high


@pytest.mark.parametrize("spec", [s for s in ALL_SPECS if s != "step"])
def test_outputs_lie_in_the_stated_range(spec: str) -> None:
    act = get_activation(spec)
    low, high = _bounds(act.output_range)
    out = act.forward(torch.linspace(-30.0, 30.0, 60000, dtype=torch.float64).reshape(-1, 3))
    assert low - 1e-3 <= out.min().item()
    assert out.max().item() <= high
    if "≈" in act.output_range:  # a computed minimum is shown: the function must reach it
        assert out.min().item() == pytest.approx(low, abs=1e-3)


def test_step_outputs_only_zero_and_one() -> None:
    act = get_activation("step")
    assert act.output_range == "{0, 1}"
    values = set(act.forward(torch.linspace(-3, 3, 101, dtype=torch.float64)).tolist())
    assert values == {0.0, 1.0}


@pytest.mark.parametrize("spec", ALL_SPECS)
def test_texts_are_single_non_empty_lines(spec: str) -> None:
    act = get_activation(spec)
    for text in (act.formula, act.derivative_formula, act.output_range, act.note, act.torch_code):
        assert text.strip()
        assert "\n" not in text


@pytest.mark.parametrize(
    ("spec", "name"),
    [
        ("swish", "silu"),
        ("linear", "identity"),
        ("none", "identity"),
        ("heaviside", "step"),
        ("  SigMoid ", "sigmoid"),
        ("LEAKY_RELU:0.2", "leaky_relu:0.2"),
        ("leaky_relu : 0.20 ", "leaky_relu:0.2"),
        ("leaky_relu", "leaky_relu:0.01"),
        ("leaky_relu:1e-2", "leaky_relu:0.01"),
        ("leaky_relu:0", "leaky_relu:0.0"),
        ("elu", "elu:1.0"),
        ("elu:0.5", "elu:0.5"),
        ("ELU:2", "elu:2.0"),
    ],
)
def test_aliases_and_parameters_give_the_canonical_name(spec: str, name: str) -> None:
    act = get_activation(spec)
    assert act.name == name
    assert get_activation(act.name) == act  # the canonical name round-trips


@pytest.mark.parametrize("alpha", [0.0, 0.2, 1.5])
def test_parameters_reach_the_forward_pass(alpha: float) -> None:
    x = torch.linspace(-3.0, 3.0, 10, dtype=torch.float64)
    leaky = get_activation(f"leaky_relu:{alpha}")
    elu = get_activation(f"elu:{alpha}")
    torch.testing.assert_close(leaky.forward(x), F.leaky_relu(x, alpha))
    torch.testing.assert_close(elu.forward(x), F.elu(x, alpha))


@pytest.mark.parametrize(
    "spec",
    [
        "sigmoidd",
        "leaky_relu:abc",
        "leaky_relu:-1",
        "elu:nan",
        "elu:inf",
        "leaky_relu:",
        "sigmoid:0.5",
        "",
        "   ",
    ],
)
def test_bad_specs_are_refused_with_one_line_naming_them(spec: str) -> None:
    with pytest.raises(UnknownActivationError) as caught:
        get_activation(spec)
    message = str(caught.value)
    assert repr(spec) in message
    assert "\n" not in message
    assert isinstance(caught.value, ValueError)


def test_unknown_name_message_lists_the_valid_names() -> None:
    with pytest.raises(UnknownActivationError) as caught:
        get_activation("sigmoidd")
    for name in ACTIVATION_NAMES:
        assert name in str(caught.value)


def test_a_spec_that_is_not_text_is_refused() -> None:
    with pytest.raises(UnknownActivationError):
        get_activation(None)  # type: ignore[arg-type]
