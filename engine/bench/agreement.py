"""Whether a pair's two sides computed the same numbers, in words for the report."""

from __future__ import annotations

import numpy as np

IDENTICAL = "identical numbers"


def compare(a: np.ndarray, b: np.ndarray) -> tuple[bool, str]:
    """(agree, words): bit-identical, or equal to within a few rounding steps."""
    if a.shape == b.shape and np.array_equal(a, b):
        return True, IDENTICAL
    if a.shape != b.shape:
        return False, f"different shapes {a.shape} and {b.shape}"
    diff = float(np.max(np.abs(a - b)))
    scale = float(np.max(np.abs(b))) or 1.0
    ulps = diff / (scale * np.finfo(np.float64).eps)
    return ulps <= 8, f"max |Δ| = {diff:.2g} ({ulps:.0f} ulp of the largest value)"
