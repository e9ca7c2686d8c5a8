"""The gradient cloud and its legend on a 2-D plot: the legend says the arrows' scale."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from engine.landscape.gradient_cloud import GradientCloud
from gui.views.gradient_cloud_item import (
    BATCH_COLOUR,
    FULL_COLOUR,
    SAMPLE_COLOUR,
    GradientCloudItem,
    visible_scale,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("GradientCloudLayer", text)


def scale_prefix(lr: float, factor: float) -> str:
    """ "−lr·", "−20·lr·", "−0.01·lr·"; without a learning rate "−" or "−20·"."""
    times = "" if factor == 1 else f"{factor:g}·"
    return "−" + times + ("lr·" if lr > 0 else "")


class GradientCloudLayer:
    """Owns the cloud item and a legend on `plot_item`; hidden while there is no cloud."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self.item = GradientCloudItem()
        self.item.setZValue(20)  # over the surface, the contours and the path
        plot_item.addItem(self.item, ignoreBounds=True)
        self.legend = pg.LegendItem(offset=(8, 8), labelTextSize="8pt", labelTextColor="#111111")
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 215))
        self.legend.setParentItem(plot_item.vb)
        self.legend.setVisible(False)
        # The key's lines: the sample's a little wider and opaque, to be seen on the white box.
        width = {"sample": 2, "batch": 3.5, "full": 2.5}
        opaque = QColor(SAMPLE_COLOUR)
        opaque.setAlpha(255)
        self._samples = pg.PlotDataItem(pen=pg.mkPen(opaque, width=width["sample"]))
        self._batch = pg.PlotDataItem(pen=pg.mkPen(BATCH_COLOUR, width=width["batch"]))
        self._full = pg.PlotDataItem(
            pen=pg.mkPen(FULL_COLOUR, width=width["full"], style=Qt.PenStyle.DashLine)
        )
        self.axes: tuple[str, ...] = ()  # the shown cloud's, () while none is shown
        self.scale = 1.0
        self.factor = 1.0

    def show(self, cloud: GradientCloud | None, lr: float, extent: float) -> None:
        self.axes = () if cloud is None else tuple(cloud.axes)
        if cloud is None:
            self.item.set_cloud(None)
            self.legend.setVisible(False)
            return
        keep = self.factor if self.is_shown() else None
        self.scale, self.factor = visible_scale(cloud, lr, extent, keep)
        self.item.set_cloud(cloud, self.scale)
        prefix = scale_prefix(lr, self.factor)
        self.legend.clear()
        self.legend.addItem(self._samples, tr("one sample each: {0}gᵢ").format(prefix))
        self.legend.addItem(
            self._batch, tr("batch of {0}: {1}g").format(len(cloud.per_sample), prefix)
        )
        self.legend.addItem(self._full, tr("whole training set: {0}∇E").format(prefix))
        self.legend.setVisible(True)

    def is_shown(self) -> bool:
        return bool(self.item.arrows)
