"""The gradient cloud on the live run: the per-sample gradients of the batch being trained on,
drawn on the loss surface around the batch gradient, with the batch-size control and the
variance-against-batch-size plot below the surface.

The cloud is computed on the GUI thread (a batch of 64 on 650 parameters: tens of
milliseconds), the variance curve (a vmap over the whole training set: about a second on
digits) in a background task; both from copies only: the training set copied once per run,
the parameters from the run's picture taken at rest. They are recomputed only when the
parameters, the batch or the plane changed and the surface tab is shown.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QTabWidget

from engine.core.errors import EngineError
from engine.landscape.gradient_cloud import batch_noise, gradient_cloud
from engine.landscape.picture import RunPicture
from gui.background import BackgroundTask
from gui.controller import Controller
from gui.gradient_cloud_panel import GradientCloudPanel, noise_sizes, random_batch
from gui.run_copies import TrainingSet
from gui.views.landscape_panel import LandscapePanel

NOISE_PLOT_MOST = 260  # pixels
NOISE_EVERY_S = 1.0  # the variance curve is recomputed at most once a second


def tr(text: str) -> str:
    return QCoreApplication.translate("LiveCloud", text)


class LiveCloud(QObject):
    """Feeds SurfaceView.show_gradient_cloud from the controller's copies."""

    def __init__(self, controller: Controller, landscape: LandscapePanel, tabs: QTabWidget) -> None:
        super().__init__(landscape)
        self.controller, self.landscape, self.tabs = controller, landscape, tabs
        self.panel = GradientCloudPanel(1)
        self.panel.setVisible(False)
        self.panel.noise_plot.setMaximumHeight(NOISE_PLOT_MOST)  # the surface stays the larger
        landscape.layout().addWidget(self.panel)
        self.samples: TrainingSet | None = None
        self.cloud = None
        self._key: tuple | None = None
        self._noise_key: tuple | None = None
        self._noise_at = -np.inf
        self._noise_waiting: tuple | None = None  # the newest variance job not yet started
        self._run = 0  # counts runs: a variance curve of the run before is dropped
        self.noise_task = BackgroundTask(self)
        self.noise_task.crash_dialog = False  # a curve that fails keeps the one shown
        self.noise_task.finished.connect(self._noise_computed)
        self.noise_task.running_changed.connect(lambda running: running or self._start_noise())
        controller.snapshot_changed.connect(lambda _: self.update())
        controller.trajectory_changed.connect(self.update)
        tabs.currentChanged.connect(lambda _: self.update())
        for box in (landscape.plane_box, landscape.axis_a, landscape.axis_b):
            box.currentIndexChanged.connect(lambda _: self.update())
        self.panel.batchSizeChanged.connect(lambda _: self.update())
        # A big surface arrives from a worker after the cloud was computed: draw it then.
        landscape.surface_task.finished.connect(self._surface_arrived)

    def _surface_arrived(self) -> None:
        self._key = None
        self.update()

    def set_run(self, samples: TrainingSet | None) -> None:
        """A new run: its training set (None: no dataset); the control offers 1..N."""
        self.samples = samples if samples is not None and samples.batch_size > 0 else None
        self._key = self._noise_key = self._noise_waiting = None
        self._noise_at = -np.inf
        self._run += 1
        self.cloud = None
        self.panel.setVisible(self.samples is not None)
        if self.samples is not None:
            self.panel.batch_size.blockSignals(True)
            self.panel.set_samples(len(self.samples.x))
            self.panel.batch_size.setValue(self.samples.batch_size)
            self.panel.batch_size.blockSignals(False)
        self.landscape.view.show_gradient_cloud(None)
        self.update()

    def update(self) -> None:
        """Draw the cloud for the current parameters and batch, when it can be seen."""
        if not self._shown():
            return
        landscape = self.landscape.landscape
        if landscape is None or landscape.plane.kind != "params":
            self._show(None, tr("The cloud is drawn over two parameters of the network."))
            return
        picture = self.controller.run_picture()
        batch, which = self._batch(picture)
        axes = landscape.plane.axes
        key = (picture.values.tobytes(), batch.tobytes(), axes, picture.config)
        if key == self._key:
            return
        self._key = key
        values = dict(zip(picture.labels, picture.values.tolist(), strict=True))
        try:
            cloud = gradient_cloud(picture.config, values, *self._data(), batch, axes)
        except (EngineError, RuntimeError, ValueError) as error:  # shown; the window goes on
            self._show(None, str(error))
            return
        if not self._show(cloud, which):
            self._key = None  # the surface of these axes is still being computed
        self._update_noise(picture, values)

    def _shown(self) -> bool:
        return (
            self.samples is not None
            and self.tabs.currentWidget() is self.landscape
            and self.landscape.stack.currentWidget() is self.landscape.view
            and self.controller.at_rest
        )

    def _data(self) -> tuple[np.ndarray, np.ndarray]:
        assert self.samples is not None
        return self.samples.x, self.samples.y

    def _batch(self, picture: RunPicture) -> tuple[np.ndarray, str]:
        """The batch the run is training on when the control shows its size; else a batch of
        the chosen size drawn with the run's seed, as a shuffling DataLoader draws one."""
        assert self.samples is not None
        size = self.panel.batch_size.value()
        current = picture.snapshot.batch
        if size == self.samples.batch_size and current:
            text = tr("the batch of iteration {0}").format(picture.snapshot.iteration + 1)
            return np.asarray(current, dtype=np.int64), text
        text = tr("a random batch of {0} (seed {1})").format(size, self.samples.seed)
        return random_batch(len(self.samples.x), size, self.samples.seed), text

    def _show(self, cloud, text: str) -> bool:
        """Hand the cloud to the surface; False when its surface is not drawn yet."""
        self.cloud = cloud
        lr = self.controller.config.lr
        drawn = self.landscape.view.show_gradient_cloud(cloud, lr)
        samples = len(self.samples.x) if self.samples is not None else 0
        self.panel.note.setText(
            tr("of {0} training samples: {1}").format(samples, text) if cloud else text
        )
        return drawn

    def _update_noise(self, picture: RunPicture, values: dict[str, float]) -> None:
        key = (picture.values.tobytes(), picture.config)
        now = time.monotonic()
        if key == self._noise_key or now - self._noise_at < NOISE_EVERY_S:
            return
        self._noise_key, self._noise_at = key, now
        assert self.samples is not None
        x, y = self._data()
        sizes, seed, run = noise_sizes(len(x)), self.samples.seed, self._run
        self._noise_waiting = (run, picture.config, values, x, y, sizes, seed)
        self._start_noise()

    def _start_noise(self) -> None:
        if self._noise_waiting is None or self.noise_task.running:
            return
        run, config, values, x, y, sizes, seed = self._noise_waiting
        self._noise_waiting = None
        self.noise_task.start(
            lambda progress, stop: (run, batch_noise(config, values, x, y, sizes, seed))
        )

    def _noise_computed(self, result: tuple | None) -> None:
        if result is not None and result[0] == self._run and self.samples is not None:
            self.panel.show_noise(result[1])
