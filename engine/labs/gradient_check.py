"""Gradient check of the current model: finite differences, autograd and the hand chain rule.

The check runs on a frozen copy of the stepper's model (so a worker thread may run it while the
stepper trains on) and in float64 through torch.func.functional_call, whatever the model's dtype.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor
from torch.func import functional_call

from engine.models.build import build_model
from engine.models.function_model import FunctionModel
from engine.models.losses import Loss
from engine.models.mlp import MLP
from engine.training.stepper import Stepper

# Five-point central differences: truncation ~h⁴, rounding ~ε/h; both near 1e-13 at this h.
STEP = 1e-3
# Relative errors below this agree, in float64; float32 models run the chain rule in float32.
TOLERANCE = {torch.float64: 1e-6, torch.float32: 1e-4}
# Gradients smaller than this (times the loss) are compared as if they were this big: a true 0
# meets finite-difference rounding noise of ~1e-14, which is agreement, not a 100 % error.
FLOOR = 1e-6
MAX_CHECKED = 400  # four loss evaluations per parameter: wide models get a spread-out sample


@dataclass(frozen=True)
class ParameterCheck:
    label: str
    trained: bool
    finite_difference: float
    autograd: float
    chain_rule: float
    error_autograd: float  # relative error of autograd against finite differences
    error_chain: float  # relative error of the chain rule against autograd
    tolerance: float

    @property
    def ok(self) -> bool:
        return max(self.error_autograd, self.error_chain) < self.tolerance


@dataclass(frozen=True)
class GradientCheck:
    loss: float
    rows: tuple[ParameterCheck, ...]
    total: int  # parameters in the model; rows may hold an evenly spread subset

    @property
    def worst(self) -> float:
        return max(max(r.error_autograd, r.error_chain) for r in self.rows)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.rows)


def relative_error(a: float, b: float, floor: float = FLOOR) -> float:
    """|a − b| / max(|a|, |b|, floor): the floor keeps gradients near 0 from inflating it."""
    return abs(a - b) / max(abs(a), abs(b), floor)


@dataclass(frozen=True)
class FrozenModel:
    """An independent copy of what the check needs: model, data and loss."""

    model: MLP | FunctionModel
    x: Tensor
    target: Tensor
    loss_fn: Loss


def freeze(stepper: Stepper) -> FrozenModel:
    """Copy the stepper's model at its current parameters; call it where the stepper lives."""
    model = build_model(stepper.config)
    model.load_values(stepper.model.values())
    x, target = stepper.x.detach().clone(), stepper.target.detach().clone()
    return FrozenModel(model, x, target, stepper.loss_fn)


class _LossAt:
    """The loss as a function of one flat float64 parameter vector."""

    def __init__(self, frozen: FrozenModel) -> None:
        self.model = frozen.model
        self.names = [name for name, _ in self.model.named_parameters()]
        self.shapes = [p.shape for _, p in self.model.named_parameters()]
        self.x = frozen.x.double()
        self.target = frozen.target.double()
        self.loss_fn = frozen.loss_fn

    def __call__(self, flat: Tensor) -> Tensor:
        tensors, offset = {}, 0
        for name, shape in zip(self.names, self.shapes, strict=True):
            tensors[name] = flat[offset : offset + shape.numel()].reshape(shape)
            offset += shape.numel()
        if offset != flat.numel():
            raise ValueError(f"{flat.numel()} values for {offset} parameters")
        out = functional_call(self.model, tensors, (self.x,))
        return self.loss_fn.value(out, self.target)


def gradient_check(
    source: Stepper | FrozenModel,
    step: float = STEP,
    limit: int = MAX_CHECKED,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> GradientCheck | None:
    """Every (or `limit` evenly spread) parameter checked; None when stopped early."""
    frozen = freeze(source) if isinstance(source, Stepper) else source
    model = frozen.model
    loss_at = _LossAt(frozen)
    values = torch.from_numpy(model.values())
    point = values.clone().requires_grad_(True)
    loss = loss_at(point)
    (autograd,) = torch.autograd.grad(loss, [point])
    chain = model.chain_rule(frozen.x, frozen.target, frozen.loss_fn).grads
    floor = FLOOR * max(1.0, abs(loss.item()))
    tolerance = TOLERANCE.get(model.dtype, TOLERANCE[torch.float32])
    chosen = _spread(len(model.params), limit)
    rows = []
    with torch.no_grad():
        for done, i in enumerate(chosen, start=1):
            if should_stop is not None and should_stop():
                return None
            fd = _central_difference(loss_at, values, i, step)
            ag, cr = float(autograd[i]), float(chain[i])
            errors = relative_error(ag, fd, floor), relative_error(cr, ag, floor)
            info = model.params[i]
            rows.append(
                ParameterCheck(info.label, model.trainable(info), fd, ag, cr, *errors, tolerance)
            )
            if progress is not None:
                progress(done, len(chosen))
    return GradientCheck(loss.item(), tuple(rows), len(model.params))


def _spread(count: int, limit: int) -> list[int]:
    return np.unique(np.linspace(0, count - 1, min(limit, count)).round().astype(int)).tolist()


def _central_difference(loss_at: _LossAt, values: Tensor, i: int, step: float) -> float:
    """(−E(θ+2h) + 8E(θ+h) − 8E(θ−h) + E(θ−2h)) / 12h along parameter i."""

    def at(shift: float) -> float:
        moved = values.clone()
        moved[i] += shift
        return float(loss_at(moved))

    return (-at(2 * step) + 8 * at(step) - 8 * at(-step) + at(-2 * step)) / (12 * step)
