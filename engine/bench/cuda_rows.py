"""Rows a CUDA device adds: a big surface, a big basin map, and where the GPU overtakes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import torch

from engine.bench.agreement import compare
from engine.bench.report import Row
from engine.bench.surface_rows import BASIN_CONFIG, BASIN_FUNCTION, basin_starts
from engine.bench.timing import Sizes, interleave, median
from engine.landscape.descent import descend
from engine.landscape.surface import Surface, default_bounds, mlp_surface, parameter_plane
from engine.landscape.terrain import default_axes
from engine.models.presets import MAZUR
from engine.models.test_functions import get_function
from engine.training.stepper import Stepper

CROSSOVER_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def cuda_rows(sizes: Sizes, device: torch.device) -> list[Row]:
    return [
        surface_pair(sizes.cuda_surface_res, sizes, device),
        basin_pair(sizes, device),
        crossover_row(sizes, device),
    ]


def surface_function(device: torch.device, res: int) -> Callable[[], Surface]:
    """The Mazur surface on `device`, at the starting point (the view's default plane)."""
    stepper = Stepper(MAZUR.replace(device=device.type))
    values = stepper.model.values()
    plane = parameter_plane(stepper.model, values, *default_axes(stepper.model.params))
    bounds = default_bounds(plane, values)
    s = stepper
    return partial(mlp_surface, s.model, s.x, s.target, s.loss_fn, plane, bounds, res)


def synced(work: Callable[[], object], device: torch.device) -> Callable[[], object]:
    def run() -> object:
        result = work()
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        return result

    return run


def surface_pair(res: int, sizes: Sizes, device: torch.device) -> Row:
    gpu = synced(surface_function(device, res), device)
    cpu = surface_function(torch.device("cpu"), res)
    a, b = interleave([lambda: gpu, lambda: cpu], sizes.repeats)
    _, words = compare(gpu().loss, cpu().loss)  # type: ignore[attr-defined]
    return Row(
        metric=f"surface {res}×{res}, Mazur, {device.type} vs cpu",
        a=median(a),
        b=median(b),
        unit="s",
        ratio=median(b) / median(a),
        target="reported",
        ok=None,
        a_is=f"mlp_surface on {device}",
        b_is="mlp_surface on the CPU",
        numbers=words,
    )


def basin_pair(sizes: Sizes, device: torch.device) -> Row:
    fn = get_function(BASIN_FUNCTION)
    res, steps = sizes.cuda_basin_res, sizes.basin_steps
    starts = basin_starts(res)
    gpu = partial(descend, fn, starts, BASIN_CONFIG, steps, device=device)
    cpu = partial(descend, fn, starts, BASIN_CONFIG, steps)
    a, b = interleave([lambda: gpu, lambda: cpu], sizes.repeats)
    _, words = compare(gpu(), cpu())
    return Row(
        metric=f"basin map {res}×{res} × {steps} steps, {device.type} vs cpu",
        a=len(starts) * steps / median(a),
        b=len(starts) * steps / median(b),
        unit="it/s",
        ratio=median(b) / median(a),
        target="reported",
        ok=None,
        a_is=f"descend() on {device}, net-iterations per second",
        b_is="descend() on the CPU",
        numbers=f"end points: {words}",
    )


def crossover_row(sizes: Sizes, device: torch.device) -> Row:
    """The smallest surface for which the GPU is faster than the CPU."""
    measured = []
    for res in CROSSOVER_SIZES:
        gpu = synced(surface_function(device, res), device)
        cpu = surface_function(torch.device("cpu"), res)
        a, b = interleave([lambda g=gpu: g, lambda c=cpu: c], sizes.repeats)
        measured.append(f"{res}²: {median(b) / median(a):.2g}×")
        if median(a) < median(b):
            return Row(
                metric=f"CPU/GPU crossover, Mazur surface ({device.type})",
                a=float(res),
                b=None,
                unit="per side",
                ratio=median(b) / median(a),
                target="reported",
                ok=None,
                a_is="the smallest grid the GPU computes faster (ratio: CPU time / GPU time)",
                note="; ".join(measured),
            )
    return Row.not_measured(
        f"CPU/GPU crossover, Mazur surface ({device.type})",
        "reported",
        f"the CPU was faster up to {CROSSOVER_SIZES[-1]}² ({'; '.join(measured)})",
    )
