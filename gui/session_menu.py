"""File → Open / Save session, recent sessions, and Export as PyTorch script."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QProgressDialog

from engine.core.errors import EngineError
from engine.io.safe_write import check_writable_target, safe_write_text
from engine.io.session_open import load_session
from engine.io.session_replay import SessionCancelled
from engine.io.session_save import session_copy, write_session_copy
from engine.io.torch_script import script_of_run, weights_json
from engine.io.verify import verify_json, verify_python
from engine.training.stepper import Stepper
from gui.background import BackgroundTask, Progress
from gui.plain_text import confirm, menu_text, plain_tooltip, show_warning

if TYPE_CHECKING:
    from gui.window_parts import WindowParts

RECENT_KEY = "sessions/recent"
FOLDER_KEY = "sessions/last_folder"
MAX_RECENT = 8
FILTER = "Backprop Studio session (*.json)"


def tr(text: str) -> str:
    return QCoreApplication.translate("SessionMenu", text)


class SessionMenu:
    """Adds the session actions to a File menu and carries them out for the window."""

    def __init__(self, window: WindowParts, menu: QMenu) -> None:
        self.window = window
        self.task = BackgroundTask(window)
        self.task.crash_dialog = False  # _open_failed shows every failure
        self.task.finished.connect(self._opened)
        self.task.failed.connect(self._open_failed)
        self.task.progress.connect(self._open_progress)
        self._opening: Path | None = None
        self._open_after_run: Path | None = None  # opened once the run it stopped has ended
        self.progress_dialog: QProgressDialog | None = None
        window.controller.busy_changed.connect(self._run_ended)
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
    def save_dialog(self) -> bool:
        """File → Save session; True when a file was written (or is, at the run's next rest)."""
        name, _ = QFileDialog.getSaveFileName(
            self.window, tr("Save session"), str(self._folder() / "session.json"), tr(FILTER)
        )
        return bool(name) and self.save(Path(name if name.endswith(".json") else f"{name}.json"))

    def save(self, path: Path) -> bool:
        """Copied where the state is consistent: at once, or during a run at its next rest
        (every few hundred iterations); False when the file was refused at once."""
        controller = self.window.controller
        if controller.busy:
            self.window.show_message(tr("Saving at the run's next consistent point…"))
        written: list[bool] = []
        controller.read_at_rest(session_copy, lambda copy: written.append(self._write(path, copy)))
        return not written or written[0]

    def _write(self, path: Path, copy: object) -> bool:
        try:
            if isinstance(copy, Exception):
                raise copy
            write_session_copy(str(copy), path)
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
        """Replays off the GUI thread, with progress and Cancel; the open session stays until
        the new one is ready. During a run, asks first: opening stops the run."""
        if self.task.running:
            self.window.show_message(tr("A session is already being opened."))
            return False
        if self.window.controller.busy:
            return self._open_after_stopping_the_run(path)
        self._opening = path
        started = self.task.start(lambda progress, should_stop: _load(path, progress, should_stop))
        if started:
            self.window.show_message(tr("Opening {0}…").format(path))
            self._show_progress(path)
        return started

    def _open_after_stopping_the_run(self, path: Path) -> bool:
        if not self._confirm_stopping_the_run(path):
            self.window.show_message(tr("Not opened: the run goes on."))
            return False
        if not self.window.controller.busy:  # the run ended while the question was open
            return self.open(path)
        self._open_after_run = path
        self.window.controller.cancel_run()
        return True

    def _confirm_stopping_the_run(self, path: Path) -> bool:
        question = tr("A run is in progress. Stop it and open {0}?").format(path.name)
        return confirm(self.window, tr("Open session"), question)

    def _run_ended(self, busy: bool) -> None:
        if busy or self._open_after_run is None:
            return
        path, self._open_after_run = self._open_after_run, None
        self.open(path)

    def _show_progress(self, path: Path) -> None:
        label = tr("Opening {0}…").format(path.name)
        dialog = QProgressDialog(label, tr("Cancel"), 0, 0, self.window)
        dialog.setWindowTitle(tr("Open session"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # a quick open shows no dialog at all
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(self.cancel_open)
        self.progress_dialog = dialog

    def _open_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None and total > 0:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(min(done, total))

    def cancel_open(self) -> None:
        """Stop the replay; the open session stays as it is."""
        self.task.cancel()

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel_open)
            dialog.close()
            dialog.deleteLater()

    def _opened(self, stepper: object) -> None:
        self._close_progress()
        path = self._opening
        if path is None:
            return
        if stepper is None:
            note = tr("Opening {0} cancelled; the open session is unchanged.")
            self.window.show_message(note.format(path.name))
            return
        if self.window.controller.adopt(stepper, tr("Opened {0}.").format(path.name)):
            self._remember(path)

    def _open_failed(self, text: str) -> None:
        self._close_progress()
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
        """The script of the iterations so far (at least one), hand edits included, plus the
        weights as JSON, both copied where the state is consistent (during a run, at its next
        rest). Nothing is written unless both can be, and an existing weights file (which the
        save dialog did not ask about) is replaced only when the user agrees."""
        weights = path.with_suffix(".weights.json")
        try:
            check_writable_target(path)
            check_writable_target(weights)
        except EngineError as error:
            show_warning(self.window, tr("Export failed"), str(error))
            return False
        if weights.exists() and not self._may_replace(weights):
            return False
        written: list[bool] = []
        self.window.controller.read_at_rest(
            _script_and_weights, lambda copy: written.append(self._write_script(path, copy))
        )
        return not written or written[0]

    def _write_script(self, path: Path, copy: object) -> bool:
        weights = path.with_suffix(".weights.json")
        try:
            if isinstance(copy, Exception):
                raise copy
            script, values = copy  # type: ignore[misc]
            safe_write_text(path, script, verify_python)
            safe_write_text(weights, values, verify_json)
        except EngineError as error:
            show_warning(self.window, tr("Export failed"), str(error))
            return False
        self.window.show_message(tr("Wrote {0} and {1}").format(path.name, weights.name))
        return True

    def _may_replace(self, weights: Path) -> bool:
        question = tr("{0} already exists. Replace it with the current weights?")
        return confirm(self.window, tr("Replace the weights file?"), question.format(weights.name))

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
            action = self.recent_menu.addAction(menu_text(Path(entry).name))
            action.setToolTip(plain_tooltip(entry))  # a folder may be named <img src=…>
            action.triggered.connect(lambda _=False, p=entry: self.open(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent()))


def _script_and_weights(stepper: Stepper) -> tuple[str, str]:
    """Read at rest: the script of the run so far and the current weights."""
    return script_of_run(stepper, max(1, stepper.iteration)), weights_json(stepper)


def _load(path: Path, progress: Progress, should_stop: Callable[[], bool]) -> object:
    """The background job: the opened Stepper, or None when Cancel stopped the replay."""
    try:
        return load_session(path, progress, should_stop)
    except SessionCancelled:
        return None
