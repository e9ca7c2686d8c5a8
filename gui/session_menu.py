"""File → Open / Save session, recent sessions, and Export as PyTorch script."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from engine.errors import EngineError
from engine.session import load_session, save_session
from engine.torch_script import torch_script, weights_json
from gui.background import BackgroundTask
from gui.export import ExportError, atomic_write
from gui.plain_text import show_warning

if TYPE_CHECKING:
    from gui.main_window import MainWindow

RECENT_KEY = "sessions/recent"
FOLDER_KEY = "sessions/last_folder"
MAX_RECENT = 8
FILTER = "Backprop Studio session (*.json)"


def tr(text: str) -> str:
    return QCoreApplication.translate("SessionMenu", text)


class SessionMenu:
    """Adds the session actions to a File menu and carries them out for the window."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        self.task = BackgroundTask(window)
        self.task.crash_dialog = False  # _open_failed shows every failure
        self.task.finished.connect(self._opened)
        self.task.failed.connect(self._open_failed)
        self._opening: Path | None = None
        self.open_action = self._action(menu, tr("&Open session…"), QKeySequence.StandardKey.Open,
                                        tr("Open a saved session: settings, history, position"),
                                        self.open_dialog)  # fmt: skip
        self.save_action = self._action(menu, tr("&Save session…"), QKeySequence.StandardKey.Save,
                                        tr("Save settings, history and the current step"),
                                        self.save_dialog)  # fmt: skip
        self.recent_menu = menu.addMenu(tr("Recent sessions"))
        self.recent_menu.setToolTipsVisible(True)
        self._action(menu, tr("Export as &PyTorch script…"), None,
                     tr("A standalone .py with the same model, weights, loss and optimizer"),
                     self.export_script_dialog)  # fmt: skip
        menu.addSeparator()
        self._fill_recent()

    def _action(self, menu: QMenu, text: str, shortcut, tip: str, slot) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- saving ----------------------------------------------------------------------------------
    def save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, tr("Save session"), str(self._folder() / "session.json"), tr(FILTER)
        )
        if name:
            self.save(Path(name if name.endswith(".json") else f"{name}.json"))

    def save(self, path: Path) -> bool:
        try:
            save_session(self.window.controller.stepper, path)
        except EngineError as error:
            show_warning(self.window, tr("Session not saved"), str(error))
            return False
        self._remember(path)
        self.window.show_message(tr("Session saved to {0}").format(path))
        return True

    # -- opening ---------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, tr("Open session"), str(self._folder()), tr(FILTER)
        )
        if name:
            self.open(Path(name))

    def open(self, path: Path) -> bool:
        """Replays off the GUI thread; the open session stays until the new one is ready."""
        self._opening = path
        started = self.task.start(lambda progress, should_stop: load_session(path))
        if started:
            self.window.show_message(tr("Opening {0}…").format(path))
        return started

    def _opened(self, stepper: object) -> None:
        path = self._opening
        if stepper is None or path is None:
            return
        if self.window.controller.adopt(stepper, tr("Opened {0}.").format(path.name)):
            self._remember(path)

    def _open_failed(self, text: str) -> None:
        show_warning(self.window, tr("Session not opened"), text)

    # -- PyTorch script --------------------------------------------------------------------------
    def export_script_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, tr("Export as PyTorch script"), str(self._folder() / "backprop_run.py"),
            tr("Python script (*.py)"),
        )  # fmt: skip
        if name:
            self.export_script(Path(name))

    def export_script(self, path: Path) -> bool:
        """The script for the iterations so far (at least one), plus the weights as JSON."""
        stepper = self.window.controller.stepper
        steps = max(1, stepper.trajectory.length)
        weights = path.with_suffix(".weights.json")
        try:
            atomic_write(path, lambda t: t.write_text(torch_script(stepper.config, steps)))
            atomic_write(weights, lambda t: t.write_text(weights_json(stepper)))
        except (ExportError, EngineError) as error:
            show_warning(self.window, tr("Export failed"), str(error))
            return False
        self.window.show_message(tr("Wrote {0} and {1}").format(path.name, weights.name))
        return True

    # -- recent files ----------------------------------------------------------------------------
    def _folder(self) -> Path:
        return Path(str(QSettings().value(FOLDER_KEY, str(Path.home()))))

    def recent(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, path: Path) -> None:
        settings = QSettings()
        entries = [str(path)] + [p for p in self.recent() if p != str(path)]
        settings.setValue(RECENT_KEY, entries[:MAX_RECENT])
        settings.setValue(FOLDER_KEY, str(path.parent))
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.recent():
            action = self.recent_menu.addAction(Path(entry).name)
            action.setToolTip(entry)
            action.triggered.connect(lambda _=False, p=entry: self.open(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent()))
