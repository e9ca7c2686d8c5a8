"""Loss per iteration, with a hover readout of the iteration and its loss, and a log scale."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QWidget

from gui.views.iteration_plot import IterationPlot, set_series
from gui.views.previous_curve import PreviousCurve

LOSS_COLOUR = "#c0392b"


class LossPlot(IterationPlot):
    """x: the iteration (1 = the first), y: the loss its forward pass computed."""

    # A change made after n iterations acts at iteration n + 1's step: iteration n + 1's loss
    # (its forward pass came first) is the last it did not touch, n + 2's the first it did.
    mark_offset = 1.5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Loss"), self.tr("loss"), self.tr("iteration"), parent)
        self.log_box = self.add_log_toggle(self.tr("Logarithmic loss axis"))
        self.loss_curve = self.curve(LOSS_COLOUR)
        self.marker = self.plot_item.plot(
            [], [], pen=None, symbol="o", symbolSize=8, symbolBrush=LOSS_COLOUR
        )
        self.previous = PreviousCurve(self, self.loss_curve, LOSS_COLOUR)
        self.losses = np.empty(0)
        self.setToolTip(self.tr("The loss of each finished iteration; hover to read a value"))
        self.plot_widget.scene().sigMouseMoved.connect(self._mouse_moved)
        self._show_empty()

    def show_losses(self, losses: np.ndarray) -> None:
        self.losses = losses
        set_series(self.loss_curve, np.arange(1, losses.size + 1), losses)
        self.marker.setData([], [])
        if losses.size:
            self.note.setText(self.tr("last {0:.9g}").format(losses[-1]))
        else:
            self._show_empty()

    def _show_empty(self) -> None:
        self.note.setText(self.tr("appears when an iteration finishes"))
        self.show_empty_axes()

    def _mouse_moved(self, position: QPointF) -> None:
        if not self.losses.size or not self.plot_item.sceneBoundingRect().contains(position):
            return
        x = self.plot_item.getViewBox().mapSceneToView(position).x()
        self.hover_at(int(round(x)) - 1)

    def hover_at(self, index: int) -> str:
        """Mark iteration index+1 and show its loss; returns the readout."""
        if not self.losses.size:
            return ""
        index = min(max(index, 0), self.losses.size - 1)
        loss = float(self.losses[index])
        self.marker.setData([index + 1], [loss])
        text = self.tr("iteration {0}: loss {1:.9g}").format(index + 1, loss)
        before = self.previous.value_at(index)
        if before is not None:  # the same iteration of the run it is compared with
            text += self.tr(" · previous run {0:.9g}").format(before)
        self.note.setText(text)
        return text
