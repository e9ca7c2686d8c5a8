"""A one-line notice laid over the top of another widget, hidden again after a few seconds."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

BANNER_STYLE = (
    "QLabel { background: #fff3cd; color: #4d3800; border: 1px solid #e0c36a; "
    "border-radius: 4px; padding: 4px 8px; }"
)
SHOW_MS = 8000


class MessageBanner(QLabel):
    """Follows its host's width; click it to dismiss early."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and errors
        self.setStyleSheet(BANNER_STYLE)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setToolTip(self.tr("Click to dismiss"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        host.installEventFilter(self)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self._place()
        self.show()
        self.raise_()
        self._timer.start(SHOW_MS)

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        width = max(host.width() - 24, 100)
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(12, 8)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def mousePressEvent(self, event: object) -> None:
        self.hide()
