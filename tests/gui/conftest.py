"""A main window on the Mazur preset, shown offscreen, with the weight animation off."""

from __future__ import annotations

import pytest

from engine.presets import PRESETS
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
    win.controller.shutdown()
