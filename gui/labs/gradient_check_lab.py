"""Gradient check of the current model: finite differences, autograd and the hand-derived chain
rule per parameter, with their relative errors; computed off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.labs.gradient_check import FrozenModel, GradientCheck, gradient_check
from engine.models.chain_rule import fmt
from gui.background import BackgroundTask
from gui.labs.plot_style import SERIES, labelled_plot, log_ticks
from gui.plain_text import plain_label
from gui.views.empty_hint import EmptyHint

# Asks the model's owner for a copy of the current model (engine.labs.gradient_check.freeze);
# the copy, or the error that prevented it, comes to the callback, during a run at its next rest.
ModelReader = Callable[[Callable[[FrozenModel | Exception], None]], None]
OK_COLOUR = "#2ca02c"
BAD_COLOUR = "#d62728"


class GradientCheckLab(QWidget):
    def __init__(
        self, read_model: ModelReader | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.read_model = read_model
        self._asking = False  # a copy of the model was asked for and has not come yet
        self.result: GradientCheck | None = None
        self.task = BackgroundTask(self)
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._show)
        self.task.failed.connect(self._failed)
        self.task.running_changed.connect(self._running)
        self._build()
        if read_model is None:
            self.check_button.setEnabled(False)
            self.summary.setText(self.tr("No model is connected to this lab."))

    def _build(self) -> None:
        self.check_button = QPushButton(self.tr("Check the current model"))
        self.check_button.setToolTip(
            self.tr("Compare finite differences, autograd and the chain rule for every parameter")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(self.tr("Stop the check"))
        self.progress = QProgressBar()
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        controls = QHBoxLayout()
        for widget in (self.check_button, self.cancel_button, self.progress):
            controls.addWidget(widget)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("parameter"),
                self.tr("trained"),
                self.tr("finite difference"),
                self.tr("autograd"),
                self.tr("chain rule"),
                self.tr("rel. error FD ↔ AG"),
                self.tr("rel. error chain ↔ AG"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setToolTip(
            self.tr(
                "AG: autograd; FD: finite differences; rel. error: |a − b| / max(|a|, |b|, floor)"
            )
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.plot = labelled_plot(
            self.tr("Relative error per parameter"),
            self.tr("parameter"),
            self.tr("relative error (log scale)"),
        )
        self.legend = self.plot.addLegend(offset=(-10, 10), colCount=3)
        self.errors_fd = self.plot.plot(
            pen=None,
            symbol="o",
            symbolSize=8,
            symbolBrush=SERIES[0],
            name=self.tr("autograd vs finite differences"),
        )
        self.errors_chain = self.plot.plot(
            pen=None,
            symbol="t",
            symbolSize=9,
            symbolBrush=SERIES[1],
            name=self.tr("chain rule vs autograd"),
        )
        self.tolerance = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen(BAD_COLOUR, style=Qt.PenStyle.DashLine),
            label=self.tr("tolerance"),
            labelOpts={"position": 0.05, "color": BAD_COLOUR},
        )
        self.plot.addItem(self.tolerance)
        self.tolerance.hide()  # placed with the first result
        self.hint = EmptyHint(
            self.plot,
            self.tr("Press “Check the current model”: every gradient three ways, side by side."),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.plot, 2)
        self.check_button.clicked.connect(self.run_check)
        self.cancel_button.clicked.connect(self.task.cancel)

    def run_check(self) -> bool:
        """Start a check of the current model; False if one is running."""
        if self.read_model is None or self.task.running or self._asking:
            return False
        self._asking = True
        self.check_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        self.read_model(self._check)  # the copy comes at once, or at a run's next rest
        return True

    def _check(self, frozen: FrozenModel | Exception) -> None:
        self._asking = False
        if isinstance(frozen, Exception):
            self._running(False)
            self._failed(str(frozen))
            return
        self.task.start(
            lambda progress, stop: gradient_check(frozen, progress=progress, should_stop=stop)
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _running(self, running: bool) -> None:
        self.check_button.setEnabled(not running and self.read_model is not None)
        self.cancel_button.setEnabled(running)

    def _failed(self, message: str) -> None:
        self.summary.setText(self.tr("The check failed: {m}").format(m=message))

    def _show(self, result: GradientCheck | None) -> None:
        if result is None:
            self.summary.setText(self.tr("Check cancelled."))
            return
        self.result = result
        self._fill_table(result)
        self._plot(result)
        self.hint.hide()
        self.tolerance.show()
        verdict = (
            self.tr("all three agree")
            if result.ok
            else self.tr("some gradients disagree: look at the red rows")
        )
        self.summary.setText(
            self.tr(
                "{n} of {total} parameters checked at loss {loss}; worst relative error {w:.1e} "
                "(tolerance {t:.0e}): {verdict}. Finite differences use the five-point "
                "stencil with h = 1e-3, in float64."
            ).format(
                n=len(result.rows),
                total=result.total,
                loss=fmt(result.loss),
                w=result.worst,
                t=result.rows[0].tolerance,
                verdict=verdict,
            )
        )

    def _fill_table(self, result: GradientCheck) -> None:
        self.table.setRowCount(len(result.rows))
        for r, row in enumerate(result.rows):
            cells = (
                row.label,
                self.tr("yes") if row.trained else self.tr("no"),
                fmt(row.finite_difference),
                fmt(row.autograd),
                fmt(row.chain_rule),
                f"{row.error_autograd:.1e}",
                f"{row.error_chain:.1e}",
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 5:
                    item.setForeground(pg.mkColor(OK_COLOUR if row.ok else BAD_COLOUR))
                self.table.setItem(r, c, item)

    def _plot(self, result: GradientCheck) -> None:
        index = np.arange(len(result.rows))
        fd = np.log10(np.maximum([r.error_autograd for r in result.rows], 1e-17))
        chain = np.log10(np.maximum([r.error_chain for r in result.rows], 1e-17))
        self.errors_fd.setData(index, fd)
        self.errors_chain.setData(index, chain)
        tolerance = np.log10(result.rows[0].tolerance)
        self.tolerance.setValue(tolerance)
        lo, hi = min(fd.min(), chain.min()) - 0.5, max(fd.max(), chain.max(), tolerance) + 1.5
        log_ticks(self.plot.getAxis("left"), lo, hi)
        step = max(1, len(index) // 16)
        self.plot.getAxis("bottom").setTicks([[(i, result.rows[i].label) for i in index[::step]]])
        self.plot.setRange(xRange=(-0.5, len(index) - 0.5), yRange=(lo, hi), padding=0)
