"""A plane through parameter space: the two directions a 2-D picture of the loss is drawn along."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Plane:
    kind: str  # "params", "random", "pca" or "function"
    axes: tuple[str, str]  # axis titles: ("w5", "w6"), ("d1", "d2"), ("PC1 (97.1%)", ...)
    origin: np.ndarray  # θ₀, shape (P,)
    directions: np.ndarray  # d₁ and d₂, shape (2, P)

    def points(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Parameter vectors at plane coordinates (a, b): shape (..., P)."""
        return self.origin + a[..., None] * self.directions[0] + b[..., None] * self.directions[1]

    def project(self, params: np.ndarray) -> np.ndarray:
        """Plane coordinates of parameter vectors (least squares for non-orthogonal directions)."""
        offsets = np.atleast_2d(params) - self.origin
        coords, *_ = np.linalg.lstsq(self.directions.T, offsets.T, rcond=None)
        return coords.T
