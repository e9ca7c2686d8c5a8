"""The loss-landscape tab: choose a plane, see the surface and the descent path live."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEventLoop, QTimer, Signal
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

from engine.core.errors import EngineError
from engine.core.snapshot import Snapshot
from engine.landscape.loss_landscape import Landscape
from engine.landscape.picture import RunPicture
from engine.landscape.point_loss import loss_at, placed_parameters
from engine.landscape.surface import Surface
from engine.landscape.terrain import (
    TERRAINS,
    PlaneChoice,
    Request,
    default_axes,
)
from gui.background import BackgroundTask
from gui.copy_image import install_image_menu
from gui.figure_names import LOSS_SURFACE_3D
from gui.plain_text import plain_label
from gui.views.pointer_readout import PointerReadout
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
# Surfaces estimated to need more than this are computed off the GUI thread (a 128² slice of
# Mazur's net needs 5 MB and a few milliseconds; a 128² random plane of 2-900-8-2, 4 GB).
BACKGROUND_BYTES = 32 * 2**20


class LandscapePanel(QWidget):
    """Asks engine.landscape for numbers and hands them to the 2-D (or 3-D) view.

    `picture` returns the run as copies taken at rest (engine.landscape.picture): the panel
    never reads the stepper, which a worker may be training. The loss under the pointer is shown
    beside it; a click asks (`place_requested`) for the parameters to be set there."""

    place_requested = Signal(dict)  # {label: value}: the parameters a click on the surface sets

    def __init__(self, picture: Callable[[], RunPicture], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = picture
        self.landscape: Landscape | None = None
        self._surface_key: tuple | None = None
        self._waiting: Request | None = None  # the newest request not yet started
        self._generation = 0  # counts surface requests: only the newest one's result is drawn
        self.surface_task = BackgroundTask(self)
        self.surface_task.crash_dialog = False  # a failure is shown in the panel's message
        self.surface_task.progress.connect(self._surface_progress)
        self.surface_task.finished.connect(self._surface_computed)
        self.surface_task.failed.connect(self._surface_failed)
        self.surface_task.running_changed.connect(self._start_waiting)
        self.view = SurfaceView()
        self.readout = PointerReadout(self.view, self.describe_point, self.place_at)
        self.view_3d = None
        self._build_controls()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.busy = plain_label()  # "Computing the surface…" while a worker computes it
        self.busy.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
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
        picture = self.picture()
        a, b = default_axes(picture.model.params)
        for box, chosen in ((self.axis_a, a), (self.axis_b, b)):
            box.blockSignals(True)
            box.clear()
            box.addItems(picture.labels)
            box.setCurrentText(chosen)
            box.blockSignals(False)
        self._plane_changed()
        network = TERRAINS[picture.config.family].offers_planes  # a function is its own plane
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
            self.landscape = Landscape(self.picture(), self._choice())
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
            "function": self.landscape.note() if self.landscape else "",
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
            install_image_menu(self.view_3d, self.tr("Loss surface in 3-D"), LOSS_SURFACE_3D)
            self.stack.addWidget(self.view_3d)
        self.stack.setCurrentWidget(self.view_3d if on else self.view)
        self.refresh(force=True)

    # -- drawing -------------------------------------------------------------------------------
    def refresh(self, snapshot: Snapshot | None = None, force: bool = False) -> None:
        """Redraw the path; recompute the surface only when the plane or the point moved."""
        if self.landscape is None:
            return
        self.landscape.update(self.picture())
        if self.landscape.is_curve:
            self.view.show_curve(self.landscape.curve(), self._title())
            return
        plane = self.landscape.plane
        key = (id(plane), plane.origin.tobytes(), self.resolution.value(), self.view.log_scale)
        if force or key != self._surface_key:
            self._surface_key = key
            self._draw_surface()
        arrows = self.landscape.step_arrows(snapshot) if snapshot is not None else None
        self.view.show_path(self.landscape.trajectory(), self.landscape.current(), arrows)

    def _draw_surface(self) -> None:
        self._generation += 1
        try:
            request = self.landscape.surface_request(self.resolution.value())
        except EngineError as error:
            self.message.setText(str(error))
            return
        if request.total_bytes <= BACKGROUND_BYTES:
            self._waiting = None  # a small surface now supersedes a big one still running
            self.surface_task.cancel()
            self._show_surface(request.compute())
            return
        self._waiting = request  # supersedes any older request that has not started
        self.surface_task.cancel()  # and stops the running one at its next chunk
        self._start_waiting()

    @property
    def computing(self) -> bool:
        """Whether a surface is being computed off the GUI thread, or waits to be."""
        return self.surface_task.running or self._waiting is not None

    def finish_surface(self, timeout_ms: int = 300_000) -> bool:
        """Wait, with the event loop running, until the surface being computed is drawn: an
        export must show the current surface, not the one before. False when it timed out."""
        if not self.computing:
            return True
        loop = QEventLoop()

        def settled(_running: bool) -> None:
            if not self.computing:
                loop.quit()

        self.surface_task.running_changed.connect(settled)
        timer = QTimer(loop)  # owned by the loop: it goes with it, never fires on a dead loop
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        loop.exec()
        self.surface_task.running_changed.disconnect(settled)
        return not self.computing

    def _start_waiting(self, running: bool = False) -> None:
        if self._waiting is None or running or self.surface_task.running:
            self.busy.setVisible(self.computing)
            return
        request, self._waiting, generation = self._waiting, None, self._generation
        self.busy.setText(self.tr("Computing the loss surface…"))
        self.busy.setVisible(True)
        self.surface_task.start(
            lambda progress, stop: (generation, request.compute(stop, progress))
        )

    def _surface_progress(self, done: int, total: int) -> None:
        self.busy.setText(self.tr("Computing the loss surface… {0}%").format(100 * done // total))

    def _surface_computed(self, result: tuple[int, Surface | None]) -> None:
        # None: stopped for a newer request. A result that a newer request has superseded
        # is dropped too: it would show the plane (or the point) the learner just left.
        generation, surface = result
        if surface is not None and generation == self._generation and self.landscape is not None:
            self._show_surface(surface)

    def _surface_failed(self, text: str) -> None:
        self.message.setText(self.tr("The loss surface could not be computed: ") + text)

    def _show_surface(self, surface: Surface) -> None:
        if self.stack.currentWidget() is self.view_3d and self.view_3d is not None:
            self.view_3d.show_surface(surface, self.landscape.trajectory())
        self.view.show_surface(surface, self._title())
        self.view.show_minima(self.landscape.minima())

    # -- the point under the pointer -------------------------------------------------------------
    def describe_point(self, a: float, b: float) -> str | None:
        """ "w5 = 0.41, w6 = −0.2, E = 0.031": the loss at that point of the plane, computed."""
        if self.landscape is None or self.landscape.is_curve:
            return None
        try:
            loss = loss_at(self.landscape, a, b)
        except (EngineError, RuntimeError):
            return None
        x, y = self.landscape.plane.axes
        text = f"{x} = {a:.4g}, {y} = {b:.4g}, E = {loss:.6g}".replace("-", "−")
        if placed_parameters(self.landscape, a, b) is None:
            return text
        return text + "\n" + self.tr("click: set {0} and {1} here (← undoes each)").format(x, y)

    def place_at(self, a: float, b: float) -> None:
        """A click: ask for the two plane parameters to be set there (undoable edits)."""
        if self.landscape is None or self.landscape.is_curve:
            return
        values = placed_parameters(self.landscape, a, b)
        if values is None:
            self.message.setText(
                self.tr("A click places the parameters only on a plane of two parameters.")
            )
            return
        self.place_requested.emit(values)

    def _title(self) -> str:
        if self.landscape.caption():
            return self.landscape.caption()
        a, b = self.landscape.plane.axes
        return self.tr("Loss over {a} and {b}").format(a=a, b=b)
