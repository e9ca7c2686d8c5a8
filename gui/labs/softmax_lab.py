"""Softmax and cross-entropy: an editable logit vector, its probabilities, the Jacobian ∂pᵢ/∂aⱼ as
a heatmap with numbers, and the cross-entropy gradient p − y."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.labs.softmax_jacobian import NOTES_LOGITS, SoftmaxReport, parse_logits, softmax_report
from gui.labs.plot_style import SERIES, labelled_plot
from gui.plain_text import plain_label

JACOBIAN_CODE = (
    "a = torch.tensor([...], requires_grad=True)\n"
    "p = F.softmax(a, dim=0)\n"
    "rows = [torch.autograd.grad(p[i], [a], retain_graph=True)[0]\n"
    "        for i in range(len(a))]\n"
    "loss = F.cross_entropy(a.unsqueeze(0), torch.tensor([y]))"
)


class SoftmaxLab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: SoftmaxReport | None = None
        self._texts: list[pg.TextItem] = []
        self._bars: list[pg.BarGraphItem] = []
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.logits = QLineEdit(", ".join(f"{v:g}" for v in NOTES_LOGITS))
        self.logits.setToolTip(self.tr("2 to 10 numbers separated by commas: the logits a"))
        self.target = QSpinBox()
        self.target.setPrefix(self.tr("target class "))
        self.target.setToolTip(self.tr("The true class y of the cross-entropy loss"))
        self.message = plain_label()
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("logits a =")))
        controls.addWidget(self.logits, 1)
        controls.addWidget(self.target)
        controls.addWidget(self.message, 2)
        self.logits.editingFinished.connect(self.refresh)
        self.target.valueChanged.connect(self.refresh)
        self.bars = labelled_plot(
            self.tr("a, softmax(a) and log_softmax(a)"), self.tr("index i"), self.tr("value")
        )
        self.bars.showGrid(x=False, y=True, alpha=0.15)
        self.legend = self.bars.addLegend(offset=(-10, 10))
        self.heat = labelled_plot(
            self.tr("Jacobian ∂pᵢ/∂aⱼ (autograd, row by row)"),
            self.tr("column j (input aⱼ)"),
            self.tr("row i (output pᵢ)"),
        )
        self.heat.getViewBox().invertY(True)
        self.heat.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("CET-D1"))
        self.heat.addItem(self.image)
        self.table = QTableWidget()
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.checks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code = QLabel(JACOBIAN_CODE)
        code.setFont(QFont("monospace"))
        code.setStyleSheet("background: #f4f4f4; color: #1c2733; padding: 6px;")  # either theme
        plots = QHBoxLayout()
        plots.addWidget(self.bars, 1)
        plots.addWidget(self.heat, 1)
        lower = QHBoxLayout()
        lower.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addWidget(code)
        right.addWidget(self.checks, 1)
        lower.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(plots, 3)
        layout.addLayout(lower, 2)

    def refresh(self) -> None:
        try:
            logits = parse_logits(self.logits.text())
        except ValueError as error:
            self.message.setText(str(error))
            return
        self.message.setText("")
        self.target.setMaximum(len(logits) - 1)
        self.report = softmax_report(logits, min(self.target.value(), len(logits) - 1))
        self._draw_bars()
        self._draw_heatmap()
        self._fill_table()
        self._show_checks()

    def _draw_bars(self) -> None:
        r = self.report
        for bar in self._bars:
            self.bars.removeItem(bar)
        self.legend.clear()
        series = (
            (self.tr("a (logits)"), r.logits),
            (self.tr("p = softmax(a)"), r.p),
            (self.tr("log_softmax(a)"), r.log_p),
        )
        index = np.arange(len(r.p))
        self._bars = []
        for k, (name, values) in enumerate(series):
            bar = pg.BarGraphItem(
                x=index - 0.27 + 0.27 * k,
                height=values,
                width=0.25,
                brush=SERIES[k],
                pen=pg.mkPen(None),
                name=name,
            )
            self.bars.addItem(bar)
            self._bars.append(bar)
        self.bars.getAxis("bottom").setTicks([[(i, str(i)) for i in index]])

    def _draw_heatmap(self) -> None:
        jac = self.report.jacobian
        n = len(jac)
        limit = max(float(np.abs(jac).max()), 1e-12)
        self.image.setImage(jac, levels=(-1.8 * limit, 1.8 * limit))  # pale, so numbers read
        self.image.setRect(QRectF(-0.5, -0.5, n, n))
        for text in self._texts:
            self.heat.removeItem(text)
        self._texts = []
        for i in range(n):
            for j in range(n):
                text = pg.TextItem(f"{jac[i, j]:.3g}", color="k", anchor=(0.5, 0.5))
                text.setPos(j, i)
                self.heat.addItem(text)
                self._texts.append(text)
        ticks = [[(i, str(i)) for i in range(n)]]
        self.heat.getAxis("bottom").setTicks(ticks)
        self.heat.getAxis("left").setTicks(ticks)
        self.heat.setRange(xRange=(-0.5, n - 0.5), yRange=(-0.5, n - 0.5), padding=0.02)

    def _fill_table(self) -> None:
        r = self.report
        columns = (
            ("i", np.arange(len(r.p))),
            ("a", r.logits),
            ("p", r.p),
            ("log p", r.log_p),
            (self.tr("∂CE/∂a"), r.ce_gradient),
            ("p − y", r.p_minus_y),
        )
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(len(r.p))
        self.table.setHorizontalHeaderLabels([c[0] for c in columns])
        for col, (_, values) in enumerate(columns):
            for row, value in enumerate(values):
                text = str(int(value)) if col == 0 else f"{value:.5g}"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)

    def _show_checks(self) -> None:
        r = self.report
        self.checks.setText(
            self.tr(
                "max |autograd − (diag(p) − p pᵀ)| = {j:.1e}\n"
                "max |∂CE/∂a − (p − y)| = {g:.1e}\n"
                "cross-entropy = −log p[{t}] = {ce:.6g}\n"
                "Each row of the Jacobian sums to 0: raising one logit takes probability "
                "from the others, because Σp = 1."
            ).format(j=r.jacobian_error, g=r.ce_gradient_error, t=r.target, ce=r.cross_entropy)
        )
