"""The batch-size control and the variance plot, and a window that shows the gradient cloud of
any network and data set on its own, before the training loop feeds it.

The cloud takes a few milliseconds (a batch of 64 on the 64-10 digits network: about 4 ms), so
it is computed on the GUI thread; the variance curve (one vmap over every sample) too.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import torch
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QSpinBox, QVBoxLayout, QWidget

from engine.core.errors import EngineError
from engine.landscape.gradient_cloud import BatchNoise, batch_noise, gradient_cloud
from engine.landscape.per_sample import network_at
from engine.landscape.surface import mlp_surface, parameter_plane
from engine.landscape.terrain import default_axes
from engine.models.config import Config
from engine.models.losses import get_loss
from gui.plain_text import plain_label
from gui.views.batch_noise_plot import BatchNoisePlot
from gui.views.surface_view import SurfaceView

SURFACE_RESOLUTION = 64


def tr(text: str) -> str:
    return QCoreApplication.translate("GradientCloudPanel", text)


class GradientCloudPanel(QWidget):
    """A batch-size spin box (1..N) and the variance-against-batch-size plot."""

    batchSizeChanged = Signal(int)  # noqa: N815 (Qt's naming, as the loop owner asked)

    def __init__(self, samples: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.batch_size = QSpinBox()
        self.batch_size.setPrefix(tr("batch size "))
        self.batch_size.setToolTip(tr("How many samples each mini-batch gradient averages"))
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.noise_plot = BatchNoisePlot()
        self.noise_plot.setMinimumHeight(180)
        row = QHBoxLayout()
        row.addWidget(self.batch_size)
        row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.noise_plot, 1)
        self.set_samples(samples)
        self.batch_size.valueChanged.connect(self._size_changed)

    def set_samples(self, samples: int) -> None:
        """A batch holds 1 to N samples: N is the training set's size."""
        self.batch_size.setRange(1, max(1, samples))
        self.note.setText(tr("of {0} training samples").format(samples))

    def show_noise(self, noise: BatchNoise) -> None:
        self.noise_plot.show_noise(noise)
        self.noise_plot.mark_batch_size(self.batch_size.value())

    def _size_changed(self, size: int) -> None:
        self.noise_plot.mark_batch_size(size)
        self.batchSizeChanged.emit(size)


def random_batch(samples: int, size: int, seed: int) -> np.ndarray:
    """The first `size` of a permutation drawn by a seeded torch.Generator, as a shuffling
    DataLoader draws its first batch: a bigger batch holds the smaller one's samples."""
    generator = torch.Generator().manual_seed(seed)
    return torch.randperm(samples, generator=generator)[:size].numpy()


def noise_sizes(samples: int) -> list[int]:
    """1, 2, 4, … up to N, and N itself."""
    sizes = [2**k for k in range(samples.bit_length()) if 2**k <= samples]
    return sizes if sizes[-1] == samples else [*sizes, samples]


class GradientCloudWindow(QWidget):
    """The loss surface over two parameters with the cloud of one random batch on it, the
    batch-size control and the variance plot. Nothing trains here: the point stays put."""

    def __init__(
        self,
        config: Config,
        values: Mapping[str, float],
        x: np.ndarray,
        y: np.ndarray,
        axes: tuple[str, str] | None = None,
        seed: int = 0,
    ) -> None:
        super().__init__()
        self.setWindowTitle(tr("Gradient noise"))
        self.config, self.values, self.seed = config, dict(values), seed
        self.x, self.y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        model = network_at(config, values)
        self.axes = axes or default_axes(model.params)
        self.view = SurfaceView()
        self.panel = GradientCloudPanel(len(self.x))
        self.message = plain_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 5)
        layout.addWidget(self.panel, 3)
        self._draw_surface(model)
        self.panel.show_noise(batch_noise(config, values, x, y, noise_sizes(len(self.x)), seed))
        self.panel.batchSizeChanged.connect(self.show_batch)
        self.cloud = None
        self.show_batch(self.panel.batch_size.value())

    def _draw_surface(self, model) -> None:
        values = model.values()
        a, b = (values[model.index[label]] for label in self.axes)
        half = max(1.0, abs(a), abs(b))
        plane = parameter_plane(model, values, *self.axes)
        data = [torch.as_tensor(d, dtype=model.dtype) for d in (self.x, self.y)]
        bounds = (a - half, a + half, b - half, b + half)
        loss = get_loss(self.config.loss)
        surface = mlp_surface(model, *data, loss, plane, bounds, SURFACE_RESOLUTION)
        title = tr("Loss over {a} and {b}, {n} samples").format(
            a=self.axes[0], b=self.axes[1], n=len(self.x)
        )
        self.view.show_surface(surface, title)
        self.view.show_path(np.array([[a, b]]), np.array([a, b]), None)

    def show_batch(self, size: int) -> None:
        """The cloud of a random batch of `size` samples; a refusal is shown, the cloud kept."""
        try:
            if not 1 <= size <= len(self.x):
                raise EngineError(tr("a batch size must be between 1 and {0}").format(len(self.x)))
            rows = random_batch(len(self.x), size, self.seed)
            cloud = gradient_cloud(self.config, self.values, self.x, self.y, rows, self.axes)
        except EngineError as error:
            self.message.setText(str(error))
            return
        self.message.setText("")
        self.cloud = cloud
        self.view.show_gradient_cloud(cloud, self.config.lr)


def show_gradient_cloud_window(
    config: Config,
    values: Mapping[str, float],
    x: np.ndarray,
    y: np.ndarray,
    batch_size: int = 1,
    seed: int = 0,
    axes: tuple[str, str] | None = None,
) -> GradientCloudWindow:
    """Open the gradient cloud of `config` at `values` on (x, y) for a batch of `batch_size`."""
    window = GradientCloudWindow(config, values, x, y, axes, seed)
    window.panel.batch_size.setValue(batch_size)
    window.resize(900, 1000)
    window.show()
    return window
