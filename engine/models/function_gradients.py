"""∂f/∂x and ∂f/∂y of each test function as formula trees, at the point they are read.

A partial derivative written as text beside its number (``−2(1 − x) − 400x(y − x²)`` then
``= 5.0``) cannot be expanded, copied as LaTeX or checked against its number. Here each partial
is a tree over the coordinates, so its symbolic form, its numbers and its value come from the
same nodes. Inner quantities the partial names (Beale's a, b, c; Himmelblau's a, b) are leaves
that carry their own formula, so a learner can expand them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from engine.core.formula import Expr, Formula, Num, call

Partials = Callable[[Num, Num], tuple[Expr, Expr]]  # (x, y) -> (∂f/∂x, ∂f/∂y)


def named(symbol: str, expression: Expr) -> Num:
    """A named quantity (a = 1.5 − x + x·y) whose leaf expands to its formula."""
    value = expression.value()
    return Num(value, symbol, Formula(symbol, f"{symbol} =", expression, value))


def _rosenbrock(x: Num, y: Num) -> tuple[Expr, Expr]:
    return -(2 * (1 - x)) - 400 * x * (y - x**2), 200 * (y - x**2)


def _beale(x: Num, y: Num) -> tuple[Expr, Expr]:
    a = named("a", 1.5 - x + x * y)
    b = named("b", 2.25 - x + x * y**2)
    c = named("c", 2.625 - x + x * y**3)
    dx = 2 * a * (y - 1) + 2 * b * (y**2 - 1) + 2 * c * (y**3 - 1)
    return dx, 2 * a * x + 4 * b * x * y + 6 * c * x * y**2


def _himmelblau(x: Num, y: Num) -> tuple[Expr, Expr]:
    a = named("a", x**2 + y - 11)
    b = named("b", x + y**2 - 7)
    return 4 * x * a + 2 * b, 2 * a + 4 * y * b


def _rastrigin(x: Num, y: Num) -> tuple[Expr, Expr]:
    pi = Num(math.pi, "π")

    def slope(v: Num) -> Expr:
        return 2 * v + 20 * pi * call("sin", 2 * pi * v)

    return slope(x), slope(y)


PARTIALS: dict[str, Partials] = {
    "parabola": lambda x, y: (2 * x, Num(0.0)),
    "bowl": lambda x, y: (2 * x, 2 * y),
    "ill_conditioned": lambda x, y: (2 * x, 40 * y),
    "rosenbrock": _rosenbrock,
    "beale": _beale,
    "saddle": lambda x, y: (2 * x, -(2 * y)),
    "monkey_saddle": lambda x, y: (3 * x**2 - 3 * y**2, -(6 * x * y)),
    "himmelblau": _himmelblau,
    "rastrigin": _rastrigin,
}


def partial_formulas(function: str, point: tuple[float, ...]) -> tuple[Formula, ...]:
    """∂f/∂x (and ∂f/∂y for two coordinates) at `point`, each evaluating to its result."""
    x = Num(float(point[0]), "x")
    y = Num(float(point[1]) if len(point) > 1 else 0.0, "y")
    trees = PARTIALS[function](x, y)[: len(point)]
    return tuple(
        Formula(f"∂f/∂{name}", f"∂f/∂{name} =", tree, tree.value())
        for name, tree in zip("xy", trees, strict=False)
    )
