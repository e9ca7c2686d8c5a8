"""Space and Play act on the open tab's own animation, or are greyed out where there is none."""

from __future__ import annotations

from PySide6.QtCore import Qt


def space(qtbot, window) -> None:
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Space)


def race_steps(window) -> int:
    return len(window.race_view.race.racers[0].path) - 1


def test_space_on_the_race_tab_runs_the_race_and_not_the_training(qtbot, window):
    window.tabs.setCurrentWidget(window.race_view)
    window.race_view.setFocus()
    tick = window.controller.snapshot.tick
    space(qtbot, window)
    assert window.race_view.playing and not window.controller.playing
    assert window.transport.play_action.isChecked()
    qtbot.waitUntil(lambda: race_steps(window) >= 5, timeout=10_000)
    space(qtbot, window)
    assert not window.race_view.playing and not window.transport.play_action.isChecked()
    assert window.race_view.play.text() == "Start"
    assert window.controller.snapshot.tick == tick  # the hidden training run never moved


def test_the_play_button_on_the_race_tab_starts_the_race(qtbot, window):
    window.tabs.setCurrentWidget(window.race_view)
    window.transport.play_action.trigger()
    assert window.race_view.playing and window.race_view.play.text() == "Pause"
    window.race_view.play.click()  # the race's own button: the toolbar follows it
    assert not window.transport.play_action.isChecked()


def test_leaving_a_tab_pauses_what_its_play_started(qtbot, window):
    window.transport.play_action.trigger()
    assert window.controller.playing
    window.tabs.setCurrentWidget(window.race_view)
    assert not window.controller.playing and not window.transport.play_action.isChecked()
    window.transport.play_action.trigger()
    window.tabs.setCurrentIndex(0)
    assert not window.race_view.playing
    window.tabs.setCurrentWidget(window.landscape_panel)  # the surface shows the training run
    window.transport.play_action.trigger()
    assert window.controller.playing and window.transport.play_action.isChecked()
    window.tabs.setCurrentIndex(0)
    assert window.controller.playing  # the same run, still visible
    window.controller.pause()


def test_play_is_greyed_out_where_the_tab_has_no_animation(qtbot, window):
    tick = window.controller.snapshot.tick
    for tab in (window.basin_view, window.labs):
        window.tabs.setCurrentWidget(tab)
        assert not window.transport.play_action.isEnabled()
        space(qtbot, window)
        assert not window.controller.playing and window.controller.snapshot.tick == tick
    window.tabs.setCurrentIndex(0)
    assert window.transport.play_action.isEnabled()


def test_a_finished_run_leaves_play_greyed_on_the_basin_tab(qtbot, window):
    window.tabs.setCurrentWidget(window.basin_view)
    window.controller.run_iterations(3)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=10_000)
    assert not window.transport.play_action.isEnabled()
    window.tabs.setCurrentIndex(0)
    assert window.transport.play_action.isEnabled()
