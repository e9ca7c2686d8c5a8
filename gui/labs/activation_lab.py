"""Activation lab: f(x) and f′(x) side by side, saturation shaded, a draggable point with its
tangent, and a button that puts the activation into the current network."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.labs.activation_curves import (
    LAB_ACTIVATIONS,
    SATURATION_THRESHOLD,
    ActivationCurve,
    PointReading,
    curve,
    lab_entry,
    network_spec,
    reading,
)
from gui.labs.plot_style import SERIES, labelled_plot
from gui.labs.value_slider import ValueSlider

SATURATED_BRUSH = pg.mkBrush(214, 39, 40, 40)
CLOSED_FORM_EVERY = 40  # grid points between the closed-form markers


class ActivationLab(QWidget):
    use_activation_requested = Signal(str)  # an engine activation spec

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: ActivationCurve | None = None
        self.point: PointReading | None = None
        self._regions: list[tuple[pg.PlotWidget, pg.LinearRegionItem]] = []
        self._build_controls()
        self._build_plots()
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.facts.setMinimumWidth(300)
        self.facts.setMaximumWidth(340)
        body = QHBoxLayout()
        body.addWidget(self.f_plot, 1)
        body.addWidget(self.d_plot, 1)
        body.addWidget(self.facts)
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addLayout(body, 1)
        self.refresh()

    # -- building ----------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.choice = QComboBox()
        for entry in LAB_ACTIVATIONS:
            self.choice.addItem(self.tr(entry.title), entry.key)
        self.choice.setCurrentIndex(self.choice.findData("sigmoid"))
        self.choice.setToolTip(self.tr("The activation function to study"))
        self.parameter = ValueSlider(0.0, 3.0, 0.01, 0.0)
        self.parameter.setMinimumWidth(180)
        self.parameter.setToolTip(self.tr("The activation's parameter, e.g. LeakyReLU's slope α"))
        self.parameter_label = QLabel()
        self.use_button = QPushButton(self.tr("Use in network"))
        self.use_button.setToolTip(
            self.tr("Apply this activation to every layer of the current model")
        )
        self.x_box = QDoubleSpinBox()
        self.x_box.setRange(-8.0, 8.0)
        self.x_box.setSingleStep(0.1)
        self.x_box.setValue(1.0)
        self.x_box.setPrefix(self.tr("x = "))
        self.x_box.setToolTip(
            self.tr("The point whose tangent is drawn; drag the line in the plots")
        )
        self.controls = QHBoxLayout()
        for widget in (
            self.choice,
            self.parameter_label,
            self.parameter,
            self.x_box,
            self.use_button,
        ):
            self.controls.addWidget(widget)
        self.controls.addStretch(1)
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.parameter.valueChanged.connect(self.refresh)
        self.x_box.valueChanged.connect(self._move_point)
        self.use_button.clicked.connect(self._use)

    def _build_plots(self) -> None:
        self.f_plot = labelled_plot(self.tr("f(x)"), self.tr("x"), self.tr("f(x)"))
        # Short enough for a half-width plot; the legend tells autograd from the closed form.
        self.d_plot = labelled_plot(self.tr("f′(x) by autograd"), self.tr("x"), self.tr("f′(x)"))
        self.d_plot.addLegend(offset=(10, 10))
        self.f_curve = self.f_plot.plot(pen=pg.mkPen(SERIES[0], width=2.5))
        self.tangent = self.f_plot.plot(
            pen=pg.mkPen(SERIES[1], width=2, style=Qt.PenStyle.DashLine)
        )
        self.f_dot = pg.ScatterPlotItem(size=11, brush=SERIES[1], pen="k")
        self.f_plot.addItem(self.f_dot)
        self.d_curve = self.d_plot.plot(
            pen=pg.mkPen(SERIES[2], width=2.5), name=self.tr("autograd")
        )
        self.d_markers = self.d_plot.plot(
            pen=None,
            symbol="o",
            symbolSize=6,
            symbolBrush=None,
            symbolPen=pg.mkPen("k"),
            name=self.tr("closed form"),
        )
        self.d_dot = pg.ScatterPlotItem(size=11, brush=SERIES[1], pen="k")
        self.d_plot.addItem(self.d_dot)
        self.lines = []
        for plot in (self.f_plot, self.d_plot):
            line = pg.InfiniteLine(pos=1.0, angle=90, movable=True, pen=pg.mkPen("#555", width=1.5))
            line.setToolTip(self.tr("Drag to move the point"))
            line.sigPositionChanged.connect(self._line_dragged)
            plot.addItem(line)
            self.lines.append(line)
        self.d_plot.setXLink(self.f_plot)

    # -- reacting ----------------------------------------------------------------------------
    @property
    def key(self) -> str:
        return self.choice.currentData()

    def _parameter_value(self) -> float | None:
        return self.parameter.value() if lab_entry(self.key).parameter else None

    def _choice_changed(self) -> None:
        entry = lab_entry(self.key)
        self.parameter.blockSignals(True)
        self.parameter.setValue(entry.default)
        self.parameter.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        entry = lab_entry(self.key)
        self.parameter.setVisible(bool(entry.parameter))
        self.parameter_label.setVisible(bool(entry.parameter))
        self.parameter_label.setText(self.tr(entry.parameter))
        self.shown = curve(self.key, self._parameter_value())
        self.f_curve.setData(self.shown.x, self.shown.f)
        self.d_curve.setData(self.shown.x, self.shown.derivative)
        every = slice(0, None, CLOSED_FORM_EVERY)
        self.d_markers.setData(self.shown.x[every], self.shown.closed_form[every])
        self._shade(self.shown.saturated)
        self._fit(self.f_plot, self.shown.f)
        self._fit(self.d_plot, np.append(self.shown.derivative, 0.0))  # 0 always in view
        spec = network_spec(self.key, self._parameter_value())
        self.use_button.setEnabled(spec is not None)
        self.use_button.setToolTip(
            self.tr("Apply {spec} to the current model").format(spec=spec)
            if spec
            else self.tr(
                "The network's model has no learnable slope: use LeakyReLU with the same α"
            )
        )
        self.f_plot.setTitle(self.tr("f(x) = {name}").format(name=self.shown.activation.name))
        self._move_point(self.x_box.value())

    def _fit(self, plot: pg.PlotWidget, y: np.ndarray) -> None:
        """The whole grid in x, the curve in y: the tangent and point never rescale the view."""
        lo, hi = float(y.min()), float(y.max())
        pad = max(0.08 * (hi - lo), 0.05)
        plot.setRange(
            xRange=(self.shown.x[0], self.shown.x[-1]), yRange=(lo - pad, hi + pad), padding=0
        )
        plot.disableAutoRange()

    def _shade(self, intervals: tuple[tuple[float, float], ...]) -> None:
        for plot, region in self._regions:
            plot.removeItem(region)
        self._regions = []
        for start, end in intervals:
            for plot in (self.f_plot, self.d_plot):
                region = pg.LinearRegionItem(
                    (start, end), movable=False, brush=SATURATED_BRUSH, pen=pg.mkPen(None)
                )
                region.setZValue(-10)
                plot.addItem(region)
                self._regions.append((plot, region))

    def _line_dragged(self, line: pg.InfiniteLine) -> None:
        self.x_box.setValue(round(line.value(), 2))

    def _move_point(self, x0: float) -> None:
        point = reading(self.key, self._parameter_value(), x0)
        for line in self.lines:
            line.blockSignals(True)
            line.setValue(x0)
            line.blockSignals(False)
        self.f_dot.setData([point.x], [point.f])
        self.d_dot.setData([point.x], [point.derivative])
        self.tangent.setData(list(point.tangent_x), list(point.tangent_y))
        self.point = point
        self._show_facts()

    def _show_facts(self) -> None:
        act, shown, point = self.shown.activation, self.shown, self.point
        rows = [
            (self.tr("Formula"), act.formula),
            (self.tr("Derivative"), act.derivative_formula),
            (self.tr("Output range"), act.output_range),
            (self.tr("Zero-centred"), self.tr("yes") if act.zero_centred else self.tr("no")),
            (self.tr("Max of |f′|"), f"{act.max_derivative:.6g}"),
            (self.tr("PyTorch"), act.torch_code),
        ]
        table = "".join(
            f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows
        )
        at = self.tr("At x = {x:.2f}: f = {f:.6g}, f′ = {d:.6g} (autograd), closed form {c:.6g}.")
        at = at.format(x=point.x, f=point.f, d=point.derivative, c=point.closed_form)
        check = self.tr("autograd vs closed form: max |difference| = {m:.1e} over {n} points.")
        shaded = self.tr("Shaded: saturated, |f′| < {t}.").format(t=SATURATION_THRESHOLD)
        note = QCoreApplication.translate("Activation", act.note)
        self.facts.setText(
            f"<table cellspacing='4'>{table}</table>"
            f"<p>{html.escape(at)}</p>"
            f"<p>{html.escape(check.format(m=shown.max_mismatch, n=len(shown.x)))}</p>"
            f"<p>{html.escape(shaded)}</p><p><i>{html.escape(note)}</i></p>"
        )

    def _use(self) -> None:
        spec = network_spec(self.key, self._parameter_value())
        if spec is not None:
            self.use_activation_requested.emit(spec)
