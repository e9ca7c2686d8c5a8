"""What the window shows of the training loop while it runs, beyond the per-iteration plots:
the confusion matrix at each epoch's end and on demand, and the gradient cloud of the live
batch on the loss surface. Both are computed from copies the controller's side makes at rest.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from engine.labs.confusion import ConfusionMatrix
from gui.live_cloud import LiveCloud
from gui.run_copies import TrainingSet, confusion_now, training_set


def tr(text: str) -> str:
    return QCoreApplication.translate("LoopViews", text)


class LoopViews(QObject):
    """Wires the confusion matrix and the live gradient cloud to the controller."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.controller = window.controller
        self.plots = window.plots_panel
        self.cloud = LiveCloud(self.controller, window.landscape_panel, window.tabs)
        self.samples: TrainingSet | None = None
        self.controller.network_changed.connect(self.new_run)
        self.plots.epochs_changed.connect(self._epoch_ended)
        self.plots.confusion_view.refresh_requested.connect(self.compute_confusion)
        self.new_run()

    def new_run(self) -> None:
        self.controller.read_at_rest(training_set, self._run_read)

    def _run_read(self, samples: object) -> None:
        self.samples = samples if isinstance(samples, TrainingSet) else None
        classifies = self.samples is not None and bool(self.samples.classes)
        self.plots.set_classification(classifies)
        self.cloud.set_run(self.samples)
        self.plots.show_confusion(None)
        if self.plots.evaluated:
            self.compute_confusion()

    def _epoch_ended(self, evaluated: int) -> None:
        if evaluated:
            self.compute_confusion()
        else:
            self.plots.show_confusion(None)

    def compute_confusion(self) -> None:
        """The validation set's matrix at the current parameters (during a run: its next rest)."""
        self.controller.read_at_rest(confusion_now, self._confusion_read)

    def _confusion_read(self, result: object) -> None:
        if isinstance(result, ConfusionMatrix):
            self.plots.show_confusion(result)
        elif isinstance(result, Exception):
            self.plots.show_confusion(None, tr("Not computed: {0}").format(result))
        else:
            self.plots.show_confusion(
                None, tr("Needs a classification run with a validation share above 0.")
            )


def install_loop_views(window) -> LoopViews:
    return LoopViews(window)
