"""The window shows the engine's Snapshots: stepping, undo, Mazur's numbers, hover and edits."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt

from engine.core.snapshot import Snapshot
from engine.models.presets import PRESETS
from engine.training.code_listing import code_lines
from engine.training.stepper import Stepper
from gui.views.diagram.text import short

MAZUR = PRESETS["mazur"]


def press(qtbot, window, key: Qt.Key, times: int = 1) -> None:
    """Keys go to the diagram: the shortcuts must work while it has the focus."""
    for _ in range(times):
        qtbot.keyClick(window.network_view, key)


def view_state(window) -> dict[str, object]:
    """Everything the window shows for the current micro-step, as text."""
    view = window.network_view
    return {
        "code": window.code_panel.current_line_text(),
        "explanation": window.explanation_panel.toPlainText(),
        "diagram": {label: view.label_text(label) for label in [*view.labels(), "E"]},
        "status": [
            window.iteration_label.text(),
            window.phase_label.text(),
            window.loss_label.text(),
        ],
    }


def assert_shows(window, snap: Snapshot) -> None:
    text = window.explanation_panel.toPlainText()
    assert snap.explanation in text
    for line in snap.formula.splitlines():
        assert line in text
    assert window.code_panel.current_line_text() == code_lines(MAZUR)[snap.code_line]
    view = window.network_view
    for name, value in snap.neurons.items():
        if not name.startswith("i"):
            assert f"net = {short(value.net)}" in view.label_text(name)
            assert f"out = {short(value.out)}" in view.label_text(name)
    for name, delta in snap.deltas.items():
        assert f"δ = {short(delta)}" in view.label_text(name)
    for label, value in snap.params.items():
        assert f"{label} = {short(value)}" in view.label_text(label)
        grad = snap.grads[label]
        if grad is not None:
            assert f"∂E/∂{label} = {short(grad)}" in view.label_text(label)
    assert view.element_at_focus() == snap.focus


def test_right_arrow_advances_exactly_one_micro_step(qtbot, window):
    reference = Stepper(MAZUR)
    for tick in range(1, 12):
        press(qtbot, window, Qt.Key.Key_Right)
        expected = reference.step_phase()
        assert window.controller.snapshot.tick == tick
        assert window.controller.snapshot == expected
        assert_shows(window, expected)


def test_left_arrow_restores_the_previous_view_exactly(qtbot, window):
    for ticks in (9, 26):  # mid-backward, and across the end of an iteration
        window.controller.reset()
        press(qtbot, window, Qt.Key.Key_Right, ticks)
        before_snapshot, before_view = window.controller.snapshot, view_state(window)
        press(qtbot, window, Qt.Key.Key_Right)
        assert view_state(window) != before_view
        press(qtbot, window, Qt.Key.Key_Left)
        assert window.controller.snapshot == before_snapshot
        assert view_state(window) == before_view


def test_mazur_first_iteration_shows_the_published_numbers(qtbot, window):
    seen: dict[tuple[str, str | None], str] = {}
    for _ in range(Stepper(MAZUR).micro_steps_per_iteration):
        press(qtbot, window, Qt.Key.Key_Right)
        snap = window.controller.snapshot
        seen[(snap.phase, snap.focus)] = window.explanation_panel.toPlainText()
        if (snap.phase, snap.focus) == ("loss", None):
            assert "0.298371109" in window.loss_label.text()
            assert "0.298371109" in window.network_view.label_text("E")
        if (snap.phase, snap.focus) == ("backward", "w5"):
            assert "∂E/∂w5 = 0.0822" in window.network_view.label_text("w5")
    assert "= 0.298371109" in seen[("loss", None)]
    assert "= 0.082167041" in seen[("backward", "w5")]
    assert "0.4 − 0.5 × 0.082167041 = 0.35891648" in seen[("step", "w5")]
    assert "w5 = 0.3589" in window.network_view.label_text("w5")
    assert window.controller.stepper.trajectory.length == 1


def test_step_iteration_and_reset(qtbot, window):
    window.transport.iteration_action.trigger()
    assert window.controller.stepper.trajectory.length == 1
    assert window.plots_panel.loss_plot.losses.tolist() == [
        window.controller.stepper.trajectory.losses[0]
    ]
    window.transport.reset_action.trigger()
    assert window.controller.snapshot.tick == 0
    assert window.plots_panel.loss_plot.losses.size == 0
    assert not window.transport.back_action.isEnabled()


def test_space_plays_and_pauses(qtbot, window):
    window.transport.speed_slider.setValue(window.transport.speed_slider.maximum())
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.controller.playing
    assert window.transport.play_action.isChecked()
    qtbot.waitUntil(lambda: window.controller.snapshot.tick >= 5, timeout=5000)
    press(qtbot, window, Qt.Key.Key_Space)
    assert not window.controller.playing
    stopped_at = window.controller.snapshot.tick
    qtbot.wait(250)
    assert window.controller.snapshot.tick == stopped_at
    assert "Play" in window.transport.play_action.text()


def test_divergence_pauses_play_and_says_so(qtbot, window):
    config = MAZUR.replace(activations=("identity", "identity"), lr=1e200)
    assert window.controller.apply_config(config)
    window.transport.speed_slider.setValue(window.transport.speed_slider.maximum())
    window.controller.play()
    qtbot.waitUntil(lambda: not window.controller.playing, timeout=10_000)
    snap = window.controller.snapshot
    assert snap.diverged and not math.isfinite(snap.loss)
    assert "diverged" in window.last_message
    assert window.banner.isVisible() and "diverged" in window.banner.text()
    assert not window.controller.step_phase()  # refused, with a message, state kept
    assert window.controller.snapshot is snap
    press(qtbot, window, Qt.Key.Key_Left)  # back is the way out
    assert not window.controller.snapshot.diverged


def test_hover_sends_the_engines_description_to_the_diagram(qtbot, window, monkeypatch):
    received: list[tuple[str, str]] = []
    monkeypatch.setattr(window.network_view, "set_hover_text", lambda *a: received.append(a))
    window.network_view.element_hovered.emit("w5")
    explanation, formula = window.controller.stepper.describe("w5")
    assert received == [("w5", f"{explanation}\n{formula}")]
    window.network_view.element_clicked.emit("h1")
    assert window.controller.stepper.describe("h1")[1].splitlines()[0] in (
        window.explanation_panel.toPlainText()
    )


def test_weight_edit_is_recorded_and_undone(qtbot, window):
    window.network_view.weight_edit_requested.emit("w5", 0.25)
    assert window.controller.snapshot.params["w5"] == 0.25
    assert "w5 = 0.2500" in window.network_view.label_text("w5")
    press(qtbot, window, Qt.Key.Key_Left)
    assert window.controller.snapshot.params["w5"] == 0.4
    press(qtbot, window, Qt.Key.Key_Right, 2)
    before = window.controller.snapshot
    window.network_view.weight_edit_requested.emit("w5", 0.25)  # mid-iteration: refused
    assert "finish or rewind" in window.last_message
    assert window.controller.snapshot is before
    assert "w5 = 0.4000" in window.network_view.label_text("w5")


def test_loss_plot_reads_out_iteration_and_loss(qtbot, window):
    window.controller.run_blocking(3)
    losses = window.controller.stepper.trajectory.losses
    plot = window.plots_panel.loss_plot
    assert plot.hover_at(1) == f"iteration 2: loss {losses[1]:.9g}"
    plot.log_box.setChecked(True)
    assert plot.loss_curve.opts["logMode"][1]
    params = window.plots_panel.param_plot
    assert params.shown() == ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"]
    x, y = params.curves["w5"].getData()
    assert list(x) == [0, 1, 2, 3] and y[0] == 0.4
    params.set_shown("b_o1", True)
    assert "b_o1" in params.shown()


def test_preset_change_rebuilds_the_network(qtbot, window):
    window.settings_panel.preset_requested.emit("xor")
    assert window.controller.config.preset == "xor"
    assert "Model rebuilt" in window.last_message
    assert set(window.network_view.labels()) >= {"h3", "o1", "w9"}
    assert window.settings_panel.form.layers_field.text() == "2,3,1"
    assert "mse" in window.code_panel.toPlainText() or "loss" in window.code_panel.toPlainText()


def test_keys_typed_into_the_weight_editor_stay_there(qtbot, window):
    view = window.network_view
    view.edit_element("w5")
    assert view.editor is not None
    view.editor.setCursorPosition(0)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Left):
        qtbot.keyClick(view, key)  # the window's focus widget is the diagram
    assert window.controller.snapshot.tick == 0 and not window.controller.playing
    assert view.editor.text() == "0 .4"  # → moved the cursor, Space typed, ← moved it back
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.editor is None
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.controller.snapshot.tick == 1
