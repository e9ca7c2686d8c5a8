"""Optimizer race: SGD to Adam and Lookahead from one start on one surface, stepped together."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.landscape.descent import Race, standard_race
from engine.landscape.surface import function_surface
from engine.models.test_functions import FUNCTIONS
from gui.plain_text import plain_label
from gui.views.empty_hint import EmptyHint
from gui.views.surface_view import SurfaceView

COLOURS = ("#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#f0e442", "#a65628")


class RaceView(QWidget):
    """Each optimizer's path on the surface and its loss over steps, with a legend.

    The window's Play (and Space) start and pause the race while this tab is open.
    """

    playing_changed = Signal(bool)
    busy = False  # the race runs on the GUI thread's timer: Play is always free to drive it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.race: Race | None = None
        self._framed_empty = False  # the loss plot shows the empty frame, not an autoscale
        self.timer = QTimer(self)
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._tick)
        self._build()
        self.reset()

    def _build(self) -> None:
        self.function_box = QComboBox()
        for name, fn in FUNCTIONS.items():
            if fn.dims == 2:
                self.function_box.addItem(
                    QCoreApplication.translate("TestFunction", fn.title), name
                )
        self.function_box.setCurrentIndex(self.function_box.findData("rosenbrock"))
        self.function_box.setToolTip(self.tr("The surface the optimizers race on"))
        self.per_tick = QSpinBox()
        self.per_tick.setRange(1, 200)
        self.per_tick.setValue(5)
        self.per_tick.setSuffix(self.tr(" steps/frame"))
        self.per_tick.setToolTip(self.tr("Optimizer steps per animation frame"))
        self.play = QPushButton(self.tr("Start"))
        self.play.setToolTip(self.tr("Start or pause the race"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the start point"))
        self.status = plain_label()
        controls = QHBoxLayout()
        for widget in (self.function_box, self.per_tick, self.play, self.reset_button, self.status):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.surface = SurfaceView()
        self.surface.log_scale = True
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setLogMode(y=True)
        self.loss_plot.setLabel("bottom", self.tr("step"))
        self.loss_plot.setLabel("left", self.tr("loss"))
        self.loss_plot.setTitle(self.tr("Loss per step"))
        self.loss_plot.getAxis("left").enableAutoSIPrefix(False)
        self.legend = self.loss_plot.addLegend(offset=(-10, 10))
        self.loss_hint = EmptyHint(
            self.loss_plot,
            self.tr("Press Start: each optimizer's loss is drawn here, step by step."),
        )
        splitter = QSplitter()
        splitter.addWidget(self.surface)
        splitter.addWidget(self.loss_plot)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        self.function_box.currentIndexChanged.connect(self.reset)
        self.play.clicked.connect(self.toggle)
        self.reset_button.clicked.connect(self.reset)

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def toggle_play(self) -> None:
        self.toggle()

    def pause(self) -> None:
        if self.timer.isActive():
            self.toggle()

    def reset(self) -> None:
        was_playing = self.timer.isActive()
        self.timer.stop()
        self.play.setText(self.tr("Start"))
        if was_playing:
            self.playing_changed.emit(False)
        fn = FUNCTIONS[self.function_box.currentData()]
        self.race = Race(fn, standard_race(fn.lr), fn.start)
        self.surface.show_surface(function_surface(fn, fn.bounds, 160), fn.formula)
        self.surface.show_minima(fn.minima)
        self.surface.show_path(np.array([fn.start]), np.array(fn.start), None)
        self._make_curves()
        self._redraw()

    def _make_curves(self) -> None:
        for item in getattr(self, "paths", []):
            self.surface.plot_item.removeItem(item)
        self.legend.clear()
        self.loss_plot.clear()
        self.paths, self.losses = [], []
        for racer, colour in zip(self.race.racers, COLOURS, strict=False):
            pen = pg.mkPen(colour, width=2)
            self.paths.append(self.surface.plot_item.plot(pen=pen))
            self.losses.append(self.loss_plot.plot(pen=pen, name=racer.name))
        self.ceiling = 1e3 * max(abs(r.losses[0]) for r in self.race.racers) + 1.0

    def _frame_losses(self, steps: int) -> None:
        """Before the start, a frame for the first hundred steps below the starting loss (one
        point per racer would make a meaningless autoscale); afterwards, autoscale once."""
        if steps:
            if self._framed_empty:
                self.loss_plot.enableAutoRange()
                self._framed_empty = False
            return
        start = self.race.racers[0].losses[0]
        top = np.log10(start) if np.isfinite(start) and start > 0 else 0.0
        self.loss_plot.setRange(xRange=(0, 100), yRange=(top - 3, top + 0.3), padding=0)
        self._framed_empty = True

    def toggle(self) -> None:
        running = self.timer.isActive()
        self.timer.stop() if running else self.timer.start()
        self.play.setText(self.tr("Start") if running else self.tr("Pause"))
        self.playing_changed.emit(not running)

    def advance(self, steps: int) -> None:
        """Step every racer `steps` times at once and redraw (a lesson jumps ahead)."""
        self.race.step(steps)
        self._redraw()

    def _tick(self) -> None:
        self.race.step(self.per_tick.value())
        self._redraw()

    def _redraw(self) -> None:
        for racer, path, loss in zip(self.race.racers, self.paths, self.losses, strict=True):
            xy = np.asarray(racer.path)
            path.setData(xy[:, 0], xy[:, 1])
            values = np.asarray(racer.losses)
            # A log axis shows positive losses; a diverging racer would squash everyone else.
            shown = np.isfinite(values) & (values > 0) & (values < self.ceiling)
            loss.setData(np.flatnonzero(shown), values[shown])
            if not shown[-1] and values[-1] > 0:
                self.legend.getLabel(loss).setText(
                    self.tr("{name} (diverged)").format(name=racer.name)
                )
        steps = len(self.race.racers[0].path) - 1
        self.loss_hint.setVisible(steps == 0)
        self._frame_losses(steps)
        best = min(
            self.race.racers, key=lambda r: r.losses[-1] if np.isfinite(r.losses[-1]) else np.inf
        )
        self.status.setText(self.tr("step {n}: lowest loss {name}").format(n=steps, name=best.name))
