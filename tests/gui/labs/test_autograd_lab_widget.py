"""The autograd lab shows both ways' numbers and the graph autograd built."""

from __future__ import annotations

from engine.labs.autograd_compare import compare
from gui.labs.autograd_lab import AutogradLab
from gui.theme import apply_plot_theme


def test_notes_example_then_a_reused_leaf(qtbot) -> None:
    apply_plot_theme()
    lab = AutogradLab()
    qtbot.addWidget(lab)
    assert "returned: w: 2" in lab.grad_text.text()
    assert "None (left untouched)" in lab.grad_text.text()
    assert "w.grad = 2" in lab.backward_text.text()
    assert "w.grad = 4" in lab.twice_text.text() and "second time" in lab.twice_text.text()
    assert not lab.b.isEnabled() and len(lab.graph.positions) == 3
    lab.choice.setCurrentIndex(lab.choice.findData("sigmoid"))
    lab.x.setValue(0.5)
    assert lab.b.isEnabled()
    expected = compare("sigmoid", 0.5, 2.0, 0.0)
    assert f"w: {expected.grad_result['w']:.6g}" in lab.grad_text.text()
    lab.choice.setCurrentIndex(lab.choice.findData("reuse"))
    assert len(lab.graph.positions) == len(compare("reuse").nodes) == 5
