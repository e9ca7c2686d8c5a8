"""A text field that refuses what it cannot parse, with the reason shown right under it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from gui.plain_text import plain_label, plain_tooltip

T = TypeVar("T")

INVALID_STYLE = "QLineEdit { border: 2px solid #d9572b; background: #fff4f0; }"
ERROR_STYLE = "color: #b3401c;"


def tr(text: str) -> str:
    return QCoreApplication.translate("CheckedField", text)


def parse_float(text: str) -> float:
    """A finite number; a decimal comma is accepted. Raises ValueError with a learner's message."""
    cleaned = text.strip()
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(tr("“{0}” is not a number").format(text)) from None
    if not math.isfinite(value):
        raise ValueError(tr("“{0}” is not a finite number").format(text))
    return value


def parse_sizes(text: str) -> tuple[int, ...]:
    """Layer sizes such as "2,2,2", or "2-8-8-2" as the app writes a shape; the engine judges
    whether they make a network. A dash between two numbers separates them; a minus sign
    before a number stays, so "2,-8" is refused by the engine, not read as 2,8."""
    separated = re.sub(r"(?<=\d)(?:-|\s+-\s+)(?=\d)", ",", text)
    parts = [p.strip() for p in separated.replace(" ", ",").split(",") if p.strip()]
    try:
        return tuple(int(p) for p in parts)
    except ValueError:
        raise ValueError(
            tr("“{0}”: give whole numbers separated by commas, e.g. 2,2,2").format(text)
        ) from None


class CheckedField(QWidget, Generic[T]):
    """A QLineEdit plus an error line; `value()` parses, `set_error` marks it refused."""

    edited = Signal()

    def __init__(self, parse: Callable[[str], T], tip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._parse = parse
        self.editor = QLineEdit()
        self.editor.setToolTip(tip)
        self.error_label = plain_label()  # the message quotes what was typed
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)
        self._tip = tip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.editor)
        layout.addWidget(self.error_label)
        self.editor.textEdited.connect(lambda _: self.edited.emit())

    def text(self) -> str:
        return self.editor.text()

    def set_text(self, text: str) -> None:
        self.editor.setText(text)
        self.set_error(None)

    def value(self) -> T:
        """The parsed value; raises ValueError with a message when the text is not valid."""
        return self._parse(self.editor.text())

    def set_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        self.editor.setStyleSheet(INVALID_STYLE if message else "")
        self.editor.setToolTip(plain_tooltip(f"{self._tip}\n{message}") if message else self._tip)

    def error(self) -> str:
        return self.error_label.text()
