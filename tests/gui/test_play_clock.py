"""Playing ticks at the learner's speed, kept within what the slider offers."""

from __future__ import annotations

import pytest

from engine.core.errors import EngineError
from gui.play_clock import (
    DEFAULT_SPEED,
    FRAME_MS,
    MAX_DUE,
    MAX_SPEED,
    MIN_SPEED,
    PlayClock,
    repeated,
)


def test_the_speed_stays_within_bounds_and_sets_the_interval(qtbot):
    clock = PlayClock(lambda n: None)
    assert clock.speed == DEFAULT_SPEED and not clock.running
    clock.set_speed(0)
    assert clock.speed == MIN_SPEED and clock._timer.interval() == 1000
    clock.set_speed(10_000)
    assert clock.speed == MAX_SPEED and clock._timer.interval() == FRAME_MS
    assert MAX_SPEED >= 50  # the fastest speed offers at least 50 micro-steps a second


def test_ticks_come_while_started(qtbot):
    ticks: list[int] = []
    clock = PlayClock(ticks.append)
    clock.set_speed(MAX_SPEED)
    clock.start()
    assert clock.running
    qtbot.waitUntil(lambda: len(ticks) >= 2, timeout=2000)
    clock.stop()
    assert not clock.running and all(n >= 1 for n in ticks)


def test_the_steps_due_follow_the_time_elapsed_and_keep_the_fraction(qtbot):
    clock = PlayClock(lambda n: None)
    clock.set_speed(100)  # one micro-step every 10 ms, ticks every 16 ms
    due = [clock.due(FRAME_MS) for _ in range(10)]
    assert sum(due) == 16 and set(due) == {1, 2}  # 160 ms at 100/s, none lost to rounding
    clock.set_speed(4)
    assert [clock.due(125) for _ in range(4)] == [0, 1, 0, 1]


def test_a_stall_catches_up_only_a_few_steps(qtbot):
    clock = PlayClock(lambda n: None)
    clock.set_speed(MAX_SPEED)
    assert clock.due(5_000) == MAX_DUE


def test_repeated_returns_the_last_result_and_stops_early():
    calls: list[int] = []

    def step() -> int:
        calls.append(1)
        return len(calls)

    assert repeated(step, 4, lambda n: False)() == 4
    calls.clear()
    assert repeated(step, 10, lambda n: n == 3)() == 3 and len(calls) == 3


def test_a_refusal_after_the_first_step_keeps_the_steps_taken():
    results = iter([1, 2])

    def step() -> int:
        try:
            return next(results)
        except StopIteration:
            raise EngineError("the history is full") from None

    assert repeated(step, 5, lambda n: False)() == 2
    with pytest.raises(EngineError):
        repeated(step, 5, lambda n: False)()  # the first step's refusal is the command's
