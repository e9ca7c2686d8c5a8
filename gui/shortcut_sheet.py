"""Help → Keyboard shortcuts: every action of the window that has a shortcut, read from the
actions themselves so that the sheet cannot drift from what the keys do."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def plain(text: str) -> str:
    """A menu text without its mnemonic '&' and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def keys_of(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(keys.toString(native) for keys in action.shortcuts())


def window_actions(window: QWidget) -> list[QAction]:
    """The window's actions: its own, its menus', its toolbars' and its children's."""
    found: list[QAction] = []
    pending = [*window.actions(), *window.findChildren(QAction)]
    while pending:
        action = pending.pop(0)
        if action in found:
            continue
        found.append(action)
        if action.menu() is not None:
            pending += action.menu().actions()
    return found


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(action, keys, what it does) for each action with a shortcut, sorted by action."""
    rows = {
        (plain(action.text()), keys_of(action), action.toolTip())
        for action in window_actions(window)
        if not action.isSeparator() and action.shortcuts()
    }
    return sorted(rows, key=lambda row: row[0].lower())


class ShortcutSheet(QDialog):
    """A read-only table: action, keys, and the action's own tooltip."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 420)
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Keys"), self.tr("What it does")]
        )
        self.table.setToolTip(self.tr("Every keyboard shortcut of the main window"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def listed(self) -> list[tuple[str, str]]:
        """(action, keys) as the table shows them."""
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        ]
