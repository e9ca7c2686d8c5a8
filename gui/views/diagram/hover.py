"""What the pointer shows: each element's tooltip, and the crowded label under the pointer.

A tooltip is the engine's description of the element once the window has asked for it, else
the look's full-precision numbers; a new Snapshot makes the engine's descriptions stale. The
engine describes only what the micro-steps have revealed (and says when the rest appears); the
loss box "E" is an element too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from gui.views.diagram.items import LABEL_KEY, Figure
from gui.views.diagram.text import tr

LOSS_LABEL = "E"


class Hover:
    """The hovered label and the tooltips of one figure."""

    def __init__(self, figure: Figure, details: dict[str, str]) -> None:
        self.figure = figure
        self.details = details  # the look's texts, updated by it with every Snapshot
        self.hovered = ""
        self.stale = False  # the engine's text for the hovered element predates the Snapshot
        self._texts: dict[str, str] = {}  # the engine's descriptions
        if figure.loss_tag is not None:  # the pointer names the loss box, as it does neurons
            figure.loss_tag.setData(LABEL_KEY, LOSS_LABEL)

    def wants(self, label: str) -> bool:
        """Whether pointing at `label` should (again) say so: it is new, or its text stale."""
        return label != self.hovered or bool(label and self.stale)

    def point_at(self, label: str, focus: str | None) -> None:
        """Hover `label` ("" for none): a label too crowded to show stays hidden until then."""
        previous, self.hovered = self.hovered, label
        self.stale = False
        params = self.figure.params
        for name in (previous, label):
            if name in params and not params[name].placed:
                params[name].tag.setVisible(name in (label, focus))

    def set_text(self, label: str, text: str) -> None:
        """The engine's detail for one element, kept until the next Snapshot."""
        self._texts[label] = text
        if label == self.hovered:
            self.stale = False
        self._refresh(label)

    def snapshot_shown(self) -> None:
        """The engine's details described the previous numbers: forget them, show the look's."""
        if self._texts:
            self._texts.clear()
            self.stale = True
        for label in [*self.figure.labels(), LOSS_LABEL]:
            self._refresh(label)

    def _refresh(self, label: str) -> None:
        text = self._texts.get(label) or self.details.get(label) or self._fallback(label)
        for item in self._items_of(label):
            item.setToolTip(text)

    def _items_of(self, label: str) -> list[QGraphicsItem]:
        if label == LOSS_LABEL:
            tag = self.figure.loss_tag
            return [] if tag is None else [tag]
        return self.figure.items_of(label)

    def _fallback(self, label: str) -> str:
        """Until the engine's description arrives: the loss box says what it will hold."""
        if label == LOSS_LABEL:
            return tr("E: the loss of this iteration's forward pass")
        return label
