"""The explanation panel: each factor expands to where it comes from; formulas copy as LaTeX."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication

from engine.core.snapshot import Snapshot
from engine.models.presets import MAZUR, PRESETS
from engine.training.stepper import Stepper
from gui.views.explanation_panel import ExplanationPanel


def snapshot_at(phase: str, focus: str) -> Snapshot:
    stepper = Stepper(MAZUR)
    for _ in stepper.plan:
        snap = stepper.step_phase()
        if (snap.phase, snap.focus) == (phase, focus):
            return snap
    raise AssertionError(f"no {phase} micro-step for {focus}")


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def mazur_out_o1() -> float:
    """Mazur's forward pass by hand."""
    out_h1 = sigmoid(0.15 * 0.05 + 0.20 * 0.10 + 0.35)
    out_h2 = sigmoid(0.25 * 0.05 + 0.30 * 0.10 + 0.35)
    return sigmoid(0.40 * out_h1 + 0.45 * out_h2 + 0.60)


@pytest.fixture
def panel(qtbot):
    widget = ExplanationPanel()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    return widget


def test_delta_o1_factors_expand_to_out_minus_target_and_the_sigmoids_slope(panel):
    panel.show_snapshot(snapshot_at("backward", "o1"))
    text = panel.toPlainText()
    assert "δ_o1 = ∂E/∂net_o1 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 = 0.74136507 × 0.186815602" in text
    assert "Where each factor comes from:" in text
    assert "out_o1 − target_o1" not in text  # closed until asked
    panel.toggle_factor("factor:0")
    out = mazur_out_o1()
    first = f"∂E/∂out_o1 = out_o1 − target_o1 = 0.75136507 − 0.01 = {out - 0.01:.8f}"
    assert first in panel.toPlainText()
    assert "out_o1·(1 − out_o1)" not in panel.toPlainText()
    panel.toggle_factor("factors:all")
    slope = out * (1 - out)
    second = f"∂out_o1/∂net_o1 = out_o1·(1 − out_o1) = 0.75136507 × (1 − 0.75136507) = {slope:.9f}"
    assert second in panel.toPlainText()
    assert first in panel.toPlainText()
    panel.toggle_factor("factor:0")  # with all shown, a click closes that one
    assert first not in panel.toPlainText()
    assert second in panel.toPlainText()


def test_show_all_lasts_across_micro_steps_and_a_single_expansion_does_not(panel):
    panel.show_snapshot(snapshot_at("backward", "o1"))
    panel.toggle_factor("factor:1")
    assert "out_o1·(1 − out_o1)" in panel.toPlainText()
    panel.show_snapshot(snapshot_at("backward", "w5"))
    assert "out_o1·(1 − out_o1)" not in panel.toPlainText()
    panel.toggle_factor("factors:all")
    panel.show_snapshot(snapshot_at("backward", "w6"))
    text = panel.toPlainText()
    assert "∂net_o1/∂w6 = out_h2 = 0.596884378" in text
    assert "∂E/∂out_o1 = out_o1 − target_o1" in text


def test_hidden_deltas_expand_through_the_deltas_above(panel):
    panel.show_snapshot(snapshot_at("backward", "h1"))
    panel.toggle_factor("factor:0")  # δ_o1, a term of ∂E/∂out_h1 = δ_o1·w5 + δ_o2·w7
    assert "δ_o1 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 = 0.74136507 × 0.186815602" in panel.toPlainText()
    panel.toggle_factor("factor:0.0")  # δ_o1's own ∂E/∂out_o1
    assert "∂E/∂out_o1 = out_o1 − target_o1 = 0.75136507 − 0.01" in panel.toPlainText()
    panel.toggle_factor("factor:9")  # no such factor: nothing breaks
    panel.toggle_factor("factor:0.0")
    assert "out_o1 − target_o1" not in panel.toPlainText()


def test_copy_formula_as_latex_from_the_context_menu(panel):
    panel.show_snapshot(snapshot_at("backward", "o1"))
    menu = panel.context_menu(QPoint(5, 5))
    actions = {a.text(): a for a in menu.actions()}
    assert actions["Copy formula as LaTeX"].isEnabled()
    actions["Copy formula as LaTeX"].trigger()
    latex = QGuiApplication.clipboard().text()
    assert latex.startswith(r"\delta_{o1} = \frac{\partial E}{\partial \mathrm{net}_{o1}}")
    assert r"(\mathrm{out}_{o1} - \mathrm{target}_{o1})" in latex
    assert latex.endswith(r"= 0.74136507 \times 0.186815602 = 0.138498562")
    assert panel.latex("factor:0") == (
        r"\frac{\partial E}{\partial \mathrm{out}_{o1}} = \mathrm{out}_{o1} - "
        r"\mathrm{target}_{o1} = 0.75136507 - 0.01 = 0.74136507"
    )
    menu.deleteLater()


