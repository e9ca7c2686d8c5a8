"""Building the figure: a textbook drawing of any MLP, every element an item in a scene.

The builder fills each tag with its longest text while laying out, so that the scene's bounds
and the weight labels' spots leave room for any value a Snapshot will bring.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsScene, QGraphicsSimpleTextItem

from engine.models.data_labels import TARGETS, data_label
from engine.models.parameters import ParamInfo
from gui.theme import PRINT_DIAGRAM, DiagramColours
from gui.views.diagram.data_tags import preview_note, target_text
from gui.views.diagram.items import (
    LABEL_KEY,
    Edge,
    Figure,
    Lines,
    NeuronItems,
    ParamItems,
    Tag,
    outline,
)
from gui.views.diagram.layout import (
    BIAS_LIFT,
    Geometry,
    headings_top,
    label_spots,
    neuron_centres,
    place_labels,
    preferred_spot,
)
from gui.views.diagram.look import show_loss
from gui.views.diagram.text import layer_heading

INK = PRINT_DIAGRAM.ink  # sample text that sizes the layout; shown colours follow the theme
SCENE_MARGIN = (24.0, 16.0)  # paper around the figure, in scene units
TAG_BORDER = 4.0  # a tag's border and a focus outline around it, in scene units


def build_figure(
    scene: QGraphicsScene,
    neurons: list[list[str]],
    params: Sequence[ParamInfo],
    colours: DiagramColours,
    font: QFont,
    activations: Sequence[str] = (),
) -> Figure:
    """Add the figure for these layers to an empty scene; values arrive with a Snapshot.

    `activations`, one per layer after the input, are named in the layers' headings."""
    return FigureBuilder(scene, colours, font).build(neurons, params, activations)


