"""The OpenGL widget itself; imported only after opengl_problem() said OpenGL works."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl

from engine.landscape.surface import Surface
from gui.views.surface_heights import normalised_heights


class Surface3D(gl.GLViewWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setCameraPosition(distance=4.0, elevation=30, azimuth=-60)
        self.mesh = gl.GLSurfacePlotItem(shader="shaded", smooth=True)
        self.path = gl.GLLinePlotItem(color=(1, 1, 1, 1), width=2, antialias=True)
        self.addItem(self.mesh)
        self.addItem(self.path)

    def show_surface(self, surface: Surface, path: np.ndarray) -> None:
        x, y, z = normalised_heights(surface)
        colours = pg.colormap.get("viridis").map(z.T.reshape(-1), mode="float")
        self.mesh.setData(x=x, y=y, z=z.T, colors=colours.reshape(len(x), len(y), 4))
        if len(path):
            px = np.interp(path[:, 0], (surface.x[0], surface.x[-1]), (-1, 1))
            py = np.interp(path[:, 1], (surface.y[0], surface.y[-1]), (-1, 1))
            rows = np.clip(np.searchsorted(surface.y, path[:, 1]), 0, len(surface.y) - 1)
            cols = np.clip(np.searchsorted(surface.x, path[:, 0]), 0, len(surface.x) - 1)
            pz = z[rows, cols] + 0.01
            self.path.setData(pos=np.column_stack([px, py, pz]))
