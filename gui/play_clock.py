"""Playing: one micro-step per tick, at a speed the learner sets on the transport bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

MIN_SPEED, MAX_SPEED = 1, 50  # micro-steps per second while playing
DEFAULT_SPEED = 4


class PlayClock(QObject):
    """Calls `tick` `speed` times a second while started; the speed is kept within bounds."""

    running_changed = Signal(bool)

    def __init__(self, tick: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(tick)
        self.speed = DEFAULT_SPEED
        self._timer.setInterval(self._interval())

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
            self.running_changed.emit(True)

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.running_changed.emit(False)

    def set_speed(self, steps_per_second: int) -> None:
        self.speed = max(MIN_SPEED, min(MAX_SPEED, int(steps_per_second)))
        self._timer.setInterval(self._interval())

    def _interval(self) -> int:
        return round(1000 / self.speed)
