"""The loss over a plane through parameter space, with the descent path projected onto it.

A Landscape reads a RunPicture (copies taken at rest), never the live stepper, and what it
does differently for a network and a test function comes from its terrain (engine.landscape.
terrain), picked once by the config's family.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

from engine.core.snapshot import Snapshot
from engine.landscape.picture import RunPicture
from engine.landscape.surface import Surface
from engine.landscape.terrain import (
    TERRAINS,
    PlaneChoice,
    Request,
)
from engine.training.stepper import Stepper


class Landscape:
    """A plane through the parameters of a run, and the loss on it."""

    def __init__(self, picture: RunPicture, choice: PlaneChoice | None = None) -> None:
        self.picture = picture
        self.choice = choice or PlaneChoice()
        self.terrain = TERRAINS[picture.config.family]
        self.plane = self.terrain.plane(picture, self.choice)

    @classmethod
    def of(cls, stepper: Stepper, choice: PlaneChoice | None = None) -> Landscape:
        """A landscape of the stepper as it is now (where the stepper is at rest)."""
        return cls(RunPicture.of(stepper), choice)

    def update(self, picture: RunPicture) -> None:
        """The run moved on: read the new picture; a parameter slice moves with the point
        (it holds the other parameters at their current values)."""
        self.picture = picture
        if self.plane.kind == "params":
            self.plane = self.terrain.plane(self.picture, self.choice)

    @property
    def offers_planes(self) -> bool:
        """A network's plane is the learner's choice; a test function is its own plane."""
        return self.terrain.offers_planes

    def bounds(self) -> tuple[float, float, float, float]:
        """A view that holds the current point and the whole path so far."""
        return self.terrain.bounds(self.picture, self.plane, self.trajectory())

    def surface(self, res: int = 128, bounds: tuple[float, ...] | None = None) -> Surface:
        return self.surface_request(res, bounds).compute()

    def surface_request(self, res: int, bounds: tuple[float, ...] | None = None) -> Request:
        """The surface as a job that owns what it reads: it may run in another thread."""
        box = tuple(bounds or self.bounds())
        return self.terrain.surface_request(self.picture, self.plane, box, res)

    def trajectory(self) -> np.ndarray:
        """Plane coordinates of the parameters at the start of every iteration, and now."""
        return self._project(self.picture.path)

    def current(self) -> np.ndarray:
        return self._project(self.picture.values[None])[0]

    @property
    def is_curve(self) -> bool:
        """One parameter: drawn as a curve with its tangent rather than a surface."""
        return self.terrain.is_curve(self.picture)

    def curve(self) -> Curve:
        return Curve(self)

    def minima(self) -> tuple[tuple[float, float], ...]:
        """Where the literature puts a test function's minima; none for a network."""
        return self.terrain.minima(self.picture)

    def caption(self) -> str:
        """A test function's formula; "" for a network (its plane is titled by its axes)."""
        return self.terrain.caption(self.picture)

    def note(self) -> str:
        """What a test function is known for; "" for a network."""
        return self.terrain.note(self.picture)

    def step_arrows(self, snapshot: Snapshot) -> StepArrows | None:
        """During step: where optimizer.step() really moved the point, and where −lr·∇E
        alone would have, both from the parameters before the update, projected."""
        if snapshot.phase != "step" or not snapshot.previous_params:
            return None
        labels = self.picture.labels
        before = np.array([snapshot.previous_params[label] for label in labels])
        after = np.array([snapshot.stepped_params.get(label, math.nan) for label in labels])
        grads = np.array([snapshot.grads[label] or 0.0 for label in labels])
        plain = before - self.picture.config.lr * grads
        start, real_end, plain_end = self._project(np.stack([before, after, plain]))
        return StepArrows((start, real_end), (start, plain_end))

    def step_arrow(self, snapshot: Snapshot) -> tuple[np.ndarray, np.ndarray] | None:
        """The real update's arrow (see `step_arrows`)."""
        arrows = self.step_arrows(snapshot)
        return None if arrows is None else arrows.real

    def _project(self, points: np.ndarray) -> np.ndarray:
        return self.terrain.project(self.plane, points)


Arrow = tuple[np.ndarray, np.ndarray]  # (start, end) in the plane's coordinates


@dataclass(frozen=True)
class StepArrows:
    """The step as it happened and as plain gradient descent would have taken it."""

    real: Arrow  # before → after the real optimizer.step()
    gradient: Arrow  # before → before − lr·∇E

    @property
    def differ(self) -> bool:
        """Momentum, Adam, weight decay or Lookahead moved the point elsewhere than −lr·∇E."""
        real, plain = self.real[1], self.gradient[1]
        length = float(np.hypot(*(plain - self.gradient[0]))) or 1.0
        return not np.allclose(real, plain, rtol=0.0, atol=1e-9 * length)


class Curve:
    """The parabola's own picture: f(x) as a curve and the tangent at the current x."""

    def __init__(self, landscape: Landscape, res: int = 200) -> None:
        fn = landscape.picture.model.fn
        point = landscape.current()
        path = landscape.trajectory()[:, 0]
        x0, x1 = covering(fn.bounds[:2], np.append(path, point[0]))
        self.x = np.linspace(x0, x1, res)
        self.f = fn(torch.from_numpy(self.x), torch.zeros(res)).numpy()
        self.point = (float(point[0]), float(fn(torch.tensor(point[0]), torch.tensor(0.0))))
        self.slope = float(fn.gradient(point[0], 0.0)[0])  # closed form: f′(x) = 2x
        self.path = (path, fn(torch.from_numpy(path), torch.zeros(len(path))).numpy())

    def tangent(self, half_width: float = 0.75) -> tuple[np.ndarray, np.ndarray]:
        xs = np.array([self.point[0] - half_width, self.point[0] + half_width])
        return xs, self.point[1] + self.slope * (xs - self.point[0])


CURVE_MARGIN = 0.08  # of the span, beyond a path point outside the function's own bounds
CURVE_LIMIT = 1e6  # a diverged path's far points are left off rather than flatten the curve


def covering(bounds: tuple[float, float], xs: np.ndarray) -> tuple[float, float]:
    """The function's x-range grown to hold every (finite, not astronomically far) path point:
    a path that leaves the drawn curve (lr = 1.1 reaches x = 3.7 beyond [−2, 2]) looks like a
    point in empty space."""
    low, high = bounds
    near = xs[np.isfinite(xs) & (np.abs(xs) <= CURVE_LIMIT)]
    if near.size == 0:
        return low, high
    grown_low, grown_high = min(low, float(near.min())), max(high, float(near.max()))
    pad = CURVE_MARGIN * (grown_high - grown_low)
    return grown_low - pad * (grown_low < low), grown_high + pad * (grown_high > high)
