"""Classification playground: a decision boundary that updates as the network trains, pictures
of what each hidden unit computes, accuracy and loss curves, a hint when the settings cannot fit
the data, the learner's own CSV points, and the notes' output-activation comparison.

Training runs in short timer-driven chunks (up to a few epochs, at most about 50 ms of batches
per tick), so the window stays live; a CSV file loads off the GUI thread, with progress and Cancel.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.labs.csv_points import CsvCancelled, load_points_csv
from engine.labs.datasets import Points
from engine.labs.fit_hints import facts_of, fit_hint
from engine.labs.playground import DecisionMap, Playground, PlaygroundConfig
from gui.background import BackgroundTask, Progress
from gui.labs.comparison_table import ComparisonTable
from gui.labs.neuron_pictures import NeuronPictures
from gui.labs.playground_settings import PlaygroundSettings
from gui.labs.plot_style import CLASS_COLOURS, SERIES, labelled_plot
from gui.plain_text import plain_label

EPOCHS_PER_TICK = 5
TICK_SECONDS = 0.05  # a tick trains batches for at most about this long
MAP_RESOLUTION = 120
NEURON_RESOLUTION = 32
NEURON_INTERVAL = 0.25  # seconds between hidden-unit pictures while training runs
HINT_STYLE = (  # dark on a pale amber, readable in either theme
    "QLabel { background: #fff4d6; color: #3d2b00; border: 1px solid #e0b84c;"
    " border-radius: 4px; padding: 6px; }"
)


def shade(grid: DecisionMap, classes: int) -> np.ndarray:
    """RGB image: each cell tinted with its predicted class, stronger where the net is surer."""
    colours = np.array([pg.mkColor(c).getRgb()[:3] for c in CLASS_COLOURS], dtype=float)
    confidence = np.nan_to_num(grid.confidence, nan=1 / classes)  # a diverged net: unsure
    certainty = (confidence - 1 / classes) / (1 - 1 / classes)
    strength = (0.08 + 0.32 * np.clip(certainty, 0, 1))[..., None]  # pale: points stay visible
    rgb = 255 * (1 - strength) + colours[grid.classes % len(colours)] * strength
    return rgb.astype(np.uint8)


class PlaygroundLab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.own_points: Points | None = None
        self.playground: Playground | None = None
        self.timer = QTimer(self, interval=30)
        self.timer.timeout.connect(self.tick)
        self._pending_reset = QTimer(self, singleShot=True, interval=150)
        self._pending_reset.timeout.connect(self.reset)
        self.csv_task = BackgroundTask(self)
        self.csv_task.finished.connect(self._csv_loaded)
        self.csv_task.failed.connect(self._csv_failed)
        self.csv_task.progress.connect(self._csv_progress)
        self.csv_dialog: QProgressDialog | None = None
        self.csv_outcome: bool | None = None  # whether the latest CSV file was used
        self._csv_path: Path | None = None
        self._neurons_stale = False  # the pictures show an older network
        self._neurons_last = 0.0  # when they were last drawn (perf_counter)
        self._build()
        self.reset()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.settings = PlaygroundSettings()
        self.settings.changed.connect(self._pending_reset.start)
        self.load_button = QPushButton(self.tr("Load CSV…"))
        self.load_button.setToolTip(self.tr("Your own points: rows of x, y, label"))
        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setToolTip(self.tr("Start or pause training (a few epochs per frame)"))
        self.step_button = QPushButton(self.tr("+1 epoch"))
        self.step_button.setToolTip(self.tr("Train exactly one more epoch"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("New weights from the seed; history cleared"))
        self.max_epochs = QSpinBox()
        self.max_epochs.setRange(1, 100_000)
        self.max_epochs.setValue(300)
        self.max_epochs.setPrefix(self.tr("stop at "))
        self.max_epochs.setToolTip(self.tr("Training pauses after this many epochs"))
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.classes = plain_label()  # the own points' class names: "classes: 0 = cat, …"
        self.classes.setWordWrap(True)
        self.hint = plain_label()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setToolTip(self.tr("Why these settings may not fit the data, and what to try"))
        self.hint.hide()
        buttons = QHBoxLayout()
        for button in (self.train_button, self.step_button, self.reset_button):
            buttons.addWidget(button)
        side = QVBoxLayout()
        side.addWidget(self.settings)
        side.addWidget(self.load_button)
        side.addWidget(self.classes)
        side.addWidget(self.max_epochs)
        side.addLayout(buttons)
        side.addWidget(self.status)
        side.addWidget(self.hint)
        side.addStretch(1)
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(260)
        self._build_plots()
        self.comparison = ComparisonTable(self._current)
        curves = QVBoxLayout()
        curves.addWidget(self.accuracy_plot)
        curves.addWidget(self.loss_plot)
        self.neurons = NeuronPictures()
        top = QHBoxLayout()
        top.addWidget(self.neurons)
        top.addWidget(self.map_plot, 3)
        top.addLayout(curves, 2)
        top_widget = QWidget()
        top_widget.setLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top_widget)
        splitter.addWidget(self.comparison)
        splitter.setSizes([470, 230])
        layout = QHBoxLayout(self)
        layout.addWidget(panel)
        layout.addWidget(splitter, 1)
        self.load_button.clicked.connect(self._choose_csv)
        self.train_button.clicked.connect(self.toggle)
        self.step_button.clicked.connect(lambda: self.train(1))
        self.reset_button.clicked.connect(self.reset)

    def _build_plots(self) -> None:
        self.map_plot = labelled_plot(self.tr("Decision regions"), self.tr("x"), self.tr("y"))
        self.map_plot.setAspectLocked(True)
        self.map_plot.showGrid(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.map_plot.addItem(self.image)
        self.map_plot.addLegend(offset=(-5, 5))
        self.train_points = pg.ScatterPlotItem(
            size=7, pen=pg.mkPen("k", width=0.8), name=self.tr("train")
        )
        self.test_points = pg.ScatterPlotItem(
            size=8, symbol="s", brush=pg.mkBrush(255, 255, 255, 230), name=self.tr("test")
        )
        for item in (self.train_points, self.test_points):
            self.map_plot.addItem(item)
        self.accuracy_plot = labelled_plot(
            self.tr("Accuracy"), self.tr("epoch"), self.tr("accuracy")
        )
        self.accuracy_plot.setYRange(0.4, 1.02)
        self.accuracy_plot.addLegend(offset=(-5, -5))
        self.loss_plot = labelled_plot(self.tr("Loss"), self.tr("epoch"), self.tr("loss"))
        self.loss_plot.addLegend(offset=(-5, 5))
        self.curves = {}
        for plot, kind in ((self.accuracy_plot, "accuracy"), (self.loss_plot, "loss")):
            for k, part in enumerate(("train", "test")):
                pen = pg.mkPen(
                    SERIES[k],
                    width=2,
                    style=Qt.PenStyle.SolidLine if k == 0 else Qt.PenStyle.DashLine,
                )
                self.curves[part, kind] = plot.plot(pen=pen, name=self.tr(part))

    # -- data and settings -------------------------------------------------------------------
    def _current(self) -> tuple[PlaygroundConfig, Points | None]:
        """The settings and, when chosen, the learner's own points (raises ValueError)."""
        config = self.settings.config()
        return config, self.own_points if self.settings.own_points else None

    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load points"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.load_csv(path)

    def load_csv(self, path: str | Path) -> bool:
        """Start loading `path` off the GUI thread, with progress and Cancel; the old data stays
        until the new points are ready. For a bad file, the status says which rows are wrong.
        False (nothing started) while another file is loading."""
        if self.csv_task.running:
            return False
        self.pause()
        self._csv_path, self.csv_outcome = Path(path), None
        self.csv_task.start(lambda progress, should_stop: _load(path, progress, should_stop))
        self._show_csv_progress(Path(path))
        return True

    def _show_csv_progress(self, path: Path) -> None:
        label = self.tr("Loading {0}…").format(path.name)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.tr("Load points"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # a small file shows no dialog at all
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(self.csv_task.cancel)
        self.csv_dialog = dialog

    def _csv_progress(self, done: int, total: int) -> None:
        if self.csv_dialog is not None and total > 0:
            self.csv_dialog.setMaximum(total)
            self.csv_dialog.setValue(min(done, total))

    def _close_csv_progress(self) -> None:
        dialog, self.csv_dialog = self.csv_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.csv_task.cancel)
            dialog.close()
            dialog.deleteLater()

    def _csv_loaded(self, points: object) -> None:
        self._close_csv_progress()
        if not isinstance(points, Points):  # cancelled: the old data stays
            self.csv_outcome = False
            name = self._csv_path.name if self._csv_path else ""
            self.status.setText(self.tr("Loading {0} cancelled; nothing changed.").format(name))
            return
        self.own_points = points
        self.csv_outcome = True
        self.settings.add_own_points(points.name)
        self.reset()

    def _csv_failed(self, text: str) -> None:
        self._close_csv_progress()
        self.csv_outcome = False
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00;")

    def reset(self) -> None:
        self.pause()
        self.status.setStyleSheet("")
        try:
            config, data = self._current()
            self.playground = Playground(config, data)
        except ValueError as error:
            self.status.setText(str(error))
            self.status.setStyleSheet("color: #b00;")
            return
        self._draw_points()
        self.redraw()

    # -- training ----------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.timer.isActive():
            self.pause()
        else:
            self.timer.start()
            self.train_button.setText(self.tr("Pause"))
            self._show_hint()  # hidden while training runs

    def pause(self) -> None:
        self.timer.stop()
        self.train_button.setText(self.tr("Train"))
        if self.playground is not None and self._neurons_stale:
            self._draw_neurons()
        self._show_hint()

    def tick(self) -> None:
        left = self.max_epochs.value() - (self.playground.epoch if self.playground else 0)
        if left <= 0 or self.playground is None:
            self.pause()
            return
        if self.playground.train_for(TICK_SECONDS, min(EPOCHS_PER_TICK, left)):
            self.redraw()  # only when an epoch finished: a big data set's epoch spans ticks

    def train(self, epochs: int) -> None:
        if self.playground is None:
            return
        self.playground.train_epochs(epochs)
        self.redraw()

    # -- drawing -----------------------------------------------------------------------------
    def _draw_points(self) -> None:
        p = self.playground
        for item, part, filled in (
            (self.train_points, p.train, True),
            (self.test_points, p.test, False),
        ):
            # One brush or pen object per class, shared by its points: the symbol cache then
            # draws each class once, not each of up to 100,000 points.
            classes = np.asarray(part.labels) % len(CLASS_COLOURS)
            if filled:
                styles = np.array([pg.mkBrush(c) for c in CLASS_COLOURS], dtype=object)
                item.setData(part.xy[:, 0], part.xy[:, 1], brush=styles[classes])
            else:
                styles = np.array([pg.mkPen(c, width=2) for c in CLASS_COLOURS], dtype=object)
                item.setData(part.xy[:, 0], part.xy[:, 1], pen=styles[classes])

    def redraw(self) -> None:
        p = self.playground
        grid = p.decision_map(MAP_RESOLUTION)
        self.image.setImage(shade(grid, p.data.classes), levels=(0, 255))
        x0, x1, y0, y1 = grid.x[0], grid.x[-1], grid.y[0], grid.y[-1]
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self._neurons_stale = True
        if not self.timer.isActive() or time.perf_counter() - self._neurons_last >= NEURON_INTERVAL:
            self._draw_neurons()
        epochs = [r.epoch for r in p.history]
        for part in ("train", "test"):
            self.curves[part, "accuracy"].setData(
                epochs, [getattr(r, f"{part}_accuracy") for r in p.history]
            )
            self.curves[part, "loss"].setData(
                epochs, [getattr(r, f"{part}_loss") for r in p.history]
            )
        self._report()

    def _draw_neurons(self) -> None:
        """The hidden units' pictures: every redraw when idle, a few a second while training."""
        self.neurons.show_maps(self.playground.neuron_maps(NEURON_RESOLUTION))
        self._neurons_stale, self._neurons_last = False, time.perf_counter()

    def _show_hint(self) -> None:
        """The settings' hint before training; after it, only while accuracy stays low. Not
        while training runs: a hint about the loss would flicker epoch by epoch."""
        p = self.playground
        hint = None if p is None or self.timer.isActive() else fit_hint(facts_of(p))
        self.hint.setText(self.tr("Hint: {text}").format(text=hint.text) if hint else "")
        self.hint.setVisible(hint is not None)

    def _report(self) -> None:
        p = self.playground
        own = not p.builtin
        names = ", ".join(f"{k} = {name}" for k, name in enumerate(p.data.class_names))
        self.classes.setText(self.tr("classes: {names}").format(names=names) if own else "")
        self.classes.setVisible(own)
        self._show_hint()
        if not p.history:
            self.status.setText(
                self.tr("{n} train and {m} test points, {k} classes. Press Train.").format(
                    n=len(p.train.labels), m=len(p.test.labels), k=p.data.classes
                )
            )
            return
        last = p.history[-1]
        self.status.setText(
            self.tr(
                "epoch {e}: train accuracy {a:.1%}, test accuracy {t:.1%}, test loss {l:.4g}\n"
                "{code}"
            ).format(
                e=last.epoch,
                a=last.train_accuracy,
                t=last.test_accuracy,
                l=last.test_loss,
                code=p.head.code,
            )
        )


def _load(path: str | Path, progress: Progress, should_stop: Callable[[], bool]) -> Points | None:
    """The background job: the points, or None when Cancel stopped the loading."""
    try:
        return load_points_csv(path, progress, should_stop)
    except CsvCancelled:
        return None
