"""Run → Compare output heads…: checks that the run is a classification, then opens the dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from engine.core.errors import EngineError
from engine.labs.loop_heads import check_comparable
from gui.head_comparison_dialog import HeadComparisonDialog

if TYPE_CHECKING:
    from gui.window_parts import WindowParts


def tr(text: str) -> str:
    return QCoreApplication.translate("HeadComparisonAction", text)


class HeadComparisonAction:
    """The menu entry; the open dialog (at most one at a time) stays reachable as `dialog`."""

    def __init__(self, window: WindowParts, menu: QMenu) -> None:
        self.window = window
        self.dialog: HeadComparisonDialog | None = None
        self.action = QAction(tr("Compare output &heads…"), window.window())
        self.action.setToolTip(
            tr("Train this network, seed and batches with each output head and compare accuracy")
        )
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)

    def open(self) -> HeadComparisonDialog | None:
        """The dialog, running; None (and a message) when the run is not a classification."""
        config = self.window.controller.config
        try:
            check_comparable(config)
        except EngineError as error:
            self.window.show_message(tr("Cannot compare output heads: {0}").format(error))
            return None
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = HeadComparisonDialog(config, self.window.window())
        self.dialog.show()
        self.dialog.start()
        return self.dialog
