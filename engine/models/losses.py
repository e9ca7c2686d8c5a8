"""Loss functions: a value for autograd and the closed-form ∂E/∂out that starts the chain rule.

`out` and `target` are (n,) for one sample or (B, n) for a batch, both float tensors;
targets for cross_entropy and nll are probabilities (one-hot for a class label).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import Tensor

from engine.core.errors import EngineError

Pairwise = Callable[[Tensor, Tensor], Tensor]  # (out, target) -> value or gradient


class UnknownLossError(EngineError):
    """A loss name that is not one of LOSS_NAMES."""


@dataclass(frozen=True)
class Loss:
    """One loss function with the formula and the PyTorch line a learner sees."""

    name: str
    title: str
    formula: str
    torch_code: str
    _value: Pairwise = field(repr=False, compare=False)
    _grad: Pairwise = field(repr=False, compare=False)

    def value(self, out: Tensor, target: Tensor) -> Tensor:
        """E as a 0-dim tensor, differentiable by autograd."""
        _check_shapes(out, target)
        return self._value(out, target)

    def grad_output(self, out: Tensor, target: Tensor) -> Tensor:
        """∂E/∂out in closed form, the same shape as `out`."""
        _check_shapes(out, target)
        return self._grad(out, target)


def _check_shapes(out: Tensor, target: Tensor) -> None:
    if out.dim() not in (1, 2) or out.shape != target.shape:
        raise ValueError(
            f"out and target must share a shape (n,) or (B, n), got {tuple(out.shape)} "
            f"and {tuple(target.shape)}"
        )


def _batch(out: Tensor) -> int:
    """Samples that the batch-averaged losses divide by: a 1-D out is one sample."""
    return out.shape[0] if out.dim() == 2 else 1


def _cross_entropy_grad(out: Tensor, target: Tensor) -> Tensor:
    # Σ target is 1 for probabilities, but F.cross_entropy does not require it.
    p = torch.softmax(out, dim=-1)
    return (p * target.sum(dim=-1, keepdim=True) - target) / _batch(out)


_LOSSES: dict[str, Loss] = {
    "half_sse": Loss(
        name="half_sse",
        title="Half sum of squared errors",
        formula="E = Σ ½(target − out)²",
        torch_code="loss = 0.5 * ((target - out) ** 2).sum()",
        _value=lambda out, target: 0.5 * ((target - out) ** 2).sum(),
        _grad=lambda out, target: out - target,
    ),
    "mse": Loss(
        name="mse",
        title="Mean squared error",
        formula="E = (1/n) Σ (target − out)²",
        torch_code="loss = F.mse_loss(out, target)",
        _value=F.mse_loss,
        _grad=lambda out, target: 2 * (out - target) / out.numel(),
    ),
    "cross_entropy": Loss(
        name="cross_entropy",
        title="Cross-entropy",
        formula="E = −Σ target·log softmax(out)",
        torch_code="loss = F.cross_entropy(out, target)",
        _value=F.cross_entropy,
        _grad=_cross_entropy_grad,
    ),
    "nll": Loss(
        name="nll",
        title="Negative log-likelihood",
        formula="E = −Σ target·out",
        torch_code="loss = F.nll_loss(out, target)",
        # F.nll_loss wants class indices; with one-hot targets this is the same number.
        _value=lambda out, target: -(target * out).sum() / _batch(out),
        _grad=lambda out, target: -target / _batch(out),
    ),
}

LOSS_NAMES: tuple[str, ...] = tuple(_LOSSES)
CLASS_LOSSES = ("cross_entropy", "nll")  # losses whose targets are class probabilities
_ON_CLASSES: dict[str, Pairwise] = {
    "cross_entropy": lambda out, target: F.cross_entropy(out, target.argmax(dim=-1)),
    "nll": lambda out, target: F.nll_loss(out, target.argmax(dim=-1)),
}


def on_class_indices(loss: Loss) -> Loss:
    """`loss` for a dataset whose targets are one-hot rows, handed to torch as class indices.

    A learner's loop gives F.cross_entropy and F.nll_loss the class of each sample; the same
    targets as one-hot probabilities give the same loss only up to rounding (torch sums in
    another order). The gradient is the same either way.
    """
    return dataclasses.replace(loss, _value=_ON_CLASSES[loss.name])


def get_loss(name: str) -> Loss:
    """The loss called `name`, one of LOSS_NAMES."""
    if not isinstance(name, str) or name not in _LOSSES:
        raise UnknownLossError(f"unknown loss {name!r}: choose one of {', '.join(LOSS_NAMES)}")
    return _LOSSES[name]
