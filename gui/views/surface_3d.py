"""The loss surface in 3-D (pyqtgraph.opengl), created only where OpenGL works."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QOpenGLContext

from engine.surface import Surface


def opengl_problem() -> str | None:
    """Why a 3-D view cannot be shown here, or None when it can."""
    try:
        import OpenGL  # noqa: F401  (pyqtgraph.opengl needs PyOpenGL)
    except ImportError:
        return "PyOpenGL is not installed"
    if not QOpenGLContext().create():
        return "this display has no OpenGL (e.g. an offscreen or remote session)"
    return None


def make_surface_3d():  # -> Surface3D, imported lazily: pyqtgraph.opengl pulls in OpenGL
    from gui.views._surface_3d_gl import Surface3D

    return Surface3D()


def normalised_heights(surface: Surface) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x, y scaled to [−1, 1] and the loss to [0, 1], so any surface fits the same camera."""
    x = np.interp(surface.x, (surface.x[0], surface.x[-1]), (-1, 1))
    y = np.interp(surface.y, (surface.y[0], surface.y[-1]), (-1, 1))
    z = np.nan_to_num(surface.loss, nan=np.nanmax(surface.loss))
    span = float(z.max() - z.min()) or 1.0
    return x, y, (z - z.min()) / span
