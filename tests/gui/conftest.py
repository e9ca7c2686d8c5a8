"""A main window on the Mazur preset, shown offscreen, with the weight animation off."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMessageBox

from engine.models.presets import PRESETS
from gui.background import wait_for_all
from gui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    win = MainWindow(PRESETS["mazur"])
    qtbot.addWidget(win)
    win.network_view.animation_ms = 0  # values appear at once, not mid-tween
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.network_view.setFocus()
    yield win
    win.close()  # closeEvent stops the controller's, the labs' and the basin map's threads
    wait_for_all()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory):
    """QSettings() (recent files, last folders) go to a temporary folder, not the user's, and
    a fresh one for each test: a file one test saved is not in the next one's recent list."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@dataclass
class ShownBox:
    """A message box a test opened: its text, how Qt reads that text, and the box itself."""

    title: str
    text: str
    text_format: Qt.TextFormat
    box: QMessageBox | None  # None for the static QMessageBox.warning, never built here


@dataclass
class MessageBoxes:
    """What the message boxes a test opened showed: their texts, and each box's record."""

    texts: list[str] = field(default_factory=list)
    boxes: list[ShownBox] = field(default_factory=list)

    def add(self, shown: ShownBox) -> None:
        self.texts.append(shown.text)
        self.boxes.append(shown)


@pytest.fixture
def message_boxes(monkeypatch) -> MessageBoxes:
    """Collect message boxes instead of opening modal dialogs (a test would wait for ever).

    The static QMessageBox.warning builds its box with the text format guessed (AutoText);
    it is recorded as such without being built: building one may already load its images.
    """
    shown = MessageBoxes()

    def static_warning(parent, title, text, *args):
        shown.add(ShownBox(title, text, Qt.TextFormat.AutoText, None))
        return QMessageBox.StandardButton.Ok

    def exec_box(box):
        shown.add(ShownBox(box.windowTitle(), box.text(), box.textFormat(), box))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", static_warning)
    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return shown


@pytest.fixture
def warnings_shown(message_boxes) -> list[str]:
    """The texts of the message boxes shown, without opening modal dialogs."""
    return message_boxes.texts


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread():
    """Free the windows and widgets a test dropped here, in the GUI thread.

    pytest-qt closes a test's widgets with deleteLater(), which only a return to the top-level
    event loop carries out, and tests never return to one: without the flush, thousands of
    closed windows piled up and made later tests' event loops crawl. Left to Python, a later
    collection may run in whichever thread allocates, and a worker thread then destroys Qt
    objects that belong to the GUI thread (the app never drops a window; a test suite does).
    """
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def restore_look(qapp):
    """The test leaves the application's theme as it found it (for tests that switch it)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QPalette

    from gui import theme

    sheet, palette = qapp.styleSheet(), QPalette(qapp.palette())
    state = (theme._State.chosen, theme._State.look, theme._State.style)
    yield
    # Windows closed by the test go first: re-polishing a half-deleted one would crash.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    theme._State.chosen, theme._State.look, theme._State.style = state
    theme.apply_plot_theme()
    if qapp.styleSheet() != sheet:
        qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
