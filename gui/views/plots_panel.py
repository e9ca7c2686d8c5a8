"""The live plots, stacked: loss, gradient norm and parameters over iterations."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.run_copies import TrajectoryData
from gui.views.grad_norm_plot import GradNormPlot
from gui.views.loss_plot import LossPlot
from gui.views.param_plot import ParamPlot
from gui.worker import RunPreview


class PlotsPanel(QWidget):
    """Redraws from copies of the trajectory: once per finished iteration, and after a run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot = LossPlot()
        self.grad_norm_plot = GradNormPlot()
        self.param_plot = ParamPlot()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(6)
        for plot in (self.loss_plot, self.grad_norm_plot, self.param_plot):
            layout.addWidget(plot, 1)

    def set_labels(self, labels: tuple[str, ...], trained: tuple[str, ...]) -> None:
        self.param_plot.set_labels(labels, trained)

    def show_trajectory(self, data: TrajectoryData) -> None:
        self.loss_plot.show_losses(data.losses)
        self.grad_norm_plot.show_norms(data.grad_norms)
        self.param_plot.show_params(data.param_iterations, data.params)
        self.loss_plot.show_marks(data.settings_marks)
        self.param_plot.show_marks(data.settings_marks)

    def show_previous(self, data: TrajectoryData | None) -> None:
        """The run a new model, Reset, a preset, a lesson or Undo replaced, to compare with."""
        self.loss_plot.previous.show_values(None if data is None else data.losses)
        self.grad_norm_plot.previous.show_values(None if data is None else data.grad_norms)

    def show_preview(self, preview: RunPreview) -> None:
        """During a run: the losses and norms so far (parameters follow when it ends)."""
        self.loss_plot.show_losses(preview.losses)
        self.grad_norm_plot.show_norms(preview.grad_norms)
