"""The limits a session is opened under, checked before any work; each refusal is one line.

The size and nesting caps are applied while reading (engine/io/load_limits.py); the input rows
and the replay's cost (input rows x parameters x iterations) before the model is built and
before the replay starts. Saving checks the same limits, so the app never writes a session that
it would refuse to open.
"""

from __future__ import annotations

from typing import Any

from engine.core.errors import EngineError
from engine.io.load_limits import shown_size
from engine.models.config import Config
from engine.training.stepper import Stepper

# Limits checked before any work: a session's size, nesting, input rows and replay cost.
MAX_SESSION_BYTES = 64 * 2**20  # about 1.5 million iterations of the Mazur net
MAX_JSON_DEPTH = 32  # a session nests 4 levels deep
MAX_INPUT_ROWS = 10_000
# Input rows x parameters x iterations replayed, at about 0.45 µs each as measured here: under
# four minutes (with progress and Cancel in the window), about as long as the size cap allows.
MAX_REPLAY_COST = 500_000_000
ITERATION_OVERHEAD = 300  # an iteration's fixed cost in the same units (130 µs on Mazur)


def rows_per_iteration(stepper: Stepper) -> int:
    """The samples an iteration computes on: the config's rows, a batch, or a dataset's whole
    training set (a dataset run's config holds no rows)."""
    config = stepper.initial_config
    if config.batch_size:
        return config.batch_size
    return max(len(config.inputs), len(stepper.x))


def check_reopenable(document: dict[str, Any], size: int, rows: int) -> None:
    """A file that opening would refuse is not written: say so instead."""
    if size > MAX_SESSION_BYTES:
        raise EngineError(
            f"cannot save the session: it would take {shown_size(size)}, more than the "
            f"{shown_size(MAX_SESSION_BYTES)} a session may be; reset or save a shorter run"
        )
    iterations = len(document["trajectory"]["losses"])
    parameters = len(document["trajectory"]["labels"])
    check_replay_cost(rows, parameters, iterations, "cannot save the session")


def check_input_rows(config: Config) -> None:
    if len(config.inputs) > MAX_INPUT_ROWS:
        raise EngineError(
            f"the session has {len(config.inputs):,} input rows; "
            f"at most {MAX_INPUT_ROWS:,} input rows can be opened"
        )


def check_replay_cost(rows: int, parameters: int, iterations: int, what: str) -> None:
    """Refuse a replay whose work (rows x parameters x iterations) passes the limit."""
    cost = (iterations + 1) * (rows * parameters + ITERATION_OVERHEAD)
    if cost > MAX_REPLAY_COST:
        raise EngineError(
            f"{what}: replaying {iterations:,} iterations of {rows:,} input rows x "
            f"{parameters:,} parameters would cost {cost:,} units, more than the "
            f"{MAX_REPLAY_COST:,} a session may"
        )