class FigureBuilder:
    """Adds neurons, edges, tags, headings and the loss box to one scene, in one size."""

    def __init__(self, scene: QGraphicsScene, colours: DiagramColours, font: QFont) -> None:
        self.scene = scene
        self.colours = colours
        self.base_font = font
        self.figure = Figure()

    def build(
        self,
        neurons: list[list[str]],
        params: Sequence[ParamInfo],
        activations: Sequence[str] = (),
    ) -> Figure:
        g = self._geometry(max((len(layer) for layer in neurons), default=1))
        self.figure.output_layer = len(neurons) - 1
        self.figure.min_text_px = g.text_px
        places = neuron_centres(neurons, g)
        centres = {name: QPointF(x, y) for name, (x, y) in places.items()}
        self._add_neurons(neurons, centres, g)
        self._add_params(params, centres, g)
        self._add_headings(neurons, centres, headings_top(places, g), g, activations)
        self._fill_with_samples()  # the loss box finds room among tags at their fullest
        if neurons:  # a test function has no inputs, so no data and no targets
            self._add_loss_box(neurons[-1], centres, g, with_targets=bool(neurons[0]))
        self._place_edge_labels()
        dx, dy = SCENE_MARGIN
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-dx, -dy, dx, dy))
        self._clear_samples()
        return self.figure

    def _geometry(self, widest: int) -> Geometry:
        """The sizes for this width, with rows spaced for the fonts' real line heights."""
        g = Geometry.for_widest(widest)
        metrics = QFontMetricsF(self._font(g.text_px))
        pad = metrics.height() * 0.3  # as a Tag pads its lines
        bias, values = 2 * metrics.height() + pad, 3 * metrics.height() + pad
        return g.with_room(bias + TAG_BORDER, values + TAG_BORDER)

    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.base_font)
        # Pixels here are scene units, scaled with the figure like its circles; the same size
        # on every device (screen, PNG, SVG, PDF), where a point size would follow its DPI.
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    # -- samples: the longest texts, while laying out ----------------------------------------
    def _fill_with_samples(self) -> None:
        """Give every tag its fullest text, so layout and bounds leave room for any value."""
        figure = self.figure
        for items in figure.neurons.values():
            items.values.set_lines([("net = -0.000000", INK)] * 3)
        for p in figure.params.values():
            if p.edge is None:
                p.tag.set_lines([(f"∂E/∂{p.info.label} = -0.000000", INK)] * 2)

    def _clear_samples(self) -> None:
        for items in self.figure.neurons.values():
            items.values.set_lines([])
        for p in self.figure.params.values():
            p.tag.set_lines([(p.info.label, self.colours.ink)])
        for tag in self.figure.targets.values():
            tag.set_lines([(target_text(None), self.colours.muted)])
        show_loss(self.figure.loss_tag, None, False, self.colours)

    # -- neurons, parameters, headings, loss -------------------------------------------------
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
        self.scene.addItem(circle)
        self.scene.addItem(values)
        self.figure.neurons[name] = NeuronItems(circle, values, layer)

    def _add_params(
        self, params: Sequence[ParamInfo], centres: dict[str, QPointF], g: Geometry
    ) -> None:
        # A test function's coordinates feed its node without an edge: stacked beside it.
        loose = [p for p in params if p.kind != "bias" and p.source not in centres]
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
            else:
                self._attach_coordinate(tag, centres[info.target], loose.index(info), len(loose), g)
            self.scene.addItem(tag)
            self.figure.params[info.label] = ParamItems(info, tag, edge)
            tag.set_lines([(info.label, self.colours.ink)])

    def _attach_bias(self, tag: Tag, neuron: QPointF, g: Geometry) -> None:
        """A bias sits just above its neuron (left of it in a crowded layer, where the rows
        are close), joined by a short stub."""
        lift = g.text_px * BIAS_LIFT
        if g.bias_beside:
            tag.anchor = "right"
            end = QPointF(neuron.x() - g.radius - lift, neuron.y())
            touch = QPointF(neuron.x() - g.radius, neuron.y())
        else:
            tag.anchor = "bottom"
            end = QPointF(neuron.x(), neuron.y() - g.radius - lift)
            touch = QPointF(neuron.x(), neuron.y() - g.radius)
        tag.setPos(end)
        stub = self.scene.addLine(QLineF(end, touch), outline(self.colours.muted, 1.2))
        stub.setZValue(1)

    def _attach_coordinate(
        self, tag: Tag, node: QPointF, index: int, count: int, g: Geometry
    ) -> None:
        """Left of the function's node, one under another (each tag holds two lines), clear of
        the node's own values below it."""
        tag.anchor = "right"
        step = 4.0 * g.text_px  # a two-line tag, highlighted, with room between
        bottom = node.y() + 0.9 * g.radius  # the node's values start just below its circle
        centre = bottom - (count - 1 - index) * step - step / 2
        tag.setPos(node.x() - g.radius - 1.5 * g.text_px, centre)

    def _add_edge(self, start: QPointF, end: QPointF, g: Geometry) -> Edge:
        line = QLineF(start, end)
        trim = g.radius / max(line.length(), 1e-9)
        edge = Edge(line.pointAt(trim), line.pointAt(1 - trim))
        edge.setZValue(0)
        self.scene.addItem(edge)
        return edge

    def _add_headings(
        self,
        neurons: list[list[str]],
        centres: dict[str, QPointF],
        top: float,
        g: Geometry,
        activations: Sequence[str],
    ) -> None:
        for layer, names in enumerate(neurons):
            if not names:
                continue
            activation = activations[layer - 1] if 0 < layer <= len(activations) else ""
            title = layer_heading(layer, len(neurons), activation)
            heading = self.scene.addSimpleText(title, self._font(g.text_px + 1))
            heading.setBrush(self.colours.muted)
            box = heading.boundingRect()
            heading.setPos(centres[names[0]].x() - box.width() / 2, top - box.height())

    def _add_loss_box(
        self, outputs: list[str], centres: dict[str, QPointF], g: Geometry, with_targets: bool
    ) -> None:
        """Each output's target beside it, then the loss box they all feed, joined by dashes:
        between the targets where there is room (a narrower figure), else right of them."""
        if not outputs:
            return
        targets = [self._add_target(name, centres[name], g) for name in outputs if with_targets]
        tag = Tag(self._font(g.label_px - 2, bold=True), anchor="left", colours=self.colours)
        # Sized for its fullest text, a translated placeholder may be shorter than a loss.
        tag.set_lines(loss_sample())
        tag.setZValue(3)
        pen = outline(self.colours.muted, 1.2, Qt.PenStyle.DashLine)
        starts = [QPointF(centres[name].x() + g.radius, centres[name].y()) for name in outputs]
        between = self._room_between(tag, targets)
        self.scene.addItem(tag)
        self.figure.loss_tag = tag
        if between is not None:
            tag.setPos(between)
            for start, target in zip(starts, targets, strict=True):
                # Under the word "target", however long the value an edit gives it.
                middle = QPointF(target.x() + 3 * g.text_px, target.y())
                self.scene.addLine(QLineF(start, middle), pen).setZValue(0)
                self.scene.addLine(QLineF(middle, QPointF(middle.x(), 0)), pen).setZValue(0)
        else:
            # Each output's dashes run behind its target tag, then on to E.
            ends = [QPointF(t.sceneBoundingRect().right(), t.y()) for t in targets] or starts
            x = max(end.x() for end in ends) + (2 if targets else 3) * g.text_px
            tag.setPos(x, 0)
            for start, end in zip(starts, ends, strict=True):
                if end != start:
                    self.scene.addLine(QLineF(start, end), pen).setZValue(0)
                self.scene.addLine(QLineF(end, QPointF(x, 0)), pen).setZValue(0)

    def _room_between(self, tag: Tag, targets: list[Tag]) -> QPointF | None:
        """Where the loss box sits in the targets' column, on the axis, if nothing is there."""
        if len(targets) < 2:
            return None
        at = QPointF(min(t.x() for t in targets), 0)
        room = tag.boundingRect().translated(at)
        room.adjust(-TAG_BORDER, -2 * TAG_BORDER, TAG_BORDER, 2 * TAG_BORDER)
        # Weight labels are not placed yet: they find their spots around the loss box later.
        unplaced = [p.tag for p in self.figure.params.values() if p.edge is not None]
        in_the_way = [i for i in self.scene.items(room) if not any(i is t for t in unplaced)]
        return None if in_the_way else at

    def _add_target(self, output: str, at: QPointF, g: Geometry) -> Tag:
        """The output's target just right of its neuron, sized for the longest value."""
        tag = Tag(self._font(g.text_px), anchor="left", colours=self.colours)
        tag.setPos(at.x() + g.radius + 0.6 * g.text_px, at.y())
        tag.setZValue(3)
        tag.setData(LABEL_KEY, data_label(TARGETS, 0, output))
        tag.set_lines([(target_text(-0.123456789), INK)])  # the widest a target gets
        self.scene.addItem(tag)
        self.figure.targets[output] = tag
        return tag

    # -- weight labels ------------------------------------------------------------------------
    def _place_edge_labels(self) -> None:
        """Stagger weight labels along their edges so crossing edges keep readable labels.

        A layer whose labels cannot all be placed clear of each other and of the neurons shows
        them only on hover or focus, so that the figure never shows half a layer's labels.
        """
        neurons, params = self.figure.neurons.values(), self.figure.params.values()
        taken = [items.circle.sceneBoundingRect() for items in neurons]
        taken += [items.values.sceneBoundingRect() for items in neurons]
        taken += [p.tag.sceneBoundingRect() for p in params if p.edge is None]
        data = [*self.figure.targets.values(), self.figure.loss_tag]
        taken += [tag.sceneBoundingRect() for tag in data if tag is not None]
        layers: dict[int, list[ParamItems]] = {}
        for p in params:
            if p.edge is not None:
                layers.setdefault(p.info.layer, []).append(p)
        for group in layers.values():
            placed = self._place_layer(group, taken)
            for p in group:
                p.placed = placed
                p.tag.setVisible(placed)

    def _place_layer(self, group: list[ParamItems], taken: list[QRectF]) -> bool:
        """Choose a spot on every edge of one layer, or none when they cannot all be read."""
        sample = widest_edge_text(group)
        candidates = []
        for p in group:
            assert p.edge is not None
            p.tag.set_lines(sample)
            preferred = preferred_spot(p.info.row, p.info.col)
            spots = label_spots(p.edge.line, p.tag.boundingRect(), preferred)
            candidates.append([r for r in spots if not any(r.intersects(t) for t in taken)])
        chosen = place_labels(candidates)
        for p, spot in zip(group, chosen or [None] * len(group), strict=True):
            edge = p.edge
            assert edge is not None
            p.tag.setPos(edge.point_at(0.5) if spot is None else spot.center())
        taken += chosen or []
        return chosen is not None


def loss_sample() -> Lines:
    """The fullest the loss box gets: a loss in full precision over the preview's note."""
    return [("E = -0.000000000", INK), (preview_note(), INK)]


def widest_edge_text(group: list[ParamItems]) -> Lines:
    """The longest a weight label of this layer can get: its layout is sized by this."""
    label = max((p.info.label for p in group), key=len)
    return [(f"{label} = -0.0000", INK), (f"∂E/∂{label} = -0.00000", INK)]
