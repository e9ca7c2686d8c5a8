"""How much memory a run's history may take, and the refusal when a run would pass it.

A run keeps every iteration's loss and gradient norm, a checkpoint (parameters, gradients,
optimizer state) every CHECKPOINT_EVERY iterations for back(), and a record of parameters
that thins itself to stay under PARAMS_BUDGET_BYTES (engine/trajectory.py). For the largest
networks a long run would still outgrow the machine's memory through its checkpoints, so a
run that would pass the budget is refused up front, with the numbers, rather than failing
half-way.
"""

from __future__ import annotations

from engine.errors import EngineError
from engine.i18n import translate
from engine.trajectory import param_rows_for

HISTORY_BUDGET_BYTES = 3_000_000_000
CHECKPOINT_TENSORS = 5  # parameters, gradients, and up to three optimizer buffers per parameter
CHECKPOINT_OVERHEAD_BYTES = 4096  # the Python objects around one checkpoint


def bytes_per_iteration(parameters: int, checkpoint_every: int) -> float:
    """What one more iteration adds, on average: its loss and gradient norm (in arrays that
    grow by doubling, so up to twice that) and its share of a checkpoint."""
    checkpoint = CHECKPOINT_TENSORS * 8 * parameters + CHECKPOINT_OVERHEAD_BYTES
    return 2 * 16 + checkpoint / checkpoint_every


def params_record_bytes(parameters: int) -> int:
    """The most the thinned record of parameters takes, however long the run."""
    return (param_rows_for(parameters) + 1) * 8 * parameters


def check_history_room(parameters: int, kept: int, more: int, checkpoint_every: int) -> None:
    """Refuse `more` iterations that, with `kept` already kept, would pass the budget."""
    per_iteration = bytes_per_iteration(parameters, checkpoint_every)
    fixed = params_record_bytes(parameters)
    if fixed + (kept + more) * per_iteration <= HISTORY_BUDGET_BYTES:
        return
    room = max(0, int((HISTORY_BUDGET_BYTES - fixed) // per_iteration) - kept)
    text = translate(
        "EngineError",
        "a run of {more:,} iterations would keep about {needed:,.1f} GB of history for "
        "{parameters:,} parameters (every loss, and a checkpoint every 100 iterations for "
        "back()); at most {room:,} more fit in {budget:.1f} GB: run fewer, reset, or use a "
        "smaller network",
    )
    needed = (fixed + (kept + more) * per_iteration) / 1e9
    budget = HISTORY_BUDGET_BYTES / 1e9
    raise EngineError(
        text.format(more=more, needed=needed, parameters=parameters, room=room, budget=budget)
    )
