"""Built-in 2-D classification datasets, generated in numpy from a seed, and a train/test split."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

DATASET_NAMES = ("circle", "xor", "gaussians", "spiral")
MAX_NOISE = 0.5


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


def make_dataset(name: str, n: int = 400, noise: float = 0.1, seed: int = 0) -> Points:
    """n points, half of each class; noise is the std of Gaussian jitter (0 to MAX_NOISE)."""
    if name not in _MAKERS:
        raise ValueError(f"unknown dataset {name!r}: choose one of {', '.join(DATASET_NAMES)}")
    if n < 4:
        raise ValueError(f"a dataset needs at least 4 points, got {n}")
    if not 0 <= noise <= MAX_NOISE:
        raise ValueError(f"noise must be 0 to {MAX_NOISE}, got {noise}")
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 2
    xy = _MAKERS[name](rng, labels)
    xy = xy + rng.normal(0.0, noise, size=xy.shape)
    return Points(name, xy, labels.astype(np.int64))


def _circle(rng: np.random.Generator, labels: np.ndarray) -> np.ndarray:
    """Class 0 inside radius 0.5, class 1 on a ring from 0.7 to 1.0."""
    r = np.where(
        labels == 0, rng.uniform(0.0, 0.5, labels.size), rng.uniform(0.7, 1.0, labels.size)
    )
    angle = rng.uniform(0.0, 2 * math.pi, labels.size)
    return np.column_stack((r * np.cos(angle), r * np.sin(angle)))


def _xor(rng: np.random.Generator, labels: np.ndarray) -> np.ndarray:
    """Class 1 where the signs of x and y differ; kept 0.05 off the axes."""
    magnitude = rng.uniform(0.05, 1.0, (labels.size, 2))
    sign_x = rng.choice((-1.0, 1.0), labels.size)
    sign_y = np.where(labels == 1, -sign_x, sign_x)
    return magnitude * np.column_stack((sign_x, sign_y))


def _gaussians(rng: np.random.Generator, labels: np.ndarray) -> np.ndarray:
    centres = np.where(labels[:, None] == 0, -0.5, 0.5)
    return centres + rng.normal(0.0, 0.25, (labels.size, 2))


def _spiral(rng: np.random.Generator, labels: np.ndarray) -> np.ndarray:
    """Two arms, each 1.5 turns, the second rotated by half a turn."""
    t = rng.uniform(0.05, 1.0, labels.size)
    angle = 3 * math.pi * t + math.pi * labels
    return np.column_stack((t * np.cos(angle), t * np.sin(angle)))


_MAKERS = {"circle": _circle, "xor": _xor, "gaussians": _gaussians, "spiral": _spiral}


def split(points: Points, test_fraction: float = 0.3, seed: int = 0) -> tuple[Points, Points]:
    """A seeded shuffle into (train, test); each keeps at least one point."""
    if not 0 < test_fraction < 1:
        raise ValueError(f"the test fraction must be between 0 and 1, got {test_fraction}")
    n = len(points.labels)
    order = np.random.default_rng(seed).permutation(n)
    n_test = min(max(1, round(test_fraction * n)), n - 1)
    return points.subset(order[n_test:]), points.subset(order[:n_test])
