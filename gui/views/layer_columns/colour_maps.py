"""The heatmaps' colours: weights diverge from the paper colour at 0, activations run light to
dark; both drawn from the diagram's own colours so the two views read alike."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPixmap

from gui.theme import DiagramColours

MISSING = QColor("#b9bec4")  # a value not computed yet this iteration: greyed
LEGEND_BAR = (48, 10)  # px


def diverging(colours: DiagramColours) -> pg.ColorMap:
    """Negative weights in the diagram's negative colour, 0 in the paper's, positive in its
    positive colour: the same reading as the textbook figure's lines."""
    stops = [colours.negative, colours.paper, colours.positive]
    return pg.ColorMap(np.array([0.0, 0.5, 1.0]), [c.getRgb() for c in stops])


def sequential(colours: DiagramColours) -> pg.ColorMap:
    """Activations from lowest (dark violet) to highest (yellow): viridis, unlike the weights'
    map, so a column of outs is never read as signs; the same on both themes."""
    del colours  # one map for both themes: viridis reads on dark and light paper
    return pg.colormap.get("viridis")


def symmetric_levels(values: np.ndarray) -> tuple[float, float]:
    """(−m, m) with m the largest |value| present, so 0 is always the middle colour."""
    present = values[np.isfinite(values)]
    largest = float(np.max(np.abs(present))) if present.size else 0.0
    largest = largest if largest > 0 else 1.0
    return -largest, largest


def spanning_levels(values: np.ndarray) -> tuple[float, float] | None:
    """(lowest, highest) of the values present, widened when they are all equal; None if none."""
    present = values[np.isfinite(values)]
    if not present.size:
        return None
    low, high = float(present.min()), float(present.max())
    if math.isclose(low, high):
        return low - 0.5, high + 0.5
    return low, high


def bar_pixmap(colour_map: pg.ColorMap) -> QPixmap:
    """The colour map as a small horizontal bar, for a legend beside its range."""
    width, height = LEGEND_BAR
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, 0))
    for position, colour in zip(*colour_map.getStops(mode=pg.ColorMap.QCOLOR), strict=True):
        gradient.setColorAt(float(position), colour)
    painter = QPainter(pixmap)
    painter.fillRect(0, 0, width, height, gradient)
    painter.setPen(QColor("#8a8a8a"))
    painter.drawRect(0, 0, width - 1, height - 1)
    painter.end()
    return pixmap
