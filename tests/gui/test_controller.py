"""The controller's commands: refusals become one-line messages and keep the state."""

from engine.presets import MAZUR
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
