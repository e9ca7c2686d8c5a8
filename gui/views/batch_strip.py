"""The batch drawn: which samples the DataLoader handed over this iteration, and for pictures
the pictures themselves, for 2-D points the points among the whole training set.

It is given the run's loop facts once per run (a read-only copy of the training set) and then
Snapshots only; it computes nothing about training, it looks rows up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from engine.core.snapshot import Snapshot
from gui.plain_text import plain_label
from gui.views.batch_thumbnails import MAX_SHOWN, BatchThumbnails

if TYPE_CHECKING:
    from gui.run_copies import LoopFacts

MAX_INDICES = 16  # sample numbers listed in the text (the rest are counted): it fits 2 rows
HEADER_WIDTH = 190
CLASS_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b")


def tr(text: str) -> str:
    return QCoreApplication.translate("BatchStrip", text)


def indices_text(batch: tuple[int, ...]) -> str:
    listed = ", ".join(str(i) for i in batch[:MAX_INDICES])
    more = len(batch) - MAX_INDICES
    return listed + (tr(", … ({0} more)").format(more) if more > 0 else "")


class BatchStrip(QWidget):
    """A line of text, then thumbnails (pictures) or a scatter (2-D points); hidden without a
    loop (the config's own rows, one fixed batch)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts: LoopFacts | None = None
        self.header = plain_label()
        self.header.setWordWrap(True)
        self.header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.header.setFixedWidth(HEADER_WIDTH)
        self.header.setToolTip(
            tr("The samples of the training set the DataLoader drew for this iteration")
        )
        self.thumbnails = BatchThumbnails()
        self.scatter = pg.PlotWidget()
        self.scatter.setFixedSize(230, 120)  # the toy sets are about twice as wide as tall
        self.scatter.setMenuEnabled(False)
        self.scatter.setMouseEnabled(False, False)
        self.scatter.hideButtons()
        self.scatter.setAspectLocked(True)
        self.scatter.setToolTip(tr("The whole training set (grey) and the batch's points"))
        self.all_points = pg.ScatterPlotItem(size=4, brush=pg.mkBrush(150, 150, 150, 110), pen=None)
        self.batch_points = pg.ScatterPlotItem(size=8, pen=pg.mkPen("k", width=0.8))
        self.scatter.addItem(self.all_points)
        self.scatter.addItem(self.batch_points)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.header)
        layout.addWidget(self.thumbnails, 1)
        layout.addWidget(self.scatter)
        layout.addStretch(0)
        self.setVisible(False)

    # -- a run comes in ----------------------------------------------------------------------
    def set_loop(self, facts: LoopFacts) -> None:
        """The run's loop (a new model): what to look the batch's rows up in."""
        self.facts = facts
        train = facts.train
        self.setVisible(train is not None)
        if train is None:
            return
        pictures = train.image_shape is not None
        points = not pictures and train.x.shape[1] == 2
        self.thumbnails.setVisible(pictures)
        self.scatter.setVisible(points)
        if points:
            self.all_points.setData(x=train.x[:, 0], y=train.x[:, 1])
            self.batch_points.setData([], [])

    # -- a Snapshot --------------------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        facts = self.facts
        if facts is None or facts.train is None:
            return
        batch = snapshot.batch
        if not facts.batched:  # every iteration trains on the whole set
            batch = tuple(range(len(facts.train)))
        self.header.setText(self._header_text(snapshot, facts, batch))
        if facts.train.image_shape is not None:
            self._show_pictures(batch)
        elif facts.train.x.shape[1] == 2:
            self._show_points(batch)

    def _header_text(self, snapshot: Snapshot, facts: LoopFacts, batch: tuple[int, ...]) -> str:
        size = len(facts.train)
        if not facts.batched:
            return tr("The whole training set ({0} samples) every iteration").format(size)
        epoch, number = facts.epoch_of(snapshot.iteration)
        epochs = f"/{facts.epochs}" if facts.epochs else ""
        where = tr("Epoch {0}{1}, batch {2} of {3}").format(epoch, epochs, number, facts.per_epoch)
        if not batch:
            return where + "\n" + tr("No batch drawn yet: the next step draws one.")
        return where + "\n" + tr("{0} samples: {1}").format(len(batch), indices_text(batch))

    def _show_pictures(self, batch: tuple[int, ...]) -> None:
        train = self.facts.train
        shape = train.image_shape
        if shape is None:
            return
        shown = batch[:MAX_SHOWN]
        images = [train.x[i].reshape(shape) for i in shown]
        labels = train.labels
        captions = [
            train.classes[labels[i]] if labels is not None and train.classes else "" for i in shown
        ]
        self.thumbnails.show_images(images, captions, float(train.x.max()) if len(train) else 1.0)

    def _show_points(self, batch: tuple[int, ...]) -> None:
        train = self.facts.train
        index = np.asarray(batch, dtype=np.int64)
        labels = train.labels
        brushes = [
            pg.mkBrush(CLASS_COLOURS[int(labels[i]) % len(CLASS_COLOURS)] if labels is not None
                       else CLASS_COLOURS[0])
            for i in index
        ]  # fmt: skip
        self.batch_points.setData(x=train.x[index, 0], y=train.x[index, 1], brush=brushes)
