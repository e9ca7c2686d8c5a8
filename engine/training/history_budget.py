"""How much memory a run's history may take, and the refusal when a run would pass it.

A run keeps every iteration's loss and gradient norm, a checkpoint (parameters, gradients,
optimizer state) every CHECKPOINT_EVERY iterations for back(), and a record of parameters.
The record thins itself past PARAMS_BUDGET_BYTES (engine/training/trajectory.py) and the
stepper thins its older checkpoints past CHECKPOINTS_BUDGET_BYTES, so only the losses grow
without bound: a run that would still pass the budget is refused up front, with the numbers,
rather than failing half-way.
"""

from __future__ import annotations

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.training.trajectory import param_rows_for

HISTORY_BUDGET_BYTES = 3_000_000_000
CHECKPOINT_TENSORS = 5  # parameters, gradients, and up to three optimizer buffers per parameter
CHECKPOINT_OVERHEAD_BYTES = 4096  # the Python objects around one checkpoint
CHECKPOINTS_BUDGET_BYTES = 512 * 2**20
MIN_CHECKPOINTS = 1000


def bytes_per_iteration(parameters: int, checkpoint_every: int) -> float:
    """What one more iteration adds, on average, until the checkpoints are thinned: its loss
    and gradient norm (in arrays that grow by doubling, so up to twice that) and its share of
    a checkpoint."""
    return 2 * 16 + checkpoint_bytes(parameters) / checkpoint_every


def checkpoint_bytes(parameters: int) -> int:
    return CHECKPOINT_TENSORS * 8 * parameters + CHECKPOINT_OVERHEAD_BYTES


def checkpoints_kept_for(parameters: int) -> int:
    """How many iteration checkpoints a run keeps at most before it thins the older ones."""
    return max(MIN_CHECKPOINTS, CHECKPOINTS_BUDGET_BYTES // checkpoint_bytes(parameters))


def params_record_bytes(parameters: int) -> int:
    """The most the thinned record of parameters takes, however long the run."""
    return (param_rows_for(parameters) + 1) * 8 * parameters


def check_history_room(parameters: int, kept: int, more: int, checkpoint_every: int) -> None:
    """Refuse `more` iterations that, with `kept` already kept, would pass the budget.

    The thinned parameter record and checkpoints are bounded; the losses are not.
    """
    checkpoints = min(
        (kept + more) // checkpoint_every + 1, checkpoints_kept_for(parameters)
    ) * checkpoint_bytes(parameters)
    fixed = params_record_bytes(parameters) + checkpoints
    if fixed + (kept + more) * 2 * 16 <= HISTORY_BUDGET_BYTES:
        return
    room = max(0, int((HISTORY_BUDGET_BYTES - fixed) // (2 * 16)) - kept)
    text = translate(
        "EngineError",
        "a run of {more:,} iterations would keep about {needed:,.1f} GB of history for "
        "{parameters:,} parameters (every iteration's loss is kept); at most {room:,} more fit "
        "in {budget:.1f} GB: run fewer, or reset",
    )
    needed = (fixed + (kept + more) * 2 * 16) / 1e9
    budget = HISTORY_BUDGET_BYTES / 1e9
    raise EngineError(
        text.format(more=more, needed=needed, parameters=parameters, room=room, budget=budget)
    )
