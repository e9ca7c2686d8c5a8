"""Optimizer settings asked for in the middle of an iteration wait for its end.

A hyperparameter change is a position between iterations (engine.training.live_settings), so
one asked for after zero_grad, say, cannot happen at once. A learner who moves the learning
rate expects it to be taken, not refused: it waits, the status bar says until when, and the
next command that starts an iteration (→, Play's next tick, a run) applies it first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from engine.models.config import Config


def tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


class PendingSettings:
    """Holds at most one waiting change; the latest request replaces an earlier one."""

    def __init__(
        self,
        apply: Callable[[Config], bool],
        at_boundary: Callable[[], bool],
        say: Callable[[str], None],
    ) -> None:
        self._apply = apply
        self._at_boundary = at_boundary
        self._say = say
        self.waiting: Config | None = None

    def request(self, config: Config) -> bool:
        """Apply now between iterations; otherwise keep it for the iteration's end."""
        if self._at_boundary():
            self.waiting = None
            return self._apply(config)
        self.waiting = config
        self._say(
            tr(
                "The new optimizer settings wait for this iteration to finish: they apply "
                "from the next one (changes are made between iterations)."
            )
        )
        return True

    def apply_waiting(self) -> bool:
        """Apply a waiting change if the run is between iterations; False when none applied."""
        if self.waiting is None or not self._at_boundary():
            return False
        config, self.waiting = self.waiting, None
        return self._apply(config)

    def forget(self) -> None:
        """A different run came in: a change meant for the previous one is dropped."""
        self.waiting = None
