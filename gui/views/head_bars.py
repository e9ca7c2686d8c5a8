"""The head comparison as bars: one bar per output head, its validation accuracy, labelled."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

BAR_COLOURS = ("#2ca02c", "#1f77b4", "#ff7f0e", "#9467bd", "#d62728")


class HeadBars(pg.PlotWidget):
    """Validation accuracy (in %) of each head, side by side, with the value above each bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.showGrid(y=True, alpha=0.15)
        self.getAxis("left").enableAutoSIPrefix(False)
        self.setMinimumHeight(220)
        self.heights: tuple[float, ...] = ()  # what is drawn, in %, for tests and exports
        self._items: list[pg.GraphicsObject] = []

    def show_accuracies(self, titles: list[str], accuracies: list[float], axis: str) -> None:
        """`accuracies` as fractions (NaN: the head diverged, drawn as no bar)."""
        for item in self._items:
            self.removeItem(item)
        self._items.clear()
        self.setLabel("left", axis)
        heights = [0.0 if math.isnan(a) else 100 * a for a in accuracies]
        self.heights = tuple(heights)
        x = list(range(len(heights)))
        colours = [BAR_COLOURS[k % len(BAR_COLOURS)] for k in x]
        bars = pg.BarGraphItem(x=x, height=heights, width=0.6, brushes=colours, pen=pg.mkPen(None))
        self._add(bars)
        for k, (height, accuracy) in enumerate(zip(heights, accuracies, strict=True)):
            text = "—" if math.isnan(accuracy) else f"{height:.1f} %"
            label = pg.TextItem(text, anchor=(0.5, 1.0), color=pg.getConfigOption("foreground"))
            label.setPos(k, height + 1)
            self._add(label)
        # Titles "a + b" over two lines, so five of them fit under the bars.
        ticks = [(k, title.replace(" + ", "\n+ ")) for k, title in enumerate(titles)]
        self.getAxis("bottom").setTicks([ticks, []])
        self.getAxis("bottom").setHeight(44)
        self.setRange(xRange=(-0.6, len(heights) - 0.4), yRange=(-1.5, 108), padding=0)
        self.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 20)], []])

    def _add(self, item: pg.GraphicsObject) -> None:
        self.addItem(item)
        self._items.append(item)
