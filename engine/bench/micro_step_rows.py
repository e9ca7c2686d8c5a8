"""One micro-step, with and without the Snapshot it builds for the window."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from engine.bench.agreement import IDENTICAL, compare
from engine.bench.report import Row
from engine.bench.timing import Sizes, interleave, median
from engine.models.config import Config
from engine.training.stepper import Stepper


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
