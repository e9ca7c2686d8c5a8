"""The OpenGL widget itself; imported only after opengl_problem() said OpenGL works."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from PySide6.QtGui import QColor, QImage, QPainter

from engine.landscape.surface import Surface
from gui.views._surface_3d_axes import SurfaceAxes
from gui.views.surface_heights import normalised_heights
from gui.views.surface_scale import COLOUR_MAP

BACKGROUND = "#202124"  # dark grey: the shaded surface and its light labels both stand out


class Surface3D(gl.GLViewWidget):
    """The loss surface in 3-D with its axes, tick values and the colour bar of the loss."""

    def __init__(self) -> None:
        super().__init__()
        self.setBackgroundColor(BACKGROUND)
        self.setCameraPosition(distance=4.6, elevation=30, azimuth=-60)
        self.mesh = gl.GLSurfacePlotItem(shader="shaded", smooth=True)
        self.path = gl.GLLinePlotItem(color=(1, 1, 1, 1), width=2, antialias=True)
        self.addItem(self.mesh)
        self.addItem(self.path)
        self.axes = SurfaceAxes(self)
        self.surface: Surface | None = None  # the surface shown

    def show_surface(self, surface: Surface, path: np.ndarray) -> None:
        self.surface = surface
        x, y, z = normalised_heights(surface)
        colours = pg.colormap.get(COLOUR_MAP).map(z.T.reshape(-1), mode="float")
        self.mesh.setData(x=x, y=y, z=z.T, colors=colours.reshape(len(x), len(y), 4))
        self.axes.show(surface)
        if len(path):
            px = np.interp(path[:, 0], (surface.x[0], surface.x[-1]), (-1, 1))
            py = np.interp(path[:, 1], (surface.y[0], surface.y[-1]), (-1, 1))
            rows = np.clip(np.searchsorted(surface.y, path[:, 1]), 0, len(surface.y) - 1)
            cols = np.clip(np.searchsorted(surface.x, path[:, 0]), 0, len(surface.x) - 1)
            pz = z[rows, cols] + 0.01
            self.path.setData(pos=np.column_stack([px, py, pz]))

    def figure_image(self) -> QImage:
        """The picture as shown, axes and colour bar included, on the view's own opaque
        background (the framebuffer's is transparent: light labels would vanish on a slide)."""
        framebuffer = self.readQImage()
        image = QImage(framebuffer.size(), QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(framebuffer.devicePixelRatio())
        image.fill(QColor(BACKGROUND))
        painter = QPainter(image)
        painter.drawImage(0, 0, framebuffer)
        painter.end()
        return image
