"""Which diagram a network gets: the textbook figure, or layers as columns when it is wide.

The rule is engine.models.diagram_scale.needs_layer_columns; this holds both views in one
stack and hands each new network and Snapshot to the one on show (the hidden one is not
drawn: the figure of a 650-parameter network costs seconds to build and ~10 ms a Snapshot).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGraphicsScene, QStackedWidget, QWidget

from engine.core.snapshot import Snapshot
from engine.models.diagram_scale import needs_layer_columns
from engine.models.parameters import ParamInfo
from gui.theme import DiagramColours
from gui.views.layer_columns_view import LayerColumnsView
from gui.views.network_view import NetworkView


class DiagramSwitch(QStackedWidget):
    """`view` (the textbook figure) or `columns` (layers as columns), one at a time."""

    def __init__(self, view: NetworkView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.columns = LayerColumnsView()
        self.columns.element_clicked.connect(view.element_clicked)  # the window explains it
        self.addWidget(view)
        self.addWidget(self.columns)
        self._picture = QGraphicsScene(self)  # the columns for Export: widgets are no items

    @property
    def wide(self) -> bool:
        return self.currentWidget() is self.columns

    def set_network(
        self,
        neurons: Sequence[Sequence[str]],
        params: Sequence[ParamInfo],
        activations: Sequence[str] = (),
    ) -> None:
        if needs_layer_columns(tuple(len(column) for column in neurons)):
            self.view.clear_figure()
            self.columns.set_network(neurons, params, activations)
            self.setCurrentWidget(self.columns)
            self.view.export_stand_in = self.columns_picture
        else:
            self.view.export_stand_in = None
            self.columns.set_network([], [], ())
            self.view.set_network([list(c) for c in neurons], params, activations)
            self.setCurrentWidget(self.view)

    def columns_picture(self) -> QGraphicsScene:
        """The layer columns as drawn now, as a picture in a scene (Export writes scenes)."""
        self._picture.clear()
        self._picture.addPixmap(self.columns.grab())
        return self._picture

    def show_snapshot(self, snapshot: Snapshot) -> None:
        (self.columns if self.wide else self.view).show_snapshot(snapshot)

    def set_colours(self, colours: DiagramColours) -> None:
        self.columns.set_colours(colours)
