"""The network diagram: neurons, weights, biases and gradients drawn from a Snapshot.

The view does layout only: every number it shows is read from the engine's Snapshot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QLineF,
    QPointF,
    QRectF,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsProxyWidget,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLineEdit,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from engine.core.snapshot import NeuronValue, Snapshot
from engine.models.chain_rule import fmt
from engine.models.parameters import ParamInfo
from gui.plain_text import plain_tooltip
from gui.theme import DARK_DIAGRAM, PRINT_DIAGRAM, DiagramColours

INK = PRINT_DIAGRAM.ink  # sample text that sizes the layout; shown colours follow the theme
HIGHLIGHT = QColor("#1b9e4b")  # a lesson's "look here", distinct from the focus colour
LABEL_KEY = 0  # QGraphicsItem.data key holding the element label
ANIMATION_MS = 300
MAX_EDGE_WIDTH = 6.0
ZOOM_LIMIT = 8.0  # how far the wheel may zoom in beyond the fitted view
LABEL_POSITIONS = tuple(k / 20 for k in range(2, 19))  # where along an edge a label may sit
LABEL_MARGIN = 3.0  # half the clear space kept between two labels
MAX_LABELLED_EDGES = 32  # beyond this a layer's labels could not be read anyway
SEARCH_BUDGET = 400  # tries; each filters every other label's spots


def short(value: float) -> str:
    """Four decimals for ordinary magnitudes, four significant digits for tiny or huge ones."""
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    if 0.01 <= abs(value) < 1000:
        return f"{value:.4f}"
    return f"{value:.4g}"


def parse_number(text: str) -> float | None:
    """A finite float from what the learner typed (a decimal comma is accepted), else None."""
    cleaned = text.strip()
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def edge_colour(value: float, colours: DiagramColours = PRINT_DIAGRAM) -> QColor:
    if not math.isfinite(value) or value == 0:
        return colours.muted
    return colours.positive if value > 0 else colours.negative


def outline(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A cosmetic pen: outlines keep their width in screen pixels at any zoom and scale."""
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    return pen


def neuron_detail(name: str, value: NeuronValue | None, delta: float | None) -> str:
    """The tooltip until the engine's own description arrives: full precision, Mazur's names."""
    lines = [name]
    if value is not None:
        lines += [f"net_{name} = {fmt(value.net)}", f"out_{name} = {fmt(value.out)}"]
    if delta is not None:
        lines.append(f"δ_{name} = ∂E/∂net_{name} = {fmt(delta)}")
    return "\n".join(lines)


def label_spots(edge: Edge, box: QRectF, preferred: float) -> list[QRectF]:
    """Where a label of this size may sit: on the edge nearest the preferred place first,
    then just above or below it."""
    spots = []
    for shift in (0.0, -0.55, 0.55):
        for t in sorted(LABEL_POSITIONS, key=lambda t: abs(t - preferred)):
            rect = QRectF(box)
            rect.moveCenter(edge.point_at(t) + QPointF(0, shift * box.height()))
            spots.append(rect.adjusted(-LABEL_MARGIN, -LABEL_MARGIN, LABEL_MARGIN, LABEL_MARGIN))
    return spots


def place_labels(candidates: list[list[QRectF]]) -> list[QRectF] | None:
    """One spot per label with no two overlapping, or None.

    A bounded depth-first search: it fills the label with the fewest spots left first and
    drops, from the others, the spots the new choice covers (forward checking).
    """
    chosen: dict[int, QRectF] = {}
    budget = [SEARCH_BUDGET]

    def search(left: dict[int, list[QRectF]]) -> bool:
        if not left:
            return True
        k = min(left, key=lambda j: len(left[j]))
        for rect in left[k]:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            rest = {j: [r for r in spots if not r.intersects(rect)] for j, spots in left.items()}
            del rest[k]
            if all(rest.values()):
                chosen[k] = rect
                if search(rest):
                    return True
        return False

    found = search(dict(enumerate(candidates)))
    return [chosen[k] for k in range(len(candidates))] if found else None


