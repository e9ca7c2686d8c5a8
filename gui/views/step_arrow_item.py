"""A labelled arrow on a plot: a line, a head at its end, and a word beside the head."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt


class StepArrowItem:
    """One of the step's arrows on the loss surface; its items are updated, never rebuilt."""

    def __init__(
        self,
        plot_item: pg.PlotItem,
        colour: str,
        dashed: bool = False,
        anchor: tuple[float, float] = (0, 0),
    ) -> None:
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        self.line = pg.PlotDataItem(pen=pg.mkPen(colour, width=3, style=style))
        self.head = pg.ArrowItem(brush=colour, pen=None, headLen=14)
        # On a dark backing: readable over any colour of the surface, on a projector too.
        self.label = pg.TextItem(color=colour, anchor=anchor, fill=pg.mkBrush(0, 0, 0, 170))
        for item in (self.line, self.head, self.label):
            plot_item.addItem(item)
        self.hide()

    def show(self, start: np.ndarray, end: np.ndarray, text: str) -> None:
        self.line.setData([start[0], end[0]], [start[1], end[1]])
        angle = np.degrees(np.arctan2(end[1] - start[1], end[0] - start[0]))
        # ArrowItem points left at angle 0; the screen's y axis is flipped relative to data.
        self.head.setStyle(angle=180 - angle)
        self.head.setPos(end[0], end[1])
        self.label.setText(text)
        self.label.setPos(end[0], end[1])
        for item in (self.line, self.head, self.label):
            item.setVisible(True)

    def hide(self) -> None:
        self.line.setData([], [])
        for item in (self.head, self.label):
            item.setVisible(False)

    def is_shown(self) -> bool:
        return self.head.isVisible()
