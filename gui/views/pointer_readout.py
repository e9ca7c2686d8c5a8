"""A small label that follows the mouse over a plot and says what lies under it.

The loss surface shows "w5 = 0.41, w6 = −0.2, E = 0.031", the basin map which minimum a start
reaches: a colour alone does not give the number. A left click can also be handed on (the
surface places the parameters where it was clicked).
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

Describe = Callable[[float, float], "str | None"]  # view coordinates -> text, None: say nothing
OFFSET = 14  # pixels right of and below the pointer, so the label never hides what it names


class PointerReadout:
    """Shows `describe(x, y)` beside the pointer; calls `clicked(x, y)` on a left click."""

    def __init__(
        self,
        plot: pg.PlotWidget,
        describe: Describe,
        clicked: Callable[[float, float], None] | None = None,
    ) -> None:
        self._plot, self._describe, self._clicked = plot, describe, clicked
        self._box = plot.getPlotItem().getViewBox()
        self.label = pg.TextItem(
            color="#ffffff", fill=pg.mkBrush(0, 0, 0, 170), anchor=(0, 0), border=None
        )
        self.label.setZValue(100)
        self.label.setVisible(False)
        self._box.addItem(self.label, ignoreBounds=True)
        plot.scene().sigMouseMoved.connect(self.hover)
        plot.scene().sigMouseClicked.connect(self._on_click)

    @property
    def text(self) -> str:
        """What the label says now ("" while hidden)."""
        return self.label.toPlainText() if self.label.isVisible() else ""

    def point_at(self, scene_pos: QPointF) -> tuple[float, float] | None:
        """View coordinates under a scene position, or None outside the plot's data area."""
        if not self._box.sceneBoundingRect().contains(scene_pos):
            return None
        point = self._box.mapSceneToView(scene_pos)
        return point.x(), point.y()

    def hover(self, scene_pos: QPointF) -> None:
        point = self.point_at(scene_pos)
        text = None if point is None else self._describe(*point)
        if text is None:
            self.label.setVisible(False)
            return
        self.label.setText(text)
        # Right of the pointer, or left of it in the plot's right half: never cut off.
        right_half = scene_pos.x() > self._box.sceneBoundingRect().center().x()
        self.label.setAnchor((1, 0) if right_half else (0, 0))
        shift = QPointF(-OFFSET if right_half else OFFSET, OFFSET)
        self.label.setPos(self._box.mapSceneToView(scene_pos + shift))
        self.label.setVisible(True)

    def hide(self) -> None:
        self.label.setVisible(False)

    def _on_click(self, event) -> None:  # a pyqtgraph MouseClickEvent
        if self._clicked is None or event.double() or event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.point_at(event.scenePos())
        if point is not None:
            self._clicked(*point)
