"""The loss landscape of a running Stepper: which plane, its surface, and the path on it.

Views ask this for numbers: the surface grid, the trajectory's plane coordinates, the current
point and the step arrow. Nothing here keeps state beyond the chosen plane.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor

from engine.core.errors import EngineError
from engine.core.snapshot import Snapshot
from engine.landscape.plane import Plane
from engine.landscape.surface import (
    Surface,
    default_bounds,
    function_surface,
    mlp_surface,
    parameter_plane,
    pca_plane,
    random_plane,
)
from engine.landscape.surface_plan import SURFACE_MEMORY_BUDGET, ChunkPlan, plan_chunks
from engine.models.function_model import FunctionModel
from engine.models.losses import Loss
from engine.models.mlp import MLP
from engine.training.stepper import Stepper

PLANE_KINDS = ("params", "random", "pca")


@dataclass(frozen=True)
class PlaneChoice:
    kind: str = "params"  # "params", "random" or "pca" (a test function always has its own)
    axes: tuple[str, str] = ("", "")  # for "params": two labels; empty: the first two weights
    seed: int = 0  # for "random"


class Landscape:
    """A plane through the parameters of `stepper`, and the loss on it."""

    def __init__(self, stepper: Stepper, choice: PlaneChoice | None = None) -> None:
        self.stepper = stepper
        self.choice = choice or PlaneChoice()
        self.plane = self._make_plane()

    @property
    def is_function(self) -> bool:
        return isinstance(self.stepper.model, FunctionModel)

    def _make_plane(self) -> Plane:
        model, values = self.stepper.model, self.stepper.model.values()
        if self.is_function:
            return Plane("function", ("x", "y"), np.zeros(values.size), np.eye(2, values.size))
        if self.choice.kind == "random":
            return random_plane(model, values, self.choice.seed)
        if self.choice.kind == "pca":
            return pca_plane(self.stepper.trajectory.params)
        if self.choice.kind != "params":
            choices = ", ".join(PLANE_KINDS)
            raise EngineError(f"unknown plane {self.choice.kind!r}: choose {choices}")
        a, b = self.choice.axes if all(self.choice.axes) else default_axes(self.stepper)
        return parameter_plane(model, values, a, b)

    def follow(self) -> None:
        """A parameter slice holds the other parameters at the current point: move it along."""
        if self.plane.kind == "params":
            self.plane = self._make_plane()

    def bounds(self) -> tuple[float, float, float, float]:
        """A view that holds the current point and the whole path so far."""
        if self.is_function:
            return self.stepper.model.fn.bounds
        coords = self.trajectory()
        if self.plane.kind == "params":
            x0, x1, y0, y1 = default_bounds(self.plane, self.stepper.model.values())
        else:
            x0, x1, y0, y1 = -1.0, 1.0, -1.0, 1.0
        span_x, span_y = np.ptp(coords[:, 0]), np.ptp(coords[:, 1])
        x0 = min(x0, coords[:, 0].min() - 0.1 * span_x)
        x1 = max(x1, coords[:, 0].max() + 0.1 * span_x)
        y0 = min(y0, coords[:, 1].min() - 0.1 * span_y)
        y1 = max(y1, coords[:, 1].max() + 0.1 * span_y)
        return float(x0), float(x1), float(y0), float(y1)

    def surface(self, res: int = 128, bounds: tuple[float, ...] | None = None) -> Surface:
        box = tuple(bounds or self.bounds())
        if self.is_function:
            return function_surface(self.stepper.model.fn, box, res)
        return self.surface_request(res, box).compute()

    def surface_request(self, res: int, bounds: tuple[float, ...] | None = None) -> SurfaceRequest:
        """A network's surface as a job that owns copies of its inputs (not for a function)."""
        s = self.stepper
        box = tuple(bounds or self.bounds())
        return SurfaceRequest(copy.deepcopy(s.model), s.x.clone(), s.target.clone(), s.loss_fn,
                              self.plane, box, res)  # fmt: skip

    def trajectory(self) -> np.ndarray:
        """Plane coordinates of the parameters at the start of every iteration, and now."""
        path = self.stepper.trajectory.params
        if self.is_function:
            return _as_xy(path)
        return self.plane.project(path)

    def current(self) -> np.ndarray:
        values = self.stepper.model.values()[None]
        return (_as_xy(values) if self.is_function else self.plane.project(values))[0]

    @property
    def is_curve(self) -> bool:
        """One parameter: drawn as a curve with its tangent rather than a surface."""
        return self.is_function and self.stepper.model.fn.dims == 1

    def curve(self) -> Curve:
        return Curve(self)

    def step_arrows(self, snapshot: Snapshot) -> StepArrows | None:
        """During step: where optimizer.step() really moved the point, and where −lr·∇E
        alone would have, both from the parameters before the update, projected."""
        if snapshot.phase != "step" or not snapshot.previous_params:
            return None
        labels = [info.label for info in self.stepper.model.params]
        before = np.array([snapshot.previous_params[label] for label in labels])
        after = np.array([snapshot.stepped_params.get(label, math.nan) for label in labels])
        grads = np.array([snapshot.grads[label] or 0.0 for label in labels])
        plain = before - self.stepper.config.lr * grads
        start, real_end, plain_end = self._project(np.stack([before, after, plain]))
        return StepArrows((start, real_end), (start, plain_end))

    def step_arrow(self, snapshot: Snapshot) -> tuple[np.ndarray, np.ndarray] | None:
        """The real update's arrow (see `step_arrows`)."""
        arrows = self.step_arrows(snapshot)
        return None if arrows is None else arrows.real

    def _project(self, points: np.ndarray) -> np.ndarray:
        return _as_xy(points) if self.is_function else self.plane.project(points)


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


