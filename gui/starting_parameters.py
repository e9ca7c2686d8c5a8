"""File → Start from parameters…: a teacher's JSON of starting values (as `--init` reads it)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from engine.core.errors import EngineError
from engine.io.init_file import read_init_file, with_init
from gui.plain_text import show_warning

if TYPE_CHECKING:
    from gui.window_parts import WindowParts


def tr(text: str) -> str:
    return QCoreApplication.translate("StartingParameters", text)


class StartingParameters:
    """Rebuilds the model from the current settings with the file's starting values."""

    def __init__(self, window: WindowParts, menu: QMenu) -> None:
        self.window = window
        self.action = QAction(tr("Start from &parameters…"), window)
        tip = tr('Restart from a JSON file of starting values by label, e.g. {"w1": 0.15}')
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.choose)
        menu.addAction(self.action)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, tr("Start from parameters"), "", tr("Parameters (*.json)")
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        """Checked like `--init`; a refused file changes nothing and says why in plain text."""
        controller = self.window.controller
        try:
            config = with_init(controller.config, read_init_file(path))
        except EngineError as error:
            show_warning(self.window, tr("Parameters not loaded"), str(error))
            return False
        return controller.apply_config(config)
