"""The Settings dock's "Data and loop" group: a change is a new run with the chosen loop (asked
and undoable like any rebuild); a change the engine refuses says why and keeps the run."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.loop_runs import MOONS_LOOP
from PySide6.QtCore import Qt
from run_state import state

import gui.settings_apply as settings_apply
from engine.models.presets import PRESETS
from engine.models.run_samples import whole_set_shape

MAZUR = PRESETS["mazur"]


def type_into(qtbot, field, text: str) -> None:
    field.editor.selectAll()
    qtbot.keyClick(field.editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.editor, text)


@pytest.fixture
def asked(monkeypatch) -> list[int]:
    """The rebuild question is always answered "start a new run"; its iterations are kept."""
    iterations: list[int] = []

    def answer(parent, done: int, save=None) -> bool:
        iterations.append(done)
        return True

    monkeypatch.setattr(settings_apply, "ask_to_rebuild", answer)
    return iterations


def loop_box(window):
    return window.settings_panel.form.loop_box


def choose(box, data: str) -> None:
    box.setCurrentIndex(box.findData(data))


def test_the_group_shows_the_run_in_force(qtbot, window) -> None:
    assert window.controller.apply_config(
        MOONS_LOOP.replace(scheduler="StepLR:step_size=2,gamma=0.5", clip_norm=1.5)
    )
    box = loop_box(window)
    assert box.dataset_box.currentData() == "moons"
    assert (box.batch_box.value(), box.epochs_box.value()) == (16, 2)
    assert box.batch_box.text() == "16"
    assert float(box.val_field.text()) == 0.2
    assert box.scheduler_box.currentData() == "StepLR"
    assert box.keywords_field.text() == "step_size=2,gamma=0.5"
    assert (box.clip_box.currentData(), float(box.clip_field.text())) == ("norm", 1.5)
    assert window.settings_panel.form.values() is not None
    assert not window.settings_panel.apply_button.isEnabled()  # the form reads back the run


def test_choosing_a_dataset_adapts_the_first_and_last_layers(qtbot, window, asked) -> None:
    assert window.controller.apply_config(
        MAZUR.replace(layers=(2, 5, 3, 2), activations=("sigmoid",) * 3)
    )
    window.controller.step_iteration()
    box, panel = loop_box(window), window.settings_panel
    choose(box.dataset_box, "digits")
    box.batch_box.setValue(64)
    type_into(qtbot, box.val_field, "0.2")
    box.epochs_box.setValue(2)
    assert "64,5,3,10" in panel.message_label.text()
    assert panel.apply()
    config = window.controller.config
    inputs, outputs = whole_set_shape("digits", config.seed)
    assert config.layers == (inputs, 5, 3, outputs) == (64, 5, 3, 10)
    assert (config.dataset, config.batch_size, config.val_share, config.epochs) == (
        "digits",
        64,
        0.2,
        2,
    )
    assert config.loss == MAZUR.loss  # a classification set keeps the learner's loss
    assert config.inputs == () and config.targets == ()
    assert asked == [1]
    assert window.controller.snapshot.tick == 0  # a new run
    window.menus.run_undo.undo_action.trigger()  # Ctrl+Z: the old run, history and all
    assert window.controller.config.dataset == "" and window.controller.snapshot.completed == 1


def test_scheduler_step_and_clipping_reach_the_config(qtbot, window, asked) -> None:
    assert window.controller.apply_config(MOONS_LOOP)
    box, panel = loop_box(window), window.settings_panel
    choose(box.scheduler_box, "StepLR")
    type_into(qtbot, box.keywords_field, "step_size=3,gamma=0.5")
    choose(box.scheduler_step_box, "epoch")
    choose(box.clip_box, "value")
    type_into(qtbot, box.clip_field, "0.25")
    box.shuffle_box.setChecked(False)
    assert panel.apply()
    config = window.controller.config
    assert config.scheduler == "StepLR:step_size=3,gamma=0.5"
    assert (config.scheduler_step, config.clip_value, config.clip_norm) == ("epoch", 0.25, 0.0)
    assert config.shuffle is False


def test_back_to_the_presets_own_rows(qtbot, window, asked) -> None:
    assert window.controller.apply_config(
        MOONS_LOOP.replace(layers=(2, 4, 2), activations=("sigmoid",) * 2)
    )
    box = loop_box(window)
    choose(box.dataset_box, "")
    assert "larger than the training set (1 samples)" in window.settings_panel.error_text()
    box.batch_box.setValue(0)
    type_into(qtbot, box.val_field, "0")
    assert window.settings_panel.apply()
    config = window.controller.config
    assert config.dataset == "" and config.inputs == MAZUR.inputs
    assert config.targets == MAZUR.targets and config.layers == (2, 4, 2)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda qtbot, box: box.batch_box.setValue(5000), "larger than the training set"),
        (
            lambda qtbot, box: (
                choose(box.scheduler_box, "StepLR"),
                type_into(qtbot, box.keywords_field, "step_size=two"),
            ),
            "whole number",
        ),
        (lambda qtbot, box: type_into(qtbot, box.val_field, "1.5"), "validation share"),
        (
            lambda qtbot, box: (
                choose(box.scheduler_box, "StepLR"),
                type_into(qtbot, box.keywords_field, "steps=2"),
            ),
            "has no keyword 'steps'",
        ),
    ],
    ids=["batch-too-large", "keyword-wrong-type", "val-share-1.5", "unknown-keyword"],
)
def test_a_refused_change_says_why_and_keeps_the_run(qtbot, window, asked, change, words) -> None:
    controller = window.controller
    assert controller.apply_config(MOONS_LOOP)
    for _ in range(3):
        controller.step_iteration()
    controller.step_phase()
    before, snapshot = state(controller.stepper), controller.snapshot
    losses = controller.trajectory().losses.copy()
    change(qtbot, loop_box(window))
    panel = window.settings_panel
    assert words in panel.error_text()
    assert not panel.apply_button.isEnabled() and not panel.apply()
    assert controller.snapshot is snapshot and state(controller.stepper) == before
    np.testing.assert_array_equal(controller.trajectory().losses, losses)
    assert asked == []
