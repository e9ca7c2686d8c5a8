"""The training loop as a learner writes it, with the line being executed highlighted."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

CURRENT_LINE = QColor("#ffe8a3")  # the debugger's "you are here"
MARKER = "▶ "
GAP = "  "


class CodePanel(QPlainTextEdit):
    """Set-up lines, a blank line, then the loop; `show_line` marks one loop line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # long set-up lines
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPixelSize(12)
        self.setFont(font)
        self.setToolTip(
            self.tr("The PyTorch training loop; the highlighted line is the one being executed")
        )
        self._setup: list[str] = []
        self._loop: list[str] = []
        self._current = 0

    def set_code(self, setup: list[str], loop: list[str]) -> None:
        self._setup, self._loop = list(setup), list(loop)
        self._render()

    def show_line(self, index: int) -> None:
        """Highlight loop line `index` (an index into engine.code_listing.code_lines)."""
        if index != self._current or not self.toPlainText():
            self._current = index
            self._render()

    def current_line_text(self) -> str:
        """The loop line being executed, as the engine wrote it."""
        if 0 <= self._current < len(self._loop):
            return self._loop[self._current]
        return ""

    def _render(self) -> None:
        lines = [GAP + line for line in self._setup]
        if self._setup:
            lines.append("")
        first_loop_block = len(lines)
        for k, line in enumerate(self._loop):
            lines.append((MARKER if k == self._current else GAP) + line)
        self.setPlainText("\n".join(lines))
        self._highlight(first_loop_block + self._current)

    def _highlight(self, block_number: int) -> None:
        block = self.document().findBlockByNumber(block_number)
        if not block.isValid():
            self.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(CURRENT_LINE)
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format = fmt
        cursor = QTextCursor(block)
        cursor.clearSelection()
        selection.cursor = cursor
        self.setExtraSelections([selection])
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
