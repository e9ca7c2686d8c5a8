"""Invalid settings are refused at the field, with a message, and the current run is kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from engine.models.presets import PRESETS

MAZUR = PRESETS["mazur"]


def type_into(qtbot, field, text: str) -> None:
    field.editor.selectAll()
    qtbot.keyClick(field.editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.editor, text)


@pytest.mark.parametrize(
    ("field_name", "text", "reason"),
    [
        ("lr_field", "-0.5", "must not be negative"),
        ("lr_field", "abc", "is not a number"),
        ("layers_field", "2,0,2", "at least one neuron"),
        ("layers_field", "2,x,2", "whole numbers"),
        ("momentum_field", "1.5", "momentum must be in [0, 1)"),
    ],
)
def test_invalid_entries_are_refused_at_the_field(qtbot, window, field_name, text, reason):
    controller, panel = window.controller, window.settings_panel
    controller.step_phase()
    controller.step_phase()
    stepper, snapshot = controller.stepper, controller.snapshot
    if field_name == "momentum_field":
        panel.form.optimizer_box.setCurrentText("sgd")
    field = getattr(panel.form, field_name)
    type_into(qtbot, field, text)
    assert reason in field.error()
    assert field.error_label.isVisibleTo(panel)
    assert not panel.apply_button.isEnabled()
    assert not panel.apply()
    assert controller.stepper is stepper and controller.snapshot is snapshot


def test_a_valid_change_rebuilds_the_model_and_says_so(qtbot, window):
    panel = window.settings_panel
    type_into(qtbot, panel.form.lr_field, "0.1")
    panel.form.optimizer_box.setCurrentText("adam")  # a new optimizer needs a new model
    assert (
        panel.apply_button.isEnabled()
        and panel.error_text() == "Changed: Apply rebuilds the model."
    )
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert window.controller.config.lr == 0.1
    assert window.controller.config.initial_params == MAZUR.initial_params
    assert "Model rebuilt" in window.last_message
    assert "lr=0.1" in window.code_panel.toPlainText()
    assert not panel.apply_button.isEnabled()


def test_new_layer_sizes_get_one_activation_per_layer(qtbot, window):
    panel = window.settings_panel
    type_into(qtbot, panel.form.layers_field, "2,4,3,2")
    assert len(panel.form.activation_boxes) == 3
    assert panel.form.activation_boxes[-1].findText("softmax") >= 0
    assert panel.form.activation_boxes[0].findText("softmax") < 0
    assert panel.apply()
    assert window.controller.config.layers == (2, 4, 3, 2)
    assert "h2_3" in window.network_view.labels()


def test_any_input_and_output_sizes_are_applied_with_data_of_their_shape(qtbot, window):
    panel = window.settings_panel
    type_into(qtbot, panel.form.layers_field, "3,2,2")
    assert panel.form.layers_field.error() == ""
    assert panel.apply()
    config = window.controller.config
    assert len(config.inputs[0]) == 3 and config.inputs[0][:2] == (0.05, 0.10)


def test_a_combination_the_engine_refuses_is_explained(qtbot, window):
    panel = window.settings_panel
    panel.form.nesterov_box.setChecked(True)  # SGD without momentum
    assert "Nesterov" in panel.error_text()
    assert not panel.apply_button.isEnabled()
    panel.revert()
    assert panel.error_text() == "" and not panel.form.nesterov_box.isChecked()


def test_cuda_is_offered_only_where_it_works(window):
    from engine.core.device import cuda_unavailable_reason

    box = window.settings_panel.form.device_box
    item = box.model().item(box.findText("cuda"))
    reason = cuda_unavailable_reason()
    assert item.isEnabled() == (reason is None)
    if reason:
        assert reason in box.toolTip()
