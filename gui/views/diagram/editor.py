"""Typing a value on the diagram (a weight, a bias, an input or a target): a small line edit
over its tag.

Enter submits a finite number, anything else is refused with a message at the editor;
Escape, or a click elsewhere, cancels. Mid-iteration a value cannot simply be set (the
iteration has used the old one), so Enter offers instead to restart this iteration with the
new value, or to cancel. The editor only asks: the controller decides.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsProxyWidget,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolTip,
    QWidget,
)

from engine.core.snapshot import Snapshot
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
    restart_requested = Signal(str, float)  # mid-iteration: rewind to its start, then edit
    opened = Signal()  # an editor is open: the numbers under it must hold still

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.line_edit: QLineEdit | None = None
        self._proxy: QGraphicsProxyWidget | None = None
        self.message = ""  # why the last edit was refused
        self.offer: RestartOffer | None = None  # mid-iteration, after Enter
        self._restart = False

    def open(self, label: str, tag: Tag, value: float | None, mid_iteration: bool = False) -> None:
        """An editor over `tag` holding the value in full precision, all selected."""
        scene = tag.scene()
        self.close()
        self._restart = mid_iteration
        editor = QLineEdit()
        editor.setFont(tag.font)
        editor.setText("" if value is None else fmt(value))
        editor.selectAll()
        if mid_iteration:
            tip = tr("New value for {0}; mid-iteration, Enter offers to restart this iteration")
        else:
            tip = tr("New value for {0}; Enter applies, Escape cancels")
        editor.setToolTip(tip.format(label))
        editor.returnPressed.connect(lambda: self._submit(label, editor.text()))
        editor.installEventFilter(self)
        self._place(scene.addWidget(editor), tag.sceneBoundingRect())
        self.line_edit = editor
        editor.setFocus()
        self.opened.emit()

    def _place(self, proxy: QGraphicsProxyWidget, box: QRectF) -> None:
        proxy.setZValue(EDITOR_Z)
        proxy.resize(max(box.width(), MIN_EDITOR_WIDTH), proxy.size().height())
        proxy.setPos(box.center().x() - proxy.size().width() / 2, box.top())
        self._proxy = proxy

    def is_open(self) -> bool:
        return self.line_edit is not None

    def shows(self, item: QGraphicsItem | None) -> bool:
        """Whether `item` is the open editor (a click on it is no click elsewhere)."""
        return self._proxy is not None and item is self._proxy

    def close(self) -> None:
        proxy = self._proxy
        if proxy is not None:
            widget = proxy.widget()
            proxy.setWidget(None)
            scene = proxy.scene()
            if scene is not None:
                scene.removeItem(proxy)
            if widget is not None:
                widget.deleteLater()
        self.line_edit, self._proxy, self.offer = None, None, None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        offer = self.offer
        mine = watched is self.line_edit or (offer is not None and watched in offer.buttons())
        if (
            mine
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
        if self._restart:
            self._offer_restart(label, value)
            return True
        self.close()
        self.submitted.emit(label, value)
        return True

    def _offer_restart(self, label: str, value: float) -> None:
        """In the editor's place: restart this iteration with the value, or cancel."""
        proxy, editor = self._proxy, self.line_edit
        assert proxy is not None and editor is not None
        box, scene = proxy.sceneBoundingRect(), proxy.scene()
        offer = RestartOffer(label, value, editor.font())
        offer.restart.clicked.connect(lambda: self._restart_with(label, value))
        offer.cancel.clicked.connect(self.close)
        self.close()
        self._place(scene.addWidget(offer), box)
        self._proxy.resize(offer.sizeHint())  # type: ignore[union-attr]
        self.offer = offer
        for button in offer.buttons():
            button.installEventFilter(self)  # Escape cancels here too
        offer.restart.setFocus()

    def _restart_with(self, label: str, value: float) -> None:
        self.close()
        self.restart_requested.emit(label, value)

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


class RestartOffer(QWidget):
    """Two buttons where the editor was: restart the iteration with the value, or cancel."""

    def __init__(self, label: str, value: float, font: QFont) -> None:
        super().__init__()
        self.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        text = tr("Restart this iteration with {0} = {1}").format(label, fmt(value))
        self.restart = QPushButton(text)
        self.restart.setToolTip(
            tr(
                "Go back to the start of this iteration (where ← would arrive) and set the "
                "value there; ← then undoes the edit at the iteration's start"
            )
        )
        self.cancel = QPushButton(tr("Cancel"))
        layout.addWidget(self.restart)
        layout.addWidget(self.cancel)

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.restart, self.cancel


def mid_iteration(snapshot: Snapshot | None) -> bool:
    """Whether the run stands inside an iteration, where a value cannot simply be set."""
    if snapshot is None or snapshot.phase in ("ready", "edit"):
        return False
    return snapshot.completed == snapshot.iteration  # the last step completes its iteration
