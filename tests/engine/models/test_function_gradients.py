"""Each test function's ∂f/∂x and ∂f/∂y as formula trees: every tree evaluates to the number it
shows, and that number is the gradient torch.autograd gives for the function written out here,
independently of engine.models.test_functions."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from helpers.formula_checks import check_formulas, leaves, walk

from engine.core.formula import Formula, Num, evaluate_python, factors_with_origins, fmt, par
from engine.core.latex import formula_latex
from engine.models.function_gradients import PARTIALS, partial_formulas
from engine.models.presets import PRESETS
from engine.models.test_functions import FUNCTIONS

PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

# The functions as the literature writes them, typed out again for the check.
WRITTEN_OUT = {
    "parabola": lambda x, y: x**2,
    "bowl": lambda x, y: x**2 + y**2,
    "ill_conditioned": lambda x, y: x**2 + 20 * y**2,
    "rosenbrock": lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    "beale": lambda x, y: (
        (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y * y * y) ** 2
    ),
    "saddle": lambda x, y: x * x - y * y,
    "monkey_saddle": lambda x, y: x**3 - 3 * x * y**2,
    "himmelblau": lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    "rastrigin": lambda x, y: (
        20 + x * x - 10 * torch.cos(2 * math.pi * x) + y * y - 10 * torch.cos(2 * math.pi * y)
    ),
}


def autograd_gradient(name: str, point: tuple[float, ...]) -> list[float]:
    coords = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in point]
    y = coords[1] if len(coords) > 1 else torch.tensor(0.0, dtype=torch.float64)
    value = WRITTEN_OUT[name](coords[0], y)
    return [float(g) for g in torch.autograd.grad(value, coords)]


def points(name: str) -> list[tuple[float, ...]]:
    dims = FUNCTIONS[name].dims
    rng = np.random.default_rng(len(name))
    chosen = [FUNCTIONS[name].start, *map(tuple, rng.uniform(-2.5, 2.5, size=(4, 2)))]
    return [tuple(float(v) for v in p[:dims]) for p in chosen]


def origins_within(formula: Formula):
    for factor in factors_with_origins(formula.expression):
        assert factor.origin is not None
        yield factor, factor.origin
        yield from origins_within(factor.origin)


def test_every_test_function_has_its_partials_as_trees():
    assert set(PARTIALS) == set(FUNCTIONS)


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_each_partial_evaluates_to_autograds_gradient(name):
    for point in points(name):
        formulas = partial_formulas(name, point)
        truth = autograd_gradient(name, point)
        assert [f.label for f in formulas] == ["∂f/∂x", "∂f/∂y"][: len(point)]
        for formula, expected in zip(formulas, truth, strict=True):
            scale = max(1.0, *(abs(leaf.number) for leaf in leaves(formula.expression)))
            assert formula.result == pytest.approx(expected, rel=1e-12, abs=1e-12 * scale)
            assert formula.expression.value() == formula.result
            assert evaluate_python(formula.python()) == pytest.approx(formula.result, rel=1e-15)
            text = formula.text().translate(PLAIN_DIGITS)  # x² shows its 2
            assert text.endswith(f"= {fmt(formula.result)}")
            for leaf in leaves(formula.expression):  # every number the tree used is shown
                assert par(leaf.number) in text or fmt(leaf.number) in text
            for factor, origin in origins_within(formula):
                assert origin.result == factor.number
                assert origin.expression.value() == origin.result


def test_rosenbrock_shows_its_partials_symbolically_and_with_numbers():
    dx, dy = partial_formulas("rosenbrock", (-1.5, 2.0))
    # by hand: −2(1 + 1.5) − 400·(−1.5)·(2 − 2.25) = −5 − 150
    assert dx.text() == (
        "∂f/∂x = −2·(1 − x) − 400·x·(y − x²) = −2 × (1 − (-1.5)) − 400 × (-1.5) × "
        "(2 − (-1.5)²) = -155"
    )
    assert dy.text() == "∂f/∂y = 200·(y − x²) = 200 × (2 − (-1.5)²) = -50"
    assert formula_latex(dx) == (
        r"\frac{\partial f}{\partial x} = -2 \cdot (1 - x) - 400 \cdot x \cdot (y - x^{2}) = "
        r"-2 \times (1 - (-1.5)) - 400 \times (-1.5) \times (2 - (-1.5)^{2}) = -155"
    )


def test_named_inner_quantities_expand_to_their_formulas():
    dx, dy = partial_formulas("beale", (1.0, 1.5))
    a, b, c = factors_with_origins(dx.expression)
    assert [n.symbol for n in (a, b, c)] == ["a", "b", "c"]
    assert a.origin.text() == "a = 1.5 − x + x·y = 1.5 − 1 + 1 × 1.5 = 2"
    assert b.number == pytest.approx(2.25 - 1 + 1.5**2) and c.number == pytest.approx(
        2.625 - 1 + 1.5**3
    )
    assert dx.text().startswith("∂f/∂x = 2·a·(y − 1) + 2·b·(y² − 1) + 2·c·(y³ − 1) = 2 × 2 ×")
    # LaTeX says what a is made of: the expanded part replaces a by its sum
    assert r"(1.5 - x + x \cdot y)" in formula_latex(dx)
    himmelblau_x, _ = partial_formulas("himmelblau", (1.0, 2.0))
    a, b = factors_with_origins(himmelblau_x.expression)
    assert a.origin.text() == "a = x² + y − 11 = 1² + 2 − 11 = -8"
    assert b.origin.text() == "b = x + y² − 7 = 1 + 2² − 7 = -2"


def test_rastrigin_uses_sine_and_pi_as_named_leaves():
    dx, _ = partial_formulas("rastrigin", (2.2, 1.7))
    assert dx.text().startswith("∂f/∂x = 2·x + 20·π·sin(2·π·x) = 2 × 2.2 + 20 × 3.141592654 × sin(")
    assert r"\sin\left(2 \cdot \pi \cdot x\right)" in formula_latex(dx)


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_a_stepped_test_function_shows_each_gradient_as_its_tree(name):
    config = PRESETS[name]
    labels = ["x", "y"][: FUNCTIONS[name].dims]
    backward: dict[str, Formula] = {}
    for snap in walk(config, iterations=2):
        check_formulas(snap, config.dtype)
        if snap.phase == "backward" and snap.focus in labels:
            (tree,) = snap.formulas
            point = tuple(snap.params[label] for label in labels)
            truth = autograd_gradient(name, point)[labels.index(snap.focus)]
            assert tree.label == f"∂E/∂{snap.focus}"
            assert tree.result == pytest.approx(truth, rel=1e-12, abs=1e-12)
            assert tree.result == pytest.approx(snap.grads[snap.focus], rel=1e-12, abs=1e-15)
            assert snap.formula.startswith(f"∂E/∂{snap.focus} = ∂f/∂{snap.focus} = ")
            backward[snap.focus] = tree
        if snap.phase == "step":
            # the update's gradient factor expands to the partial the backward step showed
            (factor,) = [n for n in factors_with_origins(snap.formulas[-1].expression)]
            assert factor.symbol == f"∂E/∂{snap.focus}"
            assert factor.origin.expression == backward[snap.focus].expression
            assert factor.origin.result == factor.number == snap.grads[snap.focus]


def test_update_of_beale_expands_down_to_its_named_quantities():
    snaps = [s for s in walk(PRESETS["beale"], iterations=1) if s.phase == "step"]
    (gradient,) = factors_with_origins(snaps[0].formulas[-1].expression)
    inner = [n.symbol for n in factors_with_origins(gradient.origin.expression)]
    assert inner == ["a", "b", "c"]
    assert isinstance(gradient, Num) and gradient.number == snaps[0].grads["x"]
