"""Softmax lab: the Jacobian built row by row with autograd.grad equals diag(p) − p pᵀ."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.labs.softmax_jacobian import NOTES_LOGITS, parse_logits, softmax_report


def numpy_softmax(a: np.ndarray) -> np.ndarray:
    e = np.exp(a - a.max())
    return e / e.sum()


def test_the_notes_example() -> None:
    report = softmax_report(NOTES_LOGITS, target=0)
    e = [math.exp(v) for v in NOTES_LOGITS]
    expected = np.array(e) / sum(e)
    np.testing.assert_allclose(report.p, expected, rtol=1e-15)
    assert report.p == pytest.approx([0.8789, 0.1189, 0.0022], abs=1e-4)
    p = report.p
    np.testing.assert_allclose(report.jacobian, np.diag(p) - np.outer(p, p), rtol=0, atol=1e-15)
    assert report.jacobian[0, 0] == pytest.approx(p[0] * (1 - p[0]), abs=1e-15)
    assert report.jacobian[0, 1] == pytest.approx(-p[0] * p[1], abs=1e-15)
    np.testing.assert_allclose(report.log_p, np.log(expected), rtol=1e-14)


def random_cases(count: int = 60) -> list[tuple[list[float], int]]:
    rng = np.random.default_rng(6)
    sizes = rng.integers(2, 9, count)
    return [(rng.uniform(-20, 20, n).tolist(), int(rng.integers(0, n))) for n in sizes]


@pytest.mark.parametrize("logits, target", random_cases())
def test_jacobian_and_cross_entropy_gradient(logits: list[float], target: int) -> None:
    report = softmax_report(logits, target)
    p = numpy_softmax(np.array(logits))
    np.testing.assert_allclose(report.p, p, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(report.jacobian, np.diag(p) - np.outer(p, p), atol=1e-12)
    assert report.jacobian_error <= 1e-12
    np.testing.assert_allclose(report.jacobian, report.jacobian.T, atol=1e-15)
    np.testing.assert_allclose(report.jacobian.sum(axis=0), 0, atol=1e-12)  # Σp = 1 always
    y = np.eye(len(logits))[target]
    np.testing.assert_allclose(report.ce_gradient, p - y, atol=1e-12)
    assert report.ce_gradient_error <= 1e-12
    log_sum = np.log(np.sum(np.exp(np.array(logits) - max(logits)))) + max(logits)
    assert report.cross_entropy == pytest.approx(log_sum - logits[target], abs=1e-12)


def test_parse_logits() -> None:
    assert parse_logits("3, 1, -3") == (3.0, 1.0, -3.0)
    assert parse_logits("3 1 −3") == (3.0, 1.0, -3.0)
    for bad in ("3", "a, b", "1, inf", ",".join(["1"] * 11)):
        with pytest.raises(ValueError):
            parse_logits(bad)
    with pytest.raises(ValueError, match="target"):
        softmax_report((1.0, 2.0), target=2)
