"""Labelled 2-D points: what the toy generators and the learner's CSV give the lab."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Points:
    """Labelled points: xy is (n, 2) float64, labels (n,) int64 in 0 .. len(class_names) − 1."""

    name: str
    xy: np.ndarray
    labels: np.ndarray
    class_names: tuple[str, ...] = ("0", "1")

    @property
    def classes(self) -> int:
        return len(self.class_names)

    def subset(self, index: np.ndarray) -> Points:
        return Points(self.name, self.xy[index], self.labels[index], self.class_names)

    def bounds(self, margin: float = 0.15) -> tuple[float, float, float, float]:
        """(x0, x1, y0, y1) around the points, widened by `margin` of their span."""
        lo, hi = self.xy.min(axis=0), self.xy.max(axis=0)
        pad = margin * np.maximum(hi - lo, 1e-9)
        return (
            float(lo[0] - pad[0]),
            float(hi[0] + pad[0]),
            float(lo[1] - pad[1]),
            float(hi[1] + pad[1]),
        )
