"""The memory of the history that back() and the plots use."""

from __future__ import annotations

import gc
import tracemalloc

import torch

from engine.bench.report import Row
from engine.bench.timing import Sizes
from engine.models.config import Config
from engine.training.stepper import Stepper

MB = 2**20


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
