"""Interleaved timing: each side runs in turn, so drift in machine load hits both alike."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Prepare = Callable[[], Callable[[], object]]  # untimed set-up that returns the timed work


@dataclass(frozen=True)
class Sizes:
    """How much work each pair does; QUICK only shows that every row runs."""

    repeats: int = 5
    iterations: int = 10_000  # fast-forward, the learner's loop and plain floats
    micro_iterations: int = 20  # whole iterations of micro-steps per repetition
    history: int = 100_000  # iterations recorded for the memory row
    surface_res: int = 256
    loop_res: int = 32  # the per-point loop runs on this grid, scaled to surface_res
    basin_res: int = 64
    basin_steps: int = 200
    single_nets: int = 16  # starts run one at a time for the basin map's baseline
    redraws: int = 60  # GUI micro-steps timed
    play_seconds: float = 3.0  # Play at its fastest speed, timed
    cold_starts: int = 3
    cuda_surface_res: int = 1024
    cuda_basin_res: int = 256


FULL = Sizes()
QUICK = Sizes(
    repeats=3,
    iterations=200,
    micro_iterations=2,
    history=1_000,
    surface_res=64,
    loop_res=8,
    basin_res=16,
    basin_steps=20,
    single_nets=2,
    redraws=5,
    play_seconds=0.5,
    cold_starts=1,
    cuda_surface_res=128,
    cuda_basin_res=32,
)


def interleave(sides: Sequence[Prepare], repeats: int) -> list[list[float]]:
    """Seconds per timed call of each side, A B A B ..., after one untimed round."""
    samples: list[list[float]] = [[] for _ in sides]
    for round_ in range(repeats + 1):
        for prepare, times in zip(sides, samples, strict=True):
            work = prepare()
            gc.collect()  # a collection triggered by the other side must not land here
            start = time.perf_counter()
            work()
            elapsed = time.perf_counter() - start
            if round_:
                times.append(elapsed)
    return samples


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
