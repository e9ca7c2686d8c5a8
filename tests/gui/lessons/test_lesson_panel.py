"""The lessons dock and menu: Next / Back / Restart drive the app; broken files are listed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.lessons import install_lessons

GOOD = """title = "Two steps"
[[steps]]
text = "Start."
actions = [{ do = "load_preset", name = "mazur" }]
[[steps]]
text = "One iteration."
actions = [{ do = "step_iteration" }]
expect = { completed = 1 }
"""
BAD = 'title = "Broken"\n[[steps]]\ntext = "x"\nactions = [{ do = "teleport" }]\n'


def idle(qtbot, player) -> None:
    qtbot.waitUntil(lambda: not player.busy, timeout=30_000)


def test_the_lessons_menu_lists_every_lesson_and_shows_the_panel(window):
    lessons = window.lessons
    titles = [a.text() for a in lessons.menu.actions() if not a.isSeparator()]
    assert len(titles) == len(lessons.panel.catalog.lessons) + 1
    assert all(a.toolTip() for a in lessons.menu.actions() if not a.isSeparator())
    assert lessons.dock.toggleViewAction() in window.view_menu.actions()
    assert not lessons.dock.isVisible()
    lessons.menu.actions()[0].trigger()
    assert lessons.dock.isVisible()
    assert lessons.player.lesson.id == "mazur"


def test_next_and_back_buttons_move_through_the_lesson(qtbot, window):
    lessons = window.lessons
    panel, player = lessons.panel, lessons.player
    lessons.open(lessons.find("mazur"))
    idle(qtbot, player)
    assert panel.progress.text() == "Step 1 of 11"
    assert not panel.back_button.isEnabled()
    for _ in range(5):
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
        idle(qtbot, player)
    assert panel.progress.text() == "Step 6 of 11"
    assert "0.082167041" in panel.text.toPlainText()
    assert window.controller.snapshot.focus == "w5"
    assert window.network_view.highlighted == "w5"
    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    idle(qtbot, player)
    assert panel.progress.text() == "Step 5 of 11"
    assert window.controller.snapshot.phase == "loss"  # replayed to the loss, not beyond
    assert player.failures() == []
    qtbot.mouseClick(panel.restart_button, Qt.MouseButton.LeftButton)
    idle(qtbot, player)
    assert panel.progress.text() == "Step 1 of 11"
    assert window.controller.snapshot.completed == 0
    for button in (panel.back_button, panel.next_button, panel.restart_button):
        assert button.toolTip()


def test_next_is_disabled_while_a_run_goes_on(qtbot, window):
    lessons = window.lessons
    player, panel = lessons.player, lessons.panel
    lessons.open(lessons.find("zero_grad"))
    idle(qtbot, player)
    assert player.go_to(7)  # the step that runs 1,000 iterations in the worker thread
    assert player.busy and window.controller.busy
    assert not panel.next_button.isEnabled()
    assert "working" in panel.progress.text()
    idle(qtbot, player)
    assert panel.next_button.isEnabled()
    assert window.controller.snapshot.completed == 1000


def test_a_broken_lesson_file_is_listed_with_its_message(qtbot, window, tmp_path):
    (tmp_path / "good.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.toml").write_text(BAD, encoding="utf-8")
    lessons = install_lessons(window, tmp_path)
    assert (
        "bad.toml: steps[1].actions[1]: unknown action 'teleport'" in lessons.panel.message.text()
    )
    broken = [a for a in lessons.menu.actions() if "broken" in a.text()]
    assert len(broken) == 1 and not broken[0].isEnabled()
    assert "teleport" in broken[0].toolTip()
    assert lessons.open(lessons.find("good"))
    idle(qtbot, lessons.player)
    assert lessons.player.next()
    idle(qtbot, lessons.player)
    assert lessons.player.failures() == []


def test_an_action_the_app_refuses_shows_a_message_and_keeps_going(qtbot, window, tmp_path):
    body = GOOD.replace('{ do = "step_iteration" }', '{ do = "highlight", label = "w99" }')
    (tmp_path / "odd.toml").write_text(body, encoding="utf-8")
    lessons = install_lessons(window, tmp_path)
    lessons.open(lessons.find("odd"))
    idle(qtbot, lessons.player)
    lessons.player.next()
    idle(qtbot, lessons.player)
    assert "w99" in lessons.panel.message.text()
    assert lessons.panel.back_button.isEnabled()


def test_lesson_files_that_would_hang_or_crash_the_parser_are_listed_as_broken(
    qtbot, window, tmp_path
):
    import faulthandler
    import os
    import time

    (tmp_path / "good.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "deep.toml").write_text("x = " + "[" * 3000, encoding="utf-8")
    (tmp_path / "dots.toml").write_text("a" + ".a" * 39_000 + " = 1\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    started = time.monotonic()
    faulthandler.dump_traceback_later(60, exit=True)  # reading the FIFO would never end
    try:
        lessons = install_lessons(window, tmp_path)
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert time.monotonic() - started < 5
    assert [lesson.id for lesson in lessons.panel.catalog.lessons] == ["good"]
    broken = [a.text() for a in lessons.menu.actions() if "broken" in a.text()]
    assert len(broken) == 4
    message = lessons.panel.message.text()
    assert "deep.toml: arrays and tables are nested more than 32 deep" in message
    assert "pipe.toml: not a regular file" in message
    assert lessons.open(lessons.find("good"))
