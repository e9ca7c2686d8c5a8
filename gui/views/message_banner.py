"""A one-line notice in its own row above a view, hidden again after a few seconds.

It takes a row of the layout rather than lying over the view, so it never hides what the view
shows (a banner over the diagram once covered its top row of neurons).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

BANNER_STYLE = (
    "QLabel { background: #fff3cd; color: #4d3800; border: 1px solid #e0c36a; "
    "border-radius: 4px; padding: 4px 8px; }"
)
SHOW_MS = 5000


class MessageBanner(QLabel):
    """Click it to dismiss early; `dismiss` (the next step, say) hides it too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and errors
        self.setStyleSheet(BANNER_STYLE)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setToolTip(self.tr("Click to dismiss"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.show()
        self._timer.start(SHOW_MS)

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()

    def mousePressEvent(self, event: object) -> None:
        self.dismiss()
