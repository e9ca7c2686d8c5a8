"""The 3-D surface's scales, drawn without OpenGL: tick values and the colour bar of the loss.

Kept apart from the OpenGL widget so that they can be drawn (and tested) on any QPainter,
also where there is no OpenGL.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen

COLOUR_MAP = "viridis"  # the surface's colours: low loss dark blue, high loss yellow
BAR_WIDTH, BAR_MARGIN = 18.0, 14.0  # pixels
SCALE_POINT_SIZE = 11


def nice_ticks(low: float, high: float, most: int = 5) -> list[float]:
    """The most round values (1, 2 or 5 times a power of ten apart) within [low, high] that
    are at most `most`: the finest such spacing, so a narrow range still gets several."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low] if math.isfinite(low) else []
    power = 10.0 ** math.floor(math.log10((high - low) / max(most, 1)))
    for step in (m * power * 10**k for k in range(3) for m in (1, 2, 5)):
        first = math.ceil(low / step - 1e-9) * step
        count = int((high - first) / step + 1e-9) + 1
        if count <= most:
            ticks = [first + k * step for k in range(count)]
            return [0.0 if abs(t) < step * 1e-9 else float(f"{t:.12g}") for t in ticks]
    return [low, high]


def tick_text(value: float, ticks: list[float] | None = None) -> str:
    """Short labels ('0.25', '1e-05', '120'), with the digits that tell `ticks` apart."""
    digits = 3
    if ticks and len(ticks) > 1:
        step = abs(ticks[1] - ticks[0])
        largest = max(abs(t) for t in ticks)
        if step > 0 and largest > 0:
            digits = max(3, math.floor(math.log10(largest)) - math.floor(math.log10(step)) + 1)
            if largest < 1e5:  # whole numbers in full: 5000, not 5e+03
                digits = max(digits, math.floor(math.log10(largest)) + 1)
    return f"{value:.{digits}g}"


def scale_font() -> QFont:
    font = QFont()
    font.setPointSize(SCALE_POINT_SIZE)
    return font


def colour_at(fraction: float) -> QColor:
    """The surface's colour at `fraction` of the loss range (0: lowest, 1: highest)."""
    rgba = pg.colormap.get(COLOUR_MAP).map(np.array([fraction]), mode="float")[0]
    return QColor.fromRgbF(*(float(c) for c in rgba))


def bar_area(width: float, height: float, labels_width: float) -> QRectF:
    """Where the bar goes in a view `width` × `height`: at the right, its labels beside it."""
    top = 2.5 * BAR_MARGIN + 12
    left = width - BAR_MARGIN - labels_width - 6 - BAR_WIDTH
    return QRectF(left, top, BAR_WIDTH, max(height - top - 2 * BAR_MARGIN, 20.0))


def paint_colour_bar(
    painter: QPainter, size: tuple[float, float], low: float, high: float, title: str, ink: QColor
) -> QRectF:
    """The colour bar of the loss from `low` (bottom) to `high` (top), with round tick values
    and `title` above it, at the right of a view of `size`; returns the bar's rectangle."""
    font = scale_font()
    metrics = QFontMetricsF(font)
    ticks = nice_ticks(low, high)
    labels_width = max((metrics.horizontalAdvance(tick_text(t, ticks)) for t in ticks), default=0.0)
    bar = bar_area(size[0], size[1], labels_width)
    gradient = QLinearGradient(bar.bottomLeft(), bar.topLeft())
    for stop in np.linspace(0.0, 1.0, 11):
        gradient.setColorAt(float(stop), colour_at(float(stop)))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(bar, gradient)
    painter.setPen(QPen(ink, 1.0))
    painter.setFont(font)
    painter.drawRect(bar)
    span = (high - low) or 1.0
    for value in ticks:
        y = bar.bottom() - (value - low) / span * bar.height()
        painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 4, y))
        baseline = y + metrics.capHeight() / 2
        painter.drawText(QPointF(bar.right() + 6, baseline), tick_text(value, ticks))
    centre = bar.center().x()
    title_box = QRectF(centre - 60, bar.top() - metrics.height() - 8, 120, metrics.height())
    painter.drawText(title_box, Qt.AlignmentFlag.AlignCenter, title)
    painter.restore()
    return bar
