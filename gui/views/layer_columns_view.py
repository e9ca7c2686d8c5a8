"""Layers as columns: the diagram for networks too wide for one circle per neuron.

Columns alternate between a layer's activations for the current sample and the weight matrix
that feeds the next layer, drawn as a heatmap; under each heatmap its colour range and its
gradient norms. The phase's focus is framed; a click on a neuron (a heatmap row or an activation
cell) zooms into its incoming weights. Every number is read from the Snapshot (see
gui.views.layer_columns.reading); a Snapshot only updates arrays in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from engine.core.snapshot import Snapshot
from engine.models.parameters import ParamInfo
from gui.theme import PRINT_DIAGRAM, DiagramColours
from gui.views.layer_columns.colour_maps import diverging, sequential
from gui.views.layer_columns.neuron_zoom import NeuronZoom
from gui.views.layer_columns.panels import ActivationColumn, WeightPanel
from gui.views.layer_columns.reading import LayerReading
from gui.views.layer_columns.texts import column_heading, layer_heading, number, tr


class LayerColumnsView(QWidget):
    """`weight_panels[k-1]` shows weight layer k; `activation_columns[k]` neuron column k."""

    element_clicked = Signal(str)  # the neuron clicked (as the textbook figure reports it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = PRINT_DIAGRAM
        self.reading: LayerReading | None = None
        self.weight_panels: list[WeightPanel] = []
        self.activation_columns: list[ActivationColumn] = []
        self.snapshot: Snapshot | None = None
        self.zoomed = ""  # the neuron whose incoming weights are zoomed in
        self.zoom = NeuronZoom(self.colours)
        self.zoom.closed.connect(self.close_zoom)
        self.zoom.hide()
        self._columns = QHBoxLayout()
        self._columns.setSpacing(2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(self._columns, 1)
        layout.addWidget(self.zoom)

    # -- building --------------------------------------------------------------------------
    def set_network(
        self,
        neurons: Sequence[Sequence[str]],
        params: Sequence[ParamInfo],
        activations: Sequence[str] = (),
    ) -> None:
        """One activation column per layer and one heatmap per weight layer, built once."""
        self._clear_columns()
        self.reading = LayerReading(neurons, params)
        self.snapshot = None
        self.close_zoom()
        sizes = [len(column) for column in neurons]
        last = len(sizes) - 1
        for column, size in enumerate(sizes):
            if column > 0:
                act = activations[column - 1] if column - 1 < len(activations) else ""
                heading = layer_heading(column, sizes[column - 1], size, act)
                self._add_weight_panel(WeightPanel(heading, diverging(self.colours)), column)
            activation = ActivationColumn(
                column_heading(column, last, size), sequential(self.colours)
            )
            self._add_activation_column(activation, column)

    def _clear_columns(self) -> None:
        for panel in (*self.weight_panels, *self.activation_columns):
            self._columns.removeWidget(panel)
            panel.deleteLater()
        self.weight_panels, self.activation_columns = [], []

    def _add_weight_panel(self, panel: WeightPanel, layer: int) -> None:
        image = panel.cells.image
        image.cell_clicked.connect(lambda row, _col: self._clicked(layer, row))
        image.cell_hovered.connect(lambda row, col: self._hover_weight(layer, row, col))
        self.weight_panels.append(panel)
        self._columns.addWidget(panel, 1)

    def _add_activation_column(self, column: ActivationColumn, index: int) -> None:
        image = column.cells.image
        image.cell_clicked.connect(lambda row, _col: self._clicked(index, row))
        image.cell_hovered.connect(lambda row, _col: self._hover_out(index, row))
        self.activation_columns.append(column)
        self._columns.addWidget(column)

    def set_colours(self, colours: DiagramColours) -> None:
        """Another theme: the colour maps and frames redrawn, the numbers kept."""
        self.colours = colours
        for panel in self.weight_panels:
            panel.cells.set_colour_map(diverging(colours))
            panel.legend.set_colour_map(diverging(colours))
        for column in self.activation_columns:
            column.cells.set_colour_map(sequential(colours))
        self.zoom.set_colours(colours)
        if self.snapshot is not None:
            self.show_snapshot(self.snapshot)

    # -- showing ---------------------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Every array, norm and frame from the Snapshot; the widgets are reused."""
        reading = self.reading
        if reading is None:
            return
        self.snapshot = snapshot
        for layer, panel in enumerate(self.weight_panels, start=1):
            panel.show_weights(reading.weights(snapshot, layer))
            panel.show_grad_norms(*reading.grad_norms(snapshot, layer))
        for index, column in enumerate(self.activation_columns):
            column.show_outs(reading.outs(snapshot, index))
        self._show_focus(snapshot)
        if self.zoomed:
            self.zoom_into(self.zoomed)

    def _show_focus(self, snapshot: Snapshot) -> None:
        assert self.reading is not None
        place = self.reading.focus(snapshot)
        colour = self.colours.focus
        for layer, panel in enumerate(self.weight_panels, start=1):
            on = place is not None and place.layer == layer
            if on != panel.in_focus:  # a style sheet costs a re-polish: only on change
                panel.set_focus(on, colour)
            panel.cells.outline(place.row if on and place else None, colour)
        for index, column in enumerate(self.activation_columns):
            on = place is not None and place.layer == index
            if on != column.in_focus:
                column.set_focus(on, colour)
            column.cells.outline(place.row if on and place else None, colour, col=0)

    def focused_layer(self) -> int | None:
        """The weight layer framed now (for tests and the window)."""
        for layer, panel in enumerate(self.weight_panels, start=1):
            if panel.in_focus:
                return layer
        return None

    # -- zoom ------------------------------------------------------------------------------
    def zoom_into(self, neuron: str) -> bool:
        """Show the neuron's incoming weights beside the columns; False for an input neuron."""
        if self.reading is None or self.snapshot is None:
            return False
        shown = self.reading.neuron_weights(self.snapshot, neuron)
        if shown is None:
            return False
        self.zoomed = neuron
        self.zoom.show_neuron(shown)
        self.zoom.show()
        return True

    def close_zoom(self) -> None:
        self.zoomed = ""
        self.zoom.hide()

    def _clicked(self, column: int, row: int) -> None:
        if self.reading is None:
            return
        neuron = self.reading.neuron(column, row)
        self.zoom_into(neuron)
        self.element_clicked.emit(neuron)

    # -- hover -----------------------------------------------------------------------------
    def _hover_weight(self, layer: int, row: int, col: int) -> None:
        panel, reading, snapshot = self.weight_panels[layer - 1], self.reading, self.snapshot
        if row < 0 or reading is None or snapshot is None:
            panel.cells.setToolTip("")
            return
        label = reading.layers[layer - 1].weights[row][col]
        source, target = reading.neuron(layer - 1, col), reading.neuron(layer, row)
        text = tr("{0}: {1} → {2} = {3}, ∂E/∂{0} = {4}").format(
            label,
            source,
            target,
            number(snapshot.params.get(label)),
            number(snapshot.grads.get(label)),
        )
        panel.cells.setToolTip(text + "\n" + tr("Click: zoom into {0}").format(target))

    def _hover_out(self, column: int, row: int) -> None:
        cells, reading, snapshot = (
            self.activation_columns[column].cells,
            self.reading,
            self.snapshot,
        )
        if row < 0 or reading is None or snapshot is None:
            cells.setToolTip("")
            return
        neuron = reading.neuron(column, row)
        value = snapshot.neurons[neuron].out if neuron in snapshot.neurons else None
        cells.setToolTip(tr("{0}: out = {1}").format(neuron, number(value)))
