"""The engine's pairs: fast-forward, micro-steps, history memory, surface, basin map and the
gradient cloud."""

from __future__ import annotations

import torch

from engine.bench.fast_forward_rows import fast_forward_rows
from engine.bench.gradient_cloud_rows import gradient_cloud_row
from engine.bench.loop_rows import loop_rows
from engine.bench.memory_rows import history_row
from engine.bench.micro_step_rows import micro_step_row
from engine.bench.public_api_rows import public_api_rows
from engine.bench.report import Row
from engine.bench.surface_rows import basin_row, surface_row
from engine.bench.timing import Sizes
from engine.models.presets import MAZUR


def engine_rows(sizes: Sizes, device: torch.device) -> list[Row]:
    config = MAZUR.replace(device=device.type)
    return [
        *fast_forward_rows(config, sizes),
        micro_step_row(config, sizes),
        *public_api_rows(config, sizes),
        history_row(config, sizes),
        surface_row(config, sizes),
        basin_row(sizes, device),
        gradient_cloud_row(sizes),
        *loop_rows(sizes),
    ]
