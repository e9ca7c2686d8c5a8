"""The network diagram shows the engine's numbers, reacts to the mouse and never blocks."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from engine.core.snapshot import Snapshot
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.views.diagram.text import parse_number
from gui.views.network_view import NetworkView

BIG = MAZUR.replace(
    preset="big",
    layers=(2, 8, 8, 3),
    activations=("relu", "tanh", "softmax"),
    loss="cross_entropy",
    inputs=((0.5, -0.2),),
    targets=((0.2, 0.3, 0.5),),
    initial_params=(),
    train_biases=True,
)


@pytest.fixture
def make_view(qtbot) -> Callable[[Stepper], NetworkView]:
    def make(stepper: Stepper) -> NetworkView:
        view = NetworkView()
        qtbot.addWidget(view)
        view.resize(1000, 640)
        view.set_network(stepper.model.neurons, stepper.model.params)
        view.show_snapshot(stepper.snapshot)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def step_until(stepper: Stepper, view: NetworkView, done: Callable[[Snapshot], bool]) -> Snapshot:
    for _ in range(stepper.micro_steps_per_iteration + 1):
        snapshot = stepper.step_phase()
        view.show_snapshot(snapshot)
        if done(snapshot):
            return snapshot
    raise AssertionError("the micro-step was never reached")


def at(phase: str, focus: str | None = None) -> Callable[[Snapshot], bool]:
    return lambda s: s.phase == phase and (focus is None or s.focus == focus)


def test_every_mazur_neuron_and_parameter_has_an_item(make_view):
    stepper = Stepper(MAZUR)
    view = make_view(stepper)
    expected = [n for layer in stepper.model.neurons for n in layer]
    expected += [p.label for p in stepper.model.params]
    assert sorted(view.labels()) == sorted(expected)
    assert all(view.label_text(label).startswith(label) for label in expected)
    assert "0.3500" in view.label_text("b_h1") and "0.6000" in view.label_text("b_o2")
    assert "w5 = 0.4000" in view.label_text("w5")
    assert "not computed" in view.label_text("E")


def test_mazur_forward_loss_backward_and_step(make_view, qtbot):
    stepper = Stepper(MAZUR)
    view = make_view(stepper)
    step_until(stepper, view, at("forward", "h1"))
    assert "out = 0.5933" in view.label_text("h1")
    assert "out" not in view.label_text("o1")
    assert view.element_at_focus() == "h1"

    step_until(stepper, view, at("loss"))
    assert "0.298371109" in view.label_text("E")
    assert "out = 0.7514" in view.label_text("o1")

    step_until(stepper, view, at("backward", "w5"))
    assert "∂E/∂w5 = 0.0822" in view.label_text("w5")
    assert "δ = 0.1385" in view.label_text("o1")
    assert "∂E/∂w1" not in view.label_text("w1")  # not revealed yet
    assert view.element_at_focus() == "w5"

    step_until(stepper, view, at("step", "w5"))
    qtbot.waitUntil(lambda: not view.animation_running(), timeout=2000)
    assert "w5 = 0.3589" in view.label_text("w5")
    assert view.element_at_focus() == "w5"


def test_zero_grad_shows_gradients_cleared(make_view):
    stepper = Stepper(MAZUR)
    stepper.step_iteration()
    view = make_view(stepper)
    assert "∂E/∂w5 = 0.0822" in view.label_text("w5")
    step_until(stepper, view, at("zero_grad"))
    assert "cleared" in view.label_text("w5")
    assert "0.0822" not in view.label_text("w5")
    assert "cleared" not in view.label_text("b_h1")  # frozen: it never had a gradient


def bias_border(view: NetworkView, label: str) -> Qt.PenStyle:
    return view.figure.params[label].tag.border.style()


def test_frozen_biases_look_different_from_trained_ones(make_view):
    frozen_stepper = Stepper(MAZUR)
    frozen = make_view(frozen_stepper)
    trained_stepper = Stepper(MAZUR.replace(train_biases=True))
    trained = make_view(trained_stepper)
    step_until(trained_stepper, trained, at("backward", "b_h1"))
    assert "∂E/∂b_h1" in trained.label_text("b_h1")
    assert bias_border(frozen, "b_h1") == Qt.PenStyle.DashLine
    assert bias_border(trained, "b_h2") == Qt.PenStyle.SolidLine
    step_until(frozen_stepper, frozen, at("step", "w3"))  # still frozen while weights update
    assert bias_border(frozen, "b_h1") == Qt.PenStyle.DashLine


def test_the_step_animation_is_cut_short_by_the_next_snapshot(make_view):
    stepper = Stepper(MAZUR)
    view = make_view(stepper)
    step_until(stepper, view, at("step", "w5"))
    assert view.animation_running()
    snapshot = stepper.step_phase()  # the step of w6 arrives before w5's animation ends
    view.show_snapshot(snapshot)
    assert "w5 = 0.3589" in view.label_text("w5")
    assert view.element_at_focus() == "w6"


def test_a_deep_wide_network_renders_a_whole_iteration(make_view, qtbot):
    stepper = Stepper(BIG)
    view = make_view(stepper)
    neurons = [n for layer in stepper.model.neurons for n in layer]
    weights = [p.label for p in stepper.model.params if p.kind == "weight"]
    assert len(neurons) == 2 + 8 + 8 + 3 and len(weights) == 16 + 64 + 24
    assert set(neurons + weights) <= set(view.labels())
    for _ in range(stepper.micro_steps_per_iteration):
        snapshot = stepper.step_phase()
        view.show_snapshot(snapshot)
        assert view.element_at_focus() == snapshot.focus
    assert stepper.snapshot.loss is not None
    view.grab().save("/tmp/network_view_big.png")


def test_hover_emits_the_label_under_the_mouse(make_view, qtbot):
    stepper = Stepper(MAZUR)
    view = make_view(stepper)
    for label in ("h1", "w5", "b_o1"):
        point = view.mapFromScene(view.scene_pos_of(label))
        with qtbot.waitSignal(view.element_hovered, timeout=1000) as blocker:
            QTest.mouseMove(view.viewport(), point)
        assert blocker.args == [label]
    view.set_hover_text("b_o1", "b_o1 (bias of o1) and its gradient")
    assert view.figure.params["b_o1"].tag.toolTip() == "b_o1 (bias of o1) and its gradient"
    view.show_snapshot(stepper.step_phase())  # the detail is stale now: ask again on a move
    assert view.figure.params["b_o1"].tag.toolTip().startswith("b_o1 = 0.6")
    with qtbot.waitSignal(view.element_hovered, timeout=1000) as blocker:
        QTest.mouseMove(view.viewport(), point + QPoint(1, 0))
    assert blocker.args == ["b_o1"]


def test_crowded_labels_appear_when_pointed_at(make_view, qtbot):
    stepper = Stepper(BIG)
    view = make_view(stepper)
    hidden = [
        label for label in view.labels() if label.startswith("w") and not view.is_labelled(label)
    ]
    assert hidden  # 64 labels between two layers of 8 cannot all be read
    point = view.mapFromScene(view.scene_pos_of(hidden[0]))
    with qtbot.waitSignal(view.element_hovered, timeout=1000) as blocker:
        QTest.mouseMove(view.viewport(), point)
    assert blocker.args[0] in hidden
    assert view.is_labelled(blocker.args[0])


def test_click_emits_the_element(make_view, qtbot):
    stepper = Stepper(MAZUR)
    view = make_view(stepper)
    point = view.mapFromScene(view.scene_pos_of("o2"))
    with qtbot.waitSignal(view.element_clicked, timeout=1000) as blocker:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["o2"]


def test_double_click_opens_an_editor_that_emits_a_valid_number(make_view, qtbot):
    stepper = Stepper(MAZUR)
    view = make_view(stepper)
    point = view.mapFromScene(view.scene_pos_of("w5"))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.editor is not None
    view.editor.setText("0.25")
    with qtbot.waitSignal(view.weight_edit_requested, timeout=1000) as blocker:
        QTest.keyClick(view.editor, Qt.Key.Key_Return)
    assert blocker.args == ["w5", 0.25]
    assert view.editor is None


def test_the_editor_refuses_what_is_not_a_finite_number(make_view, qtbot):
    stepper = Stepper(MAZUR)
    view = make_view(stepper)
    requests: list[tuple[str, float]] = []
    view.weight_edit_requested.connect(lambda label, value: requests.append((label, value)))
    view.edit_element("b_h1")
    for text in ("abc", "nan", "inf", ""):
        view.editor.setText(text)
        QTest.keyClick(view.editor, Qt.Key.Key_Return)
        assert view.editor is not None  # stays open, with a message
    assert requests == []
    QTest.keyClick(view.editor, Qt.Key.Key_Escape)
    assert view.editor is None


def test_parse_number_accepts_finite_numbers_only():
    assert parse_number(" -1e-3 ") == -0.001
    assert parse_number("0,5") == 0.5
    assert parse_number("abc") is None and parse_number("1e999") is None


def test_mazur_mid_backward_screenshot(make_view):
    stepper = Stepper(MAZUR)
    view = make_view(stepper)
    step_until(stepper, view, at("backward", "w1"))
    assert view.grab().save("/tmp/network_view.png")


def test_the_editor_shows_refused_markup_as_text_in_its_tooltip(make_view, monkeypatch):
    """The refusal quotes what was typed; a tooltip would load an <img src> as rich text."""
    import gui.views.diagram.editor as editor

    shown: list[str] = []
    monkeypatch.setattr(editor.QToolTip, "showText", lambda where, tip, *a: shown.append(tip))
    view = make_view(Stepper(MAZUR))
    view.edit_element("w1")
    view.editor.setText("<img src=/dev/zero>")
    QTest.keyClick(view.editor, Qt.Key.Key_Return)
    assert view.editor is not None
    assert shown and "<img" not in shown[0] and "&lt;img src=/dev/zero&gt;" in shown[0]
    assert view.editor.toolTip() == shown[0]
