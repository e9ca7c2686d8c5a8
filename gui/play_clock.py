"""Playing: micro-steps at a speed the learner sets on the transport bar.

A timer tick per micro-step cannot keep up at high speeds: every tick also waits for the event
loop and a repaint, so a 20 ms timer gave about 40 micro-steps a second. The clock therefore
ticks at most at the display's frame rate and asks for as many micro-steps as are due by the
time elapsed; the controller runs them and publishes only the last, one redraw per frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

from engine.core.errors import EngineError

MIN_SPEED, MAX_SPEED = 1, 100  # micro-steps per second while playing
DEFAULT_SPEED = 4
FRAME_MS = 16  # ticks come no faster than a 60 Hz display can show them
MAX_DUE = 6  # after a stall (a dialog, a slow paint), catch up this much at most per tick

T = TypeVar("T")


class PlayClock(QObject):
    """Calls `tick(n)` while started, n being the micro-steps due since the last tick."""

    running_changed = Signal(bool)

    def __init__(self, tick: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tick = tick
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._elapsed = QElapsedTimer()
        self._credit = 0.0  # micro-steps due but not yet asked for
        self.speed = DEFAULT_SPEED
        self._timer.setInterval(self._interval())

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self._timer.isActive():
            self._credit = 0.0
            self._elapsed.start()
            self._timer.start()
            self.running_changed.emit(True)

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.running_changed.emit(False)

    def set_speed(self, steps_per_second: int) -> None:
        self.speed = max(MIN_SPEED, min(MAX_SPEED, int(steps_per_second)))
        self._timer.setInterval(self._interval())

    def due(self, elapsed_ms: int) -> int:
        """The whole micro-steps due after `elapsed_ms`; the fraction is kept for later."""
        self._credit = min(self._credit + elapsed_ms * self.speed / 1000, MAX_DUE)
        steps = int(self._credit)
        self._credit -= steps
        return steps

    def _on_timeout(self) -> None:
        steps = self.due(self._elapsed.restart())
        if steps:
            self._tick(steps)

    def _interval(self) -> int:
        return max(FRAME_MS, round(1000 / self.speed))


def repeated(step: Callable[[], T], times: int, stop: Callable[[T], bool]) -> Callable[[], T]:
    """`step` run up to `times` times as one command, returning the last result.

    It stops early once `stop(result)` holds (e.g. divergence). A refusal after the first step
    ends the batch with the steps already taken, so they are shown; the next tick meets the
    refusal itself and reports it.
    """

    def run() -> T:
        result = step()
        for _ in range(times - 1):
            if stop(result):
                break
            try:
                result = step()
            except EngineError:
                break
        return result

    return run
