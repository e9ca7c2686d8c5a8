"""A grey line in the middle of an empty plot that says what will fill it, and how."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextOption
from PySide6.QtWidgets import QGraphicsTextItem

HINT_INK = "#7c8187"  # readable on the light and on the dark plot background
MARGIN = 24  # pixels kept free on each side of the text


class EmptyHint(QGraphicsTextItem):
    """Text held at the centre of a plot's view box, in pixels and wrapped to its width."""

    def __init__(self, plot: pg.PlotWidget, text: str) -> None:
        view = plot.getPlotItem().getViewBox()
        super().__init__(view)  # a child of the view box, not of its data: zoom leaves it
        self.setPlainText(text)
        self.setDefaultTextColor(QColor(HINT_INK))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignCenter))
        self.setZValue(1000)
        view.sigResized.connect(self._place)
        self._place()

    def _place(self) -> None:
        parent = self.parentItem()
        if parent is None:
            return
        box = parent.boundingRect()
        self.setTextWidth(max(80.0, box.width() - 2 * MARGIN))
        self.setPos(box.center() - self.boundingRect().center())
