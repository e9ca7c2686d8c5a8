"""The batch's images as small thumbnails with their labels, as many as the width allows
(up to 32): for the digits, the 8×8 pictures the DataLoader handed the network.

Painted in one widget, in a grid whose column count follows the width, so the strip keeps one
height at any window size. Dark ink on light paper, like handwriting.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

MAX_SHOWN = 32
ROWS = 2
SCALE = 4  # an 8×8 digit becomes 32×32 pixels
CAPTION = 13  # pixels under each image for its label
GAP = 4


def ink(image: np.ndarray, top: float) -> np.ndarray:
    """uint8 grey levels: 0 (no ink) is white, `top` (the set's largest value) is black."""
    scaled = np.clip(image / top, 0.0, 1.0) if top > 0 else np.zeros_like(image)
    return np.ascontiguousarray(np.round(255 * (1.0 - scaled)).astype(np.uint8))


class BatchThumbnails(QWidget):
    """Paints `images` (each an (h, w) array) with `captions`; keeps what it was given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[np.ndarray] = []  # the arrays shown, in order (tests read them)
        self.captions: list[str] = []
        self._qimages: list[QImage] = []
        self._cell = (8 * SCALE, 8 * SCALE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(ROWS * (8 * SCALE + CAPTION + GAP))

    def capacity(self) -> int:
        """How many thumbnails fit in the width now (never more than MAX_SHOWN)."""
        columns = max(1, self.width() // (self._cell[0] + GAP))
        return min(MAX_SHOWN, columns * ROWS)

    def show_images(self, images: list[np.ndarray], captions: list[str], top: float) -> None:
        self.images = [np.array(image, copy=True) for image in images]
        self.captions = list(captions)
        self._qimages = [self._qimage(ink(image, top)) for image in self.images]
        if self.images:
            h, w = self.images[0].shape
            self._cell = (w * SCALE, h * SCALE)
            self.setFixedHeight(ROWS * (h * SCALE + CAPTION + GAP))
        self.update()

    def shown_pixels(self, index: int) -> np.ndarray:
        """The grey levels painted for thumbnail `index` (before scaling), from its QImage."""
        image = self._qimages[index]
        h, w = image.height(), image.width()
        row_bytes = image.bytesPerLine()
        data = np.frombuffer(image.constBits(), dtype=np.uint8, count=row_bytes * h)
        return data.reshape(h, row_bytes)[:, :w].copy()

    @staticmethod
    def _qimage(grey: np.ndarray) -> QImage:
        h, w = grey.shape
        return QImage(grey.data, w, h, w, QImage.Format.Format_Grayscale8).copy()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        width, height = self._cell
        columns = max(1, self.width() // (width + GAP))
        for i, (image, caption) in enumerate(
            zip(self._qimages[: self.capacity()], self.captions, strict=False)
        ):
            row, column = divmod(i, columns)
            x, y = column * (width + GAP), row * (height + CAPTION + GAP)
            painter.drawImage(QRect(x, y, width, height), image)
            painter.drawRect(QRect(x, y, width - 1, height - 1))
            text_box = QRect(x, y + height, width, CAPTION)
            painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, caption)
        painter.end()
