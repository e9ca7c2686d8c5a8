"""Contour lines of a grid by marching squares, vectorised with numpy.

The loss surface redraws its contours on every tick while training plays; tracing them cell by
cell in Python took most of a 30 fps frame. This gives the same segments as pyqtgraph's
`isocurve(data, level, extendToEdge=True)`, for all cells at once.

Coordinates are in the grid's index space with samples at cell centres (index + 0.5), the
way an image shows them: the first coordinate runs along `data`'s first axis.
"""

from __future__ import annotations

import numpy as np

# Corners of a cell as (di, dj). A cell's case has bit 0 set when corner (0,0) lies below the
# level, bit 1 for (1,0), bit 2 for (0,1) and bit 3 for (1,1).
_EDGES = (((0, 1), (0, 0)), ((0, 0), (1, 0)), ((1, 0), (1, 1)), ((1, 1), (0, 1)))
# Per case, the two edges its segment joins (-1: none); the saddle cases 6 and 9 have two.
_FIRST = np.array(
    [(-1, -1), (0, 1), (1, 2), (0, 2), (0, 3), (1, 3), (0, 1), (2, 3),
     (2, 3), (0, 1), (1, 3), (0, 3), (0, 2), (1, 2), (0, 1), (-1, -1)]
)  # fmt: skip
_SECOND = {6: (2, 3), 9: (2, 3)}


def contour_segments(data: np.ndarray, level: float) -> np.ndarray:
    """Line segments where `data` crosses `level`: shape (segments, 2 ends, 2 coordinates).

    `data` must be finite. Lines run on to the grid's edges, as if the edge values went on.
    """
    padded = np.pad(np.asarray(data, dtype=float), 1, mode="edge")
    below = padded < level
    cases = below[:-1, :-1] * 1 + below[1:, :-1] * 2 + below[:-1, 1:] * 4 + below[1:, 1:] * 8
    crossings = _edge_crossings(padded, level)  # (4 edges, cells i, cells j, 2)
    i, j = np.nonzero((cases > 0) & (cases < 15))
    edges = _FIRST[cases[i, j]]
    segments = [np.stack((crossings[edges[:, 0], i, j], crossings[edges[:, 1], i, j]), axis=1)]
    for case, (first, second) in _SECOND.items():
        si, sj = np.nonzero(cases == case)
        segments.append(np.stack((crossings[first, si, sj], crossings[second, si, sj]), axis=1))
    joined = np.concatenate(segments) - 1.0  # back from the padded grid's indices
    return np.clip(joined, 0.0, np.array(data.shape, dtype=float))


def _edge_crossings(grid: np.ndarray, level: float) -> np.ndarray:
    """Where `level` crosses each edge of every cell, linearly between the edge's corners.

    Edges it does not cross get meaningless numbers; only crossed edges are read.
    """
    cells = (grid.shape[0] - 1, grid.shape[1] - 1)
    i, j = np.indices(cells, dtype=float)
    out = np.empty((4, *cells, 2))
    with np.errstate(divide="ignore", invalid="ignore"):
        for edge, ((a_i, a_j), (b_i, b_j)) in enumerate(_EDGES):
            start = grid[a_i : a_i + cells[0], a_j : a_j + cells[1]]
            end = grid[b_i : b_i + cells[0], b_j : b_j + cells[1]]
            f = (level - start) / (end - start)
            out[edge, ..., 0] = i + a_i + (b_i - a_i) * f + 0.5
            out[edge, ..., 1] = j + a_j + (b_j - a_j) * f + 0.5
    return out
