"""Gradient descent on test functions: many starts at once (basin maps) and optimizer races.

Every optimizer in torch.optim updates each element of a parameter on its own, so one tensor
of K² starting points driven by one optimizer on the summed loss *is* K² independent runs:
the basin map is the real torch.optim, batched, not a re-implementation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch

from engine.core.errors import EngineError
from engine.models.config import Config
from engine.models.test_functions import TestFunction
from engine.training.optimizers import OptimizerLike, make_optimizer


@dataclass(frozen=True)
class BasinMap:
    x: np.ndarray  # start coordinates, columns
    y: np.ndarray  # rows
    final: np.ndarray  # (K, K, 2) where each start ended
    loss: np.ndarray  # (K, K) final loss (NaN where it diverged)
    basin: np.ndarray  # (K, K) index into `minima` of the minimum reached, −1 for none
    minima: tuple[tuple[float, float], ...]


def descend(
    fn: TestFunction,
    starts: np.ndarray,
    config: Config,
    steps: int,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
    device: str | torch.device = "cpu",
) -> np.ndarray:
    """Run `steps` optimizer steps from every row of `starts` (N, 2); return the end points."""
    xy = torch.tensor(starts, dtype=torch.float64, device=device, requires_grad=True)
    optimizer = make_optimizer(config, [xy])
    for step in range(steps):
        if should_stop is not None and should_stop():
            break
        optimizer.zero_grad()
        fn(xy[:, 0], xy[:, 1]).sum().backward()
        if fn.dims == 1:
            xy.grad[:, 1] = 0.0  # the parabola has one parameter
        optimizer.step()
        if progress is not None and (step + 1) % 10 == 0:
            progress(step + 1)
    return xy.detach().cpu().numpy().copy()


def basin_map(
    fn: TestFunction,
    config: Config,
    steps: int,
    res: int = 64,
    bounds: tuple[float, float, float, float] | None = None,
    tolerance: float = 0.05,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> BasinMap:
    """Train res×res starts together and colour each by the minimum it reached."""
    if not 2 <= res <= 1024:
        raise EngineError(f"the basin map resolution must be between 2 and 1024, got {res}")
    x0, x1, y0, y1 = bounds or fn.bounds
    xs, ys = np.linspace(x0, x1, res), np.linspace(y0, y1, res)
    a, b = np.meshgrid(xs, ys)
    starts = np.stack([a.reshape(-1), b.reshape(-1)], axis=1)
    final = descend(fn, starts, config, steps, should_stop, progress)
    with torch.no_grad():
        f = torch.from_numpy(final)
        loss = fn(f[:, 0], f[:, 1]).numpy()
    basin = nearest_minimum(final, fn.minima, tolerance)
    loss = np.where(np.isfinite(final).all(axis=1), loss, np.nan)
    return BasinMap(xs, ys, final.reshape(res, res, 2), loss.reshape(res, res),
                    basin.reshape(res, res), fn.minima)  # fmt: skip


def nearest_minimum(
    points: np.ndarray, minima: tuple[tuple[float, float], ...], tolerance: float
) -> np.ndarray:
    """Index of the minimum within `tolerance` of each point, −1 where there is none."""
    centres = np.asarray(minima)
    with np.errstate(invalid="ignore", over="ignore"):
        distance = np.linalg.norm(points[:, None, :] - centres[None, :, :], axis=2)
    nearest = np.nanargmin(np.where(np.isnan(distance), np.inf, distance), axis=1)
    close = np.take_along_axis(distance, nearest[:, None], axis=1)[:, 0] <= tolerance
    return np.where(close, nearest, -1)


@dataclass
class Racer:
    name: str
    config: Config
    point: torch.Tensor
    path: list[tuple[float, float]]
    losses: list[float]
    _optimizer: OptimizerLike | None = field(default=None, repr=False)

    @property
    def optimizer(self) -> OptimizerLike:
        """Built at the first step: a race set up on a hidden tab costs nothing at start-up."""
        if self._optimizer is None:
            self._optimizer = make_optimizer(self.config, [self.point])
        return self._optimizer


class Race:
    """Several optimizers from the same start on the same function, stepped together."""

    def __init__(self, fn: TestFunction, entries: dict[str, Config], start: tuple[float, float]):
        self.fn = fn
        self.racers: list[Racer] = []
        for name, config in entries.items():
            point = torch.tensor([start], dtype=torch.float64, requires_grad=True)
            racer = Racer(name, config, point, [start], [])
            racer.losses.append(self._loss(point))
            self.racers.append(racer)

    def _loss(self, point: torch.Tensor) -> float:
        with torch.no_grad():
            return float(self.fn(point[:, 0], point[:, 1]).sum())

    def step(self, n: int = 1) -> None:
        for _ in range(n):
            for racer in self.racers:
                self._step_one(racer)

    def _step_one(self, racer: Racer) -> None:
        if not np.isfinite(racer.losses[-1]):
            racer.path.append(racer.path[-1])  # a diverged racer stays where it stopped
            racer.losses.append(racer.losses[-1])
            return
        racer.optimizer.zero_grad()
        self.fn(racer.point[:, 0], racer.point[:, 1]).sum().backward()
        if self.fn.dims == 1:
            racer.point.grad[:, 1] = 0.0
        racer.optimizer.step()
        x, y = racer.point.detach()[0].tolist()
        racer.path.append((x, y))
        racer.losses.append(self._loss(racer.point))


def standard_race(lr: float) -> dict[str, Config]:
    """The optimizers a learner compares: plain SGD up to Adam and Lookahead."""
    base = Config(preset="race")
    return {
        "SGD": base.replace(optimizer="sgd", lr=lr),
        "Momentum": base.replace(optimizer="sgd", lr=lr, momentum=0.9),
        "Nesterov": base.replace(optimizer="sgd", lr=lr, momentum=0.9, nesterov=True),
        # Adaptive methods scale their own steps: one learning rate suits most surfaces.
        "Adagrad": base.replace(optimizer="adagrad", lr=0.5),
        "RMSprop": base.replace(optimizer="rmsprop", lr=0.01),
        "Adam": base.replace(optimizer="adam", lr=0.05),
        "Lookahead(SGD)": base.replace(optimizer="sgd", lr=lr, lookahead_k=5, lookahead_alpha=0.5),
    }
