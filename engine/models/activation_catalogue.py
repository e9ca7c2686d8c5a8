"""The activation catalogue: what each activation computes and what a learner needs to know.

Each entry pairs a forward pass for autograd with its closed-form derivative or Jacobian
(engine.models.activation_math) and its formulas, range and notes; engine.models.activations
looks entries up by spec.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import Tensor

from engine.models.activation_math import (
    GELU_MAX_DERIVATIVE,
    GELU_MIN,
    SILU_MAX_DERIVATIVE,
    SILU_MIN,
    Heaviside,
    gelu_derivative,
    log_softmax_jacobian,
    silu_derivative,
    softmax_jacobian,
    softplus_derivative,
)

Forward = Callable[[Tensor], Tensor]
Local = Callable[[Tensor, Tensor], Tensor]  # (net, out) -> derivative or Jacobian


@dataclass(frozen=True)
class Activation:
    """One activation function with what a learner needs to know about it."""

    name: str  # canonical spec: "sigmoid", "leaky_relu:0.01"
    formula: str
    derivative_formula: str
    elementwise: bool  # False when each output depends on every net (softmax-like)
    output_range: str
    zero_centred: bool  # an odd function: outputs symmetric about 0
    # sup |f′|; for softmax-like ones, the sup over the entries of the Jacobian.
    max_derivative: float
    note: str
    torch_code: str
    _fn: Forward = field(repr=False, compare=False)
    _dfn: Local | None = field(default=None, repr=False, compare=False)  # elementwise f′
    _jfn: Local | None = field(default=None, repr=False, compare=False)  # full Jacobian

    def forward(self, net: Tensor) -> Tensor:
        """out = f(net), differentiable by autograd; softmax-like ones act on the last dim."""
        return self._fn(net)

    def derivative(self, net: Tensor, out: Tensor) -> Tensor:
        """∂out/∂net elementwise, in closed form; `out` must be forward(net)."""
        if self._dfn is None:
            raise ValueError(f"{self.name} is not elementwise: use jacobian() instead")
        return self._dfn(net, out)

    def jacobian(self, net: Tensor, out: Tensor) -> Tensor:
        """J[..., i, j] = ∂out_i/∂net_j over the last dim, in closed form."""
        if self._jfn is not None:
            return self._jfn(net, out)
        return torch.diag_embed(self.derivative(net, out))


def _lower_bound(value: float) -> str:
    return f"[≈ {value:.3f}, ∞)".replace("-", "−")


def _identity() -> Activation:
    return Activation(
        name="identity",
        formula="f(x) = x",
        derivative_formula="f′(x) = 1",
        elementwise=True,
        output_range="(−∞, ∞)",
        zero_centred=True,
        max_derivative=1.0,
        note="Without a nonlinearity, stacked layers collapse into one linear map, "
        "so it suits only a regression output.",
        torch_code="x",
        _fn=lambda x: x,
        _dfn=lambda net, out: torch.ones_like(net),
    )


def _step() -> Activation:
    return Activation(
        name="step",
        formula="H(x) = 1 if x > 0 else 0",
        derivative_formula="H′(x) = 0 (undefined at 0)",
        elementwise=True,
        output_range="{0, 1}",
        zero_centred=False,
        max_derivative=0.0,
        note="Its derivative is zero everywhere (undefined at 0), so no gradient flows back "
        "through it and nothing before it learns.",
        torch_code="(x > 0).to(x.dtype)",
        _fn=Heaviside.apply,
        _dfn=lambda net, out: torch.zeros_like(net),
    )


def _sigmoid() -> Activation:
    return Activation(
        name="sigmoid",
        formula="σ(x) = 1 / (1 + e^(−x))",
        derivative_formula="σ′(x) = σ(x)·(1 − σ(x))",
        elementwise=True,
        output_range="(0, 1)",
        zero_centred=False,
        max_derivative=0.25,
        note="It saturates for large |x|, where its derivative (at most 0.25) all but vanishes, "
        "and its outputs are not zero-centred, so deep stacks of it learn slowly.",
        torch_code="torch.sigmoid(x)",
        _fn=torch.sigmoid,
        _dfn=lambda net, out: out * (1 - out),
    )


def _tanh() -> Activation:
    return Activation(
        name="tanh",
        formula="tanh(x) = (eˣ − e^(−x)) / (eˣ + e^(−x))",
        derivative_formula="tanh′(x) = 1 − tanh²(x)",
        elementwise=True,
        output_range="(−1, 1)",
        zero_centred=True,
        max_derivative=1.0,
        note="Zero-centred, unlike the sigmoid, but it saturates just the same, "
        "so gradients vanish for large |x|.",
        torch_code="torch.tanh(x)",
        _fn=torch.tanh,
        _dfn=lambda net, out: 1 - out * out,
    )


def _relu() -> Activation:
    return Activation(
        name="relu",
        formula="ReLU(x) = max(0, x)",
        derivative_formula="ReLU′(x) = 1 if x > 0 else 0",
        elementwise=True,
        output_range="[0, ∞)",
        zero_centred=False,
        max_derivative=1.0,
        note="Its gradient is 1 for positive nets and 0 otherwise, so a neuron whose net "
        "stays negative stops learning (a dead ReLU).",
        torch_code="F.relu(x)",
        _fn=F.relu,
        _dfn=lambda net, out: (net > 0).to(net.dtype),
    )


def _leaky_relu(alpha: float) -> Activation:
    return Activation(
        name=f"leaky_relu:{alpha!r}",
        formula=f"LeakyReLU(x) = x if x > 0 else {alpha!r}·x",
        derivative_formula=f"LeakyReLU′(x) = 1 if x > 0 else {alpha!r}",
        elementwise=True,
        output_range="(−∞, ∞)",
        zero_centred=False,
        max_derivative=max(1.0, alpha),
        note="A slope of α for negative nets keeps some gradient flowing, "
        "so its neurons cannot die as ReLU's can.",
        torch_code=f"F.leaky_relu(x, {alpha!r})",
        _fn=lambda x: F.leaky_relu(x, alpha),
        _dfn=lambda net, out: torch.full_like(net, alpha).masked_fill(net > 0, 1.0),
    )


def _elu(alpha: float) -> Activation:
    return Activation(
        name=f"elu:{alpha!r}",
        formula=f"ELU(x) = x if x > 0 else {alpha!r}·(eˣ − 1)",
        derivative_formula=f"ELU′(x) = 1 if x > 0 else {alpha!r}·eˣ = ELU(x) + {alpha!r}",
        elementwise=True,
        output_range=f"(−{alpha!r}, ∞)" if alpha else "[0, ∞)",
        zero_centred=False,
        max_derivative=max(1.0, alpha),
        note="Smooth for negative nets, where it saturates at −α; its negative outputs pull "
        "the mean activation towards zero.",
        torch_code=f"F.elu(x, alpha={alpha!r})",
        _fn=lambda x: F.elu(x, alpha),
        # α·eˣ rather than out + α: the same value, without cancellation for very negative x.
        _dfn=lambda net, out: torch.where(net > 0, torch.ones_like(net), alpha * torch.exp(net)),
    )


def _gelu() -> Activation:
    return Activation(
        name="gelu",
        formula="GELU(x) = x·Φ(x)",
        derivative_formula="GELU′(x) = Φ(x) + x·φ(x)",
        elementwise=True,
        output_range=_lower_bound(GELU_MIN),
        zero_centred=False,
        max_derivative=GELU_MAX_DERIVATIVE,
        note="A smooth ReLU that weights x by the probability Φ(x); its slope rises a little "
        "above 1 near x = √2 and turns negative below x ≈ −0.75.",
        torch_code="F.gelu(x)",
        _fn=F.gelu,
        _dfn=gelu_derivative,
    )


def _silu() -> Activation:
    return Activation(
        name="silu",
        formula="SiLU(x) = x·σ(x)",
        derivative_formula="SiLU′(x) = σ(x)·(1 + x·(1 − σ(x)))",
        elementwise=True,
        output_range=_lower_bound(SILU_MIN),
        zero_centred=False,
        max_derivative=SILU_MAX_DERIVATIVE,
        note="Also called swish: smooth and not monotonic, it dips below zero for negative "
        "nets and its slope peaks at about 1.1.",
        torch_code="F.silu(x)",
        _fn=F.silu,
        _dfn=silu_derivative,
    )


def _softplus() -> Activation:
    return Activation(
        name="softplus",
        formula="softplus(x) = ln(1 + eˣ)",
        derivative_formula="softplus′(x) = σ(x)",
        elementwise=True,
        output_range="(0, ∞)",
        zero_centred=False,
        max_derivative=1.0,
        note="A smooth ReLU whose derivative is the sigmoid, so its gradient is never "
        "exactly zero.",
        torch_code="F.softplus(x)",
        _fn=F.softplus,
        _dfn=softplus_derivative,
    )


def _softmax() -> Activation:
    return Activation(
        name="softmax",
        formula="softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ)",
        derivative_formula="∂pᵢ/∂xⱼ = pᵢ·(δᵢⱼ − pⱼ)",
        elementwise=False,
        output_range="(0, 1), summing to 1",
        zero_centred=False,
        max_derivative=0.25,  # pᵢ(1 − pᵢ) and pᵢpⱼ are both at most ¼
        note="It turns the output layer into probabilities that sum to 1; each output depends "
        "on every net, so its derivative is a Jacobian matrix, not one number per neuron.",
        torch_code="torch.softmax(x, dim=-1)",
        _fn=lambda x: torch.softmax(x, dim=-1),
        _jfn=softmax_jacobian,
    )


def _log_softmax() -> Activation:
    return Activation(
        name="log_softmax",
        formula="log_softmax(x)ᵢ = xᵢ − ln Σⱼ e^(xⱼ)",
        derivative_formula="∂outᵢ/∂xⱼ = δᵢⱼ − pⱼ",
        elementwise=False,
        output_range="(−∞, 0]",
        zero_centred=False,
        max_derivative=1.0,  # |δᵢⱼ − pⱼ| < 1, approached as pⱼ → 0 or 1
        note="Log-probabilities for the nll loss; the pair equals cross-entropy on logits, "
        "and is more stable than taking log(softmax(x)).",
        torch_code="torch.log_softmax(x, dim=-1)",
        _fn=lambda x: torch.log_softmax(x, dim=-1),
        _jfn=log_softmax_jacobian,
    )


PLAIN_ACTIVATIONS: dict[str, Callable[[], Activation]] = {
    "identity": _identity,
    "step": _step,
    "sigmoid": _sigmoid,
    "tanh": _tanh,
    "relu": _relu,
    "gelu": _gelu,
    "silu": _silu,
    "softplus": _softplus,
    "softmax": _softmax,
    "log_softmax": _log_softmax,
}
# Name -> (default parameter, builder).
PARAMETRISED_ACTIVATIONS: dict[str, tuple[float, Callable[[float], Activation]]] = {
    "leaky_relu": (0.01, _leaky_relu),
    "elu": (1.0, _elu),
}
