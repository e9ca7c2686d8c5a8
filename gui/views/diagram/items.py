"""The diagram's graphics items: a text tag, a weight's edge, and what one element is made of.

Tag and Edge draw themselves (paint and boundingRect); the view only sets their looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from engine.models.parameters import ParamInfo
from gui.theme import PRINT_DIAGRAM, DiagramColours

LABEL_KEY = 0  # QGraphicsItem.data key holding the element label

Lines = list[tuple[str, QColor]]  # a tag's text, one coloured line each


def outline(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A cosmetic pen: outlines keep their width in screen pixels at any zoom and scale."""
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    return pen


class Tag(QGraphicsItem):
    """Lines of coloured text in a rounded box, anchored at one point of the box."""

    def __init__(
        self, font: QFont, anchor: str = "center", colours: DiagramColours = PRINT_DIAGRAM
    ) -> None:
        super().__init__()
        self.font = font
        self.metrics = QFontMetricsF(font)
        # "center", "top" (grows down), "bottom" (grows up), "left" or "right" (grows leftward)
        self.anchor = anchor
        self.lines: Lines = []
        self.border = outline(colours.tag_border, 1)
        self.fill = QBrush(colours.tag_fill)
        self.rect = QRectF()

    def set_lines(self, lines: Lines) -> None:
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
        left = {"left": 0.0, "right": -width}.get(self.anchor, -width / 2)
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


@dataclass
class Figure:
    """Every item of one built figure, found by its element's label."""

    neurons: dict[str, NeuronItems] = field(default_factory=dict)
    params: dict[str, ParamItems] = field(default_factory=dict)
    loss_tag: Tag | None = None
    output_layer: int = -1
    targets: dict[str, Tag] = field(default_factory=dict)  # output neuron -> its target
    min_text_px: float = 0.0  # the smallest font in the figure, in scene units

    def labels(self) -> list[str]:
        return [*self.neurons, *self.params]

    def has(self, label: str | None) -> bool:
        return label is not None and (label in self.neurons or label in self.params)

    def items_of(self, label: str) -> list[QGraphicsItem]:
        """The items that show one element (and carry its tooltip)."""
        if label in self.neurons:
            return [self.neurons[label].circle, self.neurons[label].values]
        if label in self.params:
            p = self.params[label]
            return [p.tag] if p.edge is None else [p.tag, p.edge]
        return []
