"""A main window on the Mazur preset, shown offscreen, with the weight animation off."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from engine.presets import PRESETS
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


@pytest.fixture(autouse=True, scope="session")
def isolated_settings(tmp_path_factory):
    """QSettings() (recent files, last folders) go to a temporary folder, not the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def warnings_shown(monkeypatch):
    """Collect QMessageBox.warning calls instead of opening modal dialogs."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


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
