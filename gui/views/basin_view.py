"""Basin map: where K×K starting points end up, trained together off the GUI thread."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.core.errors import EngineError
from engine.landscape.descent import BasinMap, basin_map
from engine.models.config import OPTIMIZER_NAMES, Config
from engine.models.test_functions import FUNCTIONS
from gui.background import BackgroundTask
from gui.plain_text import plain_label
from gui.views.empty_hint import EmptyHint
from gui.views.pointer_readout import PointerReadout

BASIN_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2")
NO_BASIN = "#303030"


class BasinView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = BackgroundTask(self)
        self.result: BasinMap | None = None
        self._build()
        self.task.progress.connect(lambda done, _: self.progress.setValue(done))
        self.task.finished.connect(self._show)
        self.task.failed.connect(self.summary.setText)
        self.task.running_changed.connect(self._running)

    def _build(self) -> None:
        self.function_box = QComboBox()
        for name, fn in FUNCTIONS.items():
            if fn.dims == 2:
                self.function_box.addItem(
                    QCoreApplication.translate("TestFunction", fn.title), name
                )
        self.function_box.setCurrentIndex(self.function_box.findData("himmelblau"))
        self.optimizer_box = QComboBox()
        self.optimizer_box.addItems(OPTIMIZER_NAMES)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(4)
        self.lr.setRange(0.0001, 10)
        self.lr.setValue(0.01)
        self.lr.setPrefix("lr ")
        self.steps = QSpinBox()
        self.steps.setRange(1, 100_000)
        self.steps.setValue(200)
        self.steps.setSuffix(self.tr(" steps"))
        self.res = QSpinBox()
        self.res.setRange(8, 512)
        self.res.setValue(64)
        self.res.setPrefix(self.tr("starts "))
        self.res.setSuffix("²")
        self.compute = QPushButton(self.tr("Compute"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setEnabled(False)
        self.progress = QProgressBar()
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        tips = {
            self.function_box: self.tr("The surface whose basins are mapped"),
            self.optimizer_box: self.tr("Optimizer used from every start"),
            self.lr: self.tr("Learning rate for every start"),
            self.steps: self.tr("Optimizer steps from each start"),
            self.res: self.tr("Starts per axis (K×K in all)"),
            self.compute: self.tr("Train every start together, off the GUI thread"),
            self.cancel: self.tr("Stop the computation"),
        }
        controls = QHBoxLayout()
        for widget, tip in tips.items():
            widget.setToolTip(tip)
            controls.addWidget(widget)
        controls.addWidget(self.progress)
        self.plot = pg.PlotWidget()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.minima = pg.ScatterPlotItem(symbol="star", size=18, brush="w", pen="k")
        self.plot.addItem(self.minima)
        self.hint = EmptyHint(
            self.plot,
            self.tr("Press Compute: every start is coloured by the minimum its descent reaches."),
        )
        self.readout = PointerReadout(self.plot, self.describe_start)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.plot, 1)
        self.compute.clicked.connect(self.start)
        self.cancel.clicked.connect(self.stop)

    def start(self) -> None:
        try:
            config = Config(preset="basins", optimizer=self.optimizer_box.currentText(),
                            lr=self.lr.value())  # fmt: skip
        except EngineError as error:
            self.summary.setText(str(error))
            return
        fn, steps, res = (
            FUNCTIONS[self.function_box.currentData()],
            self.steps.value(),
            self.res.value(),
        )
        self.progress.setRange(0, steps)

        def job(progress, should_stop):  # runs in the worker thread: engine calls only
            result = basin_map(fn, config, steps, res, should_stop=should_stop,
                               progress=lambda done: progress(done, steps))  # fmt: skip
            return None if should_stop() else result  # a cancelled map is not shown

        self.task.start(job)

    @property
    def running(self) -> bool:
        return self.task.running

    def stop(self) -> None:
        self.task.cancel()

    def shutdown(self) -> None:
        """Cancel a computation and wait for its thread (the window is closing)."""
        self.task.cancel()
        self.task.wait(10_000)

    def _running(self, running: bool) -> None:
        self.compute.setEnabled(not running)
        self.cancel.setEnabled(running)

    def _show(self, result: BasinMap | None) -> None:
        if result is None:  # cancelled
            self.summary.setText(self.tr("Cancelled."))
            return
        self.result = result
        self.hint.hide()
        colours = np.array([pg.mkColor(c).getRgb() for c in (*BASIN_COLOURS, NO_BASIN)])
        index = np.where(result.basin >= 0, result.basin % len(BASIN_COLOURS), len(BASIN_COLOURS))
        self.image.setImage(colours[index].astype(np.uint8))
        x, y = result.x, result.y
        self.image.setRect(QRectF(x[0], y[0], x[-1] - x[0], y[-1] - y[0]))
        xy = np.asarray(result.minima)
        self.minima.setData(xy[:, 0], xy[:, 1])
        fn = FUNCTIONS[self.function_box.currentData()]
        self.plot.setTitle(self.tr("Which minimum each start reaches: {f}").format(f=fn.title))
        self.plot.setLabel("bottom", self.tr("start x"))
        self.plot.setLabel("left", self.tr("start y"))
        counts = [int((result.basin == k).sum()) for k in range(len(result.minima))]
        lost = int((result.basin < 0).sum())
        parts = [
            f"({m[0]:.2f}, {m[1]:.2f}): {n}" for m, n in zip(result.minima, counts, strict=True)
        ]
        self.summary.setText(self.tr("Starts per minimum: ") + "; ".join(parts)
                             + self.tr("; none reached: {n}").format(n=lost))  # fmt: skip

    def start_under(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of the start whose pixel lies under (x, y); None off the map."""
        result = self.result
        if result is None:
            return None
        k = len(result.x)
        col = int(np.floor((x - result.x[0]) / (result.x[-1] - result.x[0]) * k))
        row = int(np.floor((y - result.y[0]) / (result.y[-1] - result.y[0]) * k))
        return (row, col) if 0 <= row < k and 0 <= col < k else None

    def describe_start(self, x: float, y: float) -> str | None:
        """Which minimum the start under the pointer reaches, and where it ended."""
        cell = self.start_under(x, y)
        if cell is None:
            return None
        result, (row, col) = self.result, cell
        start = f"({result.x[col]:.3g}, {result.y[row]:.3g})"
        end = "({:.3g}, {:.3g})".format(*result.final[row, col])
        basin = int(result.basin[row, col])
        if basin < 0:
            return self.tr("start {0} reaches no minimum (it ends at {1})").format(start, end)
        m = result.minima[basin]
        return self.tr("start {0} → minimum ({1:.3g}, {2:.3g}), ends at {3}").format(
            start, m[0], m[1], end
        )
