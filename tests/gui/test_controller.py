"""The controller's commands: refusals become one-line messages and keep the state."""

from engine.models.presets import MAZUR
from gui.controller import Controller


def test_a_weight_too_big_for_float32_is_refused_with_a_message(qtbot):
    controller = Controller(MAZUR.replace(dtype="float32"))
    controller.run_blocking(3)
    controller.stepper.goto(0)
    alerts: list[str] = []
    controller.alert.connect(alerts.append)
    before = controller.stepper.model.values().copy()
    assert not controller.edit_parameter("w1", 1e39)
    assert len(alerts) == 1 and "float32" in alerts[0] and "\n" not in alerts[0]
    assert (controller.stepper.model.values() == before).all()
    assert controller.stepper.max_tick == 3 * len(controller.stepper.plan)


def test_typing_a_too_big_float32_weight_in_the_diagram_is_a_message(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from engine.models.presets import MAZUR

    assert window.controller.apply_config(MAZUR.replace(dtype="float32"))
    window.controller.run_blocking(2)  # at an iteration boundary, where edits are allowed
    controller = window.controller
    snapshot, max_tick = controller.snapshot, controller.stepper.max_tick
    view = window.network_view
    view.edit_element("w5")
    view.editor.setText("3.5e38")
    QTest.keyClick(view.editor, Qt.Key.Key_Return)
    assert "float32" in window.last_message and "\n" not in window.last_message
    assert controller.snapshot is snapshot and controller.stepper.max_tick == max_tick


def test_a_settings_change_waiting_for_the_iterations_end_goes_with_the_run(qtbot):
    """The language switch hands the run to a new window's controller: an lr change asked
    for mid-iteration must still land at the iteration's end, not vanish."""
    old, new = Controller(MAZUR), Controller(MAZUR)
    try:
        old.step_iteration()
        for _ in range(5):
            old.step_phase()  # mid-iteration: the change waits
        assert old.change_settings(MAZUR.replace(lr=0.9))
        assert old.config.lr == 0.5
        assert old.hand_over(new, "Language: 简体中文")
        assert new.step_iteration()  # finishes the iteration
        assert new.step_phase()  # the next one starts with the change
        assert new.config.lr == 0.9
        assert new.trajectory().settings_marks == ((2, "lr 0.5 → 0.9"),)
    finally:
        old.shutdown()
        new.shutdown()
