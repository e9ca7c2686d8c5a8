"""At the default 1280×800 the explanation shows a hidden-layer step whole, and a clicked
element's detail is scrolled into view."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from gui.main_window import WINDOW_SIZE


def step_to(window, phase: str, focus: str) -> None:
    for _ in range(60):
        snapshot = window.controller.snapshot
        if snapshot.phase == phase and snapshot.focus == focus:
            return
        window.controller.step_phase()
    raise AssertionError(f"{phase} {focus} never reached")


def in_view(panel, text: str) -> bool:
    cursor = panel.document().find(text, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull(), text
    return panel.viewport().rect().contains(panel.cursorRect(cursor))


def test_a_hidden_step_needs_no_scrolling_and_a_selection_is_in_view(window, qtbot):
    window.resize(*WINDOW_SIZE)
    qtbot.wait(50)
    step_to(window, "backward", "h1")
    panel = window.explanation_panel
    qtbot.wait(50)
    assert panel.verticalScrollBar().maximum() == 0
    assert in_view(panel, "δ_h1 = ∂E/∂net_h1")
    window._clicked("w5")
    qtbot.wait(50)
    assert in_view(panel, "Selected: w5")
