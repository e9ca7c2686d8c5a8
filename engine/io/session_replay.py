"""Replaying a session's history and checking the result against what the file says, bit for bit.

The file's numbers are never loaded into the model: the config and the edits are replayed, so
a session that opens is one the engine itself computes, and any difference refuses the file.
"""

from __future__ import annotations

import dataclasses
import math
import struct
from collections.abc import Callable, Mapping
from typing import Any

from engine.core.errors import EngineError
from engine.io.session_checks import BUILD_ERRORS, one_line
from engine.io.session_schema import SavedHistory, SavedSnapshot, SavedTrajectory
from engine.models.config import Config
from engine.training.stepper import Stepper

Progress = Callable[[int, int], None]  # iterations replayed, iterations to replay


class SessionCancelled(EngineError):
    """Opening stopped because the caller asked it to; nothing was changed."""


@dataclasses.dataclass(frozen=True)
class Replay:
    """How the caller follows the replay: progress reports and a request to stop."""

    progress: Progress | None = None
    should_stop: Callable[[], bool] | None = None

    def stopped(self) -> bool:
        return self.should_stop is not None and self.should_stop()


def replay_history(stepper: Stepper, history: SavedHistory, replay: Replay) -> None:
    try:
        for tick, act in _actions(history):
            _advance(stepper, tick, history.iteration, replay)
            act(stepper)
        _advance(stepper, history.tick, history.iteration, replay)
    except SessionCancelled:
        raise
    except (EngineError, *BUILD_ERRORS) as error:
        reason = one_line(str(error))
        raise EngineError(f"the session does not replay to the saved state: {reason}") from None
    if replay.progress is not None:
        replay.progress(history.iteration, history.iteration)


def _actions(history: SavedHistory) -> list[tuple[int, Callable[[Stepper], object]]]:
    """The edits and live settings changes, in the order they were made (by position)."""
    actions: list[tuple[int, Callable[[Stepper], object]]] = [
        (tick, lambda s, label=label, value=value: s.edit_parameter(label, value))
        for tick, label, value in history.edits
    ]
    actions += [
        (tick, lambda s, changes=changes: s.change_settings(_changed(s.config, changes)))
        for tick, changes in history.settings
    ]
    return sorted(actions, key=lambda action: action[0])


def _changed(config: Config, changes: dict[str, Any]) -> Config:
    """The settings in force with `changes` (JSON values) applied, checked as a Config is."""
    return Config.from_dict(config.to_dict() | changes)


def _advance(stepper: Stepper, tick: int, total: int, replay: Replay) -> None:
    """Whole iterations fast, then micro-steps; stops short when training diverges or the
    caller asks it to stop."""
    whole = stepper.timeline.whole_within(stepper.iteration, tick - stepper.tick)
    start = stepper.iteration
    report = None if replay.progress is None else lambda done: replay.progress(start + done, total)
    if whole:
        result = stepper.run(whole, progress=report, should_stop=replay.should_stop)
        if result.cancelled and result.diverged_at is None:
            raise SessionCancelled("opening the session was cancelled")
        if result.completed != whole:
            raise EngineError("training diverged on the way")
    while stepper.tick < tick:
        if replay.stopped():
            raise SessionCancelled("opening the session was cancelled")
        stepper.step_phase()


def verify_replay(stepper: Stepper, saved: SavedSnapshot, trajectory: SavedTrajectory) -> None:
    snapshot = stepper.snapshot
    replayed = stepper.trajectory
    # The replay may have thinned less than the saved run (which may have gone back and
    # forth), so each saved row is compared with the replayed row of its iteration.
    rows = [replayed.params_after(i) for i in trajectory.param_iterations]
    same = (
        (snapshot.phase, snapshot.focus, snapshot.iteration)
        == (saved.phase, saved.focus, saved.iteration)
        and _same_map(snapshot.params, saved.params)
        and _same_map(snapshot.grads, saved.grads)
        and _same(snapshot.loss, saved.loss)
        and _same_state(snapshot.optimizer_state, saved.optimizer_state)
        and _same_list(stepper.trajectory.losses.tolist(), trajectory.losses)
        and all(row is not None for row in rows)
        and all(
            _same_list(row.tolist(), saved_row)
            for row, saved_row in zip(rows, trajectory.params, strict=True)
        )
        and _same_loop_record(stepper, trajectory)
    )
    if not same:
        raise EngineError("the session does not replay to the saved state")


def _same_loop_record(stepper: Stepper, trajectory: SavedTrajectory) -> bool:
    """A loop run's learning rates and evaluations, where the file holds them."""
    replayed = stepper.trajectory
    if trajectory.lrs is not None and not _same_list(replayed.lrs.tolist(), trajectory.lrs):
        return False
    if trajectory.evaluations is None:
        return True
    evaluations = [
        (e.epoch, e.train_loss, e.val_loss, e.val_accuracy) for e in replayed.evaluations
    ]
    return len(evaluations) == len(trajectory.evaluations) and all(
        a[0] == b[0] and _same_list(list(a[1:]), list(b[1:]))
        for a, b in zip(evaluations, trajectory.evaluations, strict=True)
    )


def _same_state(
    actual: Mapping[str, Mapping[str, float]], saved: dict[str, dict[str, float | None]]
) -> bool:
    return actual.keys() == saved.keys() and all(_same_map(actual[k], saved[k]) for k in actual)


def _same_map(actual: Mapping[str, Any], saved: dict[str, float | None]) -> bool:
    return actual.keys() == saved.keys() and all(_same(actual[k], saved[k]) for k in actual)


def _same_list(actual: list[float], saved: list[float | None]) -> bool:
    return len(actual) == len(saved) and all(map(_same, actual, saved))


def _same(a: float | None, b: float | None) -> bool:
    """Bit for bit (so 0.0 and -0.0 differ); any NaN equals any NaN."""
    if a is None or b is None:
        return a is b
    if math.isnan(a) and math.isnan(b):
        return True
    return struct.pack("<d", a) == struct.pack("<d", b)
