"""Gradient norm per layer of a deep chain after one backward pass: where gradients vanish.

Each layer is Linear(width, width) then the activation. The loss is ½·mean over the batch of
‖output‖², so every layer's weight gradient comes from one real loss.backward().
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from engine.labs.apply import Apply
from engine.models.activations import get_activation

INITS = ("default", "xavier", "kaiming")
MAX_DEPTH = 30
BATCH = 64


@dataclass(frozen=True)
class GradientProfile:
    """‖∂L/∂W_l‖ for layers l = 1 (next to the input) .. depth (next to the loss)."""

    activation: str
    init: str
    depth: int
    width: int
    norms: np.ndarray  # (depth,)
    loss: float

    @property
    def first_to_last(self) -> float:
        """‖∂L/∂W_1‖ / ‖∂L/∂W_depth‖: far below 1 when gradients vanish on the way back."""
        return float(self.norms[0] / self.norms[-1])


def build_chain(depth: int, width: int, activation: str, init: str, seed: int) -> nn.Sequential:
    if not 1 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be 1 to {MAX_DEPTH}, got {depth}")
    if init not in INITS:
        raise ValueError(f"unknown init {init!r}: choose one of {', '.join(INITS)}")
    act = get_activation(activation)
    generator = torch.Generator().manual_seed(seed)
    layers: list[nn.Module] = []
    for _ in range(depth):
        linear = nn.Linear(width, width, dtype=torch.float64)
        _initialise(linear, init, generator)
        layers += [linear, Apply(act.forward)]
    return nn.Sequential(*layers)


def _initialise(linear: nn.Linear, init: str, generator: torch.Generator) -> None:
    with torch.no_grad():
        if init == "default":  # what nn.Linear does, drawn from the seeded generator
            nn.init.kaiming_uniform_(linear.weight, a=math.sqrt(5), generator=generator)
            bound = 1 / math.sqrt(linear.in_features)
            nn.init.uniform_(linear.bias, -bound, bound, generator=generator)
            return
        if init == "xavier":  # Glorot: Var(w) = 2 / (fan_in + fan_out), for tanh-like units
            nn.init.xavier_normal_(linear.weight, generator=generator)
        else:  # He: Var(w) = 2 / fan_in, so ReLU's halving of the variance is undone
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu", generator=generator)
        nn.init.zeros_(linear.bias)


def gradient_profile(
    depth: int, width: int, activation: str, init: str = "default", seed: int = 0
) -> GradientProfile:
    chain = build_chain(depth, width, activation, init, seed)
    generator = torch.Generator().manual_seed(seed + 1)
    x = torch.randn(BATCH, width, dtype=torch.float64, generator=generator)
    loss = 0.5 * chain(x).pow(2).sum(dim=1).mean()
    linears = [m for m in chain if isinstance(m, nn.Linear)]
    grads = torch.autograd.grad(loss, [lin.weight for lin in linears])
    norms = np.array([float(torch.linalg.vector_norm(g)) for g in grads])
    return GradientProfile(get_activation(activation).name, init, depth, width, norms, loss.item())


def compare(
    depth: int,
    width: int,
    init: str,
    activations: tuple[str, ...] = ("sigmoid", "tanh", "relu"),
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> dict[str, GradientProfile] | None:
    """The same chain, init and input for each activation, side by side; None when stopped."""
    profiles = {}
    for done, name in enumerate(activations, start=1):
        if should_stop is not None and should_stop():
            return None
        profiles[name] = gradient_profile(depth, width, name, init, seed)
        if progress is not None:
            progress(done, len(activations))
    return profiles
