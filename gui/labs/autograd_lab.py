"""torch.autograd.grad versus loss.backward(): the same numbers, different side effects, the graph
autograd built, and what happens when backward runs twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from engine.labs.autograd_compare import EXPRESSIONS, AutogradReport, compare, expression
from gui.labs.autograd_graph_view import AutogradGraphView


def _values(grads: dict[str, float]) -> str:
    return ", ".join(f"{leaf}: {value:.6g}" for leaf, value in grads.items())


class AutogradLab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: AutogradReport | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.choice = QComboBox()
        for e in EXPRESSIONS:
            self.choice.addItem(self.tr(e.title), e.key)
        self.choice.setToolTip(self.tr("The expression autograd differentiates"))
        self.x, self.w, self.b = (
            self._spin(name, value) for name, value in (("x", 1.0), ("w", 2.0), ("b", 0.0))
        )
        controls = QHBoxLayout()
        for widget in (self.choice, self.x, self.w, self.b):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.choice.currentIndexChanged.connect(self.refresh)
        self.grad_box, self.grad_text = self._panel(self.tr("torch.autograd.grad(out, leaves)"))
        self.backward_box, self.backward_text = self._panel(self.tr("out.backward()"))
        self.twice_box, self.twice_text = self._panel(self.tr("backward twice"))
        self.graph = AutogradGraphView(self.tr("The graph autograd built (out.grad_fn → leaves)"))
        left = QVBoxLayout()
        for box in (self.grad_box, self.backward_box, self.twice_box):
            left.addWidget(box)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.graph, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(body, 1)

    def _spin(self, name: str, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(-10.0, 10.0)
        spin.setDecimals(2)
        spin.setSingleStep(0.1)
        spin.setValue(value)
        spin.setPrefix(self.tr("{name} = ").format(name=name))
        spin.setToolTip(self.tr("Value of {name}").format(name=name))
        spin.valueChanged.connect(self.refresh)
        return spin

    def _panel(self, title: str) -> tuple[QGroupBox, QLabel]:
        box = QGroupBox(title)
        text = QLabel()
        text.setWordWrap(True)
        text.setFont(QFont("monospace", 9))
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(box).addWidget(text)
        return box, text

    def refresh(self) -> None:
        e = expression(self.choice.currentData())
        self.b.setEnabled("b" in e.leaves)
        self.report = r = compare(e.key, self.x.value(), self.w.value(), self.b.value())
        leaves = ", ".join(e.leaves)
        self.grad_text.setText(
            f"{e.code}\ngrads = torch.autograd.grad(out, [{leaves}])\n\n"
            + self.tr(
                "out = {v:.6g}\nreturned: {g}\n.grad afterwards: {state}\nclosed form: {c}\n  {t}"
            ).format(
                v=r.value,
                g=_values(r.grad_result),
                c=_values(r.closed_form),
                t=e.closed_text,
                state=self.tr("None (left untouched)")
                if r.grad_left_untouched
                else self.tr("changed"),
            )
        )
        self.backward_text.setText(
            f"{e.code}\nout.backward()\n\n"
            + self.tr("returns None; it accumulates into .grad:\n{g}").format(
                g=_grads(r.backward_result)
            )
        )
        self.twice_text.setText(
            self.tr(
                "Twice without retain_graph:\n  RuntimeError: {err}\n"
                "backward(retain_graph=True), then backward():\n  {twice}  (added up)\n"
                "with .grad.zero_() in between:\n  {zeroed}"
            ).format(
                err=r.second_backward_error,
                twice=_grads(r.retained_twice),
                zeroed=_grads(r.zeroed_between),
            )
        )
        self.graph.show_graph(r.nodes, r.edges)


def _grads(grads: dict[str, float]) -> str:
    return ", ".join(f"{leaf}.grad = {value:.6g}" for leaf, value in grads.items())
