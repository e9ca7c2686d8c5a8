"""The engine's pairs: fast-forward, micro-steps, history memory, surface and basin map."""

from __future__ import annotations

import gc
import math
import time
import tracemalloc
from collections.abc import Callable
from functools import partial

import numpy as np
import torch
from torch import nn

from engine.bench.report import Row
from engine.bench.timing import Sizes, interleave, median
from engine.core.fast_path import public_api_only
from engine.landscape.descent import descend
from engine.landscape.surface import default_bounds, grid, mlp_surface, parameter_plane
from engine.landscape.terrain import default_axes
from engine.models.config import Config
from engine.models.presets import MAZUR
from engine.models.test_functions import get_function
from engine.training.stepper import Stepper

MB = 2**20
IDENTICAL = "identical numbers"
BASIN_FUNCTION = "himmelblau"  # four minima: a basin map worth drawing
BASIN_CONFIG = Config(preset="basin", optimizer="sgd", lr=0.01)  # the basin view's defaults


def engine_rows(sizes: Sizes, device: torch.device) -> list[Row]:
    config = MAZUR.replace(device=device.type)
    return [
        *fast_forward_rows(config, sizes),
        micro_step_row(config, sizes),
        *public_api_rows(config, sizes),
        history_row(config, sizes),
        surface_row(config, sizes),
        basin_row(sizes, device),
    ]


def compare(a: np.ndarray, b: np.ndarray) -> tuple[bool, str]:
    """(agree, words): bit-identical, or equal to within a few rounding steps."""
    if a.shape == b.shape and np.array_equal(a, b):
        return True, IDENTICAL
    if a.shape != b.shape:
        return False, f"different shapes {a.shape} and {b.shape}"
    diff = float(np.max(np.abs(a - b)))
    scale = float(np.max(np.abs(b))) or 1.0
    ulps = diff / (scale * np.finfo(np.float64).eps)
    return ulps <= 8, f"max |Δ| = {diff:.2g} ({ulps:.0f} ulp of the largest value)"


# -- fast-forward, against the learner's loop and plain floats -----------------------------
class LearnerLoop:
    """The loop a learner writes: nn.Sequential, optim.SGD, .item() on every loss."""

    def __init__(self, stepper: Stepper) -> None:
        config, model = stepper.config, stepper.model
        if set(config.activations) != {"sigmoid"} or config.loss != "half_sse":
            raise ValueError("the learner's loop is written for sigmoid layers and half SSE")
        layers: list[nn.Module] = []
        for linear in model.linears:
            layer = nn.Linear(
                linear.in_features, linear.out_features, device=model.device, dtype=model.dtype
            )
            with torch.no_grad():
                layer.weight.copy_(linear.weight)
                layer.bias.copy_(linear.bias)
            layer.bias.requires_grad_(config.train_biases)
            layers += [layer, nn.Sigmoid()]
        self.net = nn.Sequential(*layers)
        self.optimizer = torch.optim.SGD(self.net.parameters(), lr=config.lr)
        self.x, self.target = stepper.x.clone(), stepper.target.clone()
        self.losses: list[float] = []

    def run(self, n: int) -> None:
        net, optimizer, x, target = self.net, self.optimizer, self.x, self.target
        for _ in range(n):
            optimizer.zero_grad()
            out = net(x)
            loss = 0.5 * ((target - out) ** 2).sum()
            loss.backward()
            optimizer.step()
            self.losses.append(loss.item())

    def values(self) -> np.ndarray:
        flat = torch.cat([p.detach().reshape(-1) for p in self.net.parameters()])
        return flat.to("cpu", torch.float64).numpy()


def python_floats(
    start: list[float], x: list[float], target: list[float], lr: float, n: int
) -> tuple[list[float], list[float]]:
    """Mazur's iteration in plain Python floats: the arithmetic alone, without dispatch."""
    w1, w2, w3, w4, b1, b2, w5, w6, w7, w8, b3, b4 = start
    (i1, i2), (t1, t2), exp = x, target, math.exp
    losses = []
    for _ in range(n):
        h1 = 1.0 / (1.0 + exp(-(w1 * i1 + w2 * i2 + b1)))
        h2 = 1.0 / (1.0 + exp(-(w3 * i1 + w4 * i2 + b2)))
        o1 = 1.0 / (1.0 + exp(-(w5 * h1 + w6 * h2 + b3)))
        o2 = 1.0 / (1.0 + exp(-(w7 * h1 + w8 * h2 + b4)))
        losses.append(0.5 * ((t1 - o1) ** 2 + (t2 - o2) ** 2))
        d1, d2 = (o1 - t1) * o1 * (1.0 - o1), (o2 - t2) * o2 * (1.0 - o2)
        e1 = (d1 * w5 + d2 * w7) * h1 * (1.0 - h1)
        e2 = (d1 * w6 + d2 * w8) * h2 * (1.0 - h2)
        w5, w6, w7, w8 = w5 - lr * d1 * h1, w6 - lr * d1 * h2, w7 - lr * d2 * h1, w8 - lr * d2 * h2
        w1, w2, w3, w4 = w1 - lr * e1 * i1, w2 - lr * e1 * i2, w3 - lr * e2 * i1, w4 - lr * e2 * i2
    return [w1, w2, w3, w4, b1, b2, w5, w6, w7, w8, b3, b4], losses


