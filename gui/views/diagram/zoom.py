"""Zooming the diagram: fitted to the view by default, but never below a readable size.

A figure too big to fit at a readable size is shown at that size and panned by hand (drag,
scroll bars) instead of shrunk into unreadable labels; zooming out further to see the whole
figure is the learner's choice (− button, wheel). Zoomed in, the figure is dragged by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsView

ZOOM_LIMIT = 8.0  # how far one may zoom in beyond the readable fit
WHEEL_STEP = 1.15  # the zoom of one notch of the wheel
BUTTON_STEP = 1.25  # the zoom of one press of + or −
MIN_LABEL_PT = 9.0  # the smallest text the fitted figure shows, in points


class FitZoom:
    """The scale of one view: `fit` shows the whole figure, or as much as is readable."""

    def __init__(self, view: QGraphicsView) -> None:
        self.view = view
        self.min_text_px = 0.0  # the figure's smallest font, in scene units (0: no floor)
        self.min_label_pt = MIN_LABEL_PT
        self.fitted = True  # False once the learner zoomed: a resize then keeps the zoom

    def whole(self) -> float:
        """The scale at which the whole figure fits the view."""
        rect, port = self.view.scene().sceneRect(), self.view.viewport().rect()
        if rect.isEmpty() or port.isEmpty():
            return 1.0
        return min(port.width() / rect.width(), port.height() / rect.height())

    def readable(self) -> float:
        """The smallest scale at which the figure's smallest text is `min_label_pt` on screen."""
        if self.min_text_px <= 0 or self.min_label_pt <= 0:
            return 0.0
        screen_px = self.min_label_pt * self.view.logicalDpiY() / 72.0
        return screen_px / self.min_text_px

    def fit_scale(self) -> float:
        return max(self.whole(), self.readable())

    def scale(self) -> float:
        return self.view.transform().m11()

    def fit(self) -> None:
        """The whole figure, or when that would be unreadable, the readable size from its top
        left (the focus is followed as the story moves)."""
        view = self.view
        rect = view.scene().sceneRect()
        if rect.isEmpty():
            return
        self.fitted = True
        self._set_scale(self.fit_scale())
        if self.fits():
            view.centerOn(rect.center())
        else:
            view.ensureVisible(QRectF(rect.topLeft(), rect.topLeft()), 0, 0)

    def refit(self) -> None:
        """After a resize: fit again unless the learner chose a zoom."""
        if self.fitted:
            self.fit()

    def fits(self) -> bool:
        """Whether the whole figure is in view at the current scale."""
        return self.scale() <= self.whole() * 1.001

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out, between the whole figure and the zoom limit."""
        low = min(self.whole(), self.fit_scale())
        high = self.fit_scale() * ZOOM_LIMIT
        target = min(high, max(low, self.scale() * factor))
        if target != self.scale():
            self.fitted = False
            self._set_scale(target)

    def wheel(self, notches: float) -> None:
        """Zoom in or out under the mouse."""
        self.view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoom_by(WHEEL_STEP**notches)
        self.view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)

    def _set_scale(self, scale: float) -> None:
        view = self.view
        current = self.scale()
        if current > 0 and scale > 0:
            view.scale(scale / current, scale / current)
        panned = not self.fits()
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if panned
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        view.setHorizontalScrollBarPolicy(policy)
        view.setVerticalScrollBarPolicy(policy)
        mode = QGraphicsView.DragMode.ScrollHandDrag if panned else QGraphicsView.DragMode.NoDrag
        view.setDragMode(mode)

    def keeping(self) -> Callable[[], None]:
        """Remember the zoom and centre now; the returned call brings them back (after a
        rebuild of the scene, say)."""
        view, fitted = self.view, self.fitted
        transform = view.transform()
        centre = view.mapToScene(view.viewport().rect().center())

        def restore() -> None:
            if not fitted:
                view.setTransform(transform)
                self._set_scale(self.scale())
                self.fitted = False
                view.centerOn(centre)

        return restore
