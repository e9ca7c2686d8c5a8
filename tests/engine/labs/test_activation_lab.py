"""Activation lab: every derivative it shows is autograd's and equals the closed form."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.func import grad, vmap

from engine.labs.activation_curves import (
    LAB_ACTIVATIONS,
    LAB_KEYS,
    SATURATION_THRESHOLD,
    build,
    curve,
    network_spec,
    reading,
)
from engine.models.activations import get_activation

# Every entry, with its slider at the default and at two other values.
CASES = [(e.key, None) for e in LAB_ACTIVATIONS] + [
    (e.key, value) for e in LAB_ACTIVATIONS if e.parameter for value in (0.0, 0.3, 1.7)
]
SMOOTH = {"identity", "sigmoid", "tanh", "gelu", "silu", "softplus"}


def ids(case: tuple[str, float | None]) -> str:
    return f"{case[0]}:{case[1]}"


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_curve_derivative_is_autograd_and_equals_the_closed_form(case) -> None:
    key, parameter = case
    shown = curve(key, parameter)
    x = torch.from_numpy(shown.x)
    act = build(key, parameter)
    independent = vmap(grad(lambda t: act.forward(t)))(x).numpy()  # per-point autograd
    np.testing.assert_allclose(shown.derivative, independent, rtol=0, atol=1e-12)
    np.testing.assert_allclose(shown.closed_form, shown.derivative, rtol=0, atol=1e-9)
    assert shown.max_mismatch <= 1e-9
    np.testing.assert_array_equal(shown.f, act.forward(x).numpy())


@pytest.mark.parametrize("key", sorted(SMOOTH))
def test_curve_derivative_agrees_with_finite_differences(key: str) -> None:
    shown = curve(key)
    act = build(key)
    x = torch.from_numpy(shown.x)
    h = 1e-5
    fd = ((act.forward(x + h) - act.forward(x - h)) / (2 * h)).numpy()
    np.testing.assert_allclose(shown.derivative, fd, rtol=0, atol=1e-8)


@pytest.mark.parametrize("case", CASES, ids=ids)
@pytest.mark.parametrize("x0", [-5.3, -1.0, -0.25, 0.0, 0.7, 2.0, 6.1])
def test_point_reading_and_tangent(case, x0: float) -> None:
    key, parameter = case
    shown = reading(key, parameter, x0)
    act = build(key, parameter)
    t = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    (expected,) = torch.autograd.grad(act.forward(t), t)
    assert shown.derivative == pytest.approx(expected.item(), abs=1e-12)
    assert shown.closed_form == pytest.approx(shown.derivative, abs=1e-9)
    assert shown.f == act.forward(torch.tensor([x0], dtype=torch.float64)).item()
    (xa, xb), (ya, yb) = shown.tangent_x, shown.tangent_y
    assert (yb - ya) / (xb - xa) == pytest.approx(shown.derivative, abs=1e-12)
    assert ya + (x0 - xa) * shown.derivative == pytest.approx(shown.f, abs=1e-12)


def test_published_maxima_of_the_derivative() -> None:
    assert build("sigmoid").max_derivative == 0.25
    assert build("tanh").max_derivative == 1.0
    assert curve("sigmoid").max_abs_derivative == pytest.approx(0.25, abs=1e-15)  # x = 0 on grid
    assert curve("tanh").max_abs_derivative == pytest.approx(1.0, abs=1e-15)
    for key in LAB_KEYS:
        shown = curve(key)
        assert shown.max_abs_derivative <= shown.activation.max_derivative + 1e-12


def test_saturated_regions_of_sigmoid_and_tanh_match_the_closed_form() -> None:
    spacing = 0.01
    # σ(1 − σ) = 0.01  <=>  σ = (1 − √0.96) / 2
    s = (1 - math.sqrt(1 - 4 * SATURATION_THRESHOLD)) / 2
    edge = -math.log(1 / s - 1)
    (left, right) = curve("sigmoid").saturated
    assert left[0] == -8.0 and right[1] == 8.0
    assert abs(left[1] - edge) <= spacing and abs(right[0] + edge) <= spacing
    # 1 − tanh² = 0.01  <=>  |x| = atanh(√0.99)
    edge = math.atanh(math.sqrt(1 - SATURATION_THRESHOLD))
    (left, right) = curve("tanh").saturated
    assert abs(left[1] + edge) <= spacing and abs(right[0] - edge) <= spacing


def test_saturated_regions_of_piecewise_activations() -> None:
    assert curve("identity").saturated == ()
    assert curve("step").saturated == ((-8.0, 8.0),)
    assert curve("relu").saturated == ((-8.0, 0.0),)  # ReLU′(0) = 0 in PyTorch
    assert curve("leaky_relu", 0.2).saturated == ()


def test_facts_shown_beside_the_plot() -> None:
    assert build("sigmoid").output_range == "(0, 1)" and not build("sigmoid").zero_centred
    assert build("tanh").output_range == "(−1, 1)" and build("tanh").zero_centred
    assert build("elu", 0.5).max_derivative == 1.0
    assert build("prelu", 1.5).max_derivative == 1.5


def test_prelu_is_torch_prelu() -> None:
    x = torch.linspace(-3, 3, 13, dtype=torch.float64)
    module = torch.nn.PReLU(init=0.3).double()
    torch.testing.assert_close(build("prelu", 0.3).forward(x), module(x).detach())
    torch.testing.assert_close(build("prelu", 0.3).forward(x), F.leaky_relu(x, 0.3))


def test_network_specs() -> None:
    assert network_spec("sigmoid") == "sigmoid"
    assert network_spec("leaky_relu", 0.2) == "leaky_relu:0.2"
    assert network_spec("leaky_relu") == "leaky_relu:0.01"
    assert network_spec("elu", 0.5) == "elu:0.5"
    assert network_spec("prelu", 0.25) is None  # the network's model has no learnable slope
    for key in LAB_KEYS:
        spec = network_spec(key, 0.1)
        if spec is not None:
            assert get_activation(spec).name == spec
    with pytest.raises(KeyError):
        network_spec("softmax")
