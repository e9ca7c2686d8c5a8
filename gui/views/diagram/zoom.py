"""Zooming the diagram: fitted to the view by default, the wheel zooms in from there.

At the fitted size the figure does not move; zoomed in, it is dragged by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsView

ZOOM_LIMIT = 8.0  # how far the wheel may zoom in beyond the fitted view
WHEEL_STEP = 1.15  # the zoom of one notch of the wheel


class FitZoom:
    """The zoom of one view, relative to the whole figure fitted into it."""

    def __init__(self, view: QGraphicsView) -> None:
        self.view = view
        self.factor = 1.0

    def fit(self) -> None:
        """The whole figure, aspect kept; the wheel zooms from here, a resize comes back."""
        view = self.view
        rect = view.scene().sceneRect()
        if rect.isEmpty():
            return
        view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.factor = 1.0
        view.setDragMode(QGraphicsView.DragMode.NoDrag)

    def wheel(self, notches: float) -> None:
        """Zoom in or out under the mouse, never beyond the limit nor below the fitted view."""
        zoom = min(ZOOM_LIMIT, max(1.0, self.factor * WHEEL_STEP**notches))
        if zoom == 1.0:
            self.fit()
        elif zoom != self.factor:
            view = self.view
            view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            view.scale(zoom / self.factor, zoom / self.factor)
            self.factor = zoom
            view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

    def keeping(self) -> Callable[[], None]:
        """Remember the zoom and centre now; the returned call brings them back (after a
        rebuild of the scene, say)."""
        view, zoom = self.view, self.factor
        transform = view.transform()
        centre = view.mapToScene(view.viewport().rect().center())

        def restore() -> None:
            if zoom != 1.0:
                view.setTransform(transform)
                self.factor = zoom
                view.centerOn(centre)
                view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

        return restore
