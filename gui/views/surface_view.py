"""The loss landscape in 2-D: heatmap, contour lines, colour bar, and the descent path on top."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor

from engine.landscape.contours import contour_segments
from engine.landscape.gradient_cloud import GradientCloud
from engine.landscape.loss_landscape import Curve, StepArrows
from engine.landscape.surface import Surface
from gui.views.gradient_cloud_layer import GradientCloudLayer
from gui.views.numbered_path import NumberedPath
from gui.views.step_arrow_item import StepArrowItem

CONTOUR_LEVELS = 12
CONTOUR_GRID = 64
PATH_COLOUR = "#ffffff"  # on the surface's colour map; the 1-D curve's path takes the ink
CURVE_PATH_INKS = ("#111111", "#f2f2f2")  # on a light and on a dark plain background
POINT_COLOUR = "#ff3b30"
ARROW_COLOUR = "#ffd60a"
GRADIENT_ARROW_COLOUR = "#ff6ad5"  # apart from the yellow step arrow on every colour map


def tr(text: str) -> str:
    return QCoreApplication.translate("SurfaceView", text)


class SurfaceView(pg.PlotWidget):
    """Renders what engine.landscape computes; keeps its items and only updates their data."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot_item = self.getPlotItem()
        self.plot_item.showGrid(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot_item.addItem(self.image)
        self.colour_bar = pg.ColorBarItem(colorMap="viridis", interactive=False, width=14)
        self.colour_bar.setImageItem(self.image, insert_in=self.plot_item)
        self.colour_bar.axis.enableAutoSIPrefix(False)
        # Every level's segments in one item, a child of the image: it shares the image's
        # pixel-to-axis transform, and is updated in place rather than rebuilt.
        self.contours = pg.PlotCurveItem(pen=pg.mkPen(255, 255, 255, 110), connect="pairs")
        self.contours.setParentItem(self.image)
        self.path = pg.PlotDataItem(
            pen=pg.mkPen(PATH_COLOUR, width=2), symbol="o", symbolSize=4,
            symbolBrush=PATH_COLOUR, symbolPen=None, name=tr("trajectory"),
        )  # fmt: skip
        self.point = pg.ScatterPlotItem(
            size=13, brush=pg.mkBrush(POINT_COLOUR), pen=pg.mkPen("w", width=1.5)
        )
        self.curve = pg.PlotDataItem(pen=pg.mkPen("#1f77b4", width=2.5))
        self.tangent = pg.PlotDataItem(pen=pg.mkPen("#ff7f0e", width=2, style=Qt.DashLine))
        for item in (self.curve, self.tangent, self.path):
            self.plot_item.addItem(item)
        self.path_numbers = NumberedPath(self.plot_item)
        # The plain −lr·∇E arrow under the real one: where they part, the optimizer's state
        # (momentum, Adam's moments, decay, Lookahead) moved the point.
        # The dashed gradient arrow on top (they often point the same way) and the labels on
        # opposite sides of their heads, so that two close arrows stay readable.
        self.step_arrow = StepArrowItem(self.plot_item, ARROW_COLOUR, anchor=(0, 0))
        self.gradient_arrow = StepArrowItem(
            self.plot_item, GRADIENT_ARROW_COLOUR, dashed=True, anchor=(1, 1)
        )
        self.arrow, self.arrow_head = self.step_arrow.line, self.step_arrow.head
        self.plot_item.addItem(self.point)
        self.minima = pg.ScatterPlotItem(
            symbol="star", size=16, brush=pg.mkBrush("#ffffff"), pen=pg.mkPen("k")
        )
        self.plot_item.addItem(self.minima)
        self.cloud = GradientCloudLayer(self.plot_item)
        self.surface_axes: tuple[str, ...] = ()  # the plane's axis labels, once a surface shows
        self.log_scale = False

    def show_gradient_cloud(self, cloud: GradientCloud | None, lr: float = 1.0) -> bool:
        """Each sample's −lr·gᵢ, the batch's and the whole set's from the current point, scaled
        if needed to be seen (the legend says by what); None clears it. 2-D only.

        A cloud along other axes than the surface's (a random or PCA plane, other parameters)
        would point the wrong way: it is cleared instead, and False returned."""
        if cloud is not None and tuple(cloud.axes) != self.surface_axes:
            cloud = None
        (x0, x1), (y0, y1) = self.plot_item.vb.viewRange()
        self.cloud.show(cloud, lr, min(x1 - x0, y1 - y0))
        return cloud is not None

    def show_minima(self, points) -> None:
        """Where the literature puts the minima (or the saddle), as stars."""
        xy = np.asarray(points, dtype=float).reshape(-1, 2)
        self.minima.setData(xy[:, 0], xy[:, 1])

    # -- surfaces ----------------------------------------------------------------------------
    def show_surface(self, surface: Surface, title: str) -> None:
        self._set_surface_mode(True)
        data = self._colour_data(surface.loss)
        x, y = surface.x, surface.y
        self.image.setImage(data, autoLevels=False)
        self.image.setRect(QRectF(x[0], y[0], x[-1] - x[0], y[-1] - y[0]))
        finite = data[np.isfinite(data)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        self.colour_bar.setLevels((low, high if high > low else low + 1e-12))
        self._draw_contours(data, low, high)
        axes = surface.plane.axes
        self.surface_axes = tuple(axes) if surface.plane.kind == "params" else ()
        if self.cloud.axes != self.surface_axes:
            self.cloud.show(None, 1.0, 1.0)  # it points along the axes of the plane before
        self.plot_item.setLabel("bottom", axes[0])
        self.plot_item.setLabel("left", axes[1])
        label = tr("log₁₀(loss − min)") if self.log_scale else tr("loss")
        self.colour_bar.axis.setLabel(label)
        self.plot_item.setTitle(title)
        self.plot_item.setRange(xRange=(x[0], x[-1]), yRange=(y[0], y[-1]), padding=0)

    def _colour_data(self, loss: np.ndarray) -> np.ndarray:
        if not self.log_scale:
            return loss
        # Colour only: contours of log(loss − min) separate the flat floor of a valley.
        floor = np.nanmin(loss)
        spread = max(float(np.nanmax(loss) - floor), 1e-300)
        return np.log10(loss - floor + 1e-9 * spread)

    def _draw_contours(self, data: np.ndarray, low: float, high: float) -> None:
        if not np.isfinite(low) or high <= low:
            self.contours.setData([], [])
            return
        # On a grid of at most ~64² the lines look the same and cost a quarter.
        stride = max(1, int(np.ceil(max(data.shape) / CONTOUR_GRID)))
        clean = np.nan_to_num(data[::stride, ::stride], nan=high, posinf=high, neginf=low)
        levels = np.linspace(low, high, CONTOUR_LEVELS + 2)[1:-1]
        # The image is row-major (y, x): transposed, the segments' coordinates are (x, y).
        segments = np.concatenate([contour_segments(clean.T, level) for level in levels])
        points = segments.reshape(-1, 2) * stride
        self.contours.setData(points[:, 0], points[:, 1])

    # -- the 1-D curve (parabola) --------------------------------------------------------------
    def show_curve(self, curve: Curve, title: str) -> None:
        self._set_surface_mode(False)
        self.minima.setData([], [])  # a previous function's stars do not belong on this curve
        self.curve.setData(curve.x, curve.f)
        xs, ys = curve.tangent()
        self.tangent.setData(xs, ys)
        self.point.setData([curve.point[0]], [curve.point[1]])
        self.path.setData(*curve.path)
        self._ink_curve_path()
        self.plot_item.setLabel("bottom", "x")
        self.plot_item.setLabel("left", "f(x)")
        self.plot_item.setTitle(title)
        self.plot_item.enableAutoRange()

    def setBackground(self, background: object) -> None:
        """A theme switch or a print export changes the paper: the curve's path follows it."""
        super().setBackground(background)
        if hasattr(self, "curve") and self.curve.isVisible():
            self._ink_curve_path()

    def curve_path_ink(self) -> str:
        """Near-black on a light background, near-white on a dark one: never white on white."""
        light = QColor(self.backgroundBrush().color()).lightnessF() > 0.5
        return CURVE_PATH_INKS[0] if light else CURVE_PATH_INKS[1]

    def _ink_curve_path(self) -> None:
        ink = self.curve_path_ink()
        self._path_colour(ink, symbol_size=7)
        xs, ys = self.path.getData()
        if xs is not None:
            self.path_numbers.show(xs, ys, ink)

    def _path_colour(self, colour: str, symbol_size: int) -> None:
        """White on a colour map; on the 1-D curve's plain background an ink that contrasts it."""
        self.path.setPen(pg.mkPen(colour, width=2))
        self.path.setSymbolBrush(colour)
        self.path.setSymbolSize(symbol_size)

    def _set_surface_mode(self, surface: bool) -> None:
        if surface:
            self._path_colour(PATH_COLOUR, symbol_size=4)
            self.path_numbers.hide()
        self.image.setVisible(surface)
        self.contours.setVisible(surface)
        self.colour_bar.setVisible(surface)
        self.curve.setVisible(not surface)
        self.tangent.setVisible(not surface)
        if not surface:
            self.cloud.show(None, 1.0, 1.0)
            self.step_arrow.hide()
            self.gradient_arrow.hide()

    # -- the path ------------------------------------------------------------------------------
    def show_path(
        self,
        path: np.ndarray,
        current: np.ndarray,
        arrows: StepArrows | None,
    ) -> None:
        self.path.setData(path[:, 0], path[:, 1])
        self.point.setData([current[0]], [current[1]])
        if arrows is None:
            self.step_arrow.hide()
            self.gradient_arrow.hide()
            return
        if arrows.differ:
            self.step_arrow.show(*arrows.real, tr("optimizer.step()"))
            self.gradient_arrow.show(*arrows.gradient, tr("−lr·∇E"))
        else:
            self.step_arrow.show(*arrows.real, tr("optimizer.step() = −lr·∇E"))
            self.gradient_arrow.hide()
