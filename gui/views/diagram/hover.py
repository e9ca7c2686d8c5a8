"""What the pointer shows: each element's tooltip, and the crowded label under the pointer.

A tooltip is the engine's description of the element once the window has asked for it, else
the look's full-precision numbers; a new Snapshot makes the engine's descriptions stale.
"""

from __future__ import annotations

from gui.views.diagram.items import Figure


class Hover:
    """The hovered label and the tooltips of one figure."""

    def __init__(self, figure: Figure, details: dict[str, str]) -> None:
        self.figure = figure
        self.details = details  # the look's texts, updated by it with every Snapshot
        self.hovered = ""
        self.stale = False  # the engine's text for the hovered element predates the Snapshot
        self._texts: dict[str, str] = {}  # the engine's descriptions

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
        for label in self.figure.labels():
            self._refresh(label)

    def _refresh(self, label: str) -> None:
        text = self._texts.get(label) or self.details.get(label, label)
        for item in self.figure.items_of(label):
            item.setToolTip(text)
