"""The softmax lab shows the engine's Jacobian, probabilities and cross-entropy gradient."""

from __future__ import annotations

import numpy as np

from engine.labs.softmax_jacobian import softmax_report
from gui.labs.softmax_lab import SoftmaxLab
from gui.theme import apply_plot_theme


def test_notes_example_and_an_edit(qtbot) -> None:
    apply_plot_theme()
    lab = SoftmaxLab()
    qtbot.addWidget(lab)
    expected = softmax_report((3.0, 1.0, -3.0), 0)
    np.testing.assert_array_equal(lab.image.image, expected.jacobian)
    assert len(lab._texts) == 9 and lab._texts[1].toPlainText() == f"{expected.jacobian[0, 1]:.3g}"
    assert lab.table.item(0, 2).text() == f"{expected.p[0]:.5g}"
    assert lab.table.item(2, 5).text() == f"{expected.p_minus_y[2]:.5g}"
    lab.logits.setText("0.5, -1, 2, 0")
    lab.logits.editingFinished.emit()
    lab.target.setValue(3)
    expected = softmax_report((0.5, -1.0, 2.0, 0.0), 3)
    np.testing.assert_array_equal(lab.image.image, expected.jacobian)
    assert len(lab._texts) == 16 and lab.table.rowCount() == 4
    assert lab.table.item(3, 4).text() == f"{expected.ce_gradient[3]:.5g}"
    assert "−log p[3]" in lab.checks.text()


def test_bad_input_is_reported_and_keeps_the_last_result(qtbot) -> None:
    lab = SoftmaxLab()
    qtbot.addWidget(lab)
    before = lab.report
    lab.logits.setText("1, x")
    lab.logits.editingFinished.emit()
    assert "not a list of numbers" in lab.message.text()
    assert lab.report is before
