"""Heights of a loss surface scaled for the 3-D view's fixed camera."""

from __future__ import annotations

import numpy as np

from engine.landscape.surface import Surface


def normalised_heights(surface: Surface) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x, y scaled to [−1, 1] and the loss to [0, 1], so any surface fits the same camera."""
    x = np.interp(surface.x, (surface.x[0], surface.x[-1]), (-1, 1))
    y = np.interp(surface.y, (surface.y[0], surface.y[-1]), (-1, 1))
    z = np.nan_to_num(surface.loss, nan=np.nanmax(surface.loss))
    span = float(z.max() - z.min()) or 1.0
    return x, y, (z - z.min()) / span