class EngineSide:
    """Stepper.run(n) from Mazur's start; keeps the last stepper for the numbers check."""

    def __init__(self, config: Config, n: int) -> None:
        self.config, self.n = config, n
        self.stepper = Stepper(config)

    def __call__(self) -> Callable[[], object]:
        self.stepper = Stepper(self.config)
        return partial(self.stepper.run, self.n)


class LearnerSide:
    def __init__(self, config: Config, n: int) -> None:
        self.config, self.n = config, n
        self.loop = LearnerLoop(Stepper(config))

    def __call__(self) -> Callable[[], object]:
        self.loop = LearnerLoop(Stepper(self.config))
        return partial(self.loop.run, self.n)


class FloatsSide:
    def __init__(self, config: Config, n: int) -> None:
        stepper = Stepper(config)
        start, x = stepper.model.values().tolist(), stepper.x[0].tolist()
        self.args = (start, x, stepper.target[0].tolist(), config.lr, n)
        self.weights: list[float] = []

    def __call__(self) -> Callable[[], object]:
        return self.work

    def work(self) -> None:
        self.weights = python_floats(*self.args)[0]


def fast_forward_rows(config: Config, sizes: Sizes) -> list[Row]:
    n = sizes.iterations
    engine, learner, floats = EngineSide(config, n), LearnerSide(config, n), FloatsSide(config, n)
    a, b, c = (
        [t / n for t in side] for side in interleave([engine, learner, floats], sizes.repeats)
    )
    values = engine.stepper.model.values()
    same_weights, weights = compare(values, learner.loop.values())
    same_losses, losses = compare(engine.stepper.trajectory.losses, np.array(learner.loop.losses))
    _, floats_words = compare(np.array(floats.weights), values)
    ratio = median(a) / median(b)
    return [
        Row(
            metric=f"fast-forward run({n:,}), Mazur",
            a=median(a),
            b=median(b),
            unit="s/it",
            ratio=ratio,
            target="A/B ≤ 0.8",
            ok=ratio <= 0.8 and same_weights and same_losses,
            a_is="Stepper.run, per iteration",
            b_is="the learner's nn.Sequential + optim.SGD loop, .item() per loss",
            numbers=f"final weights: {weights}; losses: {losses}",
            identical=weights == losses == IDENTICAL,
        ),
        Row(
            metric="distance to the floor",
            a=median(a),
            b=median(c),
            unit="s/it",
            ratio=median(a) / median(c),
            target="reported",
            ok=None,
            a_is="Stepper.run",
            b_is="the same iteration in plain Python floats",
            numbers=f"final weights: {floats_words} (another order of operations)",
            identical=floats_words == IDENTICAL,
        ),
    ]


# -- the public-API path beside the private fast path ---------------------------------------
class PublicSide:
    """`work` on the public-API path (no private torch internals), for the same numbers."""

    def __init__(self, make: Callable[[], Callable[[], object]]) -> None:
        self.make = make

    def __call__(self) -> Callable[[], object]:
        with public_api_only():
            work = self.make()

        def run() -> None:
            with public_api_only():
                work()

        return run


