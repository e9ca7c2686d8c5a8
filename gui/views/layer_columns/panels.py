"""The two kinds of column: a weight layer as a heatmap, and a layer's activations as cells.

Each is a heading, a CellImage and a footer of numbers in a frame that the focus colours; the
values arrive as arrays (already read from a Snapshot) and go into the same ImageItem each time.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.views.layer_columns.cell_image import CellImage
from gui.views.layer_columns.colour_maps import (
    MISSING,
    bar_pixmap,
    spanning_levels,
    symmetric_levels,
)
from gui.views.layer_columns.texts import DASH, legible, number, tr

ACTIVATION_WIDTH = 76  # px: a column of cells and two short numbers at 9 pt
FRAME_WIDTH = 2
MARGIN = 3


class Column(QFrame):
    """A heading over a CellImage over a footer, framed in the focus colour when in focus."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerColumn")
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        legible(self.heading, bold=True)
        self.cells = CellImage(MISSING)
        self.footer = QVBoxLayout()
        self.footer.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.cells, 1)
        layout.addLayout(self.footer)
        self.in_focus = False
        self.set_focus(False, QColor("#f2a541"))

    def footer_label(self, tip: str) -> QLabel:
        label = QLabel(DASH)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setToolTip(tip)
        legible(label)
        self.footer.addWidget(label)
        return label

    def set_focus(self, on: bool, colour: QColor) -> None:
        self.in_focus = on
        border = colour.name() if on else "transparent"
        self.setStyleSheet(
            f"QFrame#layerColumn {{ border: {FRAME_WIDTH}px solid {border}; border-radius: 4px; }}"
        )


class RangeLegend(QWidget):
    """ "[colours] ±0.31": what the heatmap's colours mean, in numbers (the scale is symmetric
    around 0, so one number says both ends)."""

    def __init__(self, colour_map: pg.ColorMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar, self.bound = QLabel(), QLabel(DASH)
        self.bar.setPixmap(bar_pixmap(colour_map))
        self.levels: tuple[float, float] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addStretch(1)
        for label in (self.bar, self.bound):
            legible(label)
            layout.addWidget(label)
        layout.addStretch(1)

    def set_colour_map(self, colour_map: pg.ColorMap) -> None:
        self.bar.setPixmap(bar_pixmap(colour_map))

    def show_range(self, levels: tuple[float, float]) -> None:
        self.levels = levels
        self.bound.setText("±" + number(levels[1]))


class WeightPanel(Column):
    """One weight matrix: rows are the neurons it feeds, columns the neurons it reads."""

    def __init__(self, heading: str, colour_map: pg.ColorMap, parent: QWidget | None = None):
        super().__init__(heading, parent)
        self.cells.set_colour_map(colour_map)
        self.legend = RangeLegend(colour_map)
        self.legend.setToolTip(tr("Colour scale of the weights, symmetric around 0"))
        self.footer.addWidget(self.legend)
        tip = tr("Norms of this layer's weight and bias gradients (— when cleared)")
        self.weight_grad_norm = self.footer_label(tip)
        self.bias_grad_norm = self.footer_label(tip)
        self.levels = (-1.0, 1.0)

    def show_weights(self, weights: np.ndarray) -> None:
        self.levels = symmetric_levels(weights)
        self.cells.show_cells(weights, self.levels)
        self.legend.show_range(self.levels)

    def show_grad_norms(self, weight_norm: float | None, bias_norm: float | None) -> None:
        self.weight_grad_norm.setText(tr("‖∇W‖ {0}").format(number(weight_norm)))
        self.bias_grad_norm.setText(tr("‖∇b‖ {0}").format(number(bias_norm)))


class ActivationColumn(Column):
    """One layer's outs for the current sample, top to bottom; grey until computed."""

    def __init__(self, heading: str, colour_map: pg.ColorMap, parent: QWidget | None = None):
        super().__init__(heading, parent)
        self.setFixedWidth(ACTIVATION_WIDTH)
        self.cells.set_colour_map(colour_map)
        self.highest = self.footer_label(tr("Highest out in this column"))
        self.lowest = self.footer_label(tr("Lowest out in this column"))

    def show_outs(self, outs: np.ndarray) -> None:
        levels = spanning_levels(outs) or (0.0, 1.0)
        self.cells.show_cells(outs.reshape(-1, 1), levels)
        present = outs[np.isfinite(outs)]
        self._show_fitted(self.highest, "↑ ", float(present.max()) if present.size else None)
        self._show_fitted(self.lowest, "↓ ", float(present.min()) if present.size else None)

    def _show_fitted(self, label: QLabel, arrow: str, value: float | None) -> None:
        """As many digits (4 down to 1) as the narrow column has room for, never clipped."""
        room = ACTIVATION_WIDTH - 2 * (MARGIN + FRAME_WIDTH)
        metrics = label.fontMetrics()
        for digits in (4, 3, 2, 1):
            text = arrow + number(value, digits)
            if metrics.horizontalAdvance(text) <= room:
                break
        label.setText(text)
