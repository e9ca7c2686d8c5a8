"""The gradient norm ‖∇E‖ of each finished iteration: how steep the loss was where it stood."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QWidget

from gui.views.iteration_plot import IterationPlot, set_series
from gui.views.previous_curve import PreviousCurve

NORM_COLOUR = "#7b2d8b"


class GradNormPlot(IterationPlot):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Gradient norm"), self.tr("‖∇E‖"), self.tr("iteration"), parent)
        self.log_box = self.add_log_toggle(self.tr("Logarithmic gradient-norm axis"))
        self.norm_curve = self.curve(NORM_COLOUR)
        self.previous = PreviousCurve(self, self.norm_curve, NORM_COLOUR)
        self.setToolTip(self.tr("Length of the gradient used by each finished iteration"))

    def show_norms(self, norms: np.ndarray) -> None:
        set_series(self.norm_curve, np.arange(1, norms.size + 1), norms)
        self.note.setText(self.tr("last {0:.6g}").format(norms[-1]) if norms.size else "")
        if not norms.size:
            self.show_empty_axes()
