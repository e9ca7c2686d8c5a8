"""The diagram's tooltips keep to the story: at the ∂E/∂w5 micro-step, w1 and h2 say when their
gradient and δ appear instead of showing them; the loss box has a tooltip of its own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from engine.core.formula import fmt
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper


def step_to(qtbot, window, phase: str, focus: str | None) -> int:
    """Press → until the micro-step (phase, focus); its 1-based number in the iteration."""
    for micro in range(1, Stepper(MAZUR).micro_steps_per_iteration + 1):
        qtbot.keyClick(window.network_view, Qt.Key.Key_Right)
        snap = window.controller.snapshot
        if (snap.phase, snap.focus) == (phase, focus):
            return micro
    raise AssertionError((phase, focus))


def micro_step_of(phase: str, focus: str) -> int:
    stepper = Stepper(MAZUR)
    for micro in range(1, stepper.micro_steps_per_iteration + 1):
        snap = stepper.step_phase()
        if (snap.phase, snap.focus) == (phase, focus):
            return micro
    raise AssertionError((phase, focus))


def hover(qtbot, view, label: str) -> None:
    point = view.mapFromScene(
        view.figure.loss_tag.sceneBoundingRect().center()
        if label == "E"
        else view.scene_pos_of(label)
    )
    QTest.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: view._hover.hovered == label, timeout=2000)


def test_at_the_w5_micro_step_w1_and_h2_say_when_instead_of_running_ahead(qtbot, window):
    view = window.network_view
    step_to(qtbot, window, "backward", "w5")
    hover(qtbot, view, "w1")
    tip = view.figure.params["w1"].tag.toolTip()
    assert "0.000438" not in tip
    w1 = micro_step_of("backward", "w1")
    assert f"∂E/∂w1 is computed at micro-step {w1} (loss.backward(), hidden layer)" in tip
    hover(qtbot, view, "h2")
    tip = view.figure.neurons["h2"].circle.toolTip()
    assert "δ_h2 =" not in tip
    assert f"δ_h2 is computed at micro-step {micro_step_of('backward', 'h2')}" in tip
    assert "out_h2 = 0.596884378" in tip  # forward reached it: its value is shown
    hover(qtbot, view, "w5")
    assert "= 0.082167041" in view.figure.params["w5"].tag.toolTip()


def test_the_loss_box_tooltip_says_when_then_gives_the_formula(qtbot, window):
    view = window.network_view
    hover(qtbot, view, "E")
    loss_step = micro_step_of("loss", None)
    assert f"E is computed at micro-step {loss_step} (the loss)" in view.figure.loss_tag.toolTip()
    QTest.mouseMove(view.viewport(), view.mapFromScene(view.scene_pos_of("i1")))
    qtbot.waitUntil(lambda: view._hover.hovered == "i1", timeout=2000)
    step_to(qtbot, window, "loss", None)
    hover(qtbot, view, "E")
    tip = view.figure.loss_tag.toolTip()
    assert tip.endswith(f"= {fmt(0.298371109)}")
    assert "½·(target_o1 − out_o1)²" in tip
