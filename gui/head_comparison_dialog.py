"""Run → Compare output heads: the digits experiment on the window's run, off the GUI thread.

The same network, seed and batches are trained with each output head (engine.labs.loop_heads,
each head in a Stepper of its own), so the run the learner is stepping is never touched; the
dialog shows the validation accuracies side by side, as a table and as bars, with the sentence
that explains each head's result.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.labs.loop_head_table import LOOP_HEADS, head_sentence, head_title
from engine.labs.loop_heads import HeadComparison, compare_loop_heads
from engine.models.config import Config
from gui.background import BackgroundTask
from gui.plain_text import plain_label
from gui.views.head_bars import HeadBars


class HeadComparisonDialog(QDialog):
    """Starts at once; Cancel stops the experiment, Close (or closing) cancels it too."""

    def __init__(self, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.comparison: HeadComparison | None = None
        self.setWindowTitle(self.tr("Compare output heads"))
        self.task = BackgroundTask(self)
        self.task.crash_dialog = False  # a failure is shown in the dialog's own status line
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._show)
        self.task.failed.connect(self._failed)
        self.task.running_changed.connect(self._running)
        self._build()
        self.resize(1000, 640)

    def _build(self) -> None:
        self.status = plain_label(self._about())
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the comparison; the run is not touched"))
        self.cancel_button.clicked.connect(self.task.cancel)
        self.table = self._table()
        self.bars = HeadBars()
        self.sentences = plain_label()
        self.sentences.setWordWrap(True)
        self.sentences.setAlignment(Qt.AlignmentFlag.AlignTop)
        controls = QHBoxLayout()
        controls.addWidget(self.progress, 1)
        controls.addWidget(self.cancel_button)
        left = QVBoxLayout()
        left.addWidget(self.table)
        left.addWidget(self.sentences, 1)
        results = QHBoxLayout()
        results.addLayout(left, 1)
        results.addWidget(self.bars, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(controls)
        layout.addLayout(results, 1)
        layout.addWidget(buttons)

    def _about(self) -> str:
        c = self.config
        text = self.tr(
            "Network {shape} on {data}, seed {seed}, {epochs} epoch(s): every head starts "
            "from the same weights and sees the same batches; only the output activation "
            "and the loss change."
        )
        return text.format(shape=c.shape, data=c.dataset, seed=c.seed, epochs=c.epochs or 1)

    def _table(self) -> QTableWidget:
        headers = [
            self.tr("Output head"),
            self.tr("Validation accuracy"),
            self.tr("Validation loss"),
        ]
        table = QTableWidget(len(LOOP_HEADS), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row, head in enumerate(LOOP_HEADS):
            title = QTableWidgetItem(head_title(head))
            title.setToolTip(head.code)
            table.setItem(row, 0, title)
            for column in (1, 2):
                table.setItem(row, column, self._number("—"))
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(rows + table.horizontalHeader().sizeHint().height() + 4)
        return table

    @staticmethod
    def _number(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def start(self) -> bool:
        """Run the experiment in a worker thread; False while one is already running."""
        config = self.config
        return self.task.start(
            lambda progress, stop: compare_loop_heads(config, progress=progress, should_stop=stop)
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def _show(self, comparison: HeadComparison | None) -> None:
        if comparison is None:
            self.status.setText(self.tr("Comparison cancelled: nothing was changed."))
            return
        self.comparison = comparison
        for row, result in enumerate(comparison.results):
            accuracy, loss = result.val_accuracy, result.val_loss
            shown = self.tr("diverged") if math.isnan(accuracy) else f"{accuracy:.1%}"
            self.table.setItem(row, 1, self._number(shown))
            self.table.setItem(row, 2, self._number("—" if math.isnan(loss) else f"{loss:.4f}"))
        titles = [head_title(r.head) for r in comparison.results]
        accuracies = [r.val_accuracy for r in comparison.results]
        self.bars.show_accuracies(titles, accuracies, self.tr("Validation accuracy (%)"))
        line = self.tr("• {title}: {sentence}")
        self.sentences.setText(
            "\n\n".join(
                line.format(title=head_title(r.head), sentence=head_sentence(r.head))
                for r in comparison.results
            )
        )
        self.status.setText(self._about())

    def done(self, result: int) -> None:
        """Closing cancels a running comparison (its thread ends on its own)."""
        self.task.cancel()
        super().done(result)
