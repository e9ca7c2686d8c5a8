"""The network diagram: neurons, weights, biases and gradients drawn from a Snapshot.

The view does layout only: every number it shows is read from the engine's Snapshot. Its parts
live in gui.views.diagram: the items, their layout, the texts, the look for one Snapshot, the
tooltips, the weight editor, the step tween and the zoom; the view puts them together and
turns the mouse into its signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView, QLineEdit, QWidget

from engine.core.snapshot import Snapshot
from engine.models.forward_preview import ForwardPreview
from engine.models.parameters import ParamInfo
from gui.theme import DARK_DIAGRAM, PRINT_DIAGRAM, DiagramColours
from gui.views.diagram.build import build_figure
from gui.views.diagram.data_tags import DataTags
from gui.views.diagram.editor import RestartOffer, WeightEditor, mid_iteration
from gui.views.diagram.hover import Hover
from gui.views.diagram.items import LABEL_KEY, Figure
from gui.views.diagram.look import SnapshotLook
from gui.views.diagram.tween import StepTween
from gui.views.diagram.zoom import BUTTON_STEP, FitZoom

HIGHLIGHT = QColor("#1b9e4b")  # a lesson's "look here", distinct from the focus colour
HALO_MARGIN = 6.0


class NetworkView(QGraphicsView):
    """A textbook figure of the MLP that redraws its numbers from each Snapshot."""

    element_hovered = Signal(str)  # label under the mouse ("" when none)
    element_clicked = Signal(str)  # neuron or parameter label
    weight_edit_requested = Signal(str, float)  # label, new value (after a double-click edit)
    restart_edit_requested = Signal(str, float)  # the same mid-iteration: restart it with it
    edit_opened = Signal()  # an editor opened on the figure (Play pauses for it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.colours = PRINT_DIAGRAM  # the main window's view follows the theme (set_dark)
        self._network: tuple[list[list[str]], list[ParamInfo], tuple[str, ...]] | None = None
        self.setBackgroundBrush(QBrush(self.colours.paper))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setMouseTracking(True)
        self._tween = StepTween(self._show_tweened, self)
        self._editor = WeightEditor(self)
        self._editor.submitted.connect(self.weight_edit_requested)
        self._editor.restart_requested.connect(self.restart_edit_requested)
        self._editor.opened.connect(self.edit_opened)
        self._zoom = FitZoom(self)
        self._start_figure(Figure())
        # Set while the network is drawn as layer columns: what Export writes instead.
        self.export_stand_in: Callable[[], QGraphicsScene] | None = None

    def _start_figure(self, figure: Figure) -> None:
        self.figure = figure  # every item, by label
        self._look = SnapshotLook(figure, self.colours)
        self._hover = Hover(figure, self._look.details)
        self.data_tags = DataTags(figure, self.colours)  # targets, data edits, the preview
        self._snapshot: Snapshot | None = None
        self._halo: QGraphicsRectItem | None = None  # a lesson's pointer; the scene owns it
        self.highlighted = ""

    @property
    def animation_ms(self) -> int:
        """How long a step's tween lasts; 0 shows updates at once."""
        return self._tween.ms

    @animation_ms.setter
    def animation_ms(self, ms: int) -> None:
        self._tween.ms = ms

    @property
    def edit_message(self) -> str:
        """Why the last edit was refused."""
        return self._editor.message

    # -- colours ---------------------------------------------------------------------------
    def set_dark(self, dark: bool) -> None:
        """The theme's hook: dark paper and light ink, or the print look."""
        self.set_colours(DARK_DIAGRAM if dark else PRINT_DIAGRAM)

    def set_colours(self, colours: DiagramColours) -> None:
        """Redraw the figure in other colours, keeping its numbers, zoom and highlight."""
        if colours == self.colours:
            return
        self.colours = colours
        self.setBackgroundBrush(QBrush(colours.paper))
        if self._network is None:
            return
        snapshot, highlighted = self._snapshot, self.highlighted
        restore_zoom = self._zoom.keeping()
        animation_ms, self.animation_ms = self.animation_ms, 0  # no replayed tween
        self.set_network(*self._network)
        if snapshot is not None:
            self.show_snapshot(snapshot)
        self.animation_ms = animation_ms
        if highlighted:
            self.highlight(highlighted)
        restore_zoom()

    # -- building and showing --------------------------------------------------------------
    def set_network(
        self,
        neurons: list[list[str]],
        params: Sequence[ParamInfo],
        activations: Sequence[str] = (),
    ) -> None:
        """(Re)build the figure for any layer sizes; values arrive with show_snapshot.

        `activations` (one per layer after the input) name each layer's function in its
        heading."""
        self._network = (neurons, list(params), tuple(activations))
        self._tween.stop()
        self._editor.close()
        self._editor.message = ""
        self.scene().clear()
        kept = self.data_tags  # the data and preview outlive a rebuild (a new theme, say)
        figure = build_figure(
            self.scene(), neurons, params, self.colours, self.font(), tuple(activations)
        )
        self._start_figure(figure)
        self.data_tags.set_data(kept.inputs, kept.targets)
        self.data_tags.set_preview(kept.preview)
        self._zoom.min_text_px = figure.min_text_px
        self._zoom.fit()

    def clear_figure(self) -> None:
        """No figure: the network is shown as layer columns (building one costs seconds)."""
        self._network = None
        self._tween.stop()
        self._editor.close()
        self.scene().clear()
        kept = self.data_tags  # the data outlives the figure, for the next network drawn
        self._start_figure(Figure())
        self.data_tags.set_data(kept.inputs, kept.targets)

    def figure_scene(self) -> QGraphicsScene:
        """What Export writes for the diagram: the figure, or the layer columns' stand-in."""
        return self.export_stand_in() if self.export_stand_in else self.scene()

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Update every number and colour from the snapshot; never rebuilds the scene."""
        self._tween.stop()  # a late animation must not overwrite the new numbers
        self._snapshot = snapshot
        self._look.show(snapshot, self._hover.hovered)
        self.data_tags.show_preview(snapshot)
        self._hover.snapshot_shown()
        self._tween.start(snapshot, lambda label: label in self.figure.params)
        self._follow_focus()

    def _follow_focus(self) -> None:
        """A figure bigger than the view scrolls to keep the element in focus in sight (in the
        loss micro-step, E and the targets it compares with)."""
        if self._zoom.fits():
            return
        focus = self._look.focus
        if self._snapshot is not None and self._snapshot.phase == "loss":
            loss = [] if self.figure.loss_tag is None else [self.figure.loss_tag]
            items = [*self.figure.targets.values(), *loss]
        else:
            items = self.figure.items_of(focus) if focus is not None else []
        if items:
            rect = items[0].sceneBoundingRect()
            for item in items[1:]:
                rect = rect.united(item.sceneBoundingRect())
            self.ensureVisible(rect, 40, 40)
        self._show_whole_extent_that_fits()

    def _show_whole_extent_that_fits(self) -> None:
        """Panned along one axis only, the figure stays whole along the other: scrolling to a
        focus at the bottom must not leave the layer headings cut off at the top."""
        figure = self.scene().itemsBoundingRect()
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        if figure.height() <= shown.height():
            self.ensureVisible(QRectF(shown.center().x(), figure.top(), 0, figure.height()), 0, 0)
        if figure.width() <= shown.width():
            self.ensureVisible(QRectF(figure.left(), shown.center().y(), figure.width(), 0), 0, 0)

    def set_data(self, inputs: dict[str, float], targets: dict[str, float]) -> None:
        """The first sample's inputs and targets by neuron: targets are drawn by the outputs."""
        self.data_tags.set_data(inputs, targets)

    def show_preview(self, preview: ForwardPreview | None) -> None:
        """An edit's forward pass and E, faint over its position until the run is stepped."""
        shown, snapshot = self.data_tags.preview, self._snapshot
        self.data_tags.set_preview(preview)
        if self.data_tags.show_preview(snapshot) or snapshot is None:
            return
        if shown is not None and shown.tick == snapshot.tick:  # faint numbers drawn over it
            self._look.show(snapshot, self._hover.hovered)

    def _show_tweened(self, label: str, value: float) -> None:
        if self._snapshot is not None:
            p = self.figure.params[label]
            self._look.show_param(p, value, self._snapshot, self._hover.hovered)

    def animation_running(self) -> bool:
        return self._tween.running()

    def set_hover_text(self, label: str, text: str) -> None:
        """Detail for one element (the engine's describe); cleared by the next snapshot."""
        self._hover.set_text(label, text)

    # -- queries for tests and the window --------------------------------------------------
    def element_at_focus(self) -> str | None:
        return self._look.focus

    def label_text(self, label: str) -> str:
        """The text drawn for a neuron (its name and values) or a parameter (value, gradient)."""
        figure = self.figure
        if label in figure.neurons:
            values = figure.neurons[label].values.text()
            return f"{label}\n{values}" if values else label
        if label in figure.params:
            return figure.params[label].tag.text()
        if label == "E" and figure.loss_tag is not None:
            return figure.loss_tag.text()
        return self.data_tags.target_text(label.removeprefix("target_"))

    def is_labelled(self, label: str) -> bool:
        """Whether a parameter's label is drawn now (crowded layers show it on hover/focus)."""
        params = self.figure.params
        return label in params and params[label].tag.isVisible()

    def labels(self) -> list[str]:
        """Every neuron and parameter label that has an item in the figure."""
        return self.figure.labels()

    def scene_pos_of(self, label: str) -> QPointF:
        """Where to point at an element (its neuron centre, edge label or bias tag)."""
        if label in self.figure.neurons:
            return self.figure.neurons[label].circle.scenePos()
        p = self.figure.params[label]
        if p.edge is not None and not p.placed:
            return p.edge.point_at(0.5)
        return p.tag.sceneBoundingRect().center()

    def highlight(self, label: str) -> bool:
        """Ring one neuron, parameter or the loss ("E") until the next call; "" clears it."""
        if self._halo is not None:
            self.scene().removeItem(self._halo)
            self._halo = None
        self.highlighted = ""
        figure = self.figure
        if label == "E" and figure.loss_tag is not None:
            rect = figure.loss_tag.sceneBoundingRect()
        elif label in figure.neurons:
            rect = figure.neurons[label].circle.sceneBoundingRect()
        elif label in figure.params:
            rect = figure.params[label].tag.sceneBoundingRect()
        else:
            return False
        m = HALO_MARGIN
        self._halo = QGraphicsRectItem(rect.adjusted(-m, -m, m, m))
        self._halo.setPen(QPen(HIGHLIGHT, 3, Qt.PenStyle.DashLine))
        self._halo.setZValue(20)
        self.scene().addItem(self._halo)
        self.highlighted = label
        return True

    # -- mouse -----------------------------------------------------------------------------
    def _label_at(self, event: QMouseEvent) -> str:
        for item in self.items(event.position().toPoint()):
            label = item.data(LABEL_KEY)
            if label:
                return str(label)
        return ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        label = self._label_at(event)
        if self._hover.wants(label):
            self._hover.point_at(label, self._look.focus)
            self.element_hovered.emit(label)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._hover.point_at("", self._look.focus)
        self.element_hovered.emit("")
        super().leaveEvent(event)  # type: ignore[arg-type]

    def _on_editor(self, event: QMouseEvent) -> bool:
        return self._editor.shows(self.itemAt(event.position().toPoint()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._editor.is_open() and not self._on_editor(event):
            self._editor.close()  # a click elsewhere cancels the edit
        label = self._label_at(event)
        if label and event.button() == Qt.MouseButton.LeftButton:
            self.element_clicked.emit(label)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        label = self._label_at(event)
        if self._on_editor(event):
            super().mouseDoubleClickEvent(event)
        elif label in self.figure.params or self.data_tags.label_of(label):
            self.edit_element(label)
        elif not label:
            self._zoom.fit()  # double-click on empty paper: back to the fitted figure
        else:
            super().mouseDoubleClickEvent(event)

    # -- inline editing --------------------------------------------------------------------
    def edit_element(self, label: str) -> None:
        """Open a small editor on a weight, bias, input or target; Enter submits, Escape
        cancels (mid-iteration, Enter offers to restart the iteration with the value)."""
        mid = mid_iteration(self._snapshot)
        if label in self.figure.params:
            value = self._snapshot.params.get(label) if self._snapshot else None
            self._editor.open(label, self.figure.params[label].tag, value, mid)
            return
        data = self.data_tags.label_of(label) or label
        tag = self.data_tags.tag_of(data)
        if tag is not None:
            self._editor.open(data, tag, self.data_tags.value_of(data), mid)

    @property
    def editor(self) -> QLineEdit | None:
        return self._editor.line_edit

    @property
    def restart_offer(self) -> RestartOffer | None:
        """Mid-iteration, after Enter: the offer to restart the iteration with the value."""
        return self._editor.offer

    # -- fitting and zoom -----------------------------------------------------------------
    def zoom_in(self) -> None:
        self._zoom.zoom_by(BUTTON_STEP)

    def zoom_out(self) -> None:
        self._zoom.zoom_by(1 / BUTTON_STEP)

    def fit_figure(self) -> None:
        """The whole figure, or as much of it as fits at a readable size."""
        self._zoom.fit()

    def show_whole_figure(self) -> None:
        """Fit the whole figure whatever its text size (for pictures of it, not for reading)."""
        self._zoom.min_label_pt = 0
        self._zoom.fit()

    def smallest_text_px(self) -> float:
        """The height in screen pixels of the figure's smallest font, at the current zoom."""
        return self.figure.min_text_px * self._zoom.scale()

    def figure_fits(self) -> bool:
        return self._zoom.fits()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._zoom.wheel(event.angleDelta().y() / 120)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refit()

    def _refit(self) -> None:
        """Fit again after a resize, and a panned figure keeps what the story is at in sight."""
        self._zoom.refit()
        if self._zoom.fitted:
            self._follow_focus()