def test_a_step_without_formulas_offers_no_latex(panel):
    stepper = Stepper(MAZUR)
    panel.show_snapshot(stepper.snapshot)
    menu = panel.context_menu(QPoint(5, 5))
    assert not {a.text(): a for a in menu.actions()}["Copy formula as LaTeX"].isEnabled()
    assert "Where each factor comes from" not in panel.toPlainText()
    menu.deleteLater()


def test_forward_sums_and_the_loss_expand_back_to_the_inputs(panel):
    panel.show_snapshot(snapshot_at("forward", "o1"))
    panel.toggle_factor("factor:0")  # h1 in net_o1 = w5·h1 + w6·h2 + b_o1
    out_h1 = sigmoid(0.15 * 0.05 + 0.20 * 0.10 + 0.35)
    text = panel.toPlainText()
    assert (
        f"out_h1 = sigmoid(net_h1) = 1/(1 + exp(−net_h1)) = 1 / (1 + exp(−0.3775)) = {out_h1:.9f}"
        in text
    )
    panel.toggle_factor("factor:0.0")  # its net_h1
    assert "net_h1 = w1·i1 + w2·i2 + b_h1 = 0.15 × 0.05 + 0.2 × 0.1 + 0.35 = 0.3775" in (
        panel.toPlainText()
    )
    panel.show_snapshot(snapshot_at("loss", None))
    panel.toggle_factor("factor:0")  # out_o1 in E
    out = mazur_out_o1()
    assert (
        f"out_o1 = sigmoid(net_o1) = 1/(1 + exp(−net_o1)) = 1 / (1 + exp(−1.105905967)) = {out:.8f}"
        in (panel.toPlainText())
    )


def rosenbrock_at(phase: str, focus: str) -> Snapshot:
    stepper = Stepper(PRESETS["rosenbrock"])
    for _ in stepper.plan:
        snap = stepper.step_phase()
        if (snap.phase, snap.focus) == (phase, focus):
            return snap
    raise AssertionError(f"no {phase} micro-step for {focus}")


def test_a_test_functions_update_expands_its_gradient_to_the_partial(panel):
    panel.show_snapshot(rosenbrock_at("step", "x"))
    assert "▸ ∂E/∂x" in panel.toPlainText()
    x, y = -1.5, 2.0  # Rosenbrock's start; ∂f/∂x by hand
    slope = -2 * (1 - x) - 400 * x * (y - x**2)
    shown = (
        "∂E/∂x = ∂f/∂x = −2·(1 − x) − 400·x·(y − x²) = −2 × (1 − (-1.5)) − 400 × (-1.5) × "
        f"(2 − (-1.5)²) = {slope:g}"
    )
    assert shown not in panel.toPlainText()
    panel.toggle_factor("factor:0")
    assert shown in panel.toPlainText()
    assert panel.latex("factor:0") == (
        r"\frac{\partial E}{\partial x} = \frac{\partial f}{\partial x} = -2 \cdot (1 - x) - "
        r"400 \cdot x \cdot (y - x^{2}) = -2 \times (1 - (-1.5)) - 400 \times (-1.5) \times "
        r"(2 - (-1.5)^{2}) = -155"
    )


def test_the_incoming_activation_expands_to_its_forward_formula(panel):
    panel.show_snapshot(snapshot_at("backward", "w5"))
    panel.toggle_factor("factor:2")  # ∂net_o1/∂w5 = out_h1
    assert "∂net_o1/∂w5 = out_h1 = 0.593269992" in panel.toPlainText()
    panel.toggle_factor("factor:2.0")  # out_h1 = sigmoid(net_h1)
    out_h1 = sigmoid(0.15 * 0.05 + 0.20 * 0.10 + 0.35)
    assert (
        f"out_h1 = sigmoid(net_h1) = 1/(1 + exp(−net_h1)) = 1 / (1 + exp(−0.3775)) = {out_h1:.9f}"
        in panel.toPlainText()
    )
    panel.toggle_factor("factor:2.0.0")  # net_h1, its sum
    assert "net_h1 = w1·i1 + w2·i2 + b_h1 = 0.15 × 0.05 + 0.2 × 0.1 + 0.35 = 0.3775" in (
        panel.toPlainText()
    )
