"""Editing the run by hand beyond a weight: the data, a restart mid-iteration, the what-if.

The controller owns the stepper and makes every edit (Controller.edit_parameter); this
helper keeps the window's side of it: the diagram's targets and editable inputs follow the
run's data, an edit's forward pass is previewed at once on the diagram and in the status bar
(the engine's ForwardPreview, read at rest), a mid-iteration edit restarts the iteration, and
Data ▸ Inputs and targets opens a table of every sample.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from engine.core.snapshot import Snapshot
from engine.models.chain_rule import fmt
from gui.controller import Controller
from gui.data_table import DataTable
from gui.loss_status import preview_status
from gui.views.diagram.editor import mid_iteration
from gui.views.network_view import NetworkView


def tr(text: str) -> str:
    return QCoreApplication.translate("RunEdits", text)


class RunEdits(QObject):
    """Keeps the diagram's data and preview in step with the run; routes data edits."""

    def __init__(self, controller: Controller, view: NetworkView, window: QMainWindow) -> None:
        super().__init__(window)
        self._controller = controller
        self._view = view
        self._window = window
        self._data_version: int | None = None
        self._mid = False  # whether the last Snapshot shown stood mid-iteration
        self.table: DataTable | None = None
        self.table_action: QAction | None = None  # Data ▸ Inputs and targets…
        controller.network_changed.connect(self._new_network)
        controller.snapshot_changed.connect(self._snapshot_shown)
        view.restart_edit_requested.connect(self.restart_with)
        view.edit_opened.connect(controller.pause)  # the value typed over is the one shown
        self._new_network()
        self._snapshot_shown(controller.snapshot)

    # -- commands ----------------------------------------------------------------------------
    def restart_with(self, label: str, value: float) -> bool:
        """Mid-iteration: back to the iteration's start, then the edit (← undoes the edit)."""
        if not self._controller.edit_parameter(label, value, True):
            return False
        note = tr("Iteration {0} restarted with {1} = {2}; ← undoes the edit at its start.")
        iteration = self._controller.snapshot.iteration + 1
        self._controller.message.emit(note.format(iteration, label, fmt(value)))
        return True

    def edit_data(self, label: str, value: float) -> bool:
        """An input or target set by hand; mid-iteration it restarts the iteration with it."""
        return self._controller.edit_parameter(
            label, value, mid_iteration(self._controller.snapshot)
        )

    def open_table(self) -> DataTable:
        if self.table is None:
            self.table = DataTable(self._window)
            self.table.edit_requested.connect(self.edit_data)
        self._fill_table()
        self.table.show()
        self.table.raise_()
        return self.table

    # -- following the run -------------------------------------------------------------------
    def _new_network(self) -> None:
        self._data_version = None
        self._view.show_preview(None)

    def _snapshot_shown(self, snapshot: Snapshot) -> None:
        controller = self._controller
        if not controller.at_rest:  # a run owns the stepper: its rest or end shows again
            return
        version = controller.read(lambda stepper: stepper.data_version)
        data_moved = version != self._data_version
        if data_moved:
            self._data_version = version
            self._show_data()
        edited = snapshot.phase == "edit"
        preview = controller.read(lambda stepper: stepper.forward_preview()) if edited else None
        self._view.show_preview(preview)
        status = getattr(self._window, "loss_label", None)  # the status bar's loss
        if preview is not None and status is not None:
            status.setText(preview_status(preview))
        mid = mid_iteration(snapshot)
        if self.table is not None and self.table.isVisible() and (data_moved or mid != self._mid):
            self._fill_table()
        self._mid = mid

    def _rows(self) -> tuple[list[list[str]], tuple, tuple]:
        neurons = [list(layer) for layer in self._controller.network().neurons]
        inputs, targets = self._controller.read(lambda stepper: stepper.data_rows())
        return neurons, inputs, targets

    def _show_data(self) -> None:
        if not self._controller.config.has_layers:
            self._view.set_data({}, {})
            return
        neurons, inputs, targets = self._rows()
        first_in = dict(zip(neurons[0], inputs[0], strict=True))
        self._view.set_data(first_in, dict(zip(neurons[-1], targets[0], strict=True)))

    def _fill_table(self) -> None:
        table = self.table
        if table is None or not self._controller.at_rest:
            return
        if not self._controller.config.has_layers:
            table.show_data([[], []], (), (), False)
            table.note.setText(tr("A test function has no data: its loss is its value."))
            return
        neurons, inputs, targets = self._rows()
        table.show_data(neurons, inputs, targets, mid_iteration(self._controller.snapshot))


def install_run_edits(window: QMainWindow, controller: Controller, view: NetworkView) -> RunEdits:
    """The helper and its menu (Data ▸ Inputs and targets…), placed before View."""
    edits = RunEdits(controller, view, window)
    menu = QMenu(tr("&Data"), window)
    action = QAction(tr("&Inputs and targets…"), menu)
    action.setToolTip(tr("Every sample's inputs and targets, editable (← undoes a change)"))
    action.setShortcut(QKeySequence("Ctrl+D"))
    action.triggered.connect(edits.open_table)
    menu.addAction(action)
    bar = window.menuBar()
    view_menu = getattr(window, "view_menu", None)
    if isinstance(view_menu, QMenu):
        bar.insertMenu(view_menu.menuAction(), menu)
    else:
        bar.addMenu(menu)
    edits.table_action = action
    return edits
