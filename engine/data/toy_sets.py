"""Built-in 2-D classification point sets, generated in numpy from a seed.

The classification lab offers circle, xor, gaussians and spiral (engine/labs/datasets.py); the
data layer adds moons and names them as a training loop's datasets do (circles, blobs, ...).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from engine.data.points import Points

MAX_NOISE = 0.5
TOY_DEFAULT_POINTS = 400  # the classification lab's defaults
TOY_DEFAULT_NOISE = 0.05

Maker = Callable[[np.random.Generator, np.ndarray], np.ndarray]


def make_points(name: str, n: int = 400, noise: float = 0.1, seed: int = 0) -> Points:
    """n points, half of each class; noise is the std of Gaussian jitter (0 to MAX_NOISE)."""
    if name not in MAKERS:
        raise ValueError(f"unknown dataset {name!r}: choose one of {', '.join(MAKERS)}")
    if n < 4:
        raise ValueError(f"a dataset needs at least 4 points, got {n}")
    if not 0 <= noise <= MAX_NOISE:
        raise ValueError(f"noise must be 0 to {MAX_NOISE}, got {noise}")
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 2
    xy = MAKERS[name](rng, labels)
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


def _moons(rng: np.random.Generator, labels: np.ndarray) -> np.ndarray:
    """Two interleaved half circles (scikit-learn's make_moons shape), centred on the origin
    and scaled by 2/3 so that they span −1 .. 1 across, like the other sets."""
    t = rng.uniform(0.0, math.pi, labels.size)
    upper = np.column_stack((np.cos(t), np.sin(t)))
    lower = np.column_stack((1.0 - np.cos(t), 0.5 - np.sin(t)))
    moons = np.where(labels[:, None] == 0, upper, lower)
    return (moons - (0.5, 0.25)) * (2.0 / 3.0)


MAKERS: dict[str, Maker] = {
    "circle": _circle,
    "xor": _xor,
    "gaussians": _gaussians,
    "spiral": _spiral,
    "moons": _moons,
}
