"""Every control's text is drawn by an installed font: no empty boxes; one Back in view."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from gui.glyphs import FALLBACKS, drawable, renders, with_glyphs


def test_symbols_no_font_draws_give_way(qapp):
    missing = "\U0010fffd"  # a private-use character no font has
    assert not drawable(missing) and drawable("a")
    assert with_glyphs(f"{missing} Pause") == "Pause"
    assert renders(with_glyphs("⏸ Pause"))
    for symbol, plainer in FALLBACKS.items():
        assert with_glyphs(f"{symbol} x") in (f"{symbol} x", f"{plainer} x", "x")


def test_the_toolbar_draws_every_symbol_playing_or_not(window):
    transport = window.transport
    for playing in (False, True):
        transport.set_playing(playing)
        for action in transport.actions():
            assert renders(action.text()), action.text()


def test_the_progress_bar_shows_only_once_a_run_reports(window, qtbot):
    transport = window.transport
    assert not transport.progress.isVisible()
    transport.set_progress(3, 10)
    qtbot.waitUntil(transport.progress.isVisible)  # the toolbar lays its items out later
    assert transport.progress.text() == "3 / 10"
    transport.clear_progress()
    qtbot.waitUntil(lambda: not transport.progress.isVisible())


def test_one_back_in_view_during_a_lesson(window, qtbot):
    lessons = window.lessons
    lessons.open(lessons.panel.catalog.lessons[0])
    qtbot.waitUntil(lambda: not lessons.player.busy, timeout=10_000)
    backs = [b.text() for b in window.findChildren(QAbstractButton)
             if b.isVisible() and "Back" in b.text()]  # fmt: skip
    assert len(backs) == 1, backs  # the toolbar's (a tool button) and no other
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            assert renders(button.text()), button.text()
