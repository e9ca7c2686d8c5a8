"""Plays a lesson: runs each step's actions in order, waiting for background work.

Going back replays the lesson from its first step up to the target, so every step is
reached the same way whichever direction the learner came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from engine.core.errors import EngineError
from engine.lessons import Action, Lesson, LessonStep, failures
from gui.lessons.executor import ActionExecutor, Done, tr
from gui.lessons.state import lesson_state

if TYPE_CHECKING:
    from gui.window_parts import WindowParts

POLL_MS = 30


class LessonPlayer(QObject):
    step_changed = Signal(int)  # the step now shown, its actions done
    busy_changed = Signal(bool)
    failed = Signal(str)  # an action was refused: one line for the learner

    def __init__(self, window: WindowParts) -> None:
        super().__init__(window)
        self.window = window
        self.executor = ActionExecutor(window)
        self.lesson: Lesson | None = None
        self.index = -1
        self.error = ""
        self._queue: list[Action] = []
        self._waiting: Done | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_waiting)
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def step(self) -> LessonStep | None:
        if self.lesson is None or not 0 <= self.index < len(self.lesson.steps):
            return None
        return self.lesson.steps[self.index]

    @property
    def at_end(self) -> bool:
        return self.lesson is None or self.index >= len(self.lesson.steps) - 1

    def start(self, lesson: Lesson) -> bool:
        if self._refuse():
            return False
        self.lesson = lesson
        return self.go_to(0)

    def next(self) -> bool:
        if self._refuse() or self.at_end:
            return False
        self.index += 1
        self._play(list(self.step.actions))
        return True

    def leave(self) -> bool:
        """Close the lesson (its run was undone): Next must not play its steps on another run."""
        if self._busy:
            return False
        self.lesson, self.index = None, -1
        self.step_changed.emit(self.index)
        return True

    def back(self) -> bool:
        return self.index > 0 and self.go_to(self.index - 1)

    def restart(self) -> bool:
        return self.lesson is not None and self.go_to(0)

    def go_to(self, index: int) -> bool:
        """Replay steps 0..index from the start of the lesson."""
        if self._refuse() or self.lesson is None or not 0 <= index < len(self.lesson.steps):
            return False
        self.index = index
        self._play([a for step in self.lesson.steps[: index + 1] for a in step.actions])
        return True

    def failures(self) -> list[str]:
        """What the current step's `expect` says and the window does not show."""
        step = self.step
        if step is None or self._busy:
            return []
        return failures(step.expect, lesson_state(self.window))

    # -- running actions ---------------------------------------------------------------------
    def _refuse(self) -> bool:
        if self._busy:
            return True
        if self.window.controller.busy:
            self.failed.emit(tr("A run is in progress: wait for it or cancel it first."))
            return True
        return False

    def _play(self, actions: list[Action]) -> None:
        self.error = ""
        self._queue = actions
        self._set_busy(True)
        self._pump()

    def _pump(self) -> None:
        while self._queue:
            action = self._queue.pop(0)
            try:
                self._waiting = self.executor.perform(action)
            except EngineError as error:
                self._queue = []
                self.error = str(error)
                self.failed.emit(self.error)
                break
            if self._waiting is not None:
                self._poll.start()
                return
        self._set_busy(False)
        if not any(action.name == "run" for action in self.step.actions):
            self.window.transport.clear_progress()  # a run of an earlier step is not this one's
        self.step_changed.emit(self.index)

    def _check_waiting(self) -> None:
        if self._waiting is not None and self._waiting():
            self._poll.stop()
            self._waiting = None
            self._pump()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
