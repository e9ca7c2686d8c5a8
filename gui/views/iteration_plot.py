"""One pyqtgraph plot over iterations, with a title row for its own controls.

Curves are created once and fed with setData, so a redraw per finished iteration stays cheap;
long runs are clipped to the view and peak-downsampled by pyqtgraph.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

TITLE_STYLE = "font-weight: bold;"  # the palette's text colour, light or dark theme
NOTE_STYLE = "color: #5f6b7a;"
DOTS_UP_TO = 40
MARK_COLOUR = "#8e44ad"  # a live optimizer change: a dashed line with what changed


class IterationPlot(QWidget):
    """A titled PlotWidget; subclasses add curves and controls to `controls`."""

    def __init__(self, title: str, y_label: str, x_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setMinimumHeight(110)
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.setLabel("left", y_label)
        self.plot_item.setLabel("bottom", x_label)
        self.plot_item.showGrid(x=True, y=True, alpha=0.2)
        self.plot_item.setDownsampling(auto=True, mode="peak")
        self.plot_item.setClipToView(True)
        self.plot_item.setMenuEnabled(False)
        self.plot_item.getViewBox().setMouseEnabled(x=False, y=False)
        self.plot_item.getViewBox().enableAutoRange()
        for side in ("left", "bottom"):
            self.plot_item.getAxis(side).enableAutoSIPrefix(False)  # no "(x0.001)" on axes
        self.title = QLabel(title)
        self.title.setStyleSheet(TITLE_STYLE)
        self.note = QLabel()
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setWordWrap(True)  # a long note takes two lines, not the dock's width
        self.controls = QHBoxLayout()
        self.controls.setContentsMargins(4, 0, 4, 0)
        self.controls.setSpacing(10)
        self.controls.addWidget(self.title)
        self.controls.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self.controls)
        layout.addWidget(self.plot_widget, 1)
        self.marks: list[pg.InfiniteLine] = []

    # Where a change made after `iteration` whole iterations is drawn: over "iterations done",
    # between the last values it did not touch and the first it did.
    mark_offset = 0.5

    def show_marks(self, marks: tuple[tuple[int, str], ...]) -> None:
        """A dashed vertical line where each live optimizer change took effect, between the
        last point before it and the first after it, labelled with what changed."""
        if [(m.value(), m.label.format) for m in self.marks] == [
            (iteration + self.mark_offset, _escaped(text)) for iteration, text in marks
        ]:
            return  # unchanged: most redraws are a finished iteration
        for line in self.marks:
            self.plot_item.removeItem(line)
        self.marks = [self._mark(iteration, text) for iteration, text in marks]

    def _mark(self, iteration: int, text: str) -> pg.InfiniteLine:
        pen = pg.mkPen(MARK_COLOUR, width=1, style=Qt.PenStyle.DashLine)
        line = pg.InfiniteLine(
            iteration + self.mark_offset,
            angle=90,
            pen=pen,
            movable=False,
            label=_escaped(text),
            # Along the line, on a light backing: close changes and the curves stay readable.
            labelOpts={
                "position": 0.4,
                "color": MARK_COLOUR,
                "rotateAxis": (1, 0),
                "fill": pg.mkBrush(255, 255, 255, 210),
            },
        )
        line.setToolTip(self.tr("From iteration {0}: {1}").format(iteration + 1, text))
        self.plot_item.addItem(line, ignoreBounds=True)
        return line

    def show_empty_axes(self) -> None:
        """No iteration yet: axes around the first one, not the range of a run shown before
        (with no data, auto-range keeps whatever it last fitted)."""
        self.plot_item.getViewBox().setRange(
            xRange=(0.5, 1.5), yRange=(0.0, 1.0), padding=0, disableAutoRange=False
        )

    def add_log_toggle(self, tip: str) -> QCheckBox:
        box = QCheckBox(self.tr("log"))
        box.setToolTip(tip)
        box.toggled.connect(lambda on: self.plot_item.setLogMode(y=on))
        self.controls.addWidget(box)
        return box

    def curve(self, colour: str, name: str | None = None) -> pg.PlotDataItem:
        return self.plot_item.plot([], [], pen=pg.mkPen(colour, width=2), name=name)


def set_series(curve: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
    """setData, with dots while there are few points (one point alone draws no line)."""
    if x.size <= DOTS_UP_TO:
        curve.setSymbol("o")
        curve.setSymbolSize(5)
        curve.setSymbolBrush(curve.opts["pen"].color())
        curve.setSymbolPen(None)
    else:
        curve.setSymbol(None)
    curve.setData(x, y)


def _escaped(text: str) -> str:
    """pyqtgraph formats a line's label with str.format: braces in the text stay braces."""
    return text.replace("{", "{{").replace("}", "}}")
