"""The notes' experiment as a table: each output activation × hidden activation, trained from
the same seed off the GUI thread, with test (and train) accuracy in each cell."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.labs.datasets import Points
from engine.labs.head_comparison import (
    DEFAULT_ACTIVATIONS,
    DEFAULT_EPOCHS,
    ComparisonRow,
    compare_heads,
)
from engine.labs.output_heads import HEADS
from engine.labs.playground import PlaygroundConfig
from gui.background import BackgroundTask
from gui.plain_text import plain_label

Source = Callable[[], tuple[PlaygroundConfig, Points | None]]


class ComparisonTable(QWidget):
    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.rows: tuple[ComparisonRow, ...] | None = None
        self.task = BackgroundTask(self)
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._show)
        self.task.failed.connect(lambda m: self.status.setText(m))
        self.task.running_changed.connect(self._running)
        self.run_button = QPushButton(self.tr("Compare outputs"))
        self.run_button.setToolTip(
            self.tr("Train every output × hidden activation from the same seed")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(self.tr("Stop the comparison"))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 5000)
        self.epochs.setValue(DEFAULT_EPOCHS)
        self.epochs.setSuffix(self.tr(" epochs each"))
        self.epochs.setToolTip(self.tr("Epochs every combination is trained for"))
        self.progress = QProgressBar()
        self.status = plain_label(
            self.tr(
                "Test accuracy (train accuracy) after training, same seed "
                "and same data for every cell."
            )
        )
        self.status.setWordWrap(True)
        self.table = QTableWidget(len(DEFAULT_ACTIVATIONS), len(HEADS))
        # "log_softmax + NLL" over two lines: the columns fit a 1024-pixel window unscrolled.
        self.table.setHorizontalHeaderLabels(
            [self.tr(h.title).replace(" + ", "\n+ ") for h in HEADS]
        )
        self.table.setVerticalHeaderLabels(
            [self.tr("hidden {a}").format(a=a) for a in DEFAULT_ACTIVATIONS]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, col in (
            (r, c) for r in range(len(DEFAULT_ACTIVATIONS)) for c in range(len(HEADS))
        ):
            self.table.setItem(row, col, QTableWidgetItem("—"))
        self._fit_columns()
        controls = QHBoxLayout()
        for widget in (self.run_button, self.cancel_button, self.epochs, self.progress):
            controls.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.task.cancel)

    def _fit_columns(self) -> None:
        """Columns share the width but never shrink below their widest header or cell (a header
        was clipped at the lab's usual width); a narrower table scrolls instead."""
        header = self.table.horizontalHeader()
        need = max(
            max(header.sectionSizeFromContents(c).width(), self.table.sizeHintForColumn(c))
            for c in range(self.table.columnCount())
        )
        header.setMinimumSectionSize(need)

    def start(self) -> bool:
        try:
            config, data = self.source()
        except ValueError as error:
            self.status.setText(str(error))
            return False
        epochs = self.epochs.value()
        return self.task.start(
            lambda progress, stop: compare_heads(
                config, data, epochs, progress=progress, should_stop=stop
            )
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _show(self, rows: tuple[ComparisonRow, ...] | None) -> None:
        if rows is None:
            self.status.setText(self.tr("Comparison cancelled."))
            return
        self.rows = rows
        keys = [h.key for h in HEADS]
        for row in rows:
            accuracy = row.test_accuracy
            item = QTableWidgetItem(f"{accuracy:.1%}  ({row.train_accuracy:.1%})")
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setBackground(QColor.fromHsvF(0.33 * max(0.0, 2 * accuracy - 1), 0.35, 1.0))
            item.setForeground(QColor("#1c2733"))  # dark on the light shade, in either theme
            item.setToolTip(self.tr("test loss {l:.4g}").format(l=row.test_loss))
            self.table.setItem(
                DEFAULT_ACTIVATIONS.index(row.activation), keys.index(row.head), item
            )
        self._fit_columns()
        self.status.setText(
            self.tr(
                "Test accuracy (train accuracy). log_softmax + NLL is "
                "cross-entropy; nll on softmax, sigmoid or tanh outputs only "
                "rewards the right class and never pushes the others down."
            )
        )
