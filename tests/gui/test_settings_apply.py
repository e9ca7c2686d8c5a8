"""Settings change the run, not erase it: live optimizer changes, rebuilds that ask, Undo."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox
from run_state import state

import gui.settings_apply as settings_apply
from engine.io.session_open import load_session
from engine.models.presets import PRESETS
from engine.training.stepper import Stepper

MAZUR = PRESETS["mazur"]
ADAM = MAZUR.replace(optimizer="adam", lr=0.05)


def type_into(qtbot, field, text: str) -> None:
    field.editor.selectAll()
    qtbot.keyClick(field.editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.editor, text)


def exact(stepper: Stepper) -> tuple:
    """Parameters, gradients and the optimizer's state (tensors as bytes, param groups)."""
    state = stepper.optimizer.state_dict()
    tensors = {
        key: {name: np.asarray(value).tobytes() for name, value in entry.items()}
        for key, entry in state["state"].items()
    }
    groups = [{k: v for k, v in g.items() if k != "params"} for g in state["param_groups"]]
    grads = stepper.model.grads()
    return stepper.model.values().tobytes(), grads.tobytes(), tensors, groups


@pytest.fixture
def adam_window(window):
    assert window.controller.apply_config(ADAM)
    return window


class Answers(list):
    """The rebuild question's answers, in order; `asked` records each question's iterations."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[int] = []

    def __call__(self, parent, iterations: int, save=None) -> bool:
        self.asked.append(iterations)
        return self.pop(0)


@pytest.fixture
def answers(monkeypatch) -> Answers:
    given = Answers()
    monkeypatch.setattr(settings_apply, "ask_to_rebuild", given)
    return given


def test_an_lr_change_after_200_iterations_keeps_the_run_and_back_crosses_it(qtbot, adam_window):
    window = adam_window
    controller, panel = window.controller, window.settings_panel
    controller.run_blocking(200)
    losses = controller.trajectory().losses.copy()
    type_into(qtbot, panel.form.lr_field, "0.9")
    assert "the run goes on" in panel.error_text()
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert window.iteration_label.text() == "Iteration 201 · 200 done"
    assert window.transport.back_action.isEnabled()
    np.testing.assert_array_equal(controller.trajectory().losses, losses)
    assert controller.config.lr == 0.9 and controller.stepper.optimizer.param_groups[0]["lr"] == 0.9
    assert "lr=0.9" in window.code_panel.toPlainText()
    assert "lr 0.05 → 0.9" in window.code_panel.toPlainText()
    assert window.settings_sync.lr_slider.lr == 0.9
    marks = window.plots_panel.loss_plot.marks
    # iteration 201's loss came before the new lr acted; 202's is the first it changed
    assert [(m.value(), m.label.toPlainText()) for m in marks] == [(201.5, "lr 0.05 → 0.9")]
    (param_mark,) = window.plots_panel.param_plot.marks
    assert param_mark.value() == 200.5  # between 200 and 201 iterations done
    plain = Stepper(ADAM)
    plain.run(200)
    window.transport.back_action.trigger()  # ← undoes the change exactly
    assert exact(controller.stepper) == exact(plain)
    assert controller.config == ADAM and panel.form.lr_field.editor.text() == "0.05"
    assert window.plots_panel.loss_plot.marks == [] == window.plots_panel.param_plot.marks
    assert window.settings_sync.lr_slider.lr == 0.05
    assert "lr 0.05 → 0.9" not in window.code_panel.toPlainText()


def test_the_slider_changes_lr_during_play_at_the_next_iteration(qtbot, window):
    controller, slider = window.controller, window.settings_sync.lr_slider
    per_iteration = controller.network().micro_steps_per_iteration
    controller.step_phase()  # mid-iteration: the change waits for the boundary
    slider.slider.setValue(slider.slider.value() + 10)  # the keyboard's way: chosen at once
    wanted = float(f"{10 ** (-4 + slider.slider.value() / 100):.3g}")
    assert wanted == 0.631  # 10 ** (log10(0.5) + 0.1), three digits
    assert controller.config.lr == 0.5 and "wait" in window.last_message
    controller.set_speed(1000)
    controller.play()
    qtbot.waitUntil(lambda: controller.snapshot.iteration >= 2, timeout=20_000)
    controller.pause()
    assert controller.config.lr == wanted == slider.lr
    assert window.plots_panel.loss_plot.marks[0].value() == 2.5  # iteration 3's loss: first moved
    assert window.plots_panel.param_plot.marks[0].value() == 1.5  # between 1 and 2 done
    assert controller.snapshot.tick > per_iteration + 1


def test_the_slider_is_off_during_a_fast_forward_and_refuses_changes(qtbot, window):
    controller = window.controller
    assert controller.run_iterations(200_000)
    assert not window.settings_sync.lr_slider.isEnabled()
    assert not controller.change_settings(MAZUR.replace(lr=0.9))
    controller.cancel_run()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)
    assert window.settings_sync.lr_slider.isEnabled() and controller.config.lr == 0.5


def test_a_rebuild_asks_first_and_keeps_the_run_for_undo(qtbot, window, answers):
    controller, panel = window.controller, window.settings_panel
    controller.run_blocking(5)
    old = controller.stepper
    type_into(qtbot, panel.form.layers_field, "2,3,2")
    answers.extend([False, True])
    panel.apply()  # Cancel: nothing changes, the form shows the settings in use again
    assert controller.stepper is old and answers.asked == [5]
    assert panel.form.layers_field.editor.text() == "2,2,2"
    assert window.last_message == "Nothing changed: the run goes on."
    type_into(qtbot, panel.form.layers_field, "2,3,2")
    panel.apply()
    new = controller.stepper
    assert new is not old and controller.config.layers == (2, 3, 2)
    undo, redo = window.menus.run_undo.undo_action, window.menus.run_undo.redo_action
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert redo.shortcut() == QKeySequence("Ctrl+Shift+Z")
    undo.trigger()
    assert controller.stepper is old and controller.snapshot.completed == 5
    assert window.iteration_label.text() == "Iteration 5 · 5 done"
    assert controller.back() and controller.config.layers == (2, 2, 2)
    redo.trigger()
    assert controller.stepper is new


def test_reset_is_undone_with_its_history(qtbot, window):
    controller = window.controller
    controller.run_blocking(3)
    old, at = controller.stepper, controller.snapshot
    window.transport.reset_action.trigger()
    assert controller.snapshot.tick == 0 and controller.stepper is not old
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert controller.stepper is old and controller.snapshot is at
    assert window.transport.back_action.isEnabled() and controller.back()
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, control_shift)
    assert controller.snapshot.tick == 0


def test_choosing_a_preset_is_undone(qtbot, window, answers):
    controller = window.controller
    controller.run_blocking(3)
    old = controller.stepper
    answers.append(True)
    window.settings_panel.preset_requested.emit("xor")
    assert controller.config.preset == "xor" and answers.asked == [3]
    window.menus.run_undo.undo()
    assert controller.stepper is old and controller.config == MAZUR


def test_starting_a_lesson_is_undone_as_one_step(qtbot, window):
    controller, lessons = window.controller, window.lessons
    controller.run_blocking(4)
    old = controller.stepper
    lessons.open(lessons.find("mazur"))
    qtbot.waitUntil(lambda: not lessons.player.busy, timeout=20_000)
    assert controller.snapshot.completed == 0
    assert window.menus.run_undo.undo()
    assert controller.stepper is old and controller.snapshot.completed == 4


def test_undoing_a_lesson_leaves_it_so_next_cannot_play_it_on_the_run_brought_back(qtbot, window):
    controller, lessons = window.controller, window.lessons
    controller.run_blocking(4)
    old = controller.stepper
    lessons.open(lessons.find("learning_rate"))
    qtbot.waitUntil(lambda: not lessons.player.busy, timeout=20_000)
    assert window.menus.run_undo.undo()
    assert controller.stepper is old
    assert lessons.player.lesson is None and lessons.player.step is None
    assert not lessons.panel.next_button.isEnabled()
    assert not lessons.player.next()
    assert controller.stepper is old and controller.snapshot.completed == 4
    assert lessons.panel.progress.text() == "Choose a lesson above, or from the Lessons menu."


def test_the_stack_keeps_the_last_ten_runs(qtbot, window):
    controller, undo = window.controller, window.menus.run_undo
    first = controller.stepper
    for _ in range(12):
        controller.reset()
    while undo.undo():
        pass
    assert undo.stack.count() == 10 and controller.stepper is not first


def test_the_rebuild_question_offers_to_keep_the_run_or_cancel(qtbot, window, message_boxes):
    assert not settings_apply.ask_to_rebuild(window, 12)  # closed without a choice: cancel
    box = message_boxes.boxes[-1].box
    assert message_boxes.boxes[-1].title == "Start a new run?"
    assert "12 iterations done" in box.informativeText() and "Ctrl+Z" in box.informativeText()
    assert "dashed, to compare" in box.informativeText()
    names = sorted(button.text() for button in box.buttons())
    assert names == ["Cancel", "Save this run…", "Start a new run (keep this one)"]


def choose(monkeypatch, text: str) -> list[str]:
    """The question's button named `text` is pressed (instead of a modal dialog opening);
    returns the titles of the other boxes shown (warnings), which are closed with OK."""
    others: list[str] = []

    def press(box):
        wanted = [button for button in box.buttons() if button.text() == text]
        if box.windowTitle() == "Start a new run?" and wanted:
            wanted[0].click()
        else:
            others.append(box.windowTitle())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press)
    return others


def save_as(monkeypatch, path) -> list[str]:
    """The save dialog answers `path` ("" is its Cancel); returns the dialogs' titles."""
    titles: list[str] = []

    def dialog(parent, title, *args, **kwargs):
        titles.append(title)
        return (str(path), "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return titles


def test_save_this_run_saves_it_then_starts_the_new_one(window, monkeypatch, tmp_path):
    controller = window.controller
    controller.run_blocking(5)
    old = controller.stepper
    target = tmp_path / "before-xor.json"
    choose(monkeypatch, "Save this run…")
    titles = save_as(monkeypatch, target)
    window.settings_panel.preset_requested.emit("xor")
    assert titles == ["Save session"] and controller.config.preset == "xor"
    saved = load_session(target)
    assert state(saved) == state(old) and saved.snapshot.completed == 5
    assert window.menus.run_undo.undo() and controller.stepper is old


def test_a_cancelled_save_keeps_the_run(window, monkeypatch, tmp_path):
    controller = window.controller
    controller.run_blocking(5)
    old = controller.stepper
    choose(monkeypatch, "Save this run…")
    titles = save_as(monkeypatch, "")
    window.settings_panel.preset_requested.emit("xor")
    assert titles == ["Save session"] and controller.stepper is old
    assert controller.config == MAZUR and window.last_message == "Nothing changed: the run goes on."
    assert not window.menus.run_undo.stack.canUndo()


def test_a_failed_save_keeps_the_run(window, monkeypatch, tmp_path):
    controller, panel = window.controller, window.settings_panel
    controller.run_blocking(5)
    old = controller.stepper
    (tmp_path / "a-file").write_text("not a folder")
    warnings = choose(monkeypatch, "Save this run…")
    save_as(monkeypatch, tmp_path / "a-file" / "run.json")  # under a file: cannot be written
    panel.form.layers_field.editor.setText("2,3,2")
    panel.apply()
    assert warnings == ["Session not saved"]
    assert controller.stepper is old and controller.config.layers == (2, 2, 2)
    assert panel.form.layers_field.editor.text() == "2,2,2"


def test_cancel_in_the_question_saves_nothing_and_keeps_the_run(window, monkeypatch, tmp_path):
    controller = window.controller
    controller.run_blocking(5)
    old = controller.stepper
    choose(monkeypatch, "Cancel")
    titles = save_as(monkeypatch, tmp_path / "never.json")
    window.settings_panel.preset_requested.emit("xor")
    assert titles == [] and controller.stepper is old and not (tmp_path / "never.json").exists()
