"""How to split a loss surface into chunks of grid points that fit a memory budget.

Every grid point of a plane that moves a layer's weights is a network of its own: the batched
evaluation holds that layer's weights once per point, and its activations once per point and
example. A 256² random plane through a 2-900-8-2 network asked for 3.8 GB in one piece; the
plan below bounds each chunk instead. The per-point estimate counts every tensor the
evaluation in engine.landscape.surface allocates at its peak
(tests/engine/landscape/test_surface_plan.py checks it against the process's measured peak).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from engine.landscape.plane import Plane

if TYPE_CHECKING:
    from engine.models.mlp import MLP

SURFACE_MEMORY_BUDGET = 512 * 2**20  # bytes one chunk of a surface may take at its peak
UNROLL_INPUTS = 8  # layers this narrow are summed elementwise rather than by matmul
FLOAT64 = 8  # plane coordinates are combined in float64 before casting to the model's dtype
# glibc serves blocks under its (moving) mmap threshold from a heap that fragments between
# chunks: measured peaks ran 1.11-1.25 times the live bytes at budgets of 128-512 MB.
HEAP_SLACK = 1.3


@dataclass(frozen=True)
class ChunkPlan:
    points: int  # grid points in all
    chunk_points: int  # grid points per chunk (the last may hold fewer)
    bytes_per_point: int  # estimated peak bytes per grid point, the heap's slack included
    budget: int

    @property
    def chunks(self) -> int:
        return -(-self.points // self.chunk_points)

    @property
    def largest_chunk_bytes(self) -> int:
        return min(self.chunk_points, self.points) * self.bytes_per_point

    @property
    def total_bytes(self) -> int:
        """What the whole grid would take in one piece."""
        return self.points * self.bytes_per_point

    def ranges(self) -> list[tuple[int, int]]:
        """[start, stop) of each chunk, in grid order."""
        return [
            (start, min(start + self.chunk_points, self.points))
            for start in range(0, self.points, self.chunk_points)
        ]


def plan_chunks(
    model: MLP, plane: Plane, batch: int, points: int, budget: int = SURFACE_MEMORY_BUDGET
) -> ChunkPlan:
    """As many grid points per chunk as the budget holds (at least one)."""
    per_point = math.ceil(live_bytes_per_point(model, plane, batch) * HEAP_SLACK)
    chunk = max(1, min(points, budget // per_point))
    return ChunkPlan(points, chunk, per_point, budget)


def live_bytes_per_point(model: MLP, plane: Plane, batch: int) -> int:
    """Peak bytes the batched evaluation holds per grid point (an upper estimate)."""
    item = model.dtype.itemsize
    held = 0  # weights and biases at the grid points, kept until the forward pass ends
    building = 0  # the float64 temporaries beside the largest block while it is built
    forward = 0  # the largest layer's temporaries in the forward pass
    activations = 0  # each layer's net and out, per example
    offset, per_point = 0, False
    for linear in model.linears:
        n_out, n_in = linear.weight.shape
        weight_moves = _moves(plane, offset, offset + n_out * n_in)
        offset += n_out * n_in
        bias_moves = _moves(plane, offset, offset + n_out)
        offset += n_out
        for size, moves in ((n_out * n_in, weight_moves), (n_out, bias_moves)):
            if moves:
                held += size * item
                # origin + d₁·a + d₂·b: two float64 terms beside the sum, and the sum itself
                # beside its cast when the model is not float64.
                building = max(building, size * FLOAT64 * (2 if item == FLOAT64 else 3))
        per_point = per_point or weight_moves or bias_moves
        if per_point:  # before the first moved layer, one signal is shared by every point
            # einsum may copy the weights and the signal into matmul order, and the result back.
            copies = n_out * n_in * item if weight_moves and n_in > UNROLL_INPUTS else 0
            forward = max(forward, copies + 4 * batch * (n_in + n_out) * item)
            activations += 2 * batch * n_out * item
    loss = 4 * batch * model.linears[-1].weight.shape[0] * FLOAT64
    return held + max(building, forward) + activations + loss


def _moves(plane: Plane, start: int, end: int) -> bool:
    """Whether the plane moves any parameter in [start, end): else that block is shared."""
    return bool(np.any(plane.directions[:, start:end]))
