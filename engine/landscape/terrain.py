"""What differs between drawing a network's loss and a test function: one class per family.

A network's loss lives in a high-dimensional space and is drawn on a chosen plane through it;
a test function is its own plane. The landscape picks its terrain once, by the config's
family, so nothing else asks which kind of model it is looking at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from torch import Tensor

from engine.core.errors import EngineError
from engine.landscape.picture import RunPicture
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
from engine.models.config import FUNCTION, NETWORK
from engine.models.losses import Loss
from engine.models.mlp import MLP
from engine.models.parameters import ParamInfo
from engine.models.test_functions import TestFunction

PLANE_KINDS = ("params", "random", "pca")
Bounds = tuple[float, float, float, float]


@dataclass(frozen=True)
class PlaneChoice:
    kind: str = "params"  # "params", "random" or "pca" (a test function always has its own)
    axes: tuple[str, str] = ("", "")  # for "params": two labels; empty: the first two weights
    seed: int = 0  # for "random"


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

    @property
    def total_bytes(self) -> int:
        return self.plan().total_bytes

    def compute(
        self,
        should_stop: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Surface | None:
        """The surface, chunk by chunk; None only when `should_stop` said stop."""
        return mlp_surface(self.model, self.x, self.target, self.loss_fn, self.plane,
                           self.bounds, self.res, self.budget, should_stop, progress)  # fmt: skip


@dataclass(frozen=True)
class FunctionSurfaceRequest:
    """A test function's surface: a few closed-form evaluations, always quick."""

    fn: TestFunction
    bounds: tuple[float, ...]
    res: int

    @property
    def total_bytes(self) -> int:
        return 4 * 8 * self.res**2  # the grid's coordinates and values in float64

    def compute(
        self,
        should_stop: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Surface:
        return function_surface(self.fn, self.bounds, self.res)


class NetworkTerrain:
    """A network: a plane through parameter space, chosen by the learner."""

    offers_planes = True

    def plane(self, picture: RunPicture, choice: PlaneChoice) -> Plane:
        model, values = picture.model, picture.values
        if choice.kind == "random":
            return random_plane(model, values, choice.seed)
        if choice.kind == "pca":
            return pca_plane(picture.path)
        if choice.kind != "params":
            raise EngineError(f"unknown plane {choice.kind!r}: choose {', '.join(PLANE_KINDS)}")
        a, b = choice.axes if all(choice.axes) else default_axes(model.params)
        return parameter_plane(model, values, a, b)

    def project(self, plane: Plane, points: np.ndarray) -> np.ndarray:
        return plane.project(points)

    def bounds(self, picture: RunPicture, plane: Plane, coords: np.ndarray) -> Bounds:
        """A view that holds the current point and the whole path so far."""
        if plane.kind == "params":
            x0, x1, y0, y1 = default_bounds(plane, picture.values)
        else:
            x0, x1, y0, y1 = -1.0, 1.0, -1.0, 1.0
        span_x, span_y = np.ptp(coords[:, 0]), np.ptp(coords[:, 1])
        x0 = min(x0, coords[:, 0].min() - 0.1 * span_x)
        x1 = max(x1, coords[:, 0].max() + 0.1 * span_x)
        y0 = min(y0, coords[:, 1].min() - 0.1 * span_y)
        y1 = max(y1, coords[:, 1].max() + 0.1 * span_y)
        return float(x0), float(x1), float(y0), float(y1)

    def surface_request(
        self, picture: RunPicture, plane: Plane, box: tuple[float, ...], res: int
    ) -> SurfaceRequest:
        # The picture's model is a copy nothing trains, so a worker may read it as it is.
        return SurfaceRequest(picture.model, picture.x, picture.target, picture.loss_fn,
                              plane, box, res)  # fmt: skip

    def is_curve(self, picture: RunPicture) -> bool:
        return False

    def minima(self, picture: RunPicture) -> tuple[tuple[float, float], ...]:
        return ()

    def caption(self, picture: RunPicture) -> str:
        return ""  # the view titles a network's plane by its axes

    def note(self, picture: RunPicture) -> str:
        return ""


class FunctionTerrain:
    """A test function: its own (x, y) plane, its published minima, its formula."""

    offers_planes = False

    def plane(self, picture: RunPicture, choice: PlaneChoice) -> Plane:
        size = picture.values.size
        return Plane("function", ("x", "y"), np.zeros(size), np.eye(2, size))

    def project(self, plane: Plane, points: np.ndarray) -> np.ndarray:
        """The coordinates as (x, y) rows (y = 0 for the one-parameter parabola)."""
        if points.shape[1] == 2:
            return points
        return np.column_stack([points[:, 0], np.zeros(len(points))])

    def bounds(self, picture: RunPicture, plane: Plane, coords: np.ndarray) -> Bounds:
        return self._fn(picture).bounds

    def surface_request(
        self, picture: RunPicture, plane: Plane, box: tuple[float, ...], res: int
    ) -> FunctionSurfaceRequest:
        return FunctionSurfaceRequest(self._fn(picture), box, res)

    def is_curve(self, picture: RunPicture) -> bool:
        return self._fn(picture).dims == 1

    def minima(self, picture: RunPicture) -> tuple[tuple[float, float], ...]:
        return self._fn(picture).minima

    def caption(self, picture: RunPicture) -> str:
        return self._fn(picture).formula

    def note(self, picture: RunPicture) -> str:
        return self._fn(picture).note

    @staticmethod
    def _fn(picture: RunPicture) -> TestFunction:
        return picture.model.fn


Request = SurfaceRequest | FunctionSurfaceRequest  # both: total_bytes, compute()
Terrain = NetworkTerrain | FunctionTerrain
TERRAINS: dict[str, Terrain] = {NETWORK: NetworkTerrain(), FUNCTION: FunctionTerrain()}


def default_axes(params: tuple[ParamInfo, ...]) -> tuple[str, str]:
    """Two weights of the last layer: for Mazur, w5 and w6 (both feed o1); a test function's
    coordinates; one label twice when there is only one parameter."""
    weights = [p for p in params if p.kind == "weight"]
    if not weights:
        return params[0].label, params[-1].label
    last = [p.label for p in weights if p.layer == weights[-1].layer]
    return (last[0], last[1]) if len(last) > 1 else (weights[0].label, weights[-1].label)
