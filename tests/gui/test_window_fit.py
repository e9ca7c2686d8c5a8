"""The window fits a 1024×768 projector, and the docks give way on tabs they say nothing about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from engine.models.presets import PRESETS
from gui.background import wait_for_all
from gui.main_window import MainWindow
from gui.theme import apply_theme

PROJECTOR = (1024, 768)


def test_the_minimum_size_fits_a_projector(window):
    for name in ("training", "surface", "race", "basins", "labs"):
        window.show_page(name)
        hint = window.minimumSizeHint()
        assert hint.width() <= PROJECTOR[0] and hint.height() <= PROJECTOR[1], (name, hint)
        window.resize(*PROJECTOR)
        assert window.width() <= PROJECTOR[0] and window.height() <= PROJECTOR[1], name


def test_on_a_projector_the_docks_leave_the_page_most_of_the_width(window, qtbot):
    window.resize(*PROJECTOR)
    qtbot.waitUntil(lambda: window.width() == PROJECTOR[0])
    qtbot.waitUntil(lambda: window.plots_dock.width() <= 0.3 * PROJECTOR[0] + 1)
    assert window.tabs.width() > 0.65 * PROJECTOR[0]


def test_the_plots_dock_gives_way_on_tabs_it_says_nothing_about(window):
    assert window.plots_dock.isVisible()
    for name in ("race", "basins", "labs"):
        window.show_page(name)
        assert not window.plots_dock.isVisible(), name
        assert not window.settings_dock.isVisible(), name
    window.show_page("training")
    assert window.plots_dock.isVisible()
    window.show_page("surface")
    assert window.plots_dock.isVisible()


def test_a_dock_the_learner_closed_stays_closed(window):
    window.plots_dock.close()
    window.show_page("race")
    window.show_page("training")
    assert not window.plots_dock.isVisible()


def open_window(qtbot, settings: QSettings | None) -> MainWindow:
    window = MainWindow(PRESETS["mazur"], settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_window(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.labs.vanishing.task.running, timeout=10_000)
    window.close()
    wait_for_all()


def test_lessons_are_offered_on_first_launch_only(qtbot, tmp_path):
    path = str(tmp_path / "fresh.ini")
    first = open_window(qtbot, QSettings(path, QSettings.Format.IniFormat))
    assert first.lessons.dock.isVisible()
    first.lessons.dock.close()
    close_window(qtbot, first)
    second = open_window(qtbot, QSettings(path, QSettings.Format.IniFormat))
    assert not second.lessons.dock.isVisible()  # the learner's choice is kept
    close_window(qtbot, second)


def test_closing_on_a_lab_keeps_the_plots_for_next_time(qtbot, tmp_path):
    path = str(tmp_path / "labs.ini")
    first = open_window(qtbot, QSettings(path, QSettings.Format.IniFormat))
    first.show_page("labs")
    close_window(qtbot, first)
    second = open_window(qtbot, QSettings(path, QSettings.Format.IniFormat))
    assert second.current_page() == "labs" and not second.plots_dock.isVisible()
    second.show_page("training")
    assert second.plots_dock.isVisible()
    close_window(qtbot, second)


def test_a_lesson_in_front_stays_in_front_across_tabs(window, qtbot):
    lessons = window.lessons
    lessons.offer()
    qtbot.waitUntil(lessons.dock.isVisible)
    window.show_page("basins")
    assert lessons.dock.isVisible() and not window.plots_dock.isVisible()
    window.show_page("training")
    qtbot.wait(20)
    assert lessons.dock.isVisible()
    assert not window.plots_dock.isHidden()  # back in its tab, behind the lesson


@pytest.mark.usefixtures("restore_look")
@pytest.mark.parametrize("look", ["light", "dark"])
def test_with_the_apps_stylesheet_the_toolbar_and_its_lr_slider_fit_a_projector(
    window, qtbot, look
):
    """The stylesheet pads the toolbar's buttons: at 1024 pixels nothing may overflow into
    the » menu, the learning-rate slider least of all (it is used during Play)."""
    apply_theme(look)
    window.resize(*PROJECTOR)
    qtbot.waitUntil(lambda: window.width() == PROJECTOR[0])
    transport = window.transport
    assert transport.sizeHint().width() <= PROJECTOR[0] - 24  # room for a window frame
    qtbot.waitUntil(lambda: window.settings_sync.lr_slider.isVisible())
