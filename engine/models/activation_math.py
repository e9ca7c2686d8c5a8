"""The mathematics behind the activation catalogue (engine.models.activation_catalogue).

Closed-form derivatives and Jacobians as tensors, which never call autograd, so they can be set
beside autograd's answer; the extrema of GELU and SiLU, which have no closed form; and the step
function as an autograd Function, so a gradient can pass through it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import torch
from torch import Tensor


class Heaviside(torch.autograd.Function):
    """1 for x > 0 else 0. Its derivative is 0 wherever it exists, so backward sends zeros
    (torch.heaviside has no backward at all and would raise inside a graph)."""

    generate_vmap_rule = True  # so batched surfaces (torch.func.vmap) can evaluate it

    @staticmethod
    def forward(x: Tensor) -> Tensor:
        return (x > 0).to(x.dtype)

    @staticmethod
    def setup_context(ctx: torch.autograd.function.FunctionCtx, inputs: tuple, output: Tensor):
        pass

    @staticmethod
    def backward(ctx: torch.autograd.function.FunctionCtx, grad: Tensor) -> Tensor:
        return torch.zeros_like(grad)


def _bisect(f: Callable[[float], float], lo: float, hi: float) -> float:
    """The root of f in [lo, hi], where f changes sign: for extrema that have no closed form."""
    f_lo = f(lo)
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if (f(mid) > 0) == (f_lo > 0):
            lo, f_lo = mid, f(mid)
        else:
            hi = mid
    return 0.5 * (lo + hi)


def _sigmoid_f(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _gelu_f(x: float) -> float:
    return x * 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def _gelu_df(x: float) -> float:
    cdf = 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))
    pdf = math.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return cdf + x * pdf


def _silu_df(x: float) -> float:
    s = _sigmoid_f(x)
    return s * (1.0 + x * (1.0 - s))


# GELU′ peaks where GELU″ = φ(x)·(2 − x²) = 0, i.e. at x = √2.
GELU_MAX_DERIVATIVE = _gelu_df(math.sqrt(2.0))
# SiLU″ = σ(1 − σ)·(2 + x·(1 − 2σ)) vanishes where x·tanh(x/2) = 2.
SILU_MAX_DERIVATIVE = _silu_df(_bisect(lambda x: x * math.tanh(x / 2) - 2.0, 1.0, 4.0))
# Both dip below zero once, where their derivative vanishes.
GELU_MIN = _gelu_f(_bisect(_gelu_df, -3.0, 0.0))
_SILU_ARGMIN = _bisect(_silu_df, -3.0, 0.0)
SILU_MIN = _SILU_ARGMIN * _sigmoid_f(_SILU_ARGMIN)
# F.softplus returns x itself above this net (its default), so its slope there is exactly 1.
SOFTPLUS_THRESHOLD = 20.0


def gelu_derivative(net: Tensor, out: Tensor) -> Tensor:
    cdf = 0.5 * (1 + torch.erf(net / math.sqrt(2.0)))
    pdf = torch.exp(-0.5 * net * net) / math.sqrt(2.0 * math.pi)
    return cdf + net * pdf


def silu_derivative(net: Tensor, out: Tensor) -> Tensor:
    s = torch.sigmoid(net)
    return s * (1 + net * (1 - s))


def softplus_derivative(net: Tensor, out: Tensor) -> Tensor:
    # Mirror F.softplus, which is linear above the threshold.
    return torch.sigmoid(net).masked_fill(net > SOFTPLUS_THRESHOLD, 1.0)


def softmax_jacobian(net: Tensor, out: Tensor) -> Tensor:
    return torch.diag_embed(out) - out.unsqueeze(-1) * out.unsqueeze(-2)


def log_softmax_jacobian(net: Tensor, out: Tensor) -> Tensor:
    p = torch.exp(out)
    eye = torch.eye(p.shape[-1], dtype=p.dtype, device=p.device)
    return eye - p.unsqueeze(-2)
