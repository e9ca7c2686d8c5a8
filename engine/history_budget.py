"""How much memory a run's history may take: every iteration is kept for back() and the plots.

A run keeps each iteration's loss, gradient norm and parameters, and a checkpoint (parameters,
gradients, optimizer state) every CHECKPOINT_EVERY iterations. For the largest networks a long
run would outgrow the machine's memory, so a run that would pass the budget is refused up
front, with the numbers, rather than failing half-way.
"""

from __future__ import annotations

from engine.errors import EngineError
from engine.i18n import translate

HISTORY_BUDGET_BYTES = 3_000_000_000  # a 10,000,000-iteration Mazur run keeps about 2.7 GB
CHECKPOINT_TENSORS = 5  # parameters, gradients, and up to three optimizer buffers per parameter
CHECKPOINT_OVERHEAD_BYTES = 4096  # the Python objects around one checkpoint


def bytes_per_iteration(parameters: int, checkpoint_every: int) -> float:
    """The history one fast-forward iteration keeps, on average, for `parameters` scalars."""
    # The parameters, the loss and the gradient norm in float64, in arrays that grow by
    # doubling: up to twice what is used.
    row = 2 * (8 * parameters + 16)
    checkpoint = CHECKPOINT_TENSORS * 8 * parameters + CHECKPOINT_OVERHEAD_BYTES
    return row + checkpoint / checkpoint_every


def check_history_room(parameters: int, kept: int, more: int, checkpoint_every: int) -> None:
    """Refuse `more` iterations that, with `kept` already kept, would pass the budget."""
    per_iteration = bytes_per_iteration(parameters, checkpoint_every)
    if (kept + more) * per_iteration <= HISTORY_BUDGET_BYTES:
        return
    room = max(0, int(HISTORY_BUDGET_BYTES // per_iteration) - kept)
    text = translate(
        "EngineError",
        "a run of {more:,} iterations would keep about {needed:,.1f} GB of history for "
        "{parameters:,} parameters (every iteration is kept for back() and the plots); at most "
        "{room:,} more fit in {budget:.1f} GB: run fewer, reset, or use a smaller network",
    )
    needed = (kept + more) * per_iteration / 1e9
    budget = HISTORY_BUDGET_BYTES / 1e9
    raise EngineError(
        text.format(more=more, needed=needed, parameters=parameters, room=room, budget=budget)
    )
