"""The 3-D surface's axes and colour bar, drawn in the OpenGL view itself.

Drawn in the view (not added to an export afterwards), so the picture on screen, a copied
image and an exported PNG show the same axes, tick values and loss scale.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph.opengl as gl
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from engine.landscape.surface import Surface
from gui.views.surface_scale import nice_ticks, paint_colour_bar, scale_font, tick_text

INK = QColor(235, 235, 235)  # light on the view's black background
LINE_COLOUR = (0.85, 0.85, 0.85, 1.0)
TICK_LENGTH = 0.05
CENTRED = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def tr(text: str) -> str:
    return QCoreApplication.translate("Surface3D", text)


@dataclass(frozen=True)
class SurfaceScales:
    """What the axes say: the parameters' names and ranges, and the loss range."""

    names: tuple[str, str]
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    loss_range: tuple[float, float]

    @classmethod
    def of(cls, surface: Surface) -> SurfaceScales:
        loss = surface.loss[np.isfinite(surface.loss)]
        low, high = (float(loss.min()), float(loss.max())) if loss.size else (0.0, 1.0)
        a, b = surface.plane.axes
        x, y = surface.x, surface.y
        return cls((a, b), (float(x[0]), float(x[-1])), (float(y[0]), float(y[-1])), (low, high))


def _to_unit(value: float, span: tuple[float, float]) -> float:
    """A parameter value to the view's [−1, 1] (as surface_heights scales the grid)."""
    low, high = span
    return float(np.interp(value, (low, high), (-1.0, 1.0))) if high > low else 0.0


class ColourBarItem(gl.GLGraphicsItem.GLGraphicsItem):
    """The loss scale, painted over the 3-D picture at the view's right edge."""

    def __init__(self) -> None:
        super().__init__()
        self.loss_range: tuple[float, float] | None = None
        self.bar = QRectF()  # where the bar was last painted, in the view's pixels

    def paint(self) -> None:
        if self.loss_range is None:
            return
        view = self.view()
        painter = QPainter(view)
        low, high = self.loss_range
        self.bar = paint_colour_bar(
            painter, (view.width(), view.height()), low, high, tr("loss"), INK
        )
        painter.end()


class SurfaceAxes:
    """Axis lines, ticks and tick values along the front edges, the parameters' names, and
    the colour bar; rebuilt for every surface shown."""

    def __init__(self, view: gl.GLViewWidget) -> None:
        self.view = view
        self.lines = gl.GLLinePlotItem(mode="lines", color=LINE_COLOUR, width=1.5, antialias=True)
        view.addItem(self.lines)
        self.labels: list[gl.GLTextItem] = []
        self.colour_bar = ColourBarItem()
        view.addItem(self.colour_bar)
        self.scales: SurfaceScales | None = None

    def show(self, surface: Surface) -> None:
        scales = SurfaceScales.of(surface)
        self.scales = scales
        for label in self.labels:
            self.view.removeItem(label)
        self.labels = []
        segments: list[tuple[float, float, float]] = []
        self._x_axis(scales, segments)
        self._y_axis(scales, segments)
        self._z_axis(scales, segments)
        self.lines.setData(pos=np.array(segments, dtype=float))
        self.colour_bar.loss_range = scales.loss_range
        self.colour_bar.update()

    def texts(self) -> list[str]:
        """Every label drawn in the view, for tests and for the curious."""
        return [label.text for label in self.labels]

    # The camera looks from +x, −y: the front edges are y = −1 and x = +1.
    def _x_axis(self, scales: SurfaceScales, segments: list) -> None:
        segments += [(-1.0, -1.0, 0.0), (1.0, -1.0, 0.0)]
        ticks = nice_ticks(*scales.x_range)
        for value in ticks:
            x = _to_unit(value, scales.x_range)
            segments += [(x, -1.0, 0.0), (x, -1.0 - TICK_LENGTH, 0.0)]
            self._label((x, -1.16, 0.0), tick_text(value, ticks))
        self._label((0.0, -1.4, 0.0), scales.names[0], bold=True)

    def _y_axis(self, scales: SurfaceScales, segments: list) -> None:
        segments += [(1.0, -1.0, 0.0), (1.0, 1.0, 0.0)]
        ticks = nice_ticks(*scales.y_range)
        for value in ticks:
            y = _to_unit(value, scales.y_range)
            segments += [(1.0, y, 0.0), (1.0 + TICK_LENGTH, y, 0.0)]
            self._label((1.16, y, 0.0), tick_text(value, ticks))
        self._label((1.4, 0.0, 0.0), scales.names[1], bold=True)

    def _z_axis(self, scales: SurfaceScales, segments: list) -> None:
        low, high = scales.loss_range
        segments += [(-1.0, -1.0, 0.0), (-1.0, -1.0, 1.0)]
        span = (high - low) or 1.0
        ticks = nice_ticks(low, high, most=4)
        for value in ticks:
            z = (value - low) / span
            segments += [(-1.0, -1.0, z), (-1.0 - TICK_LENGTH, -1.0, z)]
            self._label((-1.16, -1.0, z), tick_text(value, ticks))
        self._label((-1.0, -1.0, 1.15), tr("loss"), bold=True)

    def _label(self, pos: tuple[float, float, float], text: str, bold: bool = False) -> None:
        font = scale_font()
        font.setBold(bold)
        item = gl.GLTextItem(pos=np.array(pos), text=text, color=INK, font=font)
        item.alignment = CENTRED
        self.view.addItem(item)
        self.labels.append(item)