@dataclass(frozen=True)
class SurfaceRequest:
    """One network surface to compute, with its own copies of the model and the data: it can
    run in another thread while the stepper trains on."""

    model: MLP
    x: Tensor
    target: Tensor
    loss_fn: Loss
    plane: Plane
    bounds: tuple[float, ...]
    res: int
    budget: int = SURFACE_MEMORY_BUDGET

    def plan(self) -> ChunkPlan:
        return plan_chunks(self.model, self.plane, self.x.shape[0], self.res**2, self.budget)

    def compute(
        self,
        should_stop: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Surface | None:
        """The surface, chunk by chunk; None only when `should_stop` said stop."""
        return mlp_surface(self.model, self.x, self.target, self.loss_fn, self.plane,
                           self.bounds, self.res, self.budget, should_stop, progress)  # fmt: skip


class Curve:
    """The parabola's own picture: f(x) as a curve and the tangent at the current x."""

    def __init__(self, landscape: Landscape, res: int = 200) -> None:
        fn = landscape.stepper.model.fn
        x0, x1, _, _ = fn.bounds
        self.x = np.linspace(x0, x1, res)
        self.f = fn(torch.from_numpy(self.x), torch.zeros(res)).numpy()
        point = landscape.current()
        self.point = (float(point[0]), float(fn(torch.tensor(point[0]), torch.tensor(0.0))))
        self.slope = float(fn.gradient(point[0], 0.0)[0])  # closed form: f′(x) = 2x
        path = landscape.trajectory()[:, 0]
        self.path = (path, fn(torch.from_numpy(path), torch.zeros(len(path))).numpy())

    def tangent(self, half_width: float = 0.75) -> tuple[np.ndarray, np.ndarray]:
        xs = np.array([self.point[0] - half_width, self.point[0] + half_width])
        return xs, self.point[1] + self.slope * (xs - self.point[0])


def default_axes(stepper: Stepper) -> tuple[str, str]:
    """Two weights of the last layer: for Mazur, w5 and w6 (both feed o1)."""
    weights = [p for p in stepper.model.params if p.kind == "weight"]
    if not weights:  # a test function: its coordinates
        labels = [p.label for p in stepper.model.params]
        return labels[0], labels[-1]
    last = [p.label for p in weights if p.layer == weights[-1].layer]
    return (last[0], last[1]) if len(last) > 1 else (weights[0].label, weights[-1].label)


def _as_xy(values: np.ndarray) -> np.ndarray:
    """A test function's coordinates as (x, y) rows (y = 0 for the one-parameter parabola)."""
    if values.shape[1] == 2:
        return values
    return np.column_stack([values[:, 0], np.zeros(len(values))])
