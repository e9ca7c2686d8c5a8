"""The data on the diagram and the what-if preview of an edit.

Each output's target is drawn beside it ("target 0.01"); an input (its neuron) and a target
can be edited like a weight. After an edit between iterations the engine's forward pass with
the new value arrives as a ForwardPreview: its outs and E are drawn faint, marked as a preview,
until the run is stepped (the next Snapshot of another position clears it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from engine.core.snapshot import Snapshot
from engine.models.chain_rule import fmt
from engine.models.data_labels import INPUTS, TARGETS, data_label
from engine.models.forward_preview import ForwardPreview
from gui.plain_text import plain_tooltip
from gui.theme import DiagramColours
from gui.views.diagram.items import LABEL_KEY, Figure, Lines, Tag, outline
from gui.views.diagram.text import short, tr

PREVIEW_ALPHA = 125  # of 255: faint, yet readable on either theme's paper


def target_text(value: float | None) -> str:
    """What the tag beside an output says: its target in full precision."""
    return tr("target") if value is None else tr("target {0}").format(fmt(value))


def preview_note() -> str:
    """The line under a previewed E: it is not the run's loss until the run is stepped."""
    return tr("preview: until stepped")


class DataTags:
    """The first sample's inputs and targets as drawn, and the preview shown over a Snapshot."""

    def __init__(self, figure: Figure, colours: DiagramColours) -> None:
        self.figure = figure
        self.colours = colours
        self.inputs: dict[str, float] = {}  # input neuron -> value (first sample)
        self.targets: dict[str, float] = {}  # output neuron -> target (first sample)
        self.preview: ForwardPreview | None = None

    # -- the data ----------------------------------------------------------------------------
    def set_data(self, inputs: dict[str, float], targets: dict[str, float]) -> None:
        self.inputs, self.targets = dict(inputs), dict(targets)
        for name, tag in self.figure.targets.items():
            value = self.targets.get(name)
            tag.set_lines([(target_text(value), self.colours.ink)])
            tip = tr("The target of {0}: E compares out_{0} with it. Double-click to edit.")
            tag.setToolTip(plain_tooltip(tip.format(name)))

    def label_of(self, item_label: str) -> str | None:
        """The data label a clicked item edits: an input neuron's or a target tag's."""
        if item_label in self.inputs:
            return data_label(INPUTS, 0, item_label)
        for name, tag in self.figure.targets.items():
            if tag.data(LABEL_KEY) == item_label:
                return data_label(TARGETS, 0, name)
        return None

    def value_of(self, label: str) -> float | None:
        if label in self.inputs:
            return self.inputs[label]
        for name in self.figure.targets:
            if data_label(TARGETS, 0, name) == label:
                return self.targets.get(name)
        return None

    def tag_of(self, label: str) -> Tag | None:
        """Where the editor opens: over an input's values, or over a target's tag."""
        if label in self.inputs and label in self.figure.neurons:
            return self.figure.neurons[label].values
        for name, tag in self.figure.targets.items():
            if data_label(TARGETS, 0, name) == label:
                return tag
        return None

    def target_text(self, output: str) -> str:
        tag = self.figure.targets.get(output)
        return "" if tag is None else tag.text()

    # -- the preview -------------------------------------------------------------------------
    def set_preview(self, preview: ForwardPreview | None) -> None:
        self.preview = preview

    def show_preview(self, snapshot: Snapshot | None) -> bool:
        """Draw the preview over `snapshot` when it belongs to that position; True if shown."""
        preview = self.preview
        if preview is None or snapshot is None or preview.tick != snapshot.tick:
            return False
        faint = QColor(self.colours.ink)
        faint.setAlpha(PREVIEW_ALPHA)
        for name, items in self.figure.neurons.items():
            value = preview.neurons.get(name)
            if value is None or items.layer == 0:
                continue
            lines: Lines = [
                (tr("net = {0}").format(short(value.net)), faint),
                (tr("out = {0}").format(short(value.out)), faint),
            ]
            items.values.set_lines(lines)
        if self.figure.loss_tag is not None:
            self.figure.loss_tag.set_lines(
                [(f"E = {fmt(preview.loss)}", faint), (preview_note(), faint)]
            )
            self.figure.loss_tag.set_border(outline(faint, 1.4, Qt.PenStyle.DashLine))
        return True
