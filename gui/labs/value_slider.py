"""A horizontal slider over a float range, with its current value shown beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget


class ValueSlider(QWidget):
    valueChanged = Signal(float)

    def __init__(self, lo: float, hi: float, step: float, value: float, decimals: int = 2,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.lo, self.step, self.decimals = lo, step, decimals
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, round((hi - lo) / step))
        self.label = QLabel()
        self.label.setMinimumWidth(8 * (decimals + 3))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.slider.valueChanged.connect(self._moved)
        self.setValue(value)
        self._moved(self.slider.value())

    def value(self) -> float:
        return round(self.lo + self.slider.value() * self.step, self.decimals)

    def setValue(self, value: float) -> None:
        self.slider.setValue(round((value - self.lo) / self.step))

    def setToolTip(self, tip: str) -> None:
        super().setToolTip(tip)
        self.slider.setToolTip(tip)

    def _moved(self, _: int) -> None:
        self.label.setText(f"{self.value():.{self.decimals}f}")
        self.valueChanged.emit(self.value())
