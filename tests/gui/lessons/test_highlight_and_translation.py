"""The pointers a lesson uses (diagram ring, code line) and translated lesson text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from engine.training.code_listing import PHASE_LINES


class LessonTranslator(QTranslator):
    """Stands in for a compiled .qm: translates one context only."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"[zh] {source}" if context == "lesson:mazur" else None


def test_highlight_rings_one_element_and_clears(window):
    view = window.network_view
    assert view.highlight("w5")
    assert view.highlighted == "w5"
    assert view.highlight("h1")
    assert view.highlighted == "h1"
    assert not view.highlight("w99")
    assert view.highlighted == ""
    assert not view.highlight("")


def test_code_highlight_marks_a_second_line(window):
    panel = window.code_panel
    panel.highlight(PHASE_LINES["backward"])
    assert panel.highlighted == PHASE_LINES["backward"]
    assert len(panel.extraSelections()) == 2  # the marked line and the executing one
    panel.highlight(None)
    assert len(panel.extraSelections()) == 1


def test_lesson_text_goes_through_the_translator(qtbot, window):
    translator = LessonTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        lessons = window.lessons
        lessons.open(lessons.find("mazur"))
        qtbot.waitUntil(lambda: not lessons.player.busy)
        assert lessons.panel.title.text().startswith("[zh] Mazur")
        assert lessons.panel.text.toPlainText().startswith("[zh]")
    finally:
        QCoreApplication.removeTranslator(translator)
