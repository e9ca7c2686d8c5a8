"""Parameter values over iterations; a menu chooses which parameters are drawn."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from gui.views.iteration_plot import IterationPlot, set_series

DEFAULT_SHOWN = 8  # curves drawn at first; more would be a tangle


class ParamPlot(IterationPlot):
    """x: iterations completed (0 = the start), y: each chosen parameter's value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Parameters"), self.tr("value"), self.tr("iterations done"), parent
        )
        self.chooser = QToolButton()
        self.chooser.setText(self.tr("Choose…"))
        self.chooser.setToolTip(self.tr("Which parameters to draw"))
        self.chooser.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.chooser)
        self.chooser.setMenu(self.menu)
        self.controls.addWidget(self.chooser)
        self.legend = self.plot_item.addLegend(
            offset=(-4, 2), labelTextSize="7pt", brush=(255, 255, 255, 150), verSpacing=-6
        )
        self.legend.setColumnCount(4)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.actions: dict[str, QAction] = {}
        self.columns: dict[str, int] = {}
        self.iterations = np.empty(0)
        self.values = np.empty((0, 0))
        self.setToolTip(self.tr("How each chosen parameter moved, iteration by iteration"))

    def set_labels(self, labels: tuple[str, ...], trained: tuple[str, ...]) -> None:
        """A new model: one curve per parameter, the first trained ones shown."""
        for curve in self.curves.values():
            self.plot_item.removeItem(curve)
        self.legend.clear()
        self.menu.clear()
        self.curves, self.actions = {}, {}
        self.columns = {label: k for k, label in enumerate(labels)}
        shown = set((trained or labels)[:DEFAULT_SHOWN])
        for k, label in enumerate(labels):
            colour = pg.intColor(k, hues=max(len(labels), 1), values=1, maxValue=200)
            self.curves[label] = pg.PlotDataItem([], [], pen=pg.mkPen(colour, width=2), name=label)
            action = self.menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(label in shown)
            action.toggled.connect(lambda on, name=label: self.set_shown(name, on))
            self.actions[label] = action
            if label in shown:
                self._add(label)
        self._update_note()

    def set_shown(self, label: str, shown: bool) -> None:
        if label not in self.curves:
            return
        if self.actions[label].isChecked() != shown:
            self.actions[label].setChecked(shown)  # comes back here through toggled
            return
        if shown:
            self._add(label)
        else:
            self.plot_item.removeItem(self.curves[label])
            self.legend.removeItem(self.curves[label])
        self._update_note()

    def shown(self) -> list[str]:
        return [label for label, action in self.actions.items() if action.isChecked()]

    def _add(self, label: str) -> None:
        self.plot_item.addItem(self.curves[label])  # a named item joins the legend itself
        self._feed(label)

    def show_params(self, iterations: np.ndarray, values: np.ndarray) -> None:
        """values[r, k]: parameter k (in label order) after iterations[r] iterations."""
        self.iterations, self.values = iterations, values
        for label in self.shown():
            self._feed(label)

    def _feed(self, label: str) -> None:
        column = self.columns[label]
        if self.values.ndim == 2 and column < self.values.shape[1]:
            set_series(self.curves[label], self.iterations, self.values[:, column])

    def _update_note(self) -> None:
        self.note.setText(self.tr("{0} of {1}").format(len(self.shown()), len(self.curves)))
