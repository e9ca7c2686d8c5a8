"""A grid of coloured cells (a weight matrix, a column of activations, an 8×8 picture) that is
updated in place, outlines one row or cell, and says which cell was clicked or hovered."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

FOCUS_PEN_WIDTH = 3


class ClickableImage(pg.ImageItem):
    """An ImageItem (row-major: `image[row, col]`) that reports the cell under a click."""

    cell_clicked = Signal(int, int)  # row, col
    cell_hovered = Signal(int, int)  # row, col; (-1, -1) when the mouse leaves

    def __init__(self) -> None:
        super().__init__(axisOrder="row-major")
        self.setAcceptHoverEvents(True)

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        if self.image is None:
            return None
        row, col = math.floor(y), math.floor(x)
        rows, cols = self.image.shape[:2]
        return (row, col) if 0 <= row < rows and 0 <= col < cols else None

    def mouseClickEvent(self, event) -> None:  # noqa: N802 (pyqtgraph's name)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        cell = self.cell_at(event.pos().x(), event.pos().y())
        if cell is not None:
            event.accept()
            self.cell_clicked.emit(*cell)

    def hoverEvent(self, event) -> None:  # noqa: N802 (pyqtgraph's name)
        cell = None if event.isExit() else self.cell_at(event.pos().x(), event.pos().y())
        self.cell_hovered.emit(*(cell or (-1, -1)))


class CellImage(pg.GraphicsView):
    """The cells fill the widget (no axes, no mouse zoom); 0,0 is the top-left cell."""

    def __init__(self, missing: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.box = pg.ViewBox(enableMouse=False, invertY=True, enableMenu=False)
        self.box.setBackgroundColor(missing)  # NaN cells are transparent: they show this grey
        self.setCentralItem(self.box)
        self.image = ClickableImage()
        self.box.addItem(self.image)
        self._outline = QGraphicsRectItem()
        self._outline.setZValue(10)
        self._outline.hide()
        self.box.addItem(self._outline, ignoreBounds=True)
        self._shape: tuple[int, int] | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_cells(self, cells: np.ndarray, levels: tuple[float, float]) -> None:
        """New values in the same ImageItem: setImage, never a rebuilt scene."""
        self.image.setImage(cells, levels=levels, autoLevels=False)
        if cells.shape != self._shape:
            self._shape = cells.shape
            self.box.setRange(QRectF(0, 0, cells.shape[1], cells.shape[0]), padding=0)

    def set_colour_map(self, colour_map: pg.ColorMap) -> None:
        self.image.setColorMap(colour_map)

    def outline(self, row: int | None, colour: QColor, col: int | None = None) -> None:
        """Outline one row (or one cell when `col` is given); None hides the outline."""
        if row is None or self._shape is None:
            self._outline.hide()
            return
        width = 1 if col is not None else self._shape[1]
        self._outline.setRect(QRectF(col or 0, row, width, 1))
        pen = QPen(colour, FOCUS_PEN_WIDTH)
        pen.setCosmetic(True)  # the same width however the cells are stretched
        self._outline.setPen(pen)
        self._outline.show()

    def outlined(self) -> QRectF | None:
        """The outlined cells in cell coordinates, or None (for tests)."""
        return self._outline.rect() if self._outline.isVisible() else None
