"""The previous run on a plot over iterations: a faint dashed copy of its curve, to compare.

When a rebuild, a preset, Reset, a lesson, Undo or Redo replaces the run, the controller keeps
a copy of the replaced run's trajectory (never the run itself); this draws one series of it
behind the live curve, over the iterations the live run's axes show, with a legend naming
both and a "previous run" checkbox that hides it. A newer previous run is shown again even
when the learner had hidden an older one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox

from gui.views.iteration_plot import IterationPlot, set_series

PREVIOUS_ALPHA = 120  # faint beside the live curve, still readable on a projector


def tr(text: str) -> str:
    return QCoreApplication.translate("PreviousCurve", text)


class PreviousCurve:
    """One faint dashed series of the previous run on `plot`, beside its `live` curve."""

    def __init__(self, plot: IterationPlot, live: pg.PlotDataItem, colour: str) -> None:
        self._live = live
        faint = QColor(colour)
        faint.setAlpha(PREVIOUS_ALPHA)
        pen = pg.mkPen(faint, width=2, style=Qt.PenStyle.DashLine)
        self.curve = pg.PlotDataItem([], [], pen=pen)
        # The axes follow this run (the previous one may be of another scale or length): it is
        # drawn where they overlap, so the two are compared iteration by iteration.
        plot.plot_item.addItem(self.curve, ignoreBounds=True)
        self.curve.setZValue(-1)  # behind the live curve where they cross
        self.legend = plot.plot_item.addLegend(offset=(-4, 4), labelTextSize="8pt")
        self.legend.setVisible(False)
        self.box = QCheckBox(tr("previous run"))
        self.box.setToolTip(
            tr("Show the run before the last new model, reset, preset or lesson (dashed)")
        )
        self.box.setChecked(True)
        self.box.setVisible(False)
        self.box.toggled.connect(lambda _: self._redraw())
        plot.controls.addWidget(self.box)
        self.values = np.empty(0)

    def show_values(self, values: np.ndarray | None) -> None:
        """The previous run's series (values[i] for iteration i + 1), or None for no run."""
        self.values = np.empty(0) if values is None else values
        self.box.setVisible(bool(self.values.size))
        self.box.setChecked(True)  # a new comparison is offered again
        self._redraw()

    @property
    def shown(self) -> bool:
        return bool(self.values.size) and self.box.isChecked()

    def value_at(self, index: int) -> float | None:
        """The previous run's value at iteration index + 1, when it is shown and got there."""
        return float(self.values[index]) if self.shown and index < self.values.size else None

    def _redraw(self) -> None:
        self.legend.clear()
        if not self.shown:
            self.curve.setData([], [])
            self.legend.setVisible(False)
            return
        set_series(self.curve, np.arange(1, self.values.size + 1), self.values)
        self.legend.addItem(self._live, tr("this run"))
        self.legend.addItem(self.curve, tr("previous run"))
        self.legend.setVisible(True)
