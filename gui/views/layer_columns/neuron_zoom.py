"""One neuron's incoming weights, zoomed in: as the picture they weigh (8×8 for digits) in
diverging colours, or else as a bar per input; with the neuron's name, bias and gradient norm."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.theme import DiagramColours
from gui.views.layer_columns.cell_image import CellImage
from gui.views.layer_columns.colour_maps import MISSING, diverging, symmetric_levels
from gui.views.layer_columns.panels import RangeLegend
from gui.views.layer_columns.texts import legible, number, tr

ZOOM_WIDTH = 180  # px: beside the columns at 1024×768


@dataclass(frozen=True)
class NeuronWeights:
    """What the zoom shows of one neuron, every number read from one Snapshot."""

    neuron: str  # "o3"
    layer: int  # the weight layer feeding it
    weights: np.ndarray  # its incoming weights, in the order of the neurons they read
    bias_label: str  # "b_o3"
    bias: float | None
    grad_norm: float | None  # of its incoming weights' and bias's gradients; None if cleared
    image_side: int | None  # 8 when the weights form the 8×8 digits picture


class NeuronZoom(QWidget):
    """The zoom pane; `closed` when its × is pressed."""

    closed = Signal()

    def __init__(self, colours: DiagramColours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(ZOOM_WIDTH)
        self.title = QLabel()
        legible(self.title, bold=True)
        self.title.setWordWrap(True)
        close = QToolButton()
        close.setText("×")
        close.setToolTip(tr("Close the zoom"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.closed)
        self.details = QLabel()
        self.details.setWordWrap(True)
        legible(self.details)
        self.picture = CellImage(MISSING)
        self.picture.box.setAspectLocked(True)  # square pixels, as the picture was drawn
        self.picture.box.setBackgroundColor(None)  # weights are never missing: no grey bands
        self.picture.setToolTip(tr("Its incoming weights laid out as the input picture"))
        self.bars = pg.PlotWidget(background=None)
        self.bars.setMenuEnabled(False)
        self.bars.setMouseEnabled(False, False)
        self.bars.getPlotItem().hideButtons()
        self.bar_item = pg.BarGraphItem(x=[0], height=[0], width=0.8)
        self.bars.addItem(self.bar_item)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.picture)
        self.stack.addWidget(self.bars)
        self.legend = RangeLegend(diverging(colours))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        self.shown: NeuronWeights | None = None
        self.set_colours(colours)

    def set_colours(self, colours: DiagramColours) -> None:
        self._colours = colours
        self.picture.set_colour_map(diverging(colours))
        self.legend.set_colour_map(diverging(colours))
        if self.shown is not None:
            self.show_neuron(self.shown)

    def show_neuron(self, shown: NeuronWeights) -> None:
        self.shown = shown
        self.title.setText(
            tr("{0}: incoming weights (layer {1})").format(shown.neuron, shown.layer)
        )
        bias = tr("bias {0} = {1}").format(shown.bias_label, number(shown.bias))
        norm = tr("‖∇‖ of its weights and bias: {0}").format(number(shown.grad_norm))
        self.details.setText(f"{bias}\n{norm}")
        levels = symmetric_levels(shown.weights)
        self.legend.show_range(levels)
        if shown.image_side is not None:
            side = shown.image_side
            self.picture.show_cells(shown.weights.reshape(side, side), levels)
            self.stack.setCurrentWidget(self.picture)
        else:
            self._show_bars(shown.weights)
            self.stack.setCurrentWidget(self.bars)

    def _show_bars(self, weights: np.ndarray) -> None:
        c = self._colours
        brushes = [QColor(c.positive if w >= 0 else c.negative) for w in weights]
        x = np.arange(1, weights.size + 1)
        self.bar_item.setOpts(x=x, height=np.nan_to_num(weights), width=0.8, brushes=brushes)
        self.bars.getPlotItem().setLabel("bottom", tr("input neuron"))
        self.bars.getPlotItem().vb.autoRange(padding=0.05)

    def bar_heights(self) -> np.ndarray:
        """The bars as drawn (for tests)."""
        return np.asarray(self.bar_item.opts["height"], dtype=np.float64)
