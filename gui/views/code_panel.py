"""The training loop as a learner writes it, with the line being executed highlighted."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

CURRENT_LINE = QColor("#ffe8a3")  # the debugger's "you are here"
MARKED_LINE = QColor("#cdebd3")  # a line a lesson points at, apart from the one executing
LINE_INK = QColor("#1c2733")  # dark text on the light marks, whatever the theme
MARKER = "▶ "
GAP = "  "


class CodePanel(QPlainTextEdit):
    """Set-up lines, a blank line, then the loop; `show_line` marks one loop line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # A wrapped line would continue under the next line's indentation, which in Python
        # is the program's structure: long lines scroll sideways instead.
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(9)  # points: sized by the screen's DPI, sharp at any scale
        self.setFont(font)
        self.setToolTip(
            self.tr("The PyTorch training loop; the highlighted line is the one being executed")
        )
        self._setup: list[str] = []
        self._loop: list[str] = []
        self._current = 0
        self._marked: int | None = None

    def set_code(self, setup: list[str], loop: list[str]) -> None:
        self._setup, self._loop = list(setup), list(loop)
        self._render()

    def show_line(self, index: int) -> None:
        """Highlight loop line `index` (an index into engine.training.code_listing.code_lines)."""
        if index != self._current or not self.toPlainText():
            self._current = index
            self._render()

    def highlight(self, index: int | None) -> None:
        """Mark loop line `index` in a second colour until cleared with None (for lessons)."""
        self._marked = index
        self._render()

    @property
    def highlighted(self) -> int | None:
        return self._marked

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
        marked = [] if self._marked is None else [(first_loop_block + self._marked, MARKED_LINE)]
        self._highlight([*marked, (first_loop_block + self._current, CURRENT_LINE)])

    def _highlight(self, blocks: list[tuple[int, QColor]]) -> None:
        selections = []
        cursor = None
        for number, colour in blocks:
            block = self.document().findBlockByNumber(number)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            fmt.setForeground(LINE_INK)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.format = fmt
            cursor = QTextCursor(block)
            cursor.clearSelection()
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)
        if cursor is not None:  # the executing line (last) stays in view
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
