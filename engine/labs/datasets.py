"""The classification lab's built-in 2-D datasets and its train/test split.

The points and their generators live in the data layer (engine/data/toy_sets.py), where the
training loop's datasets are made from the same code; the lab offers four of them by these names.
"""

from __future__ import annotations

import numpy as np

from engine.data.points import Points
from engine.data.toy_sets import MAX_NOISE, make_points

DATASET_NAMES = ("circle", "xor", "gaussians", "spiral")

__all__ = ["DATASET_NAMES", "MAX_NOISE", "Points", "make_dataset", "split"]


def make_dataset(name: str, n: int = 400, noise: float = 0.1, seed: int = 0) -> Points:
    """n points, half of each class; noise is the std of Gaussian jitter (0 to MAX_NOISE)."""
    if name not in DATASET_NAMES:
        raise ValueError(f"unknown dataset {name!r}: choose one of {', '.join(DATASET_NAMES)}")
    return make_points(name, n, noise, seed)


def split(points: Points, test_fraction: float = 0.3, seed: int = 0) -> tuple[Points, Points]:
    """A seeded shuffle into (train, test); each keeps at least one point."""
    if not 0 < test_fraction < 1:
        raise ValueError(f"the test fraction must be between 0 and 1, got {test_fraction}")
    n = len(points.labels)
    order = np.random.default_rng(seed).permutation(n)
    n_test = min(max(1, round(test_fraction * n)), n - 1)
    return points.subset(order[n_test:]), points.subset(order[:n_test])
