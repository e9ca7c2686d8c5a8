"""The live plots: per iteration (loss, gradient norm, learning rate, parameters) on one tab,
per epoch (train and validation loss, validation accuracy, the confusion matrix) on another."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from engine.labs.confusion import ConfusionMatrix
from gui.run_copies import TrajectoryData
from gui.views.confusion_view import ConfusionView
from gui.views.epoch_plots import AccuracyPlot, EpochLossPlot
from gui.views.grad_norm_plot import GradNormPlot
from gui.views.loss_plot import LossPlot
from gui.views.lr_plot import LrPlot
from gui.views.param_plot import ParamPlot
from gui.worker import RunPreview


def stacked(*widgets: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(2, 2, 2, 2)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget, 1)
    return page


def shared(shares: tuple[int, ...], *widgets: QWidget) -> QSplitter:
    """Widgets one above the other in these shares of the height; the learner may drag."""
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setChildrenCollapsible(False)
    for k, widget in enumerate(widgets):
        splitter.addWidget(widget)
        splitter.setStretchFactor(k, shares[k])
    splitter.setSizes([100 * share for share in shares])
    return splitter


class PlotsPanel(QWidget):
    """Redraws from copies of the trajectory: once per finished iteration, and after a run."""

    epochs_changed = Signal(int)  # how many epochs have been evaluated (an epoch ended, or back)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot = LossPlot()
        self.grad_norm_plot = GradNormPlot()
        self.lr_plot = LrPlot()
        self.param_plot = ParamPlot()
        self.epoch_loss_plot = EpochLossPlot()
        self.accuracy_plot = AccuracyPlot()
        self.confusion_view = ConfusionView()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        iterations = stacked(self.loss_plot, self.grad_norm_plot, self.lr_plot, self.param_plot)
        # The matrix's ten rows need the room: its counts are written in the cells.
        epochs = shared((2, 2, 5), self.epoch_loss_plot, self.accuracy_plot, self.confusion_view)
        self.tabs.addTab(iterations, self.tr("Per iteration"))
        self.tabs.addTab(epochs, self.tr("Per epoch"))
        self.tabs.setTabToolTip(0, self.tr("Loss, gradient norm, learning rate and parameters"))
        self.tabs.setTabToolTip(
            1, self.tr("Train and validation loss, accuracy and the confusion matrix")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.evaluated = 0

    def set_labels(self, labels: tuple[str, ...], trained: tuple[str, ...]) -> None:
        self.param_plot.set_labels(labels, trained)

    def set_classification(self, classifies: bool) -> None:
        """Accuracy and the confusion matrix are shown for classification runs only."""
        self.accuracy_plot.setVisible(classifies)
        self.confusion_view.setVisible(classifies)

    def show_trajectory(self, data: TrajectoryData) -> None:
        self.loss_plot.show_losses(data.losses)
        self.grad_norm_plot.show_norms(data.grad_norms)
        self.lr_plot.show_lrs(data.lrs, data.planned_lrs, data.next_lr)
        self.param_plot.show_params(data.param_iterations, data.params)
        self.loss_plot.show_marks(data.settings_marks)
        self.param_plot.show_marks(data.settings_marks)
        self._show_evaluations(data.evaluations)

    def show_previous(self, data: TrajectoryData | None) -> None:
        """The run a new model, Reset, a preset, a lesson or Undo replaced, to compare with."""
        self.loss_plot.previous.show_values(None if data is None else data.losses)
        self.grad_norm_plot.previous.show_values(None if data is None else data.grad_norms)

    def show_preview(self, preview: RunPreview) -> None:
        """During a run: the losses, norms, learning rates and epochs so far (parameters
        follow when it ends)."""
        self.loss_plot.show_losses(preview.losses)
        self.grad_norm_plot.show_norms(preview.grad_norms)
        if preview.lrs is not None:
            self.lr_plot.show_used(preview.lrs)
        self._show_evaluations(preview.evaluations)

    def show_confusion(self, matrix: ConfusionMatrix | None, why_none: str = "") -> None:
        self.confusion_view.show_matrix(matrix, why_none)

    def _show_evaluations(self, evaluations: tuple) -> None:
        self.epoch_loss_plot.show_evaluations(evaluations)
        self.accuracy_plot.show_evaluations(evaluations)
        if len(evaluations) != self.evaluated:
            self.evaluated = len(evaluations)
            self.epochs_changed.emit(self.evaluated)
