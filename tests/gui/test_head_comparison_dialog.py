"""Run → Compare output heads: the dialog shows the numbers the engine gives, Cancel stops it
without touching the run, and a run that is not a classification is refused with a message."""

from __future__ import annotations

import re

import numpy as np
import pytest

from engine.labs.loop_head_table import LOOP_HEADS, head_sentence
from engine.labs.loop_heads import compare_loop_heads
from engine.models.presets import PRESETS
from gui.background import wait_for_all
from gui.head_comparison_dialog import HeadComparisonDialog
from gui.language import CHINESE, ENGLISH, install_language

DIGITS = PRESETS["digits"]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def dialog(qtbot):
    made = HeadComparisonDialog(DIGITS.replace(epochs=1))
    qtbot.addWidget(made)
    made.show()
    yield made
    made.close()
    wait_for_all()


def cell(dialog: HeadComparisonDialog, row: int, column: int) -> str:
    return dialog.table.item(row, column).text()


def test_the_dialog_shows_the_engines_numbers(qtbot, dialog):
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=60_000)
    engine = compare_loop_heads(DIGITS.replace(epochs=1))  # computed here, on its own
    for row, result in enumerate(engine.results):
        assert cell(dialog, row, 0) == result.head.title
        assert cell(dialog, row, 1) == f"{result.val_accuracy:.1%}"
        assert cell(dialog, row, 2) == f"{result.val_loss:.4f}"
        assert head_sentence(result.head) in dialog.sentences.text()
    expected = [100 * r.val_accuracy for r in engine.results]
    assert dialog.bars.heights == tuple(expected)
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=10_000)
    assert not dialog.cancel_button.isEnabled() and dialog.progress.value() == 5 * 23


def test_cancel_stops_the_comparison_and_shows_no_numbers(qtbot):
    dialog = HeadComparisonDialog(DIGITS.replace(epochs=400))  # long enough to be stopped
    qtbot.addWidget(dialog)
    finished: list[object] = []
    dialog.task.finished.connect(finished.append)
    assert dialog.start()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=60_000)
    assert finished == [None] and dialog.comparison is None
    assert "cancelled" in dialog.status.text()
    assert all(cell(dialog, row, 1) == "—" for row in range(len(LOOP_HEADS)))
    assert dialog.bars.heights == ()
    dialog.close()
    wait_for_all()


def run_state(window) -> tuple:
    controller = window.controller
    return (controller.snapshot.tick, controller.snapshot.phase, controller.config)


def test_the_menu_refuses_a_run_that_is_not_a_classification(window):
    before = run_state(window)
    assert window.menus.head_comparison.open() is None  # Mazur: one sample, no dataset
    assert "Cannot compare output heads" in window.last_message
    assert "no dataset" in window.last_message
    assert run_state(window) == before


def test_cancel_from_the_menu_leaves_the_run_untouched(qtbot, window):
    assert window.controller.load_preset("digits")
    window.controller.step_phase()  # mid-iteration: the DataLoader's first batch is drawn
    before = run_state(window)
    params = dict(window.controller.snapshot.params)
    dialog = window.menus.head_comparison.open()
    assert dialog is not None and dialog.config == window.controller.config
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=60_000)
    assert dialog.comparison is None
    assert run_state(window) == before and dict(window.controller.snapshot.params) == params
    assert np.isfinite(list(params.values())).all()
    dialog.close()


def test_in_chinese_every_sentence_and_heading_is_translated(qtbot):
    assert install_language(CHINESE)
    try:
        dialog = HeadComparisonDialog(DIGITS.replace(epochs=1))
        qtbot.addWidget(dialog)
        assert dialog.start()
        qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=60_000)
        headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(3)]
        texts = [dialog.windowTitle(), dialog.status.text(), *headers]
        texts += dialog.sentences.text().split("\n\n")
        assert len(texts) == 10 and all(CJK.search(text) for text in texts), texts
        assert dialog.table.item(4, 0).text() == "softmax + 交叉熵"
        qtbot.waitUntil(lambda: not dialog.task.running, timeout=10_000)
        dialog.close()
    finally:
        install_language(ENGLISH)
        wait_for_all()
