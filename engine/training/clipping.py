"""Gradient clipping with the real torch.nn.utils functions, and what it did, for the formulas.

The update formula shows the clipped gradient with its origin, so the clip reports the total
2-norm of all gradients before and after, and the factor norm clipping multiplied every
gradient by, computed with the same tensor operations `clip_grad_norm_` uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import torch
from torch import Tensor

from engine.models.clip_limits import check_clip_limits

EPS = 1e-6  # clip_grad_norm_'s guard: max_norm / (total_norm + 1e-6)


@dataclass(frozen=True)
class Clipped:
    """What one clip did to the gradients the optimizer is about to read."""

    kind: str  # "norm" or "value"
    limit: float  # max_norm or clip_value
    norm_before: float  # total 2-norm of all gradients before clipping
    norm_after: float
    scale: float  # min(1, max_norm / (norm + 1e-6)) as torch applies it; 1.0 for value clipping


def clip_gradients(
    parameters: list[Tensor], max_norm: float = 0.0, max_value: float = 0.0
) -> Clipped | None:
    """Clip the .grad of `parameters` in place as the learner's loop would; None when both
    limits are 0. Both at once is refused (engine.models.clip_limits)."""
    check_clip_limits(max_norm, max_value)
    if not max_norm and not max_value:
        return None
    parameters = list(parameters)
    if max_norm:
        total = torch.nn.utils.clip_grad_norm_(parameters, max_norm)
        scale = torch.clamp(max_norm / (total + EPS), max=1.0)  # as torch computed it
        after = total_norm(parameters)
        return Clipped("norm", float(max_norm), float(total), after, float(scale))
    before = total_norm(parameters)
    torch.nn.utils.clip_grad_value_(parameters, max_value)
    return Clipped("value", float(max_value), before, total_norm(parameters), 1.0)


def total_norm(parameters: Iterable[Tensor]) -> float:
    """The 2-norm of all gradients as one vector, as clip_grad_norm_ measures it."""
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return 0.0
    norms = [torch.linalg.vector_norm(g) for g in grads]
    return float(torch.linalg.vector_norm(torch.stack(norms)))


def clip_code(max_norm: float, max_value: float) -> str:
    """The line the loop shows between backward() and step(); '' when clipping is off."""
    if max_norm:
        return f"torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm={float(max_norm)!r})"
    if max_value:
        return (
            f"torch.nn.utils.clip_grad_value_(model.parameters(), clip_value={float(max_value)!r})"
        )
    return ""
