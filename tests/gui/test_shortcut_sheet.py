"""Help → Keyboard shortcuts lists exactly the window's actions that have a shortcut."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from gui.shortcut_sheet import ShortcutSheet, plain


def native(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def every_action(window) -> set[QAction]:
    """Menus walked by hand, the toolbar's actions and every QAction child of the window."""
    found = set(window.findChildren(QAction)) | set(window.transport.actions())
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    while menus:
        menu = menus.pop()
        for action in menu.actions():
            found.add(action)
            if action.menu() is not None:
                menus.append(action.menu())
    return found


def test_every_action_with_a_shortcut_is_listed(window):
    listed = set(ShortcutSheet(window).listed())
    with_keys = [a for a in every_action(window) if a.shortcuts()]
    assert len(with_keys) >= 8
    for action in with_keys:
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        assert (plain(action.text()), keys) in listed, action.text()
    assert len(listed) <= len(with_keys)  # nothing listed that has no shortcut


def test_the_known_shortcuts_are_there(window):
    keys = {keys for _, keys in ShortcutSheet(window).listed()}
    for expected in ("Space", "Right", "Left", "Shift+Right", "Ctrl+E"):
        assert any(native(expected) in k.split(", ") for k in keys), expected
    assert any(native("F1") in k and native("Ctrl+/") in k for k in keys)


def test_a_new_shortcut_appears_without_editing_the_sheet(window):
    extra = QAction("Frobnicate", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+F"))
    window.addAction(extra)
    assert ("Frobnicate", native("Ctrl+Alt+F")) in ShortcutSheet(window).listed()


def test_the_sheet_shows_what_each_action_does(window):
    sheet = ShortcutSheet(window)
    rows = {
        sheet.table.item(r, 1).text(): sheet.table.item(r, 2).text()
        for r in range(sheet.table.rowCount())
    }
    assert "micro-step" in rows[native("Right")]


def test_f1_opens_the_sheet(window, qtbot):
    opened: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ShortcutSheet):
            opened.append(dialog.windowTitle())
            dialog.reject()

    QTimer.singleShot(200, close_it)
    help_action = next(
        a
        for a in every_action(window)
        if native("F1")
        in [k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()]
    )
    help_action.trigger()
    assert opened == ["Keyboard shortcuts"]
