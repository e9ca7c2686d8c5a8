"""The gradient cloud on the loss surface: one thin arrow per sample, the batch's thick arrow,
the whole set's dashed arrow, all from the current point and pointing downhill (−scale·g).

Lines are drawn in data coordinates but the heads in screen pixels, so that a head keeps its
shape however differently the two axes are scaled.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from engine.landscape.gradient_cloud import GradientCloud

SAMPLE_COLOUR = QColor(0, 200, 255, 170)
BATCH_COLOUR = QColor("#ff9500")
FULL_COLOUR = QColor("#ff6ad5")
HALO = QColor(0, 0, 0, 150)  # under the batch and full arrows: readable on any colour map
HEAD_PIXELS = {"sample": 7.0, "batch": 14.0, "full": 12.0}
WIDTH_PIXELS = {"sample": 1.0, "batch": 3.5, "full": 2.5}
# The longest arrow is scaled by a power of ten into this share of the view's smaller side.
SHORTEST_SHARE, LONGEST_SHARE = 0.04, 0.45
KEEP_SHARES = (0.01, 0.6)  # a wider band for keeping the previous cloud's scale


@dataclass(frozen=True)
class Arrow:
    kind: str  # "sample", "batch" or "full"
    start: tuple[float, float]
    end: tuple[float, float]


def visible_scale(
    cloud: GradientCloud, lr: float, extent: float, keep: float | None = None
) -> tuple[float, float]:
    """(scale, factor): arrows are −scale·g, scale = factor·lr (lr taken as 1 when it is 0).

    `keep`, the factor the previous cloud was drawn with, stays while the longest arrow is 1 %
    to 60 % of `extent`: a new batch size then changes the arrows, not their scale.

    The factor is 1 (the true SGD step) while the longest arrow is 4 % to 45 % of `extent`;
    otherwise the largest of 1, 2, 5 × 10^k that keeps it under 45 %, so the legend reads
    "−20·lr·gᵢ" rather than an odd number."""
    base = lr if lr > 0 else 1.0
    vectors = np.vstack([cloud.per_sample, cloud.batch, cloud.full])
    longest = float(np.hypot(vectors[:, 0], vectors[:, 1]).max()) * base
    if not (longest > 0 and math.isfinite(longest) and extent > 0):
        return base, 1.0
    if keep is not None and KEEP_SHARES[0] * extent <= longest * keep <= KEEP_SHARES[1] * extent:
        return base * keep, keep
    if SHORTEST_SHARE * extent <= longest <= LONGEST_SHARE * extent:
        return base, 1.0
    allowed = LONGEST_SHARE * extent / longest
    power = math.floor(math.log10(allowed))
    factor = max(m * 10.0**power for m in (1, 2, 5) if m * 10.0**power <= allowed)
    return base * factor, factor


def cloud_arrows(cloud: GradientCloud, scale: float) -> list[Arrow]:
    """The samples' arrows first, then the full set's, then the batch's on top."""
    start = (float(cloud.at[0]), float(cloud.at[1]))

    def arrow(kind: str, g: np.ndarray) -> Arrow:
        return Arrow(kind, start, (start[0] - scale * float(g[0]), start[1] - scale * float(g[1])))

    return [
        *(arrow("sample", g) for g in cloud.per_sample),
        arrow("full", cloud.full),
        arrow("batch", cloud.batch),
    ]


class GradientCloudItem(pg.GraphicsObject):
    """Paints the arrows of one GradientCloud; `set_cloud(None, …)` clears it."""

    def __init__(self) -> None:
        super().__init__()
        self.arrows: list[Arrow] = []
        self._data_rect = QRectF()
        self._bounds: QRectF | None = None

    def set_cloud(self, cloud: GradientCloud | None, scale: float = 1.0) -> None:
        self.prepareGeometryChange()
        self.arrows = [] if cloud is None else cloud_arrows(cloud, scale)
        self._data_rect = self._arrows_rect()
        self._bounds = None
        self.update()

    def _arrows_rect(self) -> QRectF:
        if not self.arrows:
            return QRectF()
        points = np.array([p for a in self.arrows for p in (a.start, a.end)])
        low, high = points.min(axis=0), points.max(axis=0)
        return QRectF(low[0], low[1], high[0] - low[0], high[1] - low[1])

    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange=None):
        if not self.arrows:
            return None
        rect = self._data_rect
        return (rect.left(), rect.right()) if axis == 0 else (rect.top(), rect.bottom())

    def viewTransformChanged(self) -> None:
        # The heads' margin is in pixels: its size in data units changes with the zoom.
        self.prepareGeometryChange()
        self._bounds = None

    def boundingRect(self) -> QRectF:
        if not self.arrows:
            return QRectF()
        if self._bounds is None:
            margin = max(HEAD_PIXELS.values()) + max(WIDTH_PIXELS.values())
            px, py = self.pixelWidth() or 0.0, self.pixelHeight() or 0.0
            self._bounds = self._data_rect.adjusted(
                -margin * px, -margin * py, margin * px, margin * py
            )
        return self._bounds

    def paint(self, painter: QPainter, *args) -> None:
        if not self.arrows:
            return
        to_screen = painter.transform()
        painter.save()
        painter.resetTransform()  # draw in device pixels: heads and widths stay the same size
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for arrow in self.arrows:
            start = to_screen.map(QPointF(*arrow.start))
            end = to_screen.map(QPointF(*arrow.end))
            if arrow.kind != "sample":
                _draw_arrow(painter, start, end, arrow.kind, HALO, extra=2.5)
            _draw_arrow(painter, start, end, arrow.kind, _COLOURS[arrow.kind])
        painter.restore()


_COLOURS = {"sample": SAMPLE_COLOUR, "batch": BATCH_COLOUR, "full": FULL_COLOUR}


def _draw_arrow(
    painter: QPainter, start: QPointF, end: QPointF, kind: str, colour: QColor, extra: float = 0
) -> None:
    line = QLineF(start, end)
    if line.length() < 0.5:  # a zero gradient: nothing to point with
        return
    pen = QPen(colour, WIDTH_PIXELS[kind] + extra)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if kind == "full" and not extra:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    head = min(HEAD_PIXELS[kind], 0.6 * line.length())  # a short arrow gets a smaller head
    shaft = QLineF(start, line.pointAt(max(0.0, 1 - 0.8 * head / line.length())))
    painter.drawLine(shaft)
    painter.setPen(QPen(colour, extra) if extra else Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(_head(line, head))


def _head(line: QLineF, length: float) -> QPolygonF:
    """A triangle with its tip at the line's end, pointing along it."""
    unit = line.unitVector()
    dx, dy = unit.dx(), unit.dy()
    tip = line.p2()
    back = QPointF(tip.x() - dx * length, tip.y() - dy * length)
    side = QPointF(-dy * length * 0.4, dx * length * 0.4)
    return QPolygonF([tip, back + side, back - side])
