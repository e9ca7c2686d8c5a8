"""Every field of the Settings panel refuses empty, negative, NaN, huge and wrong-typed input
with a message, keeps Apply disabled and leaves the model in use untouched."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from engine.models.presets import PRESETS

MAZUR = PRESETS["mazur"]

# field -> [(typed text, words the message must contain)]
BAD_ENTRIES = {
    "lr_field": [
        ("", "is not a number"),
        ("-0.5", "must not be negative"),
        ("nan", "is not a finite number"),
        ("1e400", "is not a finite number"),
        ("1e301", "at most 1e300"),
        ("fast", "is not a number"),
    ],
    "momentum_field": [
        ("", "is not a number"),
        ("-0.1", "momentum must be in [0, 1)"),
        ("NaN", "is not a finite number"),
        ("1e12", "momentum must be in [0, 1)"),
        ("0.9.1", "is not a number"),
    ],
    "beta1_field": [
        ("", "is not a number"),
        ("-0.5", "betas must be two numbers in [0, 1)"),
        ("nan", "is not a finite number"),
        ("1e9", "betas must be two numbers in [0, 1)"),
        ("beta", "is not a number"),
    ],
    "beta2_field": [
        ("", "is not a number"),
        ("-1", "betas must be two numbers in [0, 1)"),
        ("inf", "is not a finite number"),
        ("1", "betas must be two numbers in [0, 1)"),
        ("0,9,9", "is not a number"),
    ],
    "decay_field": [
        ("", "is not a number"),
        ("-1", "weight decay must not be negative"),
        ("nan", "is not a finite number"),
        ("1e301", "at most 1e300"),
        ("lots", "is not a number"),
    ],
    "lookahead_alpha_field": [
        ("", "is not a number"),
        ("-0.5", "lookahead alpha must be in (0, 1]"),
        ("nan", "is not a finite number"),
        ("1e6", "lookahead alpha must be in (0, 1]"),
        ("half", "is not a number"),
    ],
    "layers_field": [
        ("", "at least an input and an output size"),
        ("2,-2,2", "at least one neuron"),
        ("2,nan,2", "whole numbers"),
        ("2,2000,2", "at most 1024 neurons"),
        ("2,1000,1000,2", "at most 10,000 weights and biases"),
        ("2,2.5,2", "whole numbers"),
    ],
}
CASES = [(field, text, words) for field, entries in BAD_ENTRIES.items() for text, words in entries]


def type_into(qtbot, field, text: str) -> None:
    field.editor.selectAll()
    qtbot.keyClick(field.editor, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(field.editor, text)


def enable(panel, field_name: str) -> None:
    """Put the form where the field applies (betas need Adam, alpha needs lookahead)."""
    if field_name.startswith("beta"):
        panel.form.optimizer_box.setCurrentText("adam")
    if field_name == "lookahead_alpha_field":
        panel.form.lookahead_k_box.setValue(5)


@pytest.mark.parametrize(("field_name", "text", "words"), CASES,
                         ids=[f"{f}-{t or 'empty'}" for f, t, _ in CASES])  # fmt: skip
def test_a_bad_entry_is_refused_and_the_model_kept(qtbot, window, field_name, text, words):
    controller, panel = window.controller, window.settings_panel
    controller.step_phase()
    stepper, snapshot, config = controller.stepper, controller.snapshot, controller.config
    enable(panel, field_name)
    field = getattr(panel.form, field_name)
    assert field.isEnabled()
    type_into(qtbot, field, text)
    assert words in panel.error_text()
    assert not panel.apply_button.isEnabled() and not panel.apply()
    assert controller.stepper is stepper and controller.snapshot is snapshot
    assert controller.config == config
    panel.revert()  # the settings in use come back, with no message left
    assert panel.error_text() == "" and field.text() != text


def test_fixing_the_field_enables_apply_again(qtbot, window):
    panel = window.settings_panel
    type_into(qtbot, panel.form.lr_field, "nan")
    assert not panel.apply_button.isEnabled()
    type_into(qtbot, panel.form.lr_field, "0.25")
    assert panel.apply_button.isEnabled() and panel.apply()
    assert window.controller.config.lr == 0.25


@pytest.mark.parametrize("box_name", ["seed_box", "lookahead_k_box"])
@pytest.mark.parametrize("text", ["-5", "abc", "99999999999999999999", "1.5"])
def test_whole_number_boxes_only_hold_valid_values(qtbot, window, box_name, text):
    panel, config = window.settings_panel, window.controller.config
    box = getattr(panel.form, box_name)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    box.interpretText()
    assert box.minimum() <= box.value() <= box.maximum()
    if panel.apply_button.isEnabled():  # whatever the box holds is a valid setting
        assert panel.apply()
        assert window.controller.config.seed >= 0 and window.controller.config.lookahead_k >= 0
    else:
        assert window.controller.config == config


def test_cuda_absent_is_disabled_in_the_device_box(qtbot, monkeypatch):
    import gui.views.settings_form as settings_form
    from gui.views.settings_panel import SettingsPanel

    monkeypatch.setattr(settings_form, "cuda_unavailable_reason", lambda: "no CUDA GPU found")
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    box = panel.form.device_box
    assert not box.model().item(box.findText("cuda")).isEnabled()
    assert "no CUDA GPU found" in box.toolTip()


def test_a_cuda_config_on_a_machine_without_cuda_keeps_the_model(window, monkeypatch):
    import engine.core.device as device

    monkeypatch.setattr(device, "cuda_unavailable_reason", lambda: "no CUDA GPU found")
    stepper = window.controller.stepper
    assert not window.controller.apply_config(MAZUR.replace(device="cuda"))
    assert window.controller.stepper is stepper
    assert "Settings not applied" in window.last_message
    assert "no CUDA GPU found" in window.last_message
