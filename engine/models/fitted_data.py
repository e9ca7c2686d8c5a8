"""Data of the right shape for any layer sizes: the network's first and last sizes come from it.

When new layer sizes ask for more or fewer inputs or targets than the data has, each sample
keeps the values it has in the columns that remain (so a wider Mazur network still starts
from i1 = 0.05, i2 = 0.10 and targets 0.01, 0.99), and every new column is drawn, the same
way every time: from a generator seeded with the run's seed, inputs uniform in [0, 1) and
targets uniform in [0.01, 0.99] (the range a sigmoid output can reach), both rounded to two
decimals so that they read cleanly on the diagram.
"""

from __future__ import annotations

import numpy as np

Rows = tuple[tuple[float, ...], ...]

INPUT_RANGE = (0.0, 1.0)
TARGET_RANGE = (0.01, 0.99)
DECIMALS = 2


def fitted_rows(rows: Rows, width: int, seed: int, value_range: tuple[float, float]) -> Rows:
    """Each row cut or grown to `width` columns; grown columns are seeded draws in the range."""
    if all(len(row) == width for row in rows):
        return rows
    generator = np.random.default_rng(seed)
    low, high = value_range
    fitted = []
    for row in rows:
        kept = tuple(float(v) for v in row[:width])
        drawn = generator.uniform(low, high, size=width - len(kept)) if width > len(kept) else ()
        fitted.append(kept + tuple(round(float(v), DECIMALS) for v in drawn))
    return tuple(fitted)


def fitted_data(
    inputs: Rows, targets: Rows, layers: tuple[int, ...], seed: int
) -> tuple[Rows, Rows]:
    """(inputs, targets) for a network with these layer sizes; the number of samples stays."""
    if len(layers) < 2:
        return inputs, targets  # the config's own check explains what is missing
    # Inputs and targets draw from separate streams: growing one never changes the other.
    return (
        fitted_rows(inputs, layers[0], seed, INPUT_RANGE),
        fitted_rows(targets, layers[-1], seed + 1, TARGET_RANGE),
    )
