"""The loss at one point of a landscape's plane, and the parameters a point there stands for.

The surface tab shows the value under the pointer and places the parameters where the learner
clicks; both are computed here, from the landscape's copies, exactly as the surface is.
"""

from __future__ import annotations

import numpy as np
import torch

from engine.landscape.loss_landscape import Landscape
from engine.landscape.surface import batched_loss


def loss_at(landscape: Landscape, a: float, b: float) -> float:
    """The loss at plane coordinates (a, b): the parameters `plane.points` gives, run forward."""
    picture, plane = landscape.picture, landscape.plane
    model = picture.model
    if plane.kind == "function":  # a test function's plane is its own (x, y)
        with torch.no_grad():
            xy = torch.tensor([a, b], dtype=torch.float64)
            return float(model.fn(xy[0], xy[1]))
    point = plane.points(np.array([a]), np.array([b]))
    flat = torch.as_tensor(point, device=model.device).to(model.dtype)
    return float(batched_loss(model, flat, picture.x, picture.target, picture.loss_fn)[0])


def placed_parameters(landscape: Landscape, a: float, b: float) -> dict[str, float] | None:
    """The parameters a click at (a, b) sets: the two of a parameter plane, or a test
    function's own x and y. None for a random or PCA plane, whose point moves every parameter
    along directions no one chose."""
    plane = landscape.plane
    if plane.kind == "params":
        return {plane.axes[0]: float(a), plane.axes[1]: float(b)}
    labels = landscape.picture.labels
    if plane.kind == "function" and len(labels) == 2:
        return {labels[0]: float(a), labels[1]: float(b)}
    return None
