"""Showing text that came from a file or a user: as plain text, never as Qt rich text.

Qt guesses rich text from anything that looks like a tag before the first line break
(Qt::mightBeRichText) and then loads every `<img src>` from disk: `/dev/zero` is read until
memory runs out, a FIFO blocks the window for ever. Labels, dialogs and tooltips that may show
such text (sessions, lessons, CSVs, error messages quoting them) are built here. The format is
set before the text: a rich-text label lays itself out, images included, as soon as it has text.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows `text` (and anything set later) literally."""
    label = QLabel(parent)
    label.setTextFormat(PLAIN)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` literally: tooltips always guess the format, so escape it."""
    if "<" not in text and "&" not in text:
        return text  # nothing Qt could take for markup
    return f"<p style='white-space: pre-wrap'>{html.escape(text)}</p>"


def menu_text(text: str) -> str:
    """`text` as a menu entry shows it: a single & would mark the next letter as a shortcut."""
    return text.replace("&", "&&")


def message_box(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box whose text is plain (QMessageBox.warning and friends guess rich text)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(PLAIN)
    box.setText(text)
    box.setStandardButtons(buttons)
    return box


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """A modal warning with `text` as plain text."""
    message_box(parent, title, text).exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask Yes / No (No is the default) with `text` as plain text; True for Yes."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = message_box(parent, title, text, QMessageBox.Icon.Question, yes | no)
    box.setDefaultButton(no)
    return box.exec() == yes
