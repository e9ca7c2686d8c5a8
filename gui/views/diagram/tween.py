"""The step micro-step in motion: the updated parameter slides from its old value to the new.

Only what the diagram shows moves; the engine's numbers are already the new ones.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation

from engine.core.snapshot import Snapshot

ANIMATION_MS = 300


class StepTween(QObject):
    """Calls `show(label, value)` with the values on the way; `ms` 0 shows updates at once."""

    def __init__(self, show: Callable[[str, float], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ms = ANIMATION_MS
        self._show = show
        self.label = ""  # the parameter whose step is being animated
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.valueChanged.connect(self._on_value)

    def start(self, snapshot: Snapshot, shown: Callable[[str], bool]) -> None:
        """During step the focused parameter, when `shown`, moves to its new value."""
        label = snapshot.focus
        if snapshot.phase != "step" or label is None or not shown(label) or self.ms <= 0:
            return
        old, new = snapshot.previous_params.get(label), snapshot.params.get(label)
        if old is None or new is None or old == new or not math.isfinite(old + new):
            return
        self.label = label
        self._animation.setDuration(self.ms)
        self._animation.setStartValue(float(old))
        self._animation.setEndValue(float(new))
        self._animation.start()

    def stop(self) -> None:
        """A late tween must not overwrite newer numbers."""
        self._animation.stop()
        self.label = ""

    def running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def _on_value(self, value: object) -> None:
        if self.label:
            self._show(self.label, float(value))  # type: ignore[arg-type]
