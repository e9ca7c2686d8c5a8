"""Two-parameter test functions from the optimisation literature, for surfaces and races.

Each function takes tensors x and y of any (broadcastable) shape, so one call evaluates a
whole grid or a whole batch of optimizer trajectories at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import Tensor

from engine.core.errors import EngineError

Fn = Callable[[Tensor, Tensor], Tensor]
Grad = Callable[[float, float], tuple[float, float]]


@dataclass(frozen=True)
class TestFunction:
    name: str
    title: str
    formula: str
    fn: Fn
    minima: tuple[tuple[float, float], ...]  # where the literature puts the minima (or saddles)
    start: tuple[float, float]  # a starting point that shows the function's character
    bounds: tuple[float, float, float, float]  # x0, x1, y0, y1 of the default view
    lr: float  # a learning rate plain SGD handles from `start`
    note: str
    gradient: Grad = lambda x, y: (math.nan, math.nan)  # closed form, never autograd
    dims: int = 2  # 1: only x is a parameter (the parabola)
    has_minimum: bool = True  # False for saddles: "minima" then lists the stationary point

    __test__ = False  # not a pytest test class, despite the name

    def __call__(self, x: Tensor, y: Tensor) -> Tensor:
        return self.fn(x, y)


def _rastrigin(x: Tensor, y: Tensor) -> Tensor:
    two_pi = 2 * math.pi
    return 20 + x**2 - 10 * torch.cos(two_pi * x) + y**2 - 10 * torch.cos(two_pi * y)


def _beale(x: Tensor, y: Tensor) -> Tensor:
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def _beale_gradient(x: float, y: float) -> tuple[float, float]:
    a, b, c = 1.5 - x + x * y, 2.25 - x + x * y**2, 2.625 - x + x * y**3
    dx = 2 * a * (y - 1) + 2 * b * (y**2 - 1) + 2 * c * (y**3 - 1)
    return dx, 2 * a * x + 4 * b * x * y + 6 * c * x * y**2


def _himmelblau_gradient(x: float, y: float) -> tuple[float, float]:
    a, b = x**2 + y - 11, x + y**2 - 7
    return 4 * x * a + 2 * b, 2 * a + 4 * y * b


def _rastrigin_gradient(x: float, y: float) -> tuple[float, float]:
    two_pi = 2 * math.pi
    return 2 * x + 10 * two_pi * math.sin(two_pi * x), 2 * y + 10 * two_pi * math.sin(two_pi * y)


FUNCTIONS: dict[str, TestFunction] = {
    f.name: f
    for f in (
        TestFunction(
            "parabola", "Parabola", "f(x) = x²", lambda x, y: x**2 + 0 * y,
            ((0.0, 0.0),), (-1.5, 0.0), (-2, 2, -1, 1), 0.1,
            "One parameter: the tangent's slope is the gradient, and each step follows it.",
            gradient=lambda x, y: (2 * x, 0.0), dims=1,
        ),
        TestFunction(
            "bowl", "Bowl", "f(x, y) = x² + y²", lambda x, y: x**2 + y**2,
            ((0.0, 0.0),), (1.5, 1.0), (-2, 2, -2, 2), 0.1,
            "Round contours: the gradient points straight at the minimum.",
            gradient=lambda x, y: (2 * x, 2 * y),
        ),
        TestFunction(
            "ill_conditioned", "Ill-conditioned quadratic", "f(x, y) = x² + 20·y²",
            lambda x, y: x**2 + 20 * y**2,
            ((0.0, 0.0),), (-1.8, 0.4), (-2, 2, -1, 1), 0.045,
            "One direction is 20× steeper: SGD zig-zags across it; momentum and Adam do not.",
            gradient=lambda x, y: (2 * x, 40 * y),
        ),
        TestFunction(
            "rosenbrock", "Rosenbrock", "f(x, y) = (1 − x)² + 100·(y − x²)²",
            lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
            ((1.0, 1.0),), (-1.5, 2.0), (-2, 2, -1, 3), 0.0015,
            "A curved, flat-bottomed valley: easy to fall into, slow to follow to (1, 1).",
            gradient=lambda x, y: (-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)),
        ),
        TestFunction(
            "beale", "Beale", "f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
            _beale, ((3.0, 0.5),), (1.0, 1.5), (-4.5, 4.5, -4.5, 4.5), 0.001,
            "Sharp ridges and flat plateaus; the minimum is at (3, 0.5).",
            gradient=_beale_gradient,
        ),
        TestFunction(
            "saddle", "Saddle", "f(x, y) = x² − y²", lambda x, y: x**2 - y**2,
            ((0.0, 0.0),), (1.5, 1e-3), (-2, 2, -2, 2), 0.1,
            "A saddle point at the origin: the gradient vanishes there, but it is no minimum.",
            gradient=lambda x, y: (2 * x, -2 * y), has_minimum=False,
        ),
        TestFunction(
            "monkey_saddle", "Monkey saddle", "f(x, y) = x³ − 3·x·y²",
            lambda x, y: x**3 - 3 * x * y**2,
            ((0.0, 0.0),), (0.8, 0.3), (-1.5, 1.5, -1.5, 1.5), 0.05,
            "Three valleys meet at a flat saddle: the gradient and the curvature both vanish.",
            gradient=lambda x, y: (3 * x**2 - 3 * y**2, -6 * x * y), has_minimum=False,
        ),
        TestFunction(
            "himmelblau", "Himmelblau", "f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
            lambda x, y: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2,
            ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)),
            (0.0, 0.0), (-5, 5, -5, 5), 0.01,
            "Four equally deep minima: which one you reach depends on where you start.",
            gradient=_himmelblau_gradient,
        ),
        TestFunction(
            "rastrigin", "Rastrigin", "f(x, y) = 20 + x² − 10·cos 2πx + y² − 10·cos 2πy",
            _rastrigin, ((0.0, 0.0),), (2.2, 1.7), (-5.12, 5.12, -5.12, 5.12), 0.002,
            "Many local minima on a bowl: gradient descent stops in the nearest one.",
            gradient=_rastrigin_gradient,
        ),
    )
}  # fmt: skip


def get_function(name: str) -> TestFunction:
    try:
        return FUNCTIONS[name]
    except KeyError:
        raise EngineError(
            f"unknown test function {name!r}: choose one of {', '.join(FUNCTIONS)}"
        ) from None
