"""The code keeps its indentation in a narrow panel: long lines scroll sideways, never wrap."""

from __future__ import annotations

from engine.models.presets import MAZUR
from engine.training.code_listing import code_lines, setup_lines
from gui.views.code_panel import CodePanel


def test_a_long_line_does_not_wrap_into_the_next_ones_indentation(qtbot):
    panel = CodePanel()
    qtbot.addWidget(panel)
    panel.resize(260, 300)
    config = MAZUR.replace(skip_zero_grad=True)
    panel.set_code(setup_lines(config), code_lines(config))
    panel.show()
    qtbot.waitExposed(panel)
    document = panel.document()
    block = document.begin()
    lines = 0
    while block.isValid():
        assert block.layout().lineCount() == 1, block.text()
        lines += 1
        block = block.next()
    assert lines == document.blockCount() and "skipped" in panel.toPlainText()
    assert panel.horizontalScrollBar().maximum() > 0  # the rest of a long line is scrolled to
