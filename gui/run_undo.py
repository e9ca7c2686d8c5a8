"""Edit → Undo for whole runs: Reset, a preset, new settings and a lesson keep the run they
replace, and Ctrl+Z brings it back with its history intact (← still works there).

The controller stays the one owner of the stepper: it announces each replacement with
`run_replaced(old, new, why)`, this stack keeps the runs as opaque objects (it never reads
them), and undo or redo hands one back through `controller.adopt`. The stack is Qt's
QUndoStack, bounded to the last RUNS_KEPT runs (each holds its model and checkpoints).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from gui.controller import Controller

RUNS_KEPT = 10


def tr(text: str) -> str:
    return QCoreApplication.translate("RunUndo", text)


class _RunReplaced(QUndoCommand):
    """One replacement: undo adopts `old`, redo adopts `new` (the push itself changes nothing:
    the controller had already replaced the run)."""

    def __init__(self, undo: RunUndo, old: object, new: object, why: str) -> None:
        super().__init__(why)
        self._undo = undo
        self.old, self.new = old, new
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            self._undo.bring_back(self.new, tr("Redone: {0}.").format(self.text()))
        self._pushed = True

    def undo(self) -> None:
        self._undo.bring_back(
            self.old,
            tr("Undone: {0}. The previous run is back; Redo (Ctrl+Shift+Z) returns.").format(
                self.text()
            ),
        )
        self._undo.undone.emit(self.text())


class RunUndo(QObject):
    """The undo stack of runs, with its Undo and Redo actions for the Edit menu."""

    undone = Signal(str)  # the name of what was undone ("Reset", "Lesson"…), its run now back

    def __init__(self, controller: Controller, parent: QObject) -> None:
        super().__init__(parent)
        self._controller = controller
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(RUNS_KEPT)
        self._group: _RunReplaced | None = None
        self._grouping, self._group_name = False, ""
        self._moving = False  # copying another window's stack: no run is brought back
        controller.run_replaced.connect(self._keep)
        self.undo_action = self._action(tr("&Undo"), QKeySequence.StandardKey.Undo, self.undo)
        self.redo_action = self._action(tr("&Redo"), QKeySequence("Ctrl+Shift+Z"), self.redo)
        self.stack.canUndoChanged.connect(lambda _: self._refresh())
        self.stack.canRedoChanged.connect(lambda _: self._refresh())
        self.stack.indexChanged.connect(lambda _: self._refresh())
        self._refresh()

    def _action(self, text: str, keys: QKeySequence, slot: object) -> QAction:
        action = QAction(text, self.parent())
        action.setShortcut(keys)
        action.triggered.connect(slot)
        return action

    def _refresh(self) -> None:
        with contextlib.suppress(RuntimeError):  # closing: the stack and actions go with it
            self._show_state()

    def _show_state(self) -> None:
        self.undo_action.setEnabled(self.stack.canUndo())
        self.redo_action.setEnabled(self.stack.canRedo())
        self.undo_action.setToolTip(
            tr("Bring back the run before: {0}").format(self.stack.undoText())
            if self.stack.canUndo()
            else tr("Nothing to undo: Reset, presets, new settings and lessons can be undone")
        )
        self.redo_action.setToolTip(tr("Redo: {0}").format(self.stack.redoText()))

    def set_grouping(self, grouping: bool, why: str = "") -> None:
        """While a lesson plays its actions, its replacements undo as one (the run before it),
        named `why`."""
        self._grouping, self._group_name = grouping, why
        self._group = None

    def _keep(self, old: object, new: object, why: str) -> None:
        if self._grouping and self._group is not None:
            self._group.new = new  # the lesson's latest run: redo brings that one
            return
        command = _RunReplaced(self, old, new, self._group_name or why)
        self.stack.push(command)
        if self._grouping:
            self._group = command

    def undo(self) -> bool:
        if not self._ready() or not self.stack.canUndo():
            return False
        self.stack.undo()
        return True

    def redo(self) -> bool:
        if not self._ready() or not self.stack.canRedo():
            return False
        self.stack.redo()
        return True

    def _ready(self) -> bool:
        """A run in progress owns the stepper: Undo waits, as every other command does."""
        if self._controller.busy:
            self._controller.message.emit(
                tr("A run is in progress: wait for it or cancel it first.")
            )
            return False
        return True

    def bring_back(self, run: object, note: str) -> None:
        if not self._moving:
            self._controller.swap_run(run, note)

    def take_over(self, before: RunUndo) -> None:
        """A language switch's new window: the old window's runs, in order and at the same
        place (what was undone can be redone). The runs are the same objects, handed over with
        the open run; nobody else holds them once the old window closes."""
        self._moving = True
        try:
            for index in range(before.stack.count()):
                kept = before.stack.command(index)
                assert isinstance(kept, _RunReplaced)
                self.stack.push(_RunReplaced(self, kept.old, kept.new, kept.text()))
            self.stack.setIndex(before.stack.index())  # undone ones: nothing is adopted
        finally:
            self._moving = False
