"""The loss surface in 3-D (pyqtgraph.opengl), created only where OpenGL works."""

from __future__ import annotations

from PySide6.QtGui import QOpenGLContext


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
