"""Every control the learner can reach carries a tooltip: each tab, lab, dock and menu."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QSlider,
    QTabWidget,
    QWidget,
)

CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QSlider)


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")()
    parent = widget.parent().metaObject().className() if widget.parent() else ""
    return f"{widget.metaObject().className()} in {parent} {widget.objectName()!r} {text!r}"


def untipped_controls(root: QWidget) -> set[str]:
    """Visible controls without a tooltip; a spin box's or combo's inner line edit is part of it."""
    missing = set()
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), (QAbstractSpinBox, QComboBox)
        ):
            continue
        if widget.objectName().startswith("qt_") or widget.inherits("QTableCornerButton"):
            continue  # Qt's own chrome: dock float/close buttons, a table's select-all corner
        if isinstance(widget, QAbstractButton) and widget.parent().inherits("QTabBar"):
            continue  # a tab bar's scroll arrows
        if not widget.toolTip().strip():
            missing.add(describe(widget))
    return missing


def bring_forward(widget: QWidget) -> None:
    """Make every tab page that holds `widget` the current one, so that it is shown."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget) and parent.indexOf(child) >= 0:
            parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


def visit_every_tab(qtbot, root: QWidget) -> set[str]:
    """Show every page of every tab widget (nested ones too) and collect what lacks a tip."""
    missing = untipped_controls(root)
    for tabs in root.findChildren(QTabWidget):
        bring_forward(tabs)
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(20)
            assert tabs.currentWidget().isVisible()
            missing |= untipped_controls(root)
    return missing


def test_every_visible_control_of_every_tab_has_a_tooltip(window, qtbot):
    window.plots_dock.show()
    window.settings_dock.show()
    missing = visit_every_tab(qtbot, window)
    window.settings_dock.raise_()
    qtbot.wait(20)
    missing |= untipped_controls(window)
    assert not missing, sorted(missing)


def test_the_check_sees_a_control_without_a_tooltip(window, qtbot):
    from PySide6.QtWidgets import QPushButton

    bare = QPushButton("bare", window.transport)
    window.transport.addWidget(bare)
    qtbot.wait(20)
    assert any("'bare'" in entry for entry in untipped_controls(window))


def test_every_menu_action_has_a_tooltip(window):
    missing = []
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            pending = [action]
            while pending:
                current = pending.pop()
                if current.menu() is not None:
                    pending += [a for a in current.menu().actions() if not a.isSeparator()]
                elif not action_has_own_tooltip(current):
                    missing.append(current.text())
    assert not missing, missing


def action_has_own_tooltip(action: QAction) -> bool:
    """Qt returns the text, minus '&' and '…', when no tooltip was set."""
    tip = action.toolTip().strip()
    plain = action.text().replace("&", "").replace("…", "").replace("...", "").strip()
    return bool(tip) and tip != plain
