"""Typing a parameter's value on the diagram: a small line edit over its tag.

Enter submits a finite number, anything else is refused with a message at the editor;
Escape, or a click elsewhere, cancels. The editor only asks: the controller decides.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsProxyWidget, QLineEdit, QToolTip

from engine.models.chain_rule import fmt
from gui.plain_text import plain_tooltip
from gui.views.diagram.items import Tag
from gui.views.diagram.text import parse_number, tr

EDITOR_Z = 10  # over every tag
MIN_EDITOR_WIDTH = 120.0
REFUSED_STYLE = "QLineEdit { border: 2px solid #d9572b; }"


class WeightEditor(QObject):
    """At most one open editor; `submitted` carries the label and the value typed."""

    submitted = Signal(str, float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.line_edit: QLineEdit | None = None
        self._proxy: QGraphicsProxyWidget | None = None
        self.message = ""  # why the last edit was refused

    def open(self, label: str, tag: Tag, value: float | None) -> None:
        """An editor over `tag` holding the value in full precision, all selected."""
        scene = tag.scene()
        self.close()
        editor = QLineEdit()
        editor.setFont(tag.font)
        editor.setText("" if value is None else fmt(value))
        editor.selectAll()
        editor.setToolTip(tr("New value for {0}; Enter applies, Escape cancels").format(label))
        editor.returnPressed.connect(lambda: self._submit(label, editor.text()))
        editor.installEventFilter(self)
        proxy = scene.addWidget(editor)
        proxy.setZValue(EDITOR_Z)
        box = tag.sceneBoundingRect()
        proxy.resize(max(box.width(), MIN_EDITOR_WIDTH), proxy.size().height())
        proxy.setPos(box.center().x() - proxy.size().width() / 2, box.top())
        self.line_edit, self._proxy = editor, proxy
        editor.setFocus()

    def is_open(self) -> bool:
        return self.line_edit is not None

    def shows(self, item: QGraphicsItem | None) -> bool:
        """Whether `item` is the open editor (a click on it is no click elsewhere)."""
        return self._proxy is not None and item is self._proxy

    def close(self) -> None:
        proxy = self._proxy
        if proxy is not None:
            proxy.setWidget(None)
            scene = proxy.scene()
            if scene is not None:
                scene.removeItem(proxy)
            self.line_edit.deleteLater()  # type: ignore[union-attr]
        self.line_edit, self._proxy = None, None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.line_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.close()
            return True
        return super().eventFilter(watched, event)

    def _submit(self, label: str, text: str) -> bool:
        """Emit the request for a finite number; anything else is refused with a message."""
        value = parse_number(text)
        if value is None:
            self._refuse(text)
            return False
        self.close()
        self.submitted.emit(label, value)
        return True

    def _refuse(self, text: str) -> None:
        message = tr("“{0}” is not a finite number: type e.g. 0.25 or -1e-3").format(text)
        editor = self.line_edit
        if editor is not None:
            editor.setStyleSheet(REFUSED_STYLE)
            tip = plain_tooltip(message)  # the message quotes what was typed
            editor.setToolTip(tip)
            where = editor.mapToGlobal(editor.rect().bottomLeft())
            QToolTip.showText(where, tip, editor)
        self.message = message