def public_api_rows(config: Config, sizes: Sizes) -> list[Row]:
    """What the fenced private internals buy: the same two measurements on both paths."""
    n = sizes.iterations
    fast, public = EngineSide(config, n), EngineSide(config, n)
    a, b = ([t / n for t in side] for side in interleave([PublicSide(public), fast], sizes.repeats))
    same, words = compare(public.stepper.model.values(), fast.stepper.model.values())
    steppers = {"fast": Stepper(config), "public": Stepper(config)}
    steps = steppers["fast"].micro_steps_per_iteration * sizes.micro_iterations

    def micro(name: str) -> Callable[[], Callable[[], object]]:
        def make() -> Callable[[], object]:
            def work() -> None:
                for _ in range(steps):
                    steppers[name].step_phase()

            return work

        return make

    c, d = (
        [t / steps for t in side]
        for side in interleave([PublicSide(micro("public")), micro("fast")], sizes.repeats)
    )
    agree, micro_words = compare(steppers["public"].model.values(), steppers["fast"].model.values())
    return [
        Row(
            metric=f"fast-forward run({n:,}), public API only",
            a=median(a),
            b=median(b),
            unit="s/it",
            ratio=median(a) / median(b),
            target="reported",
            ok=None,
            a_is="Stepper.run with engine.core.fast_path switched off",
            b_is="Stepper.run on the fast path (private torch internals)",
            numbers=words,
            identical=same and words == IDENTICAL,
        ),
        Row(
            metric="micro-step with Snapshot, public API only",
            a=median(c),
            b=median(d),
            unit="s",
            ratio=median(c) / median(d),
            target="reported",
            ok=None,
            a_is="step_phase() with engine.core.fast_path switched off",
            b_is="step_phase() on the fast path",
            numbers=micro_words,
            identical=agree and micro_words == IDENTICAL,
        ),
    ]


# -- one micro-step, with and without its Snapshot -----------------------------------------
def micro_step_row(config: Config, sizes: Sizes) -> Row:
    full, bare = Stepper(config), Stepper(config)
    steps = full.micro_steps_per_iteration * sizes.micro_iterations
    by_position: list[list[float]] = [[] for _ in range(full.micro_steps_per_iteration)]

    def with_snapshot() -> Callable[[], object]:
        def work() -> None:
            for k in range(steps):
                start = time.perf_counter()
                full.step_phase()
                by_position[k % len(by_position)].append(time.perf_counter() - start)

        return work

    def without() -> Callable[[], object]:
        def work() -> None:
            for _ in range(steps):
                bare.step_phase(build=False)

        return work

    a, b = (
        [t / steps for t in side] for side in interleave([with_snapshot, without], sizes.repeats)
    )
    slowest = max(median(times) for times in by_position)
    agree, words = compare(full.model.values(), bare.model.values())
    same_losses = np.array_equal(full.trajectory.losses, bare.trajectory.losses)
    ratio = median(a) / median(b)
    return Row(
        metric="micro-step with Snapshot, Mazur",
        a=median(a),
        b=median(b),
        unit="s",
        ratio=ratio,
        target="A/B ≤ 2, A < 1 ms",
        ok=ratio <= 2 and slowest < 1e-3 and agree and same_losses,
        a_is="step_phase(), mean over whole iterations",
        b_is="step_phase(build=False), the same micro-steps",
        numbers=words if same_losses else f"{words}; the losses differ",
        identical=words == IDENTICAL and same_losses,
        note=f"slowest micro-step with its Snapshot {slowest * 1e3:.2f} ms (median per position)",
    )


# -- memory of the history that back() and the plots use -----------------------------------
def history_row(config: Config, sizes: Sizes) -> Row:
    n = sizes.history
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        stepper = Stepper(config)
        stepper.run(n)
        gc.collect()
        traced = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    total = (traced + untraced_bytes(stepper)) / MB
    trajectory = stepper.trajectory.nbytes / MB
    return Row(
        metric=f"history memory, {n:,} Mazur iterations",
        a=total,
        b=None,
        unit="MB",
        ratio=None,
        target="≤ 64 MB",
        ok=total <= 64,
        a_is="what run(n) keeps: trajectory, checkpoints, optimizer state",
        note=f"trajectory {trajectory:.1f} MB, {len(stepper.checkpoints)} checkpoints; "
        "tracemalloc, plus torch-owned buffers by size",
    )


def untraced_bytes(stepper: Stepper) -> int:
    """Bytes in torch storage, which tracemalloc does not see (it sees Python and numpy)."""
    total = 0
    for checkpoint in stepper.checkpoints.values():
        for array in (checkpoint.values, checkpoint.grads):
            if array is not None and isinstance(array.base, torch.Tensor):
                total += array.nbytes
        total += tensor_bytes((checkpoint.optimizer or {}).get("state", {}))
    return total


def tensor_bytes(value: object) -> int:
    if isinstance(value, torch.Tensor):
        return value.nelement() * value.element_size()
    if isinstance(value, dict):
        return sum(tensor_bytes(v) for v in value.values())
    return 0


# -- the loss surface -----------------------------------------------------------------------
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


# -- the basin map --------------------------------------------------------------------------
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
