"""Vanishing gradients: the gradient norm of every layer of a deep chain after one backward pass,
for sigmoid, tanh and ReLU (and the chosen activation) side by side on a log scale."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.labs.vanishing import INITS, MAX_DEPTH, GradientProfile, compare
from engine.models.activations import ACTIVATION_NAMES, OUTPUT_ONLY
from gui.background import BackgroundTask
from gui.labs.plot_style import SERIES, labelled_plot, log_ticks
from gui.plain_text import plain_label

COMPARED = ("sigmoid", "tanh", "relu")
INIT_TITLES = {
    "default": QT_TRANSLATE_NOOP("VanishingLab", "PyTorch default (uniform ±1/√fan_in)"),
    "xavier": QT_TRANSLATE_NOOP("VanishingLab", "Xavier / Glorot normal"),
    "kaiming": QT_TRANSLATE_NOOP("VanishingLab", "Kaiming / He normal (ReLU)"),
}


class VanishingLab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profiles: dict[str, GradientProfile] = {}
        self._bars: list[pg.BarGraphItem] = []
        self._stale = False  # settings changed while a computation ran
        self._debounce = QTimer(self, singleShot=True, interval=80)
        self._debounce.timeout.connect(self.refresh)
        self.task = BackgroundTask(self)
        self.task.finished.connect(self._computed)
        self.task.running_changed.connect(self._running_changed)
        self.task.failed.connect(lambda message: self.summary.setText(message))
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.depth = self._slider(1, MAX_DEPTH, 20, self.tr("Number of Linear + activation layers"))
        self.width = self._slider(2, 256, 32, self.tr("Neurons per layer"))
        self.depth_label, self.width_label = QLabel(), QLabel()
        self.activation = QComboBox()
        for name in ACTIVATION_NAMES:
            if name not in OUTPUT_ONLY and name != "step":
                self.activation.addItem(name, name)
        self.activation.setCurrentIndex(self.activation.findData("gelu"))
        self.activation.setToolTip(self.tr("An activation to add beside sigmoid, tanh and ReLU"))
        self.init = QComboBox()
        for key in INITS:
            self.init.addItem(self.tr(INIT_TITLES[key]), key)
        self.init.setCurrentIndex(self.init.findData("kaiming"))  # ReLU's gradients stay alive
        self.init.setToolTip(
            self.tr("How every weight matrix is initialised (biases 0, except default)")
        )
        self.seed = QSpinBox()
        self.seed.setRange(0, 9999)
        self.seed.setPrefix(self.tr("seed "))
        self.seed.setToolTip(self.tr("Seed of the weights and of the input batch"))
        controls = QHBoxLayout()
        for widget in (
            self.depth_label,
            self.depth,
            self.width_label,
            self.width,
            self.activation,
            self.init,
            self.seed,
        ):
            controls.addWidget(widget)
        for box in (self.activation, self.init):
            box.currentIndexChanged.connect(self._debounce.start)
        self.seed.valueChanged.connect(self._debounce.start)
        self.plot = labelled_plot(
            self.tr("Gradient norm per layer after one loss.backward()"),
            self.tr("layer (1 = next to the input, right = next to the loss)"),
            self.tr("‖∂L/∂W‖ (log scale)"),
        )
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        self.legend = self.plot.addLegend(offset=(10, 5), colCount=4)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.summary)

    def _slider(self, lo: int, hi: int, value: int, tip: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(lo, hi)
        slider.setValue(value)
        slider.setToolTip(tip)
        slider.setMinimumWidth(140)
        slider.valueChanged.connect(self._debounce.start)
        return slider

    @property
    def names(self) -> tuple[str, ...]:
        chosen = self.activation.currentData()
        return COMPARED if chosen in COMPARED else (*COMPARED, chosen)

    def refresh(self) -> None:
        """Recompute off the GUI thread; a change during a run triggers one more run after it."""
        depth, width = self.depth.value(), self.width.value()
        self.depth_label.setText(self.tr("depth {n}").format(n=depth))
        self.width_label.setText(self.tr("width {n}").format(n=width))
        if self.task.running:
            self._stale = True
            self.task.cancel()
            return
        args = (depth, width, self.init.currentData(), self.names, self.seed.value())
        self._stale = False
        self.task.start(lambda progress, stop: compare(*args, progress=progress, should_stop=stop))

    def _computed(self, profiles: dict[str, GradientProfile] | None) -> None:
        if profiles is not None and not self._stale:
            self.profiles = profiles
            self._draw()

    def _running_changed(self, running: bool) -> None:
        if not running and self._stale:
            self.refresh()

    def _draw(self) -> None:
        for bar in self._bars:
            self.plot.removeItem(bar)
        self.legend.clear()
        self._bars = []
        logs = {n: np.log10(np.maximum(p.norms, 1e-300)) for n, p in self.profiles.items()}
        finite = np.concatenate(list(logs.values()))
        base = math.floor(finite.min()) - 1
        group = 0.8 / len(logs)
        for k, (name, values) in enumerate(logs.items()):
            x = np.arange(1, len(values) + 1) - 0.4 + group * (k + 0.5)
            bar = pg.BarGraphItem(
                x=x,
                height=values - base,
                y0=base,
                width=group * 0.95,
                brush=SERIES[k],
                pen=pg.mkPen(None),
                name=name,
            )
            self.plot.addItem(bar)
            self._bars.append(bar)
        top = math.ceil(finite.max()) + 1.5  # headroom for the legend
        log_ticks(self.plot.getAxis("left"), base, top)
        self.plot.setRange(xRange=(0.4, len(values) + 0.6), yRange=(base, top), padding=0)
        self._summarise()

    def _summarise(self) -> None:
        parts = [
            self.tr("{name}: first/last = {r:.1e}").format(name=name, r=p.first_to_last)
            for name, p in self.profiles.items()
        ]
        self.summary.setText(
            self.tr("Ratio of the first layer's gradient norm to the last one's. ")
            + "; ".join(parts)
            + self.tr(
                ". Each layer back multiplies the gradient by Wᵀ and by f′(net): "
                "σ′ ≤ 0.25, so sigmoid chains lose orders of magnitude."
            )
        )
