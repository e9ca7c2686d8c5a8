"""The words and number formats of the layer-columns view, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

MIN_POINT_SIZE = 9.0
DASH = "—"  # a gradient that is cleared (None), or a value not computed yet


def tr(text: str) -> str:
    return QCoreApplication.translate("LayerColumns", text)


def number(value: float | None, digits: int = 4) -> str:
    """Four significant digits, a true minus sign; the dash when there is no value."""
    if value is None or value != value:  # None or NaN
        return DASH
    return f"{value:.{digits}g}".replace("-", "−")


def legible(widget: QWidget, bold: bool = False) -> None:
    """At least 9 pt, whatever the platform's default font."""
    font = QFont(widget.font())
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
    font.setBold(bold)
    widget.setFont(font)


def layer_heading(layer: int, n_in: int, n_out: int, activation: str) -> str:
    """ "Layer 1: 64 → 10 (log_softmax)" """
    heading = tr("Layer {0}: {1} → {2}").format(layer, n_in, n_out)
    heading = heading.replace(" → ", "\u00a0→\u00a0")  # "64 → 32" wraps as a whole
    return f"{heading} ({activation})" if activation else heading


def column_heading(column: int, last: int, size: int) -> str:
    """What a column of activations is: the inputs, a hidden layer or the outputs."""
    if column == 0:
        return tr("Inputs ({0})").format(size)
    if column == last:
        return tr("Outputs ({0})").format(size)
    return tr("Hidden {0} ({1})").format(column, size)
