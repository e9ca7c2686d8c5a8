"""The learning-rate slider of the toolbar: a log scale from 1e-4 to 10, its value shown.

Dragging only moves the number; the rate is chosen when the handle is let go (or moved with
the keyboard or the wheel), so one drag is one change in the run's history, not hundreds.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

LOWEST_EXPONENT, HIGHEST_EXPONENT = -4, 1  # 1e-4 .. 10
STEPS_PER_DECADE = 100


def slider_lr(position: int) -> float:
    """The learning rate at a slider position, rounded to three significant digits."""
    return float(f"{10 ** (LOWEST_EXPONENT + position / STEPS_PER_DECADE):.3g}")


def slider_position(lr: float) -> int:
    """The slider position nearest to `lr` (clamped to the slider's range)."""
    exponent = math.log10(lr) if lr > 0 else LOWEST_EXPONENT
    exponent = min(max(exponent, LOWEST_EXPONENT), HIGHEST_EXPONENT)
    return round((exponent - LOWEST_EXPONENT) * STEPS_PER_DECADE)


class LearningRateSlider(QWidget):
    """Emits `lr_chosen` with a new rate; `show_lr` follows the run without emitting."""

    lr_chosen = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("lr"))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, (HIGHEST_EXPONENT - LOWEST_EXPONENT) * STEPS_PER_DECADE)
        self.slider.setPageStep(STEPS_PER_DECADE // 10)
        self.slider.setFixedWidth(90)  # the toolbar fits a 1024-pixel projector
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(44)
        tip = self.tr(
            "Learning rate (log scale): the optimizer uses it from the next iteration, "
            "even while playing; back (←) undoes the change"
        )
        for widget in (self, self.slider, self.value_label):
            widget.setToolTip(tip)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.slider)
        layout.addWidget(self.value_label)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._lr = 0.0
        self.slider.valueChanged.connect(self._moved)
        self.slider.sliderReleased.connect(self._released)

    @property
    def lr(self) -> float:
        return self._lr

    def show_lr(self, lr: float) -> None:
        """The rate in force (after a change, Undo or a new run): shown, nothing emitted."""
        self._lr = lr
        self.slider.blockSignals(True)
        self.slider.setValue(slider_position(lr))
        self.slider.blockSignals(False)
        self.value_label.setText(f"{lr:.3g}")

    def _moved(self, position: int) -> None:
        self.value_label.setText(f"{slider_lr(position):.3g}")
        if not self.slider.isSliderDown():  # the keyboard or the wheel: a choice at once
            self._choose(position)

    def _released(self) -> None:
        self._choose(self.slider.value())

    def _choose(self, position: int) -> None:
        lr = slider_lr(position)
        if lr != self._lr:
            self.lr_chosen.emit(lr)
