"""Small pictures of what each hidden unit computes over the input plane, as TensorFlow
Playground shows them: blue where the unit's activation is positive, orange where negative,
white near 0, one column block per hidden layer.

The pictures come from the engine's NeuronMaps (one batched forward over a grid); this module
only colours them and lays them out.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from engine.labs.neuron_maps import NeuronMaps
from gui.plain_text import plain_label

THUMB = 44  # pixels a picture is drawn at, while the layers' columns fit MAX_WIDTH
SMALLEST_THUMB = 24
UNITS_PER_COLUMN = 8
MAX_UNITS_SHOWN = 32  # per layer: a wide layer shows its first units and says how many more
MAX_WIDTH = 300
SPACING = 3
POSITIVE = np.array((8, 119, 189), dtype=float)  # TensorFlow Playground's blue
NEGATIVE = np.array((245, 147, 34), dtype=float)  # and orange
WHITE = np.array((255, 255, 255), dtype=float)


def activation_rgb(values: np.ndarray, scale: float | np.ndarray) -> np.ndarray:
    """(..., rows, cols, 3) uint8: values / scale from −1 (orange) through 0 (white) to 1 (blue),
    one scale per picture (a leading axis of units takes one scale each); row 0 of a picture is
    its top, i.e. the grid's last y. NaN is drawn white and ±inf at full colour."""
    scale = np.asarray(scale, dtype=float)
    scale = np.where(np.isfinite(scale) & (scale > 0), scale, 1.0)  # all zeros, or diverged
    with np.errstate(invalid="ignore"):
        t = values[..., ::-1, :] / scale[..., None, None]
    t = np.clip(np.where(np.isnan(t), 0.0, t), -1.0, 1.0)[..., None]
    rgb = np.where(t >= 0, WHITE + t * (POSITIVE - WHITE), WHITE - t * (NEGATIVE - WHITE))
    return np.ascontiguousarray(np.rint(rgb).astype(np.uint8))


def to_pixmap(rgb: np.ndarray, size: int) -> QPixmap:
    rows, cols, _ = rgb.shape
    image = QImage(rgb.data, cols, rows, 3 * cols, QImage.Format.Format_RGB888).copy()
    return QPixmap.fromImage(image).scaled(
        size, size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation
    )


def thumb_size(shape: tuple[int, ...]) -> int:
    """Pictures shrink (down to SMALLEST_THUMB) so that every layer's columns fit MAX_WIDTH."""
    columns = sum(-(-min(units, MAX_UNITS_SHOWN) // UNITS_PER_COLUMN) for units in shape)
    gaps = SPACING * columns + 10 * len(shape) + 20
    return max(SMALLEST_THUMB, min(THUMB, (MAX_WIDTH - gaps) // max(columns, 1) - 2))


class NeuronPictures(QScrollArea):
    """One block per hidden layer, its units in columns of UNITS_PER_COLUMN pictures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.pictures: list[list[QLabel]] = []  # [layer][unit], the units shown
        self.titles: list[QLabel] = []
        self.heading = plain_label()
        self._shape: tuple[int, ...] = ()
        self._thumb = THUMB
        self.setToolTip(
            self.tr(
                "What each hidden unit computes over the plane: blue where its output is "
                "positive, orange where negative, white near 0 (each picture on its own scale)"
            )
        )

    def show_maps(self, maps: NeuronMaps) -> None:
        shape = tuple(layer.shape[0] for layer in maps.layers)
        rebuilt = shape != self._shape
        if rebuilt:
            self._build(shape)
        self.heading.setText(self.tr("Hidden units ({act})").format(act=maps.activation))
        for index, (layer, labels) in enumerate(zip(maps.layers, self.pictures, strict=True)):
            self._show_layer(index, layer, labels, maps.activation)
        if rebuilt:
            self._fit_width()

    def _show_layer(self, index: int, layer: np.ndarray, labels: list[QLabel], act: str) -> None:
        self.titles[index].setText(self.tr("layer {n}").format(n=index + 1))
        tip = self.tr("layer {l}, unit {u}: {act}(w·x + b) from {lo:.3g} to {hi:.3g}")
        shown = layer[: len(labels)]
        with np.errstate(invalid="ignore"):  # a diverged unit's NaNs
            scales = np.abs(shown).reshape(len(labels), -1).max(axis=1)
        pictures = activation_rgb(shown, scales)  # each unit's own scale: its shape stays visible
        for u, label in enumerate(labels):
            label.setPixmap(to_pixmap(pictures[u], self._thumb))
            label.setToolTip(
                tip.format(l=index + 1, u=u + 1, act=act, lo=layer[u].min(), hi=layer[u].max())
            )

    def _build(self, shape: tuple[int, ...]) -> None:
        self._shape, self.pictures, self.titles = shape, [], []
        self._thumb = thumb_size(shape)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.heading)
        row = QHBoxLayout()
        row.setSpacing(10)
        for units in shape:
            row.addLayout(self._layer_block(units))
        column.addLayout(row)
        column.addStretch(1)
        self.setWidget(content)

    def _fit_width(self) -> None:
        """As wide as the pictures and titles need (a scroll bar beyond MAX_WIDTH)."""
        bar = self.verticalScrollBar().sizeHint().width()
        self.setFixedWidth(min(self.widget().sizeHint().width() + bar + 4, MAX_WIDTH))

    def _layer_block(self, units: int) -> QVBoxLayout:
        block = QVBoxLayout()
        block.setSpacing(SPACING)
        title = plain_label()
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.titles.append(title)
        block.addWidget(title)
        grid = QGridLayout()
        grid.setSpacing(SPACING)
        labels = []
        for u in range(min(units, MAX_UNITS_SHOWN)):
            label = QLabel()
            label.setFixedSize(self._thumb + 2, self._thumb + 2)  # inside a 1 px border
            label.setStyleSheet("border: 1px solid #9aa5b1;")
            grid.addWidget(label, u % UNITS_PER_COLUMN, u // UNITS_PER_COLUMN)
            labels.append(label)
        self.pictures.append(labels)
        block.addLayout(grid)
        if units > MAX_UNITS_SHOWN:
            more = self.tr("+{n} more").format(n=units - MAX_UNITS_SHOWN)
            block.addWidget(plain_label(more))
        block.addStretch(1)
        return block
