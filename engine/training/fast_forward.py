"""Fast-forward: many whole iterations at the speed of a plain training loop, no Snapshots."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from engine.core.errors import EngineError
from engine.training.checkpoints import CheckpointStore
from engine.training.fast_batch import FastBatch, FastIterations
from engine.training.history import History
from engine.training.history_budget import check_history_room
from engine.training.phases import PhaseMachine, diverged_error
from engine.training.position import Position

CHECKPOINT_EVERY = 100  # during fast-forward; back() replays at most this many iterations
REPORT_EVERY = 256  # iterations between progress reports (and chances to rest)

Visitor = Callable[[Any], None]  # reads the stepper at rest inside a run
Visit = Callable[[], Visitor | None]


@dataclass(frozen=True)
class RunResult:
    completed: int  # iterations finished by this call
    diverged_at: int | None = None  # the iteration whose loss was not finite
    cancelled: bool = False


class FastForward:
    """Runs n iterations: finishes the current one micro-step by micro-step, then goes fast.

    Checkpoints are saved on the way, a divergence rewinds to the last finite iteration, and
    the position ends with its Snapshot rebuilt by exact replay, as if micro-stepped there.
    """

    def __init__(
        self,
        position: Position,
        store: CheckpointStore,
        phases: PhaseMachine,
        fast: FastIterations,
        history: History,
        parameters: int,
    ) -> None:
        self._position = position
        self._store = store
        self._phases = phases
        self._fast = fast
        self._history = history
        self._parameters = parameters

    def check_room(self, n: int) -> None:
        """Refuse (EngineError) a run of n iterations whose history would not fit the budget."""
        length = self._position.trajectory.length
        check_history_room(self._parameters, length, n, CHECKPOINT_EVERY)

    def run(
        self,
        n: int,
        progress: Callable[[int], None] | None,
        should_stop: Callable[[], bool] | None,
        visit: Visit | None,
        host: object,
    ) -> RunResult:
        """n iterations, finishing the current one first; `host` is what visitors read."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise EngineError(f"the number of iterations must be a whole number ≥ 0, got {n!r}")
        position = self._position
        if position.diverged:
            raise diverged_error()
        self.check_room(n)
        self._history.drop_undone_edits()
        done = 0
        if position.micro and n:
            while position.micro and not position.diverged:
                self._phases.advance(build=True)
            if position.diverged:
                return RunResult(0, position.iteration)
            done = 1
        return self._fast_forward(n, done, progress, should_stop, visit, host)

    def _fast_forward(
        self,
        n: int,
        done: int,
        progress: Callable[[int], None] | None,
        should_stop: Callable[[], bool] | None,
        visit: Visit | None,
        host: object,
    ) -> RunResult:
        """Whole iterations until `done` reaches n, committed to the trajectory in chunks:
        before each checkpoint, before each progress report (the caller may read the
        trajectory then) and at the end."""
        position, commit = self._position, self._fast.commit
        first, fast = position.iteration, self._fast.batch()
        while done < n and not (should_stop is not None and should_stop()):
            if (position.iteration + fast.pending) % CHECKPOINT_EVERY == 0 or done == n - 1:
                if (past := commit(fast)) is not None:
                    return self._stop_diverged(first, done - past)
                self._store.save_at_boundary()
            fast.iterate()
            done += 1
            if progress is not None and done % REPORT_EVERY == 0:
                if (past := commit(fast)) is not None:
                    return self._stop_diverged(first, done - past)
                progress(done)
                if visit is not None and (visitor := visit()) is not None:
                    fast = self._rest(visitor, host)
        if (past := commit(fast)) is not None:
            return self._stop_diverged(first, done - past)
        if position.iteration > first:
            position.stale = True  # the last micro-step's Snapshot: rebuilt when first read
        return RunResult(done, cancelled=done < n)

    def _rest(self, visitor: Visitor, host: object) -> FastBatch:
        """A consistent point inside a run: the Snapshot of this position rebuilt by exact
        replay (as at the end of every run), the visitor served, fresh fast-forward state."""
        self._history.goto(self._position.tick)
        visitor(host)
        return self._fast.batch()

    def _stop_diverged(self, first: int, done: int) -> RunResult:
        """Rewind to the start of the iteration before the divergence: its loss was finite."""
        position, timeline = self._position, self._phases.timeline
        diverged_at = position.iteration
        keep = max(first, diverged_at - 1)
        self._history.goto(position.tick - timeline.ticks(keep, diverged_at - keep))
        return RunResult(done - (diverged_at - keep), diverged_at)
