"""Fitting the window to a small screen (a 1024×768 projector), and giving the tabs room.

Two causes made the window wider than such a screen: combo boxes as wide as their longest
entry (a plane's full name, say), and the Plots dock beside pages that never use it. The combo
boxes here keep a short closed width (their lists still show whole entries), and the docks of
the training run step aside on the tabs that show nothing of theirs, coming back as they were.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

DOCK_SHARE = 0.3  # the most of a window's width a column of docks keeps when it shrinks
COMBO_CHARS = 12  # a closed combo box longer than this elides; its list shows whole entries


def compact_combo_boxes(root: QWidget, chars: int = COMBO_CHARS) -> None:
    """Every combo box under `root` with an entry longer than `chars` asks for that width.

    Must run before the layouts first ask their size: a combo box caches its minimum."""
    for box in root.findChildren(QComboBox):
        if max((len(box.itemText(k)) for k in range(box.count())), default=0) > chars:
            policy = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            box.setSizeAdjustPolicy(policy)
            box.setMinimumContentsLength(chars)


class PageTabs(QTabWidget):
    """Tabs whose minimum is the open page's, not the widest page's: a page's controls need
    room only while it is shown (and the docks beside it differ from tab to tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        stack, page = self.findChild(QStackedWidget), self.currentWidget()
        if stack is None or page is None:
            return hint
        return (
            hint - stack.minimumSizeHint() + page.minimumSizeHint().expandedTo(page.minimumSize())
        )


class DocksPerTab:
    """Hides `docks` while one of the `aside` pages is open; shows again those that were shown.

    A dock the learner closed stays closed; `restore` brings the docks back as the learner
    left them (before the window's layout is saved, so a closed lab tab keeps the plots)."""

    def __init__(self, tabs: QTabWidget, docks: Sequence[QDockWidget], aside: set[QWidget]):
        self.tabs, self.docks, self.aside = tabs, list(docks), aside
        self.hidden: list[QDockWidget] = []  # the docks this hid, to show again
        self.raised: list[QDockWidget] = []  # which of them was the front tab
        tabs.currentChanged.connect(lambda _: self.follow())

    def follow(self) -> None:
        if self.tabs.currentWidget() in self.aside:
            self._step_aside()
        else:
            self.restore()

    def _step_aside(self) -> None:
        shown = [d for d in self.docks if not d.isHidden() and not d.isFloating()]
        if not shown:
            return
        self.raised = [d for d in shown if d.isVisible()]  # the front tab of a tabbed group
        self.hidden += shown
        for dock in shown:
            dock.hide()

    def restore(self) -> None:
        hidden, self.hidden = self.hidden, []
        for dock in hidden:
            dock.show()
        for dock in self.raised if hidden else []:
            dock.raise_()


def narrow_docks(window: QMainWindow, docks: Sequence[QDockWidget]) -> None:
    """On a narrow window (a projector's 1024 pixels), docks wider than their share give the
    rest back to the page; a wide window keeps the widths the learner chose."""
    most = int(window.width() * DOCK_SHARE)
    wide = [d for d in docks if d.isVisible() and not d.isFloating() and d.width() > most]
    if wide:
        window.resizeDocks(wide, [most] * len(wide), Qt.Orientation.Horizontal)
