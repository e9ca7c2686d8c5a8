"""Closing and reopening a window with the same settings brings back its tab and theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from engine.models.presets import PRESETS
from gui import theme
from gui.background import wait_for_all
from gui.main_window import MainWindow
from gui.theme import DARK_DIAGRAM, PRINT_DIAGRAM, apply_theme

pytestmark = pytest.mark.usefixtures("restore_look")


def open_window(qtbot, settings: QSettings) -> MainWindow:
    window = MainWindow(PRESETS["mazur"], settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_window(qtbot, window: MainWindow) -> None:
    # The vanishing-gradient lab computes on a thread at start; let it finish first.
    qtbot.waitUntil(lambda: not window.labs.vanishing.task.running, timeout=10_000)
    window.close()
    wait_for_all()


def test_tab_theme_and_speed_come_back(qtbot, tmp_path):
    path = str(tmp_path / "layout.ini")
    first = open_window(qtbot, QSettings(path, QSettings.Format.IniFormat))
    first.tabs.setCurrentIndex(3)
    first.theme_menu.actions["dark"].trigger()
    first.transport.speed_slider.setValue(7)
    close_window(qtbot, first)
    apply_theme("light")  # as a fresh start would be before the settings are read
    second = open_window(qtbot, QSettings(path, QSettings.Format.IniFormat))
    assert second.tabs.currentIndex() == 3
    assert theme.chosen_theme() == "dark" and theme.is_dark()
    assert second.theme_menu.actions["dark"].isChecked()
    assert second.network_view.colours is DARK_DIAGRAM
    assert second.transport.speed_slider.value() == 7
    close_window(qtbot, second)


def test_a_light_choice_is_remembered_too(qtbot, tmp_path):
    path = str(tmp_path / "layout.ini")
    first = open_window(qtbot, QSettings(path, QSettings.Format.IniFormat))
    first.theme_menu.actions["light"].trigger()
    first.tabs.setCurrentIndex(1)
    close_window(qtbot, first)
    apply_theme("dark")
    second = open_window(qtbot, QSettings(path, QSettings.Format.IniFormat))
    assert theme.chosen_theme() == "light" and not theme.is_dark()
    assert second.network_view.colours is PRINT_DIAGRAM
    assert second.tabs.currentIndex() == 1
    close_window(qtbot, second)


def test_garbage_in_the_settings_falls_back_quietly(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/tab", "ninety")
    settings.setValue("view/theme", "purple")
    window = open_window(qtbot, settings)
    assert window.tabs.currentIndex() == 0
    assert theme.chosen_theme() == "system"
    assert window.theme_menu.actions["system"].isChecked()
    close_window(qtbot, window)
