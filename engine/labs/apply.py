"""An activation function as an nn.Module, so a lab's network is one nn.Sequential."""

from __future__ import annotations

from collections.abc import Callable

from torch import Tensor, nn


class Apply(nn.Module):
    def __init__(self, fn: Callable[[Tensor], Tensor]) -> None:
        super().__init__()
        self.fn = fn

    def forward(self, x: Tensor) -> Tensor:
        return self.fn(x)
