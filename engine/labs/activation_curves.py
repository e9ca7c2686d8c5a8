"""f(x) and f′(x) of one activation on a grid: f′ from autograd, checked against the closed form.

The lab covers the engine's elementwise activations plus PReLU, whose slope for negative inputs
is a learned parameter (here a fixed value the learner sets with a slider).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor

from engine.models.activation_catalogue import Activation
from engine.models.activations import get_activation

SATURATION_THRESHOLD = 0.01  # |f′| below this counts as saturated


@dataclass(frozen=True)
class LabActivation:
    """One entry of the lab's menu."""

    key: str
    title: str
    parameter: str = ""  # the name of its slider's parameter, "" when it has none
    default: float = 0.0
    in_network: bool = True  # False when the network's model cannot use it


LAB_ACTIVATIONS: tuple[LabActivation, ...] = (
    LabActivation("identity", "Identity"),
    LabActivation("step", "Step"),
    LabActivation("sigmoid", "Sigmoid"),
    LabActivation("tanh", "Tanh"),
    LabActivation("relu", "ReLU"),
    LabActivation("leaky_relu", "LeakyReLU", "α", 0.01),
    LabActivation("prelu", "PReLU", "a", 0.25, in_network=False),
    LabActivation("elu", "ELU", "α", 1.0),
    LabActivation("gelu", "GELU"),
    LabActivation("silu", "SiLU / Swish"),
    LabActivation("softplus", "Softplus"),
)
LAB_KEYS = tuple(entry.key for entry in LAB_ACTIVATIONS)


def lab_entry(key: str) -> LabActivation:
    for entry in LAB_ACTIVATIONS:
        if entry.key == key:
            return entry
    raise KeyError(f"no activation {key!r} in the lab: choose one of {', '.join(LAB_KEYS)}")


def network_spec(key: str, parameter: float | None = None) -> str | None:
    """The engine spec that puts this activation into the network, None if it cannot go there."""
    entry = lab_entry(key)
    if not entry.in_network:
        return None
    if not entry.parameter:
        return key
    return get_activation(f"{key}:{_parameter(entry, parameter)!r}").name


def build(key: str, parameter: float | None = None) -> Activation:
    """The activation with its formula, facts and closed-form derivative."""
    entry = lab_entry(key)
    if key == "prelu":
        return _prelu(_parameter(entry, parameter))
    spec = network_spec(key, parameter)
    assert spec is not None
    return get_activation(spec)


def _parameter(entry: LabActivation, parameter: float | None) -> float:
    value = entry.default if parameter is None else float(parameter)
    return value + 0.0  # −0.0 reads as 0.0


def _prelu(a: float) -> Activation:
    weight = torch.tensor([a], dtype=torch.float64)
    return Activation(
        name=f"prelu:{a!r}",
        formula=f"PReLU(x) = x if x > 0 else a·x, a = {a!r} (learned)",
        derivative_formula=f"PReLU′(x) = 1 if x > 0 else a = {a!r};  ∂PReLU/∂a = min(0, x)",
        elementwise=True,
        output_range="(−∞, ∞)",
        zero_centred=False,
        max_derivative=max(1.0, a),
        note="LeakyReLU whose negative slope a is a parameter that training updates, "
        "one per channel in torch.nn.PReLU (a starts at 0.25).",
        torch_code=f"F.prelu(x, torch.tensor([{a!r}]))",
        _fn=lambda x: F.prelu(x, weight.to(x.dtype)),
        _dfn=lambda net, out: torch.full_like(net, a).masked_fill(net > 0, 1.0),
    )


@dataclass(frozen=True)
class ActivationCurve:
    """f and f′ on a grid; `derivative` is autograd's, `closed_form` the formula's."""

    activation: Activation
    x: np.ndarray
    f: np.ndarray
    derivative: np.ndarray
    closed_form: np.ndarray
    saturated: tuple[tuple[float, float], ...]  # x intervals where |f′| < threshold
    max_abs_derivative: float  # over this grid
    max_mismatch: float  # max |autograd − closed form|


def autograd_derivative(act: Activation, x: Tensor) -> tuple[Tensor, Tensor]:
    """(f(x), f′(x)) with f′ from one backward pass: each f(xᵢ) depends only on xᵢ."""
    leaf = x.detach().clone().requires_grad_(True)
    out = act.forward(leaf)
    (grad,) = torch.autograd.grad(out.sum(), leaf)
    return out.detach(), grad


def curve(key: str, parameter: float | None = None, half_width: int = 8) -> ActivationCurve:
    """On x = k/100 for |x| ≤ half_width: exact grid points, so x = 0 itself is on it."""
    act = build(key, parameter)
    steps = 100 * half_width
    x = torch.arange(-steps, steps + 1, dtype=torch.float64) / 100
    f, grad = autograd_derivative(act, x)
    closed = act.derivative(x, f)
    d = grad.numpy()
    return ActivationCurve(
        activation=act,
        x=x.numpy().copy(),
        f=f.numpy().copy(),
        derivative=d.copy(),
        closed_form=closed.numpy().copy(),
        saturated=saturated_intervals(x.numpy(), d),
        max_abs_derivative=float(np.abs(d).max()),
        max_mismatch=float((grad - closed).abs().max()),
    )


def saturated_intervals(x: np.ndarray, derivative: np.ndarray) -> tuple[tuple[float, float], ...]:
    """Contiguous runs of the grid where |f′| < SATURATION_THRESHOLD, as (start, end)."""
    flat = np.abs(derivative) < SATURATION_THRESHOLD
    edges = np.flatnonzero(np.diff(np.concatenate(([0], flat.astype(np.int8), [0]))))
    return tuple(
        (float(x[a]), float(x[b - 1])) for a, b in zip(edges[::2], edges[1::2], strict=True)
    )


@dataclass(frozen=True)
class PointReading:
    """f, f′ and the tangent line at one x the learner drags."""

    x: float
    f: float
    derivative: float  # autograd
    closed_form: float
    tangent_x: tuple[float, float]
    tangent_y: tuple[float, float]


def reading(key: str, parameter: float | None, x0: float, half_width: float = 1.5) -> PointReading:
    act = build(key, parameter)
    x = torch.tensor([x0], dtype=torch.float64)
    f, grad = autograd_derivative(act, x)
    closed = act.derivative(x, f)
    fx, dx = float(f[0]), float(grad[0])
    xs = (x0 - half_width, x0 + half_width)
    return PointReading(
        x=x0,
        f=fx,
        derivative=dx,
        closed_form=float(closed[0]),
        tangent_x=xs,
        tangent_y=(fx - dx * half_width, fx + dx * half_width),
    )
