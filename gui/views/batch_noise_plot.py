"""The batch gradient's variance against the batch size, log–log: estimated dots, exact line.

The exact line is tr(Σ)/B · (N − B)/(N − 1); at B = N it is 0 (the whole set every time),
which a log axis cannot show, so the points with no variance are left out and said to be.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from engine.landscape.gradient_cloud import BatchNoise

ESTIMATE_COLOUR = "#d62728"
EXACT_COLOUR = "#1f77b4"
MARK_COLOUR = "#ff9500"  # the batch arrow's colour on the surface
# Relative: float64 sums of the same samples in another order differ by less than this.
NOISE_FLOOR = 1e-12


def tr(text: str) -> str:
    return QCoreApplication.translate("BatchNoisePlot", text)


class BatchNoisePlot(pg.PlotWidget):
    """Renders a BatchNoise; the chosen batch size is marked with a vertical line."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot_item = self.getPlotItem()
        self.plot_item.setLogMode(x=True, y=True)
        self.plot_item.showGrid(x=True, y=True, alpha=0.25)
        self.plot_item.setLabel("bottom", tr("batch size B"))
        self.plot_item.setLabel("left", tr("variance of the batch gradient"))
        self.plot_item.getAxis("left").enableAutoSIPrefix(False)
        self.plot_item.setTitle(tr("Gradient noise falls as 1/B"), size="10pt")
        # Bottom left: the curve falls to the right, so that corner stays empty.
        self.legend = self.plot_item.addLegend(offset=(8, -8), labelTextSize="8pt")
        self.exact = self.plot_item.plot(
            pen=pg.mkPen(EXACT_COLOUR, width=2), name=tr("exact: tr(Σ)/B · (N−B)/(N−1)")
        )
        self.estimate = self.plot_item.plot(
            pen=None, symbol="o", symbolSize=8, symbolBrush=ESTIMATE_COLOUR, symbolPen="w",
            name=tr("estimate from random batches"),
        )  # fmt: skip
        self.mark = pg.InfiniteLine(angle=90, pen=pg.mkPen(MARK_COLOUR, width=2, style=Qt.DashLine))
        self.mark.setVisible(False)
        self.plot_item.addItem(self.mark, ignoreBounds=True)
        self.noise: BatchNoise | None = None

    def show_noise(self, noise: BatchNoise) -> None:
        self.noise = noise
        self.exact.setData(*_positive(noise.exact_sizes, noise.exact))
        self.estimate.setData(*_positive(noise.sizes, noise.estimate))
        # Only the estimated sizes are labelled: a log axis's own minor labels run together.
        ticks = [(float(np.log10(b)), str(int(b))) for b in noise.sizes]
        self.plot_item.getAxis("bottom").setTicks([ticks, []])
        self.plot_item.enableAutoRange()

    def mark_batch_size(self, size: int | None) -> None:
        """The vertical line at B (log axis: the line sits at log₁₀ B)."""
        self.mark.setVisible(size is not None)
        if size is not None:
            self.mark.setValue(np.log10(size))

    def shown_points(self) -> tuple[np.ndarray, np.ndarray]:
        """The estimate's dots as drawn (batch size, variance), before the log transform."""
        xs, ys = self.estimate.xData, self.estimate.yData
        return (np.array([]), np.array([])) if xs is None else (xs.copy(), ys.copy())


def _positive(sizes: np.ndarray, variance: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points a log axis can show: a variance of 0 (B = N) is left out, and so is the
    rounding left by B = N's identical batches (under 1e-12 of the largest variance)."""
    variance = np.asarray(variance, dtype=float)
    floor = NOISE_FLOOR * float(variance.max()) if variance.size else 0.0
    keep = variance > floor
    return np.asarray(sizes, dtype=float)[keep], np.asarray(variance, dtype=float)[keep]
