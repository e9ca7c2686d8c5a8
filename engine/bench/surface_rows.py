"""The landscape pairs: a loss surface, and a basin map of many starts at once."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
import torch

from engine.bench.agreement import IDENTICAL, compare
from engine.bench.report import Row
from engine.bench.timing import Sizes, interleave, median
from engine.landscape.descent import descend
from engine.landscape.surface import default_bounds, grid, mlp_surface, parameter_plane
from engine.landscape.terrain import default_axes
from engine.models.config import Config
from engine.models.test_functions import get_function
from engine.training.stepper import Stepper

BASIN_FUNCTION = "himmelblau"  # four minima: a basin map worth drawing
BASIN_CONFIG = Config(preset="basin", optimizer="sgd", lr=0.01)  # the basin view's defaults


def surface_row(config: Config, sizes: Sizes) -> Row:
    stepper = Stepper(config)
    model, x, target, loss_fn = stepper.model, stepper.x, stepper.target, stepper.loss_fn
    values = model.values()
    plane = parameter_plane(model, values, *default_axes(stepper.model.params))
    bounds = default_bounds(plane, values)
    res, loop = sizes.surface_res, sizes.loop_res
    xs, ys = grid(bounds, loop)
    a_grid, b_grid = np.meshgrid(xs, ys)
    points = plane.points(a_grid.reshape(-1), b_grid.reshape(-1))
    looped: list[float] = []

    def batched() -> Callable[[], object]:
        return partial(mlp_surface, model, x, target, loss_fn, plane, bounds, res)

    def per_point() -> Callable[[], object]:
        def work() -> None:
            looped.clear()
            with torch.no_grad():
                for point in points:
                    model.load_values(point)
                    looped.append(loss_fn.value(model(x), target).item())
            model.load_values(values)

        return work

    a, b = interleave([batched, per_point], sizes.repeats)
    scale = (res / loop) ** 2
    b_scaled = median(b) * scale
    small = mlp_surface(model, x, target, loss_fn, plane, bounds, loop)
    agree, words = compare(small.loss.reshape(-1), np.array(looped))
    identical = words == IDENTICAL
    if not identical:
        words += " (the vectorised sigmoid rounds some last bits differently)"
    ratio = b_scaled / median(a)
    return Row(
        metric=f"surface {res}×{res}, Mazur ({plane.axes[0]}, {plane.axes[1]})",
        a=median(a),
        b=b_scaled,
        unit="s",
        ratio=ratio,
        target="B/A ≥ 500",
        ok=ratio >= 500 and agree,
        a_is="mlp_surface, batched",
        b_is=f"a per-point loop over the model on {loop}×{loop}, time ×{scale:g}",
        numbers=f"on {loop}×{loop}: {words}",
        identical=identical,
    )


def basin_starts(res: int) -> np.ndarray:
    x0, x1, y0, y1 = get_function(BASIN_FUNCTION).bounds
    a_grid, b_grid = np.meshgrid(np.linspace(x0, x1, res), np.linspace(y0, y1, res))
    return np.stack([a_grid.reshape(-1), b_grid.reshape(-1)], axis=1)


def basin_row(sizes: Sizes, device: torch.device) -> Row:
    fn = get_function(BASIN_FUNCTION)
    res, steps = sizes.basin_res, sizes.basin_steps
    starts = basin_starts(res)
    picks = np.linspace(0, len(starts) - 1, sizes.single_nets).astype(int)
    ends: dict[str, np.ndarray] = {}

    def batched() -> Callable[[], object]:
        def work() -> None:
            ends["all"] = descend(fn, starts, BASIN_CONFIG, steps, device=device)

        return work

    def one_by_one() -> Callable[[], object]:
        def work() -> None:
            finals = [
                descend(fn, starts[i : i + 1], BASIN_CONFIG, steps, device=device) for i in picks
            ]
            ends["single"] = np.concatenate(finals)

        return work

    a, b = interleave([batched, one_by_one], sizes.repeats)
    rate_a = len(starts) * steps / median(a)
    rate_b = len(picks) * steps / median(b)
    agree, words = compare(ends["all"][picks], ends["single"])
    ratio = rate_a / rate_b
    return Row(
        metric=f"basin map {res}×{res} starts × {steps} steps ({BASIN_FUNCTION})",
        a=rate_a,
        b=rate_b,
        unit="it/s",
        ratio=ratio,
        target="A/B ≥ 500",
        ok=ratio >= 500 and agree,
        a_is="descend() on all starts at once, net-iterations per second",
        b_is=f"descend() on one start at a time ({len(picks)} starts)",
        numbers=f"end points: {words}",
        identical=words == IDENTICAL,
    )
