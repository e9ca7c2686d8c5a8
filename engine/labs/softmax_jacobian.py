"""Softmax, log_softmax, the Jacobian ∂pᵢ/∂aⱼ and the cross-entropy gradient p − y.

The Jacobian is built row by row with torch.autograd.grad(p[i], a, retain_graph=True), as the
notes do, and set beside the closed form diag(p) − p pᵀ.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

NOTES_LOGITS = (3.0, 1.0, -3.0)  # the notes' example input


@dataclass(frozen=True)
class SoftmaxReport:
    logits: np.ndarray  # a
    p: np.ndarray  # softmax(a)
    log_p: np.ndarray  # log_softmax(a)
    jacobian: np.ndarray  # autograd, row i = ∂p_i/∂a
    closed_form: np.ndarray  # diag(p) − p pᵀ
    target: int
    cross_entropy: float  # −log p_target, from F.cross_entropy
    ce_gradient: np.ndarray  # autograd ∂CE/∂a
    p_minus_y: np.ndarray  # closed form

    @property
    def jacobian_error(self) -> float:
        return float(np.abs(self.jacobian - self.closed_form).max())

    @property
    def ce_gradient_error(self) -> float:
        return float(np.abs(self.ce_gradient - self.p_minus_y).max())


def parse_logits(text: str) -> tuple[float, ...]:
    """ "3, 1, -3" -> (3.0, 1.0, -3.0); commas or spaces; 2 to 10 finite numbers."""
    parts = [p for p in text.replace(",", " ").replace("−", "-").split() if p]
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        raise ValueError(f"not a list of numbers: {text!r}") from None
    if not 2 <= len(values) <= 10:
        raise ValueError(f"give 2 to 10 numbers, got {len(values)}")
    if not all(math.isfinite(v) for v in values):
        raise ValueError("every number must be finite")
    return values


def softmax_report(logits: Sequence[float], target: int = 0) -> SoftmaxReport:
    if not 0 <= target < len(logits):
        raise ValueError(f"the target class must be 0 to {len(logits) - 1}, got {target}")
    a = torch.tensor(list(logits), dtype=torch.float64, requires_grad=True)
    p = F.softmax(a, dim=0)
    rows = [torch.autograd.grad(p[i], [a], retain_graph=True)[0] for i in range(len(logits))]
    jacobian = torch.stack(rows).numpy()
    p_np = p.detach().numpy()
    ce = F.cross_entropy(a.unsqueeze(0), torch.tensor([target]))
    (ce_grad,) = torch.autograd.grad(ce, [a])
    y = np.zeros(len(logits))
    y[target] = 1.0
    return SoftmaxReport(
        logits=a.detach().numpy().copy(),
        p=p_np.copy(),
        log_p=F.log_softmax(a.detach(), dim=0).numpy().copy(),
        jacobian=jacobian.copy(),
        closed_form=np.diag(p_np) - np.outer(p_np, p_np),
        target=target,
        cross_entropy=ce.item(),
        ce_gradient=ce_grad.numpy().copy(),
        p_minus_y=p_np - y,
    )