@dataclass(frozen=True)
class Geometry:
    """Sizes in scene units: roomy for textbook nets, tighter once a layer is wide."""

    radius: float
    row: float
    column: float
    label_px: int
    text_px: int

    @staticmethod
    def for_widest(width: int) -> Geometry:
        if width <= 2:
            return Geometry(radius=30, row=340, column=420, label_px=21, text_px=16)
        if width <= 4:
            return Geometry(radius=30, row=250, column=420, label_px=21, text_px=16)
        return Geometry(radius=22, row=145, column=360, label_px=15, text_px=13)


class Tag(QGraphicsItem):
    """Lines of coloured text in a rounded box, anchored at one point of the box."""

    def __init__(
        self, font: QFont, anchor: str = "center", colours: DiagramColours = PRINT_DIAGRAM
    ) -> None:
        super().__init__()
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.anchor = anchor  # "center", "top" (grows down), "bottom" (grows up) or "left"
        self.lines: list[tuple[str, QColor]] = []
        self.border = outline(colours.tag_border, 1)
        self.fill = QBrush(colours.tag_fill)
        self.rect = QRectF()

    def set_lines(self, lines: list[tuple[str, QColor]]) -> None:
        if lines == self.lines:
            return
        self.lines = lines
        rect = self._measure()
        if rect != self.rect:
            self.prepareGeometryChange()
            self.rect = rect
        self.update()

    def set_border(self, pen: QPen) -> None:
        if pen != self.border:
            self.border = pen
            self.update()

    def text(self) -> str:
        return "\n".join(text for text, _ in self.lines)

    def _measure(self) -> QRectF:
        if not self.lines:
            return QRectF()
        pad = self.metrics.height() * 0.3
        width = max(self.metrics.horizontalAdvance(t) for t, _ in self.lines) + 2 * pad
        height = self.metrics.height() * len(self.lines) + pad
        top = {"top": 0.0, "bottom": -height}.get(self.anchor, -height / 2)
        left = 0.0 if self.anchor == "left" else -width / 2
        return QRectF(left, top, width, height)

    def boundingRect(self) -> QRectF:
        grow = (
            3 * self.border.widthF()
        )  # a cosmetic border is wider in scene units when fitted small
        return self.rect.adjusted(-grow, -grow, grow, grow)

    def paint(
        self, painter: QPainter, _: QStyleOptionGraphicsItem, __: QWidget | None = None
    ) -> None:
        if not self.lines:
            return
        radius = self.metrics.height() * 0.3
        painter.setPen(self.border)
        painter.setBrush(self.fill)
        painter.drawRoundedRect(self.rect, radius, radius)
        painter.setFont(self.font)
        line_height = self.metrics.height()
        top = self.rect.top() + radius / 2
        for k, (text, colour) in enumerate(self.lines):
            painter.setPen(colour)
            box = QRectF(self.rect.left(), top + k * line_height, self.rect.width(), line_height)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class Edge(QGraphicsItem):
    """A weight's connection: colour for sign, width for magnitude, a glow when in focus."""

    def __init__(self, start: QPointF, end: QPointF) -> None:
        super().__init__()
        self.line = QLineF(start, end)
        # Not cosmetic: an edge's width shows its weight and scales with the figure.
        self.pen = QPen(PRINT_DIAGRAM.positive, 1.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        self.glow: QColor | None = None
        self.max_width = 16.0

    def set_look(self, colour: QColor, width: float, glow: QColor | None) -> None:
        if colour == self.pen.color() and width == self.pen.widthF() and glow == self.glow:
            return
        self.pen.setColor(colour)
        self.pen.setWidthF(width)
        self.glow = glow
        self.update()

    def point_at(self, t: float) -> QPointF:
        return self.line.pointAt(t)

    def boundingRect(self) -> QRectF:
        h = self.max_width / 2
        return QRectF(self.line.p1(), self.line.p2()).normalized().adjusted(-h, -h, h, h)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self.line.p1())
        path.lineTo(self.line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(max(10.0, self.pen.widthF()))
        return stroker.createStroke(path)

    def paint(
        self, painter: QPainter, _: QStyleOptionGraphicsItem, __: QWidget | None = None
    ) -> None:
        if self.glow is not None:
            halo = QPen(self.pen)
            halo.setColor(self.glow)
            halo.setWidthF(self.pen.widthF() + 8)
            painter.setPen(halo)
            painter.drawLine(self.line)
        painter.setPen(self.pen)
        painter.drawLine(self.line)


@dataclass
class NeuronItems:
    circle: QGraphicsEllipseItem
    values: Tag
    layer: int


@dataclass
class ParamItems:
    info: ParamInfo
    tag: Tag
    edge: Edge | None  # None for a bias
    placed: bool = True  # False when the label did not fit: shown only on hover or focus


class NetworkView(QGraphicsView):
    """A textbook figure of the MLP that redraws its numbers from each Snapshot."""

    element_hovered = Signal(str)  # label under the mouse ("" when none)
    element_clicked = Signal(str)  # neuron or parameter label
    weight_edit_requested = Signal(str, float)  # label, new value (after a double-click edit)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.colours = PRINT_DIAGRAM  # the main window's view follows the theme (set_dark)
        self._network: tuple[list[list[str]], list[ParamInfo]] | None = None
        self.setBackgroundBrush(QBrush(self.colours.paper))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setMouseTracking(True)
        self.animation_ms = ANIMATION_MS  # 0 shows updates at once
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.valueChanged.connect(self._on_animation_value)
        self._reset_state()

    def _reset_state(self) -> None:
        self._neurons: dict[str, NeuronItems] = {}
        self._params: dict[str, ParamItems] = {}
        self._loss_tag: Tag | None = None
        self._hover_texts: dict[str, str] = {}
        self._fallback_texts: dict[str, str] = {}
        self._hovered = ""
        self._hover_stale = False
        self._focus: str | None = None
        self._related: set[str] = set()
        self._frozen: set[str] = set()
        self._output_layer = -1
        self._snapshot: Snapshot | None = None
        self._weight_scale = 1.0
        self._animated = ""  # the parameter whose step is being animated
        self._editor: QLineEdit | None = None
        self._editor_proxy: QGraphicsProxyWidget | None = None
        self.edit_message = ""  # why the last edit was refused
        self._zoom = 1.0
        self._halo: QGraphicsRectItem | None = None  # a lesson's pointer; the scene owns it
        self.highlighted = ""

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
        snapshot, highlighted, zoom = self._snapshot, self.highlighted, self._zoom
        transform = self.transform()
        centre = self.mapToScene(self.viewport().rect().center())
        animation_ms, self.animation_ms = self.animation_ms, 0  # no replayed tween
        self.set_network(*self._network)
        if snapshot is not None:
            self.show_snapshot(snapshot)
        self.animation_ms = animation_ms
        if highlighted:
            self.highlight(highlighted)
        if zoom != 1.0:
            self.setTransform(transform)
            self._zoom = zoom
            self.centerOn(centre)
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

    # -- building the scene ----------------------------------------------------------------
    def set_network(self, neurons: list[list[str]], params: Sequence[ParamInfo]) -> None:
        """(Re)build the figure for any layer sizes; values arrive with show_snapshot."""
        self._network = (neurons, list(params))
        self._animation.stop()
        self._close_editor()
        self.scene().clear()
        self._reset_state()
        geometry = Geometry.for_widest(max((len(layer) for layer in neurons), default=1))
        self._output_layer = len(neurons) - 1
        centres = self._neuron_centres(neurons, geometry)
        self._add_neurons(neurons, centres, geometry)
        self._add_params(params, centres, geometry)
        self._add_headings(neurons, centres, geometry)
        if neurons:
            self._add_loss_box(neurons[-1], centres, geometry)
        self._fill_with_samples()
        self._place_edge_labels()
        self.scene().setSceneRect(self.scene().itemsBoundingRect().adjusted(-24, -16, 24, 16))
        self._clear_samples()
        self._fit()

    def _fill_with_samples(self) -> None:
        """Give every tag its fullest text, so layout and bounds leave room for any value."""
        for items in self._neurons.values():
            items.values.set_lines([("net = -0.000000", INK)] * 3)
        for p in self._params.values():
            if p.edge is None:
                p.tag.set_lines([(f"∂E/∂{p.info.label} = -0.000000", INK)] * 2)
        if self._loss_tag is not None:  # its placeholder may be shorter than a loss (translated)
            self._loss_tag.set_lines([("E = -0.000000000", INK)])

    def _clear_samples(self) -> None:
        for items in self._neurons.values():
            items.values.set_lines([])
        for p in self._params.values():
            p.tag.set_lines([(p.info.label, self.colours.ink)])
        self._show_loss(None, False)

    @staticmethod
    def _neuron_centres(neurons: list[list[str]], g: Geometry) -> dict[str, QPointF]:
        centres = {}
        for layer, names in enumerate(neurons):
            for row, name in enumerate(names):
                centres[name] = QPointF(layer * g.column, (row - (len(names) - 1) / 2) * g.row)
        return centres

    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        # Pixels here are scene units, scaled with the figure like its circles; the same size
        # on every device (screen, PNG, SVG, PDF), where a point size would follow its DPI.
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    def _add_neurons(
        self, neurons: list[list[str]], centres: dict[str, QPointF], g: Geometry
    ) -> None:
        for layer, names in enumerate(neurons):
            c = self.colours
            fill = c.output_fill if layer == len(neurons) - 1 else c.neuron_fill
            for name in names:
                self._add_neuron(name, layer, centres[name], fill, g)

    def _add_neuron(self, name: str, layer: int, at: QPointF, fill: QColor, g: Geometry) -> None:
        r = g.radius
        circle = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r)
        circle.setPos(at)
        circle.setBrush(fill)
        circle.setPen(outline(self.colours.ink, 1.6))
        circle.setZValue(2)
        circle.setData(LABEL_KEY, name)
        text = QGraphicsSimpleTextItem(name, circle)
        text.setFont(self._font(g.label_px, bold=True))
        text.setBrush(self.colours.ink)
        box = text.boundingRect()
        text.setPos(-box.width() / 2, -box.height() / 2)
        values = Tag(self._font(g.text_px), anchor="top", colours=self.colours)
        values.setPos(at.x(), at.y() + r + 4)
        values.setZValue(3)
        values.setData(LABEL_KEY, name)
        self.scene().addItem(circle)
        self.scene().addItem(values)
        self._neurons[name] = NeuronItems(circle, values, layer)

    def _add_params(
        self, params: Sequence[ParamInfo], centres: dict[str, QPointF], g: Geometry
    ) -> None:
        for info in params:
            if info.target not in centres:
                continue
            tag = Tag(self._font(g.text_px), anchor="center", colours=self.colours)
            tag.setZValue(3)
            tag.setData(LABEL_KEY, info.label)
            edge = None
            if info.kind == "bias":
                self._attach_bias(tag, centres[info.target], g)
            elif info.source in centres:
                edge = self._add_edge(centres[info.source], centres[info.target], g)
                edge.setData(LABEL_KEY, info.label)
            self.scene().addItem(tag)
            self._params[info.label] = ParamItems(info, tag, edge)
            tag.set_lines([(info.label, self.colours.ink)])

    def _attach_bias(self, tag: Tag, neuron: QPointF, g: Geometry) -> None:
        """A bias sits just above its neuron, joined by a short stub, growing upward."""
        tag.anchor = "bottom"
        bottom = neuron.y() - g.radius - g.text_px * 0.7
        tag.setPos(neuron.x(), bottom)
        stub = self.scene().addLine(
            QLineF(neuron.x(), bottom, neuron.x(), neuron.y() - g.radius),
            outline(self.colours.muted, 1.2),
        )
        stub.setZValue(1)

    def _add_edge(self, start: QPointF, end: QPointF, g: Geometry) -> Edge:
        line = QLineF(start, end)
        trim = g.radius / max(line.length(), 1e-9)
        edge = Edge(line.pointAt(trim), line.pointAt(1 - trim))
        edge.setZValue(0)
        self.scene().addItem(edge)
        return edge

    def _add_headings(
        self, neurons: list[list[str]], centres: dict[str, QPointF], g: Geometry
    ) -> None:
        top = min(c.y() for c in centres.values()) - g.radius - 4.2 * g.text_px - g.label_px
        hidden = len(neurons) - 2
        for layer, names in enumerate(neurons):
            if not names:
                continue
            if layer == 0:
                title = self.tr("input layer")
            elif layer == len(neurons) - 1:
                title = self.tr("output layer")
            elif hidden == 1:
                title = self.tr("hidden layer")
            else:
                title = self.tr("hidden layer {0}").format(layer)
            heading = self.scene().addSimpleText(title, self._font(g.text_px + 1))
            heading.setBrush(self.colours.muted)
            box = heading.boundingRect()
            heading.setPos(centres[names[0]].x() - box.width() / 2, top - box.height())

    def _add_loss_box(self, outputs: list[str], centres: dict[str, QPointF], g: Geometry) -> None:
        if not outputs:
            return
        x = centres[outputs[0]].x() + g.radius + 3 * g.text_px
        self._loss_tag = Tag(
            self._font(g.label_px - 2, bold=True), anchor="left", colours=self.colours
        )
        self._loss_tag.setPos(x, 0)
        self._loss_tag.setZValue(3)
        self.scene().addItem(self._loss_tag)
        pen = outline(self.colours.muted, 1.2, Qt.PenStyle.DashLine)
        for name in outputs:
            c = centres[name]
            self.scene().addLine(QLineF(c.x() + g.radius, c.y(), x, 0), pen).setZValue(0)
        self._show_loss(None, False)

    def _place_edge_labels(self) -> None:
        """Stagger weight labels along their edges so crossing edges keep readable labels.

        A layer whose labels cannot all be placed clear of each other and of the neurons shows
        them only on hover or focus, so that the figure never shows half a layer's labels.
        """
        taken = [items.circle.sceneBoundingRect() for items in self._neurons.values()]
        taken += [items.values.sceneBoundingRect() for items in self._neurons.values()]
        taken += [p.tag.sceneBoundingRect() for p in self._params.values() if p.edge is None]
        layers: dict[int, list[ParamItems]] = {}
        for p in self._params.values():
            if p.edge is not None:
                layers.setdefault(p.info.layer, []).append(p)
        for group in layers.values():
            placed = self._place_layer(group, taken)
            for p in group:
                p.placed = placed
                p.tag.setVisible(placed)

    def _place_layer(self, group: list[ParamItems], taken: list[QRectF]) -> bool:
        """Choose a spot on every edge of one layer, or none when they cannot all be read."""
        sample = self._widest_edge_text(group)
        candidates = []
        for p in group:
            assert p.edge is not None
            p.tag.set_lines(sample)
            preferred = 0.3 if (p.info.row + p.info.col) % 2 == 0 else 0.7
            spots = label_spots(p.edge, p.tag.boundingRect(), preferred)
            candidates.append([r for r in spots if not any(r.intersects(t) for t in taken)])
        chosen = None if len(group) > MAX_LABELLED_EDGES else place_labels(candidates)
        for p, spot in zip(group, chosen or [None] * len(group), strict=True):
            edge = p.edge
            assert edge is not None
            p.tag.setPos(edge.point_at(0.5) if spot is None else spot.center())
        taken += chosen or []
        return chosen is not None

    @staticmethod
    def _widest_edge_text(group: list[ParamItems]) -> list[tuple[str, QColor]]:
        label = max((p.info.label for p in group), key=len)
        return [(f"{label} = -0.0000", INK), (f"∂E/∂{label} = -0.00000", INK)]

    # -- showing a snapshot ----------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Update every number and colour from the snapshot; never rebuilds the scene."""
        self._animation.stop()  # a late animation must not overwrite the new numbers
        self._animated = ""
        self._snapshot = snapshot
        self._focus = snapshot.focus if self._has_item(snapshot.focus) else None
        self._related = self._related_to(snapshot)
        self._update_frozen(snapshot)
        self._weight_scale = self._scale_of(snapshot)
        for name, items in self._neurons.items():
            self._show_neuron(name, items, snapshot)
        for label, p in self._params.items():
            self._show_param(p, snapshot.params.get(label, math.nan), snapshot)
        self._show_loss(snapshot.loss, snapshot.phase == "loss")
        if self._hover_texts:  # the engine's detail described the previous parameters
            self._hover_texts.clear()
            self._hover_stale = True
        self._refresh_tooltips()
        self._start_step_animation(snapshot)

    def _update_frozen(self, snapshot: Snapshot) -> None:
        """A parameter is trained once it shows a gradient, frozen once the optimizer holds
        state for the others but not for it (during step every parameter gets an entry, so
        that snapshot is no evidence either way); the verdict sticks until new evidence."""
        for label in self._params:
            if snapshot.grads.get(label) is not None:
                self._frozen.discard(label)
            elif snapshot.optimizer_state and label not in snapshot.optimizer_state:
                self._frozen.add(label)

    def _has_item(self, label: str | None) -> bool:
        return label is not None and (label in self._neurons or label in self._params)

    def _related_to(self, snapshot: Snapshot) -> set[str]:
        """What the focused element is computed from, by the network's wiring alone.

        Forward: a neuron's incoming weights and bias. Backward: a neuron's δ gathers the
        deltas through its outgoing weights; a parameter's gradient joins its two neurons.
        """
        focus = self._focus
        if focus in self._params:
            info = self._params[focus].info
            return {info.source, info.target}
        if focus is None or snapshot.phase not in ("forward", "backward"):
            return set()
        end = "target" if snapshot.phase == "forward" else "source"
        return {label for label, p in self._params.items() if getattr(p.info, end) == focus}

    def _scale_of(self, snapshot: Snapshot) -> float:
        """The largest finite |weight|: edge widths are relative to the current weights."""
        sizes = [
            abs(snapshot.params[label])
            for label, p in self._params.items()
            if p.edge is not None and label in snapshot.params
        ]
        finite = [s for s in sizes if math.isfinite(s)]
        return max(finite, default=0.0) or 1.0

    def _show_neuron(self, name: str, items: NeuronItems, snapshot: Snapshot) -> None:
        value = snapshot.neurons.get(name)
        delta = snapshot.deltas.get(name)
        items.values.set_lines(self._neuron_lines(items.layer, value, delta))
        in_loss = snapshot.phase == "loss" and items.layer == self._output_layer
        if name == self._focus or in_loss:
            items.circle.setPen(outline(self.colours.focus, 5))
        elif name in self._related:
            items.circle.setPen(outline(self.colours.focus, 3))
        else:
            items.circle.setPen(outline(self.colours.ink, 1.6))
        self._fallback_texts[name] = neuron_detail(name, value, delta)

    def _neuron_lines(
        self, layer: int, value: NeuronValue | None, delta: float | None
    ) -> list[tuple[str, QColor]]:
        lines: list[tuple[str, QColor]] = []
        ink = self.colours.ink
        if value is not None and layer > 0:
            lines.append((self.tr("net = {0}").format(short(value.net)), ink))
        if value is not None:
            lines.append((self.tr("out = {0}").format(short(value.out)), ink))
        if delta is not None:
            lines.append((self.tr("δ = {0}").format(short(delta)), self.colours.backward))
        return lines

    def _show_param(self, p: ParamItems, value: float, snapshot: Snapshot) -> None:
        label = p.info.label
        grad = snapshot.grads.get(label)
        frozen = label in self._frozen
        c = self.colours
        lines = [(f"{label} = {short(value)}", c.frozen if frozen else c.ink)]
        if grad is not None:
            lines.append((f"∂E/∂{label} = {short(grad)}", c.backward))
        elif snapshot.phase == "zero_grad" and not frozen:
            lines.append((self.tr("∂E/∂{0} cleared").format(label), c.muted))
        p.tag.set_lines(lines)
        focused = label == self._focus
        p.tag.setVisible(p.placed or focused or label == self._hovered)
        p.tag.setZValue(5 if focused else 4 if not p.placed else 3)
        colour = edge_colour(value, c)
        p.tag.set_border(self._tag_border(label, colour if p.edge else c.frozen, frozen))
        if p.edge is not None:
            glow = c.focus if focused else c.related if label in self._related else None
            p.edge.set_look(colour, self._edge_width(value), glow)
        self._fallback_texts[label] = self._param_detail(label, value, grad, frozen)

    def _tag_border(self, label: str, colour: QColor, frozen: bool) -> QPen:
        if label == self._focus:
            return outline(self.colours.focus, 3)
        if label in self._related:
            return outline(self.colours.focus, 2)
        if frozen:
            return outline(self.colours.frozen, 1, Qt.PenStyle.DashLine)
        light = QColor(colour)
        light.setAlpha(150)
        return outline(light, 1.2)

    def _param_detail(self, label: str, value: float, grad: float | None, frozen: bool) -> str:
        lines = [f"{label} = {fmt(value)}"]
        if grad is not None:
            lines.append(f"∂E/∂{label} = {fmt(grad)}")
        elif not frozen:
            lines.append(self.tr("∂E/∂{0}: cleared").format(label))
        if frozen:
            lines.append(self.tr("not trained (frozen)"))
        return "\n".join(lines)

    def _edge_width(self, value: float) -> float:
        if not math.isfinite(value):
            return MAX_EDGE_WIDTH
        return min(MAX_EDGE_WIDTH, 0.8 + 5.2 * abs(value) / self._weight_scale)

    def _show_loss(self, loss: float | None, highlighted: bool) -> None:
        if self._loss_tag is None:
            return
        if loss is None:
            self._loss_tag.set_lines([(self.tr("E: not computed yet"), self.colours.muted)])
        else:
            self._loss_tag.set_lines([(f"E = {fmt(loss)}", self.colours.ink)])
        c = self.colours
        self._loss_tag.set_border(outline(c.focus, 4) if highlighted else outline(c.ink, 1.4))

    # -- the step animation ----------------------------------------------------------------
    def _start_step_animation(self, snapshot: Snapshot) -> None:
        """During step the focused parameter slides from its old value to the new one."""
        label = snapshot.focus
        if snapshot.phase != "step" or label not in self._params or self.animation_ms <= 0:
            return
        old, new = snapshot.previous_params.get(label), snapshot.params.get(label)
        if old is None or new is None or old == new or not math.isfinite(old + new):
            return
        self._animated = label
        self._animation.setDuration(self.animation_ms)
        self._animation.setStartValue(float(old))
        self._animation.setEndValue(float(new))
        self._animation.start()

    def _on_animation_value(self, value: object) -> None:
        if self._animated and self._snapshot is not None:
            shown = float(value)  # type: ignore[arg-type]
            self._show_param(self._params[self._animated], shown, self._snapshot)

    def animation_running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    # -- hover text ------------------------------------------------------------------------
    def set_hover_text(self, label: str, text: str) -> None:
        """Detail for one element (the engine's describe); cleared by the next snapshot."""
        self._hover_texts[label] = text
        if label == self._hovered:
            self._hover_stale = False
        self._refresh_tooltip(label)

    def _refresh_tooltips(self) -> None:
        for label in (*self._neurons, *self._params):
            self._refresh_tooltip(label)

    def _refresh_tooltip(self, label: str) -> None:
        text = self._hover_texts.get(label) or self._fallback_texts.get(label, label)
        for item in self._items_of(label):
            item.setToolTip(text)

    def _items_of(self, label: str) -> list[QGraphicsItem]:
        if label in self._neurons:
            return [self._neurons[label].circle, self._neurons[label].values]
        if label in self._params:
            p = self._params[label]
            return [p.tag] if p.edge is None else [p.tag, p.edge]
        return []

    # -- queries for tests and the window --------------------------------------------------
    def element_at_focus(self) -> str | None:
        return self._focus

    def label_text(self, label: str) -> str:
        """The text drawn for a neuron (its name and values) or a parameter (value, gradient)."""
        if label in self._neurons:
            values = self._neurons[label].values.text()
            return f"{label}\n{values}" if values else label
        if label in self._params:
            return self._params[label].tag.text()
        if label == "E" and self._loss_tag is not None:
            return self._loss_tag.text()
        return ""

    def is_labelled(self, label: str) -> bool:
        """Whether a parameter's label is drawn now (crowded layers show it on hover/focus)."""
        return label in self._params and self._params[label].tag.isVisible()

    def labels(self) -> list[str]:
        """Every neuron and parameter label that has an item in the figure."""
        return [*self._neurons, *self._params]

    def scene_pos_of(self, label: str) -> QPointF:
        """Where to point at an element (its neuron centre, edge label or bias tag)."""
        if label in self._neurons:
            return self._neurons[label].circle.scenePos()
        p = self._params[label]
        if p.edge is not None and not p.placed:
            return p.edge.point_at(0.5)
        return p.tag.sceneBoundingRect().center()

    def highlight(self, label: str) -> bool:
        """Ring one neuron, parameter or the loss ("E") until the next call; "" clears it."""
        if self._halo is not None:
            self.scene().removeItem(self._halo)
            self._halo = None
        self.highlighted = ""
        if label == "E" and self._loss_tag is not None:
            rect = self._loss_tag.sceneBoundingRect()
        elif label in self._neurons:
            rect = self._neurons[label].circle.sceneBoundingRect()
        elif label in self._params:
            rect = self._params[label].tag.sceneBoundingRect()
        else:
            return False
        self._halo = QGraphicsRectItem(rect.adjusted(-6, -6, 6, 6))
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
        if label != self._hovered or (label and self._hover_stale):
            self._set_hovered(label)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._set_hovered("")
        super().leaveEvent(event)  # type: ignore[arg-type]

    def _set_hovered(self, label: str) -> None:
        previous, self._hovered = self._hovered, label
        self._hover_stale = False
        for name in (previous, label):  # a label too crowded to show stays hidden until pointed at
            if name in self._params and not self._params[name].placed:
                self._params[name].tag.setVisible(name in (label, self._focus))
        self.element_hovered.emit(label)

    def _on_editor(self, event: QMouseEvent) -> bool:
        proxy = self._editor_proxy
        return proxy is not None and self.itemAt(event.position().toPoint()) is proxy

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._editor is not None and not self._on_editor(event):
            self._close_editor()  # a click elsewhere cancels the edit
        label = self._label_at(event)
        if label and event.button() == Qt.MouseButton.LeftButton:
            self.element_clicked.emit(label)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        label = self._label_at(event)
        if self._on_editor(event):
            super().mouseDoubleClickEvent(event)
        elif label in self._params:
            self.edit_element(label)
        elif not label:
            self._fit()  # double-click on empty paper: back to the whole figure
        else:
            super().mouseDoubleClickEvent(event)

    # -- inline editing --------------------------------------------------------------------
    def edit_element(self, label: str) -> None:
        """Open a small editor on a weight or bias; Enter submits, Escape cancels."""
        if label not in self._params:
            return
        self._close_editor()
        p = self._params[label]
        editor = QLineEdit()
        editor.setFont(p.tag.font)
        value = self._snapshot.params.get(label) if self._snapshot else None
        editor.setText("" if value is None else fmt(value))
        editor.selectAll()
        editor.setToolTip(self.tr("New value for {0}; Enter applies, Escape cancels").format(label))
        editor.returnPressed.connect(lambda: self._submit_edit(label, editor.text()))
        editor.installEventFilter(self)
        proxy = self.scene().addWidget(editor)
        proxy.setZValue(10)
        box = p.tag.sceneBoundingRect()
        proxy.resize(max(box.width(), 120), proxy.size().height())
        proxy.setPos(box.center().x() - proxy.size().width() / 2, box.top())
        self._editor, self._editor_proxy = editor, proxy
        editor.setFocus()

    @property
    def editor(self) -> QLineEdit | None:
        return self._editor

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self._editor
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self._close_editor()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _submit_edit(self, label: str, text: str) -> bool:
        """Emit the request for a finite number; anything else is refused with a message."""
        value = parse_number(text)
        if value is None:
            self._refuse_edit(text)
            return False
        self._close_editor()
        self.weight_edit_requested.emit(label, value)
        return True

    def _refuse_edit(self, text: str) -> None:
        message = self.tr("“{0}” is not a finite number: type e.g. 0.25 or -1e-3").format(text)
        if self._editor is not None:
            self._editor.setStyleSheet("QLineEdit { border: 2px solid #d9572b; }")
            tip = plain_tooltip(message)  # the message quotes what was typed
            self._editor.setToolTip(tip)
            where = self._editor.mapToGlobal(self._editor.rect().bottomLeft())
            QToolTip.showText(where, tip, self._editor)
        self.edit_message = message

    def _close_editor(self) -> None:
        if self._editor_proxy is not None:
            self._editor_proxy.setWidget(None)
            self.scene().removeItem(self._editor_proxy)
            self._editor.deleteLater()  # type: ignore[union-attr]
        self._editor, self._editor_proxy = None, None

    # -- fitting and zoom -----------------------------------------------------------------
    def _fit(self) -> None:
        """The whole figure, aspect kept; the wheel zooms from here, a resize comes back."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom = 1.0
        self.setDragMode(QGraphicsView.DragMode.NoDrag)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        zoom = min(ZOOM_LIMIT, max(1.0, self._zoom * 1.15**steps))
        if zoom == 1.0:
            self._fit()
        elif zoom != self._zoom:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            self.scale(zoom / self._zoom, zoom / self._zoom)
            self._zoom = zoom
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()
