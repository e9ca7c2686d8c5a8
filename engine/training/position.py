"""Where a run stands and the record of how it got there."""

from __future__ import annotations

from dataclasses import dataclass

from engine.core.snapshot import Snapshot
from engine.training.iteration_pass import Pass
from engine.training.trajectory import Trajectory


@dataclass
class Position:
    """The one record that the phases, the history and fast-forward all move.

    Sharing it (instead of each piece keeping its own counters) means the pieces and the
    Stepper in front of them can never disagree about where the run is.
    """

    trajectory: Trajectory
    snapshot: Snapshot | None = None  # the Snapshot of this position (None only while built)
    tick: int = 0  # micro-steps from the start (an edit counts as one)
    micro: int = 0  # micro-steps into the current iteration
    iteration: int = 0  # whole iterations done
    max_tick: int = 0  # the furthest position reached: goto() may go up to it
    diverged: bool = False  # the current iteration's loss was not finite
    pass_: Pass | None = None  # the current iteration's computation; None between iterations
    # The last finished iteration's index and computation: between iterations the diagram
    # still shows its numbers, and tooltips explain them with its formulas.
    finished: tuple[int, Pass] | None = None
    # After fast-forward the Snapshot of this position is rebuilt by replay only when it is
    # first read (engine.training.stepper): a run's caller that reads numbers alone skips it.
    stale: bool = False

    def restart(self, trajectory: Trajectory) -> None:
        """Back to the start of a run with a fresh record."""
        self.trajectory = trajectory
        self.snapshot = None
        self.tick = self.micro = self.iteration = self.max_tick = 0
        self.diverged = False
        self.pass_ = None
        self.finished = None
        self.stale = False

    def moved(self, ticks: int) -> None:
        """`ticks` micro-steps further on; the furthest position follows."""
        self.stale = False
        self.tick += ticks
        self.max_tick = max(self.max_tick, self.tick)
