"""One point per epoch: the mean training loss and the validation loss, and the validation
accuracy for classification, from the evaluation at each epoch's end (the per-batch loss
curve stays in the loss plot)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
from PySide6.QtWidgets import QWidget

from gui.views.iteration_plot import IterationPlot, set_series


class Evaluation(Protocol):
    """What the plots read of engine.training.evaluation.Evaluation (views import no training)."""

    epoch: int
    train_loss: float
    val_loss: float
    val_accuracy: float | None


TRAIN_COLOUR = "#c0392b"
VAL_COLOUR = "#2471a3"
ACCURACY_COLOUR = "#1e8449"
WHOLE_TICKS_UP_TO = 20  # epochs: below this every epoch is a labelled tick, never "1.5"


def label_epochs(plot: IterationPlot, epochs: np.ndarray) -> None:
    """Epochs are whole numbers: one tick each while few, pyqtgraph's own beyond."""
    axis = plot.plot_item.getAxis("bottom")
    if 0 < epochs.size <= WHOLE_TICKS_UP_TO:
        axis.setTicks([[(float(e), str(int(e))) for e in epochs], []])
    else:
        axis.setTicks(None)


class EpochLossPlot(IterationPlot):
    """x: the epoch (1 = the first), y: its mean batch loss and its validation loss."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Loss per epoch"), self.tr("loss"), self.tr("epoch"), parent)
        self.legend = self.plot_item.addLegend(offset=(-4, 4), labelTextSize="8pt")
        self.train_curve = self.curve(TRAIN_COLOUR, self.tr("train (mean of the batches)"))
        self.val_curve = self.curve(VAL_COLOUR, self.tr("validation"))
        self.setToolTip(
            self.tr(
                "At each epoch's end: the mean of its batch losses, and the loss on the "
                "validation set under model.eval() and torch.no_grad()"
            )
        )
        self.show_evaluations(())

    def show_evaluations(self, evaluations: Sequence[Evaluation]) -> None:
        epochs = np.array([e.epoch for e in evaluations], dtype=float)
        set_series(self.train_curve, epochs, np.array([e.train_loss for e in evaluations]))
        set_series(self.val_curve, epochs, np.array([e.val_loss for e in evaluations]))
        label_epochs(self, epochs)
        if evaluations:
            last = evaluations[-1]
            self.note.setText(
                self.tr("epoch {0}: train {1:.6g} · validation {2:.6g}").format(
                    last.epoch, last.train_loss, last.val_loss
                )
            )
        else:
            self.note.setText(self.tr("appears when an epoch with a validation set ends"))
            self.show_empty_axes()


class AccuracyPlot(IterationPlot):
    """x: the epoch, y: the share of validation samples whose largest output is their class."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Validation accuracy"), self.tr("accuracy"), self.tr("epoch"), parent
        )
        self.accuracy_curve = self.curve(ACCURACY_COLOUR)
        self.setToolTip(self.tr("The share of validation samples classified correctly"))
        self.show_evaluations(())

    def show_evaluations(self, evaluations: Sequence[Evaluation]) -> None:
        scored = [e for e in evaluations if e.val_accuracy is not None]
        epochs = np.array([e.epoch for e in scored], dtype=float)
        accuracies = np.array([e.val_accuracy for e in scored], dtype=float)
        set_series(self.accuracy_curve, epochs, accuracies)
        label_epochs(self, epochs)
        if scored:
            self.note.setText(
                self.tr("epoch {0}: {1:.2%}").format(scored[-1].epoch, accuracies[-1])
            )
        else:
            self.note.setText(self.tr("appears when an epoch of a classification run ends"))
            self.show_empty_axes()
