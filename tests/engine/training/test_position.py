"""The shared position: moving on raises the furthest reach; a restart clears everything."""

from __future__ import annotations

import numpy as np

from engine.training.iteration_pass import Pass
from engine.training.position import Position
from engine.training.trajectory import Trajectory


def test_moving_on_and_going_back() -> None:
    position = Position(Trajectory(np.zeros(2)))
    position.moved(5)
    position.tick = 2  # back
    position.moved(1)
    assert (position.tick, position.max_tick) == (3, 5)


def test_a_restart_is_a_fresh_position() -> None:
    position = Position(Trajectory(np.zeros(2)))
    position.moved(7)
    position.micro, position.iteration, position.diverged, position.pass_ = 3, 1, True, Pass()
    fresh = Trajectory(np.ones(2))
    position.restart(fresh)
    assert position == Position(fresh)
