"""Shared checks: every formula a Snapshot shows evaluates to its result and shows its numbers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from engine.core.formula import Call, Expr, Neg, Num, Op, evaluate_python, fmt, par
from engine.core.snapshot import Snapshot
from engine.models.config import Config
from engine.training.stepper import Stepper

_PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def walk(config: Config, iterations: int = 3) -> Iterator[Snapshot]:
    """Every micro-step of `iterations` iterations."""
    stepper = Stepper(config)
    while stepper.snapshot.completed < iterations:
        yield stepper.step_phase()


def leaves(expr: Expr) -> Iterator[Num]:
    if isinstance(expr, Num):
        yield expr
    elif isinstance(expr, Call):
        for argument in expr.arguments:
            yield from leaves(argument)
    elif isinstance(expr, Neg):
        yield from leaves(expr.operand)
    else:
        assert isinstance(expr, Op)
        yield from leaves(expr.left)
        yield from leaves(expr.right)


def check_formulas(snap: Snapshot, dtype: str) -> None:
    """Each tree evaluates to its result (relative 1e-12 in float64), as its Python text does,
    and its text shows the tree's numbers rounded and ends with the result."""
    for formula in snap.formulas:
        value = formula.expression.value()
        # float32 rounds each operation to 24 bits: allow that on the largest term
        scale = max(abs(leaf.number) for leaf in leaves(formula.expression))
        slack = 0.0 if dtype == "float64" else 4e-7 * max(scale, 1.0)
        rel = 1e-12 if dtype == "float64" else 2e-6
        assert value == pytest.approx(formula.result, rel=rel, abs=slack), formula.text()
        assert evaluate_python(formula.python()) == pytest.approx(value, rel=1e-15, abs=0)
        text = formula.text().translate(_PLAIN_DIGITS)
        assert text.endswith(f"= {fmt(formula.result)}")
        for leaf in leaves(formula.expression):
            assert par(leaf.number) in text or fmt(leaf.number) in text, (leaf, text)
