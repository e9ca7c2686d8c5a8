"""The loss-landscape tab: choose a plane, see the surface and the descent path live."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engine.errors import EngineError
from engine.landscape import Landscape, PlaneChoice, default_axes
from engine.snapshot import Snapshot
from engine.stepper import Stepper
from gui.plain_text import plain_label
from gui.views.surface_3d import make_surface_3d, opengl_problem
from gui.views.surface_view import SurfaceView

PLANES = (
    (
        "params",
        QT_TRANSLATE_NOOP("LandscapePanel", "Two parameters (slice through the current point)"),
    ),
    ("random", QT_TRANSLATE_NOOP("LandscapePanel", "Random filter-normalised directions")),
    ("pca", QT_TRANSLATE_NOOP("LandscapePanel", "Principal components of the trajectory")),
)


class LandscapePanel(QWidget):
    """Asks engine.landscape for numbers and hands them to the 2-D (or 3-D) view."""

    def __init__(self, stepper: Callable[[], Stepper], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stepper = stepper
        self.landscape: Landscape | None = None
        self._surface_key: tuple | None = None
        self.view = SurfaceView()
        self.view_3d = None
        self._build_controls()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.message = plain_label()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self.rebuild()

    # -- controls ------------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.plane_box = QComboBox()
        for kind, title in PLANES:
            self.plane_box.addItem(self.tr(title), kind)
        self.plane_box.setToolTip(self.tr("Which 2-D plane through parameter space to draw"))
        self.axis_a, self.axis_b = QComboBox(), QComboBox()
        self.axis_a.setToolTip(self.tr("Parameter on the horizontal axis"))
        self.axis_b.setToolTip(self.tr("Parameter on the vertical axis"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 9999)
        self.seed.setPrefix(self.tr("seed "))
        self.seed.setToolTip(self.tr("Seed of the random directions"))
        self.resolution = QSpinBox()
        self.resolution.setRange(16, 512)
        self.resolution.setValue(128)
        self.resolution.setSuffix(self.tr(" px"))
        self.resolution.setToolTip(self.tr("Grid points per axis"))
        self.log_box = QCheckBox(self.tr("log colour"))
        self.log_box.setToolTip(self.tr("Colour by log₁₀(loss − min): shows the valley floor"))
        self.three_d = QCheckBox(self.tr("3-D"))
        self.three_d.setToolTip(self.tr("Show the surface in 3-D (needs OpenGL)"))
        self.recentre = QPushButton(self.tr("Recentre"))
        self.recentre.setToolTip(self.tr("Rebuild the plane around the current point"))
        self.controls = QHBoxLayout()
        for widget in (self.plane_box, self.axis_a, self.axis_b, self.seed, self.resolution,
                       self.log_box, self.three_d, self.recentre):  # fmt: skip
            self.controls.addWidget(widget)
        self.controls.addStretch(1)
        self.plane_box.currentIndexChanged.connect(self._plane_changed)
        self.axis_a.currentIndexChanged.connect(self._plane_changed)
        self.axis_b.currentIndexChanged.connect(self._plane_changed)
        self.seed.valueChanged.connect(self._plane_changed)
        self.resolution.valueChanged.connect(lambda _: self.refresh(force=True))
        self.log_box.toggled.connect(self._log_toggled)
        self.three_d.toggled.connect(self._three_d_toggled)
        self.recentre.clicked.connect(self._plane_changed)

    def rebuild(self) -> None:
        """The model changed: offer its parameters and start from the default plane."""
        stepper = self.stepper()
        labels = [info.label for info in stepper.model.params]
        a, b = default_axes(stepper) if len(labels) > 1 else (labels[0], labels[0])
        for box, chosen in ((self.axis_a, a), (self.axis_b, b)):
            box.blockSignals(True)
            box.clear()
            box.addItems(labels)
            box.setCurrentText(chosen)
            box.blockSignals(False)
        self._plane_changed()
        network = not stepper.config.function  # a test function has only its own plane
        self.plane_box.setVisible(network)
        self.recentre.setVisible(network)
        if not network:
            for widget in (self.axis_a, self.axis_b, self.seed):
                widget.setVisible(False)

    def _choice(self) -> PlaneChoice:
        kind = self.plane_box.currentData()
        self.axis_a.setVisible(kind == "params")
        self.axis_b.setVisible(kind == "params")
        self.seed.setVisible(kind == "random")
        axes = (self.axis_a.currentText(), self.axis_b.currentText())
        return PlaneChoice(kind, axes, self.seed.value())

    def _plane_changed(self) -> None:
        try:
            self.landscape = Landscape(self.stepper(), self._choice())
        except EngineError as error:
            self.message.setText(str(error))
            self.landscape = None
            return
        self.message.setText(self._plane_note())
        self.refresh(force=True)

    def _plane_note(self) -> str:
        kind = self.landscape.plane.kind if self.landscape else ""
        notes = {
            "params": self.tr("The other parameters are held at the current point, so the "
                              "surface moves as they train."),
            "random": self.tr("θ = θ₀ + a·d₁ + b·d₂, each direction scaled filter by filter to the "
                              "weights' norms (Li et al. 2018); the path is projected onto it."),
            "pca": self.tr("The plane of the trajectory's two main directions, centred on the "
                           "last point; the path is projected onto it."),
            "function": self.stepper().model.fn.note if self.stepper().config.function else "",
        }  # fmt: skip
        return notes.get(kind, "")

    def _log_toggled(self, on: bool) -> None:
        self.view.log_scale = on
        self.refresh(force=True)

    def _three_d_toggled(self, on: bool) -> None:
        problem = opengl_problem() if on else None
        if problem:
            self.message.setText(self.tr("3-D view unavailable: ") + problem)
            self.three_d.setChecked(False)
            return
        if on and self.view_3d is None:
            self.view_3d = make_surface_3d()
            self.stack.addWidget(self.view_3d)
        self.stack.setCurrentWidget(self.view_3d if on else self.view)
        self.refresh(force=True)

    # -- drawing -------------------------------------------------------------------------------
    def refresh(self, snapshot: Snapshot | None = None, force: bool = False) -> None:
        """Redraw the path; recompute the surface only when the plane or the point moved."""
        if self.landscape is None:
            return
        if self.landscape.is_curve:
            self.view.show_curve(self.landscape.curve(), self._title())
            return
        self.landscape.follow()
        plane = self.landscape.plane
        key = (id(plane), plane.origin.tobytes(), self.resolution.value(), self.view.log_scale)
        if force or key != self._surface_key:
            self._surface_key = key
            self._draw_surface()
        arrow = self.landscape.step_arrow(snapshot) if snapshot is not None else None
        self.view.show_path(self.landscape.trajectory(), self.landscape.current(), arrow)

    def _draw_surface(self) -> None:
        surface = self.landscape.surface(self.resolution.value())
        if self.stack.currentWidget() is self.view_3d and self.view_3d is not None:
            self.view_3d.show_surface(surface, self.landscape.trajectory())
        self.view.show_surface(surface, self._title())
        if self.landscape.is_function:
            self.view.show_minima(self.landscape.stepper.model.fn.minima)
        else:
            self.view.show_minima(())

    def _title(self) -> str:
        stepper = self.stepper()
        if stepper.config.function:
            return stepper.model.fn.formula
        a, b = self.landscape.plane.axes
        return self.tr("Loss over {a} and {b}").format(a=a, b=b)
