"""The learning rate each optimizer.step() used, live, with the schedule's plan drawn faintly
ahead of it and the iteration being stepped marked: a warm-up's ramp and a cosine's fall are
seen before the run reaches them, and a change of the lr slider shows as a step."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from gui.views.iteration_plot import IterationPlot, set_series

LR_COLOUR = "#1e8449"
PLAN_ALPHA = 90  # faint: the plan is what will come, the solid curve what happened
NOW_COLOUR = "#e67e22"


class LrPlot(IterationPlot):
    """x: the iteration (1 = the first), y: the learning rate its step used."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Learning rate"), self.tr("lr"), self.tr("iteration"), parent)
        faint = QColor(LR_COLOUR)
        faint.setAlpha(PLAN_ALPHA)
        self.plan_curve = self.plot_item.plot(
            [], [], pen=pg.mkPen(faint, width=2, style=Qt.PenStyle.DashLine),
            name=self.tr("planned lr"),
        )  # fmt: skip
        self.plan_curve.setZValue(-1)
        self.lr_curve = self.curve(LR_COLOUR, self.tr("lr used"))
        self.now_line = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen(NOW_COLOUR, width=1, style=Qt.PenStyle.DotLine)
        )
        self.plot_item.addItem(self.now_line, ignoreBounds=True)
        self.now_dot = self.plot_item.plot(
            [], [], pen=None, symbol="o", symbolSize=9, symbolBrush=NOW_COLOUR, symbolPen="w",
            name=self.tr("next lr"),
        )  # fmt: skip
        self.lrs = np.empty(0)
        self.planned = np.empty(0)
        self.setToolTip(
            self.tr(
                "The learning rate each optimizer.step() used (solid), the schedule's plan "
                "(faint, dashed) and the iteration being stepped (the orange dot)"
            )
        )
        self.show_lrs(np.empty(0), np.empty(0), math.nan)

    def show_lrs(self, lrs: np.ndarray, planned: np.ndarray, next_lr: float) -> None:
        """`lrs` used so far; `planned[i]` the lr iteration i+1 will use; `next_lr` the lr of
        the iteration being stepped (NaN: past the plan)."""
        self.lrs, self.planned = lrs, planned
        set_series(self.lr_curve, np.arange(1, lrs.size + 1), lrs)
        self.plan_curve.setData(np.arange(1, planned.size + 1), planned)
        now = lrs.size + 1
        self.now_line.setValue(now)
        self.now_dot.setData(
            [now] if math.isfinite(next_lr) else [], [next_lr] if math.isfinite(next_lr) else []
        )
        self.note.setText(self._note(lrs, next_lr))
        if not lrs.size and not planned.size and not math.isfinite(next_lr):
            self.show_empty_axes()

    def _note(self, lrs: np.ndarray, next_lr: float) -> str:
        parts = []
        if lrs.size:
            parts.append(self.tr("last {0:.6g}").format(lrs[-1]))
        if math.isfinite(next_lr):
            parts.append(self.tr("next {0:.6g}").format(next_lr))
        return " · ".join(parts)

    def show_used(self, lrs: np.ndarray) -> None:
        """During a run: the lrs used so far over the plan already drawn."""
        next_lr = float(self.planned[lrs.size]) if lrs.size < self.planned.size else math.nan
        if not self.planned.size and lrs.size:
            next_lr = float(lrs[-1])
        self.show_lrs(lrs, self.planned, next_lr)
