"""The inputs and targets as a small table: every sample, for any layer sizes, editable.

A cell typed in asks for an edit of that value (engine.models.data_labels names it), which
the run makes as a position of its own: ← undoes it, sessions and scripts keep it. Text that
is not a finite number is refused in the dialog and the cell shows the value again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from engine.models.chain_rule import fmt
from engine.models.data_labels import INPUTS, TARGETS, data_label
from gui.views.diagram.text import parse_number

Rows = tuple[tuple[float, ...], ...]


def tr(text: str) -> str:
    return QCoreApplication.translate("DataTable", text)


class DataTable(QDialog):
    """Samples down, the input neurons and then the targets of the outputs across."""

    edit_requested = Signal(str, float)  # data label, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Inputs and targets"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget()
        self.table.setToolTip(tr("Double-click a value to change it; ← undoes the change"))
        self.table.cellChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        self.resize(520, 280)
        self._labels: list[list[str]] = []
        self._filling = False

    def show_data(self, neurons: list[list[str]], inputs: Rows, targets: Rows, mid: bool) -> None:
        """Every sample's values as the run holds them now; `mid`: the run is mid-iteration."""
        inputs_of, outputs = list(neurons[0]), list(neurons[-1])
        headers = inputs_of + [tr("target {0}").format(name) for name in outputs]
        self._filling = True
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(inputs))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels(
            [tr("sample {0}").format(k + 1) for k in range(len(inputs))]
        )
        self._labels = []
        for row, (xs, ts) in enumerate(zip(inputs, targets, strict=True)):
            cells = [(data_label(INPUTS, row, n), v) for n, v in zip(inputs_of, xs, strict=True)]
            cells += [(data_label(TARGETS, row, n), v) for n, v in zip(outputs, ts, strict=True)]
            self._labels.append([label for label, _ in cells])
            for column, (label, value) in enumerate(cells):
                item = QTableWidgetItem(fmt(value))
                item.setToolTip(label)
                self.table.setItem(row, column, item)
        self._filling = False
        self._values = [[*xs, *ts] for xs, ts in zip(inputs, targets, strict=True)]
        self._say(mid)

    def label_at(self, row: int, column: int) -> str:
        return self._labels[row][column]

    def _say(self, mid: bool) -> None:
        if mid:
            text = tr(
                "The run is mid-iteration: a change restarts this iteration with the new value "
                "(← then undoes the change at the iteration's start)."
            )
        else:
            text = tr("A change takes effect from the next iteration; ← undoes it.")
        self.note.setText(text)

    def _typed(self, row: int, column: int) -> None:
        if self._filling:
            return
        item = self.table.item(row, column)
        value = parse_number(item.text()) if item is not None else None
        if value is None:
            self._filling = True  # show the value the run holds again
            if item is not None:
                item.setText(fmt(self._values[row][column]))
            self._filling = False
            self.note.setText(tr("Not a finite number: type e.g. 0.25 or -1e-3"))
            return
        self.edit_requested.emit(self._labels[row][column], value)
