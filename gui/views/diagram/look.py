"""The figure's look for one Snapshot: its numbers, the focus and what it is computed from,
frozen parameters, and edge colours and widths relative to the current weights.

The look sets texts, pens and visibility on items the figure already has; it never adds any.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from engine.core.snapshot import NeuronValue, Snapshot
from engine.models.chain_rule import fmt
from gui.theme import PRINT_DIAGRAM, DiagramColours
from gui.views.diagram.items import Figure, Lines, NeuronItems, ParamItems, Tag, outline
from gui.views.diagram.text import neuron_detail, param_detail, short, tr

MAX_EDGE_WIDTH = 6.0


def edge_colour(value: float, colours: DiagramColours = PRINT_DIAGRAM) -> QColor:
    if not math.isfinite(value) or value == 0:
        return colours.muted
    return colours.positive if value > 0 else colours.negative


def show_loss(tag: Tag | None, loss: float | None, highlighted: bool, c: DiagramColours) -> None:
    """The loss box: E once computed, thick while the loss micro-step is shown."""
    if tag is None:
        return
    if loss is None:
        tag.set_lines([(tr("E: not computed yet"), c.muted)])
    else:
        tag.set_lines([(f"E = {fmt(loss)}", c.ink)])
    tag.set_border(outline(c.focus, 4) if highlighted else outline(c.ink, 1.4))


class SnapshotLook:
    """Redraws every element of one figure from each Snapshot; `details` keeps each element's
    tooltip in full precision until the engine's own description arrives."""

    def __init__(self, figure: Figure, colours: DiagramColours) -> None:
        self.figure = figure
        self.colours = colours
        self.focus: str | None = None
        self.related: set[str] = set()
        self.frozen: set[str] = set()
        self.details: dict[str, str] = {}
        self._weight_scale = 1.0

    def show(self, snapshot: Snapshot, hovered: str) -> None:
        """Every number and colour from the snapshot; `hovered` keeps its crowded tag shown."""
        figure = self.figure
        self.focus = snapshot.focus if figure.has(snapshot.focus) else None
        self.related = self._related_to(snapshot)
        self._update_frozen(snapshot)
        self._weight_scale = self._scale_of(snapshot)
        for name, items in figure.neurons.items():
            self._show_neuron(name, items, snapshot)
        for label, p in figure.params.items():
            self.show_param(p, snapshot.params.get(label, math.nan), snapshot, hovered)
        show_loss(figure.loss_tag, snapshot.loss, snapshot.phase == "loss", self.colours)

    def _update_frozen(self, snapshot: Snapshot) -> None:
        """A parameter is trained once it shows a gradient, frozen once the optimizer holds
        state for the others but not for it (during step every parameter gets an entry, so
        that snapshot is no evidence either way); the verdict sticks until new evidence."""
        for label in self.figure.params:
            if snapshot.grads.get(label) is not None:
                self.frozen.discard(label)
            elif snapshot.optimizer_state and label not in snapshot.optimizer_state:
                self.frozen.add(label)

    def _related_to(self, snapshot: Snapshot) -> set[str]:
        """What the focused element is computed from, by the network's wiring alone.

        Forward: a neuron's incoming weights and bias. Backward: a neuron's δ gathers the
        deltas through its outgoing weights; a parameter's gradient joins its two neurons.
        """
        focus, params = self.focus, self.figure.params
        if focus in params:
            info = params[focus].info
            return {info.source, info.target}
        if focus is None or snapshot.phase not in ("forward", "backward"):
            return set()
        end = "target" if snapshot.phase == "forward" else "source"
        return {label for label, p in params.items() if getattr(p.info, end) == focus}

    def _scale_of(self, snapshot: Snapshot) -> float:
        """The largest finite |weight|: edge widths are relative to the current weights."""
        sizes = [
            abs(snapshot.params[label])
            for label, p in self.figure.params.items()
            if p.edge is not None and label in snapshot.params
        ]
        finite = [s for s in sizes if math.isfinite(s)]
        return max(finite, default=0.0) or 1.0

    def _show_neuron(self, name: str, items: NeuronItems, snapshot: Snapshot) -> None:
        value = snapshot.neurons.get(name)
        delta = snapshot.deltas.get(name)
        items.values.set_lines(self._neuron_lines(items.layer, value, delta))
        in_loss = snapshot.phase == "loss" and items.layer == self.figure.output_layer
        if name == self.focus or in_loss:
            items.circle.setPen(outline(self.colours.focus, 5))
        elif name in self.related:
            items.circle.setPen(outline(self.colours.focus, 3))
        else:
            items.circle.setPen(outline(self.colours.ink, 1.6))
        self.details[name] = neuron_detail(name, value, delta)

    def _neuron_lines(self, layer: int, value: NeuronValue | None, delta: float | None) -> Lines:
        lines: Lines = []
        ink = self.colours.ink
        if value is not None and layer > 0:
            lines.append((tr("net = {0}").format(short(value.net)), ink))
        if value is not None:
            lines.append((tr("out = {0}").format(short(value.out)), ink))
        if delta is not None:
            lines.append((tr("δ = {0}").format(short(delta)), self.colours.backward))
        return lines

    def show_param(self, p: ParamItems, value: float, snapshot: Snapshot, hovered: str) -> None:
        """One parameter at `value` (the snapshot's, or one on the way during the step tween)."""
        label = p.info.label
        grad = snapshot.grads.get(label)
        frozen = label in self.frozen
        c = self.colours
        lines = [(f"{label} = {short(value)}", c.frozen if frozen else c.ink)]
        if grad is not None:
            lines.append((f"∂E/∂{label} = {short(grad)}", c.backward))
        elif snapshot.phase == "zero_grad" and not frozen:
            lines.append((tr("∂E/∂{0} cleared").format(label), c.muted))
        p.tag.set_lines(lines)
        focused = label == self.focus
        p.tag.setVisible(p.placed or focused or label == hovered)
        p.tag.setZValue(5 if focused else 4 if not p.placed else 3)
        colour = edge_colour(value, c)
        p.tag.set_border(self._tag_border(label, colour if p.edge else c.frozen, frozen))
        if p.edge is not None:
            glow = c.focus if focused else c.related if label in self.related else None
            p.edge.set_look(colour, self._edge_width(value), glow)
        self.details[label] = param_detail(label, value, grad, frozen)

    def _tag_border(self, label: str, colour: QColor, frozen: bool) -> QPen:
        if label == self.focus:
            return outline(self.colours.focus, 3)
        if label in self.related:
            return outline(self.colours.focus, 2)
        if frozen:
            return outline(self.colours.frozen, 1, Qt.PenStyle.DashLine)
        light = QColor(colour)
        light.setAlpha(150)
        return outline(light, 1.2)

    def _edge_width(self, value: float) -> float:
        if not math.isfinite(value):
            return MAX_EDGE_WIDTH
        return min(MAX_EDGE_WIDTH, 0.8 + 5.2 * abs(value) / self._weight_scale)
