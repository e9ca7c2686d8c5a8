"""Playing ticks at the learner's speed, kept within what the slider offers."""

from __future__ import annotations

from gui.play_clock import DEFAULT_SPEED, MAX_SPEED, MIN_SPEED, PlayClock


def test_the_speed_stays_within_bounds_and_sets_the_interval(qtbot):
    clock = PlayClock(lambda: None)
    assert clock.speed == DEFAULT_SPEED and not clock.running
    clock.set_speed(0)
    assert clock.speed == MIN_SPEED and clock._timer.interval() == 1000
    clock.set_speed(10_000)
    assert clock.speed == MAX_SPEED and clock._timer.interval() == 20


def test_ticks_come_while_started(qtbot):
    ticks: list[int] = []
    clock = PlayClock(lambda: ticks.append(1))
    clock.set_speed(MAX_SPEED)
    clock.start()
    assert clock.running
    qtbot.waitUntil(lambda: len(ticks) >= 2, timeout=2000)
    clock.stop()
    assert not clock.running
