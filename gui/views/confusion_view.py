"""The confusion matrix of a classification run on its validation set: rows the true class,
columns the predicted one, each cell's count written in it, coloured by count.

It draws a frozen ConfusionMatrix the controller's side computed and copied (the view never
reads the run); "Compute now" asks for one at the current parameters.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from engine.labs.confusion import ConfusionMatrix
from gui.views.iteration_plot import NOTE_STYLE, TITLE_STYLE

LOW, HIGH = (247, 251, 255), (8, 48, 107)  # white to dark blue: zero cells fade away
DARK_TEXT, LIGHT_TEXT = QColor("#1b2631"), QColor("#ffffff")
LIGHT_FROM = 0.55  # cells darker than this share of the top count get white numbers


class ConfusionView(QWidget):
    """A heat map of counts[true, predicted] with the counts, class names and a colour bar."""

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: ConfusionMatrix | None = None
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setMinimumHeight(300)
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.setLabel("left", self.tr("true class"))
        self.plot_item.setLabel("bottom", self.tr("predicted class"))
        box = self.plot_item.getViewBox()
        box.setMouseEnabled(x=False, y=False)
        box.invertY(True)  # the first class on top, as a table reads
        box.setAspectLocked(True)
        self.image = pg.ImageItem()
        self.plot_item.addItem(self.image)
        colours = pg.ColorMap(pos=[0.0, 1.0], color=[LOW, HIGH])
        self.colour_bar = pg.ColorBarItem(
            values=(0, 1), colorMap=colours, interactive=False, width=12
        )
        self.colour_bar.setImageItem(self.image, insert_in=self.plot_item)
        self.cells: list[pg.TextItem] = []
        self.title = QLabel(self.tr("Confusion matrix (validation)"))
        self.title.setStyleSheet(TITLE_STYLE)
        self.note = QLabel()
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setWordWrap(True)
        self.compute_button = QPushButton(self.tr("Compute now"))
        self.compute_button.setToolTip(
            self.tr(
                "The matrix at the current parameters (it is also computed at each epoch's end)"
            )
        )
        self.compute_button.clicked.connect(self.refresh_requested)
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 0)
        row.addWidget(self.title, 1)
        row.addWidget(self.compute_button)
        self.note.setContentsMargins(4, 0, 4, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.note)  # its own line: a narrow dock has no room beside the title
        layout.addWidget(self.plot_widget, 1)
        self.setToolTip(
            self.tr(
                "Row: the true class; column: the class the network's largest output picks. "
                "The diagonal holds the samples classified correctly."
            )
        )
        self.show_matrix(None)

    def show_matrix(self, matrix: ConfusionMatrix | None, why_none: str = "") -> None:
        """Draw `matrix`; None clears the view and shows `why_none` (or the default hint)."""
        self.matrix = matrix
        for cell in self.cells:
            self.plot_item.removeItem(cell)
        self.cells = []
        if matrix is None:
            self.image.clear()
            self.note.setText(why_none or self.tr("appears when an epoch ends (classification)"))
            return
        counts = np.asarray(matrix.counts)
        top = max(1, int(counts.max()))
        self.image.setImage(counts.T.astype(float), levels=(0, top))  # x: predicted, y: true
        self.colour_bar.setLevels((0, top))
        self._write_counts(counts, top)
        self._name_axes(matrix.classes)
        self.plot_item.getViewBox().setRange(
            xRange=(0, len(matrix.classes)), yRange=(0, len(matrix.classes)), padding=0.02
        )
        self.note.setText(
            self.tr("after {0} iterations: {1} of {2} correct ({3:.1%})").format(
                matrix.completed, int(np.trace(counts)), matrix.total, matrix.accuracy
            )
        )

    def _write_counts(self, counts: np.ndarray, top: int) -> None:
        size = counts.shape[0]
        font = QFont()
        font.setPointSizeF(8.0 if size <= 10 else 6.5)
        for true in range(size):
            for predicted in range(size):
                value = int(counts[true, predicted])
                colour = LIGHT_TEXT if value / top > LIGHT_FROM else DARK_TEXT
                cell = pg.TextItem(str(value), color=colour, anchor=(0.5, 0.5))
                cell.setFont(font)
                cell.setPos(predicted + 0.5, true + 0.5)
                self.plot_item.addItem(cell)
                self.cells.append(cell)

    def _name_axes(self, classes: tuple[str, ...]) -> None:
        ticks = [[(i + 0.5, name) for i, name in enumerate(classes)], []]
        for side in ("left", "bottom"):
            self.plot_item.getAxis(side).setTicks(ticks)
