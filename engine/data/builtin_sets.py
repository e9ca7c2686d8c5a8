"""The built-in datasets that are made, not read: Mazur's sample, XOR, the 2-D toy sets and a
noisy sine. Each maker takes the seed (only the generated sets use it)."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from engine.data.dataset import Dataset, classification, regression
from engine.data.toy_sets import TOY_DEFAULT_NOISE, TOY_DEFAULT_POINTS, make_points

SINE_POINTS = 200
SINE_NOISE = 0.1

# A training loop's names for the classification lab's generators (engine/data/toy_sets.py).
TOY_SETS = {"moons": "moons", "circles": "circle", "spirals": "spiral", "blobs": "gaussians"}


def mazur(seed: int = 0) -> Dataset:
    """Matt Mazur's one sample, as the mazur preset (engine/models/presets.py) has it."""
    return regression("mazur", [[0.05, 0.10]], [[0.01, 0.99]])


def xor(seed: int = 0) -> Dataset:
    """The four XOR points with one 0/1 target each, as the xor preset trains them (MSE on a
    sigmoid output), so a regression set of one column rather than one-hot classes."""
    inputs = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    return regression("xor", inputs, [[0.0], [1.0], [1.0], [0.0]])


def sine(seed: int = 0) -> Dataset:
    """200 evenly spaced x in [−π, π]; y = sin(x) + 0.1 · standard normal noise from the seed."""
    x = np.linspace(-math.pi, math.pi, SINE_POINTS)
    noise = np.random.default_rng(seed).standard_normal(SINE_POINTS)
    return regression("sine", x[:, None], (np.sin(x) + SINE_NOISE * noise)[:, None])


def toy_set(name: str, seed: int = 0) -> Dataset:
    """One of TOY_SETS with the classification lab's default size and noise, classes "0", "1"."""
    points = make_points(TOY_SETS[name], TOY_DEFAULT_POINTS, TOY_DEFAULT_NOISE, seed)
    return classification(name, points.xy, points.labels, points.class_names)


def _toy_maker(name: str) -> Callable[[int], Dataset]:
    return lambda seed=0: toy_set(name, seed)


MAKERS: dict[str, Callable[[int], Dataset]] = {
    "mazur": mazur,
    "xor": xor,
    **{name: _toy_maker(name) for name in TOY_SETS},
    "sine": sine,
}
