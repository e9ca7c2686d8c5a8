"""Lookahead (Zhang et al. 2019): k fast steps of any optimizer, then pull slow weights toward them.

torch.optim has no Lookahead, so it is written once here, around a real torch optimizer.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import Tensor
from torch.optim import Optimizer


class Lookahead:
    """Wraps `inner`: after every k-th step, slow ← slow + α·(fast − slow) and fast ← slow."""

    def __init__(self, inner: Optimizer, k: int = 5, alpha: float = 0.5) -> None:
        self.inner = inner
        self.k = k
        self.alpha = alpha
        self.fast_steps = 0
        self.slow: dict[Tensor, Tensor] = {
            p: p.detach().clone() for group in inner.param_groups for p in group["params"]
        }

    @property
    def param_groups(self) -> list[dict[str, Any]]:
        return self.inner.param_groups

    @property
    def state(self) -> Any:
        return self.inner.state

    def zero_grad(self, set_to_none: bool = True) -> None:
        self.inner.zero_grad(set_to_none=set_to_none)

    @torch.no_grad()
    def step(self) -> None:
        self.inner.step()
        self.fast_steps += 1
        if self.fast_steps % self.k:
            return
        for fast, slow in self.slow.items():
            slow.add_(fast - slow, alpha=self.alpha)
            fast.copy_(slow)

    def slow_weights(self, param: Tensor) -> Tensor:
        return self.slow[param]

    def state_dict(self) -> dict[str, Any]:
        return {
            "inner": self.inner.state_dict(),
            "fast_steps": self.fast_steps,
            "slow": [s.clone() for s in self.slow.values()],
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.inner.load_state_dict(state["inner"])
        self.fast_steps = int(state["fast_steps"])
        with torch.no_grad():
            for slow, saved in zip(self.slow.values(), state["slow"], strict=True):
                slow.copy_(saved)
