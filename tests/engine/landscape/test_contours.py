"""Vectorised marching squares gives pyqtgraph's own isocurve segments, all cells at once."""

from __future__ import annotations

import numpy as np
import pytest
from pyqtgraph.functions import isocurve  # the reference: pyqtgraph's per-cell Python loop

from engine.landscape.contours import contour_segments


def as_set(segments) -> set[tuple[tuple[float, float], ...]]:
    rounded = np.round(np.asarray(segments, dtype=float).reshape(-1, 2, 2), 9)
    return {tuple(sorted((tuple(a), tuple(b)))) for a, b in rounded}


def himmelblau_grid() -> np.ndarray:
    x, y = np.meshgrid(np.linspace(-5, 5, 41), np.linspace(-4, 6, 37), indexing="ij")
    noise = np.random.default_rng(0).normal(0.0, 0.01, x.shape)
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2 + noise


@pytest.mark.parametrize("level", [0.5, 10.0, 80.0, 300.0, 900.0])
def test_the_same_segments_as_pyqtgraph(level):
    data = himmelblau_grid()
    expected = isocurve(data, level, connected=False, extendToEdge=True)
    found = contour_segments(data, level)
    assert found.shape[1:] == (2, 2) and len(found) == len(expected) > 0
    assert as_set(found) == as_set(expected)


def test_saddle_cells_give_both_segments():
    saddle = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    expected = isocurve(saddle, 0.5, connected=False, extendToEdge=True)
    assert as_set(contour_segments(saddle, 0.5)) == as_set(expected)


def test_a_ramp_gives_a_straight_line_at_the_level():
    ramp = np.repeat(np.arange(6.0)[:, None], 4, axis=1)  # value = first index
    segments = contour_segments(ramp, 2.25)
    # Samples sit at cell centres: value v at coordinate v + 0.5.
    np.testing.assert_allclose(segments[..., 0], 2.75)
    assert segments[..., 1].min() == 0.0 and segments[..., 1].max() == 4.0  # edge to edge


def test_a_level_outside_the_data_gives_no_segments():
    assert contour_segments(himmelblau_grid(), -1.0).shape == (0, 2, 2)
    assert contour_segments(himmelblau_grid(), 1e9).shape == (0, 2, 2)
