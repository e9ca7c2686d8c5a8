"""On the diagram: targets drawn, inputs and targets edited, an edit previewed at once, and a
mid-iteration edit offered as a restart of the iteration."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from run_state import mazur_loss, state

from engine.models.chain_rule import fmt
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.views.diagram.data_tags import PREVIEW_ALPHA


def typed(qtbot, view, label: str, text: str) -> None:
    """Double-click's editor on `label`, `text` typed and Enter pressed."""
    view.edit_element(label)
    assert view.editor is not None
    view.editor.setText(text)
    QTest.keyClick(view.editor, Qt.Key.Key_Return)


def test_the_targets_are_drawn_beside_the_outputs(window):
    view, config = window.network_view, window.controller.config
    assert view.label_text("o1") and view.figure.targets.keys() == {"o1", "o2"}
    for name, target in zip(("o1", "o2"), config.targets[0], strict=True):
        assert view.figure.targets[name].text() == f"target {fmt(target)}"
    assert view.label_text("target_o1") == "target 0.01"


def test_a_4_16_16_3_network_draws_its_three_targets(window):
    config = MAZUR.replace(layers=(4, 16, 16, 3), activations=("sigmoid",) * 3)
    assert window.controller.apply_config(config)
    targets = window.network_view.figure.targets
    assert [targets[f"o{k}"].text() for k in (1, 2, 3)] == [
        f"target {fmt(t)}" for t in config.targets[0]
    ]
    assert window.controller.step_iteration()


def test_a_weight_edit_previews_E_at_once(window):
    controller, view = window.controller, window.network_view
    controller.run_blocking(1)
    assert controller.edit_parameter("w5", 3.0)
    params = controller.stepper.params()
    expected = mazur_loss(params, [[0.05, 0.10]], [[0.01, 0.99]])
    loss_tag = view.figure.loss_tag
    assert loss_tag.lines[0][0] == f"E = {fmt(expected)}"
    assert "preview" in view.label_text("E")
    assert loss_tag.lines[0][1].alpha() == PREVIEW_ALPHA  # faint
    assert "out = " in view.label_text("o1")
    controller.step_phase()  # stepped: the run's own numbers, nothing previewed
    assert "preview" not in view.label_text("E") and "out = " not in view.label_text("o1")
    controller.back()  # back on the edit: its preview again
    assert view.figure.loss_tag.lines[0][0] == f"E = {fmt(expected)}"


def test_the_status_bar_shows_the_previewed_E_at_an_edit(window):
    controller, view = window.controller, window.network_view
    controller.run_blocking(2)
    assert controller.edit_parameter("w1", 2.5)
    expected = mazur_loss(controller.stepper.params(), [[0.05, 0.10]], [[0.01, 0.99]])
    assert window.loss_label.text() == f"E {fmt(expected)} (preview)"
    assert view.figure.loss_tag.lines[0][0] == f"E = {fmt(expected)}"  # the diagram agrees
    controller.step_phase()  # stepped: the run's own numbers, no preview
    assert "preview" not in window.loss_label.text()
    controller.back()
    assert window.loss_label.text() == f"E {fmt(expected)} (preview)"


def test_a_restarted_iteration_previews_its_E_in_the_status_bar(window):
    controller = window.controller
    controller.run_blocking(1)
    for _ in range(12):  # into the backward pass: the edit restarts the iteration
        controller.step_phase()
    assert controller.edit_parameter("w6", -1.0, restart=True)
    expected = mazur_loss(controller.stepper.params(), [[0.05, 0.10]], [[0.01, 0.99]])
    assert window.loss_label.text() == f"E {fmt(expected)} (preview)"


def test_a_target_edited_on_the_diagram_changes_E_and_back_undoes_it(window, qtbot):
    controller, view = window.controller, window.network_view
    controller.run_blocking(2)
    before = state(controller.stepper)
    typed(qtbot, view, "target_o1", "0.5")
    assert controller.stepper.data_rows()[1] == ((0.5, 0.99),)
    assert view.label_text("target_o1") == "target 0.5"
    params = controller.stepper.params()
    expected = mazur_loss(params, [[0.05, 0.10]], [[0.5, 0.99]])
    assert view.figure.loss_tag.lines[0][0] == f"E = {fmt(expected)}"
    controller.step_iteration()
    assert controller.stepper.trajectory.losses[2] == expected
    while controller.stepper.snapshot.phase != "edit":
        controller.back()
    controller.back()
    assert state(controller.stepper) == before
    assert view.label_text("target_o1") == "target 0.01"


def test_an_input_is_edited_by_double_clicking_its_neuron(window, qtbot):
    controller, view = window.controller, window.network_view
    view.edit_element("i2")
    assert view.editor is not None and view.editor.text() == "0.1"
    view.editor.setText("-0.4")
    QTest.keyClick(view.editor, Qt.Key.Key_Return)
    assert controller.stepper.data_rows()[0] == ((0.05, -0.4),)
    assert "out = -0.4000" in view.label_text("i2")


def test_mid_iteration_the_editor_offers_a_restart_that_equals_editing_at_the_start(window, qtbot):
    controller, view = window.controller, window.network_view
    controller.run_blocking(2)
    for _ in range(9):
        controller.step_phase()
    typed(qtbot, view, "w1", "2.5")
    offer = view.restart_offer
    assert offer is not None and view.editor is None
    assert offer.restart.text() == "Restart this iteration with w1 = 2.5"
    offer.restart.click()
    assert view.restart_offer is None
    direct = Stepper(MAZUR)
    direct.run(2)
    direct.edit_parameter("w1", 2.5)
    assert state(controller.stepper) == state(direct)
    assert "Iteration 3 restarted with w1 = 2.5" in window.last_message


def test_a_cancelled_restart_changes_nothing(window, qtbot):
    controller, view = window.controller, window.network_view
    for _ in range(5):
        controller.step_phase()
    before = state(controller.stepper)
    typed(qtbot, view, "target_o2", "0.3")
    view.restart_offer.cancel.click()
    assert view.restart_offer is None and state(controller.stepper) == before
    typed(qtbot, view, "w2", "0.3")
    QTest.keyClick(view.restart_offer.restart, Qt.Key.Key_Escape)
    assert view.restart_offer is None and state(controller.stepper) == before


def test_the_data_table_lists_every_value_and_edits_one(window):
    controller = window.controller
    table = window.run_edits.open_table()
    assert table.table.columnCount() == 4 and table.table.rowCount() == 1
    assert [table.table.item(0, c).text() for c in range(4)] == ["0.05", "0.1", "0.01", "0.99"]
    assert table.label_at(0, 3) == "target_o2"
    table.table.item(0, 3).setText("0.25")
    assert controller.stepper.data_rows()[1] == ((0.01, 0.25),)
    assert window.network_view.label_text("target_o2") == "target 0.25"
    table.table.item(0, 0).setText("abc")  # refused: the run's value is shown again
    assert controller.stepper.data_rows()[0] == ((0.05, 0.10),)
    assert table.table.item(0, 0).text() == "0.05" and "finite" in table.note.text()
    table.close()


def test_the_data_menu_opens_the_table(window):
    window.run_edits.table_action.trigger()
    assert window.run_edits.table is not None and window.run_edits.table.isVisible()
    window.run_edits.table.close()


def test_a_table_edit_mid_iteration_restarts_the_iteration_with_it(window):
    controller = window.controller
    controller.run_blocking(1)
    for _ in range(6):
        controller.step_phase()
    table = window.run_edits.open_table()
    assert "mid-iteration" in table.note.text()
    table.table.item(0, 1).setText("0.3")
    direct = Stepper(MAZUR)
    direct.run(1)
    direct.edit_parameter("i2", 0.3)
    assert state(controller.stepper) == state(direct)
    assert "from the next iteration" in table.note.text()
    table.close()


def test_the_targets_and_a_preview_outlive_a_change_of_theme(window):
    controller, view = window.controller, window.network_view
    controller.edit_parameter("target_o2", 0.5)
    shown = view.label_text("E")
    view.set_dark(True)
    assert view.label_text("target_o2") == "target 0.5" and view.label_text("E") == shown
    assert "preview" in shown


def test_opening_an_editor_during_play_pauses_so_the_value_stays_the_one_shown(window, qtbot):
    controller, view = window.controller, window.network_view
    controller.set_speed(100)
    controller.play()
    qtbot.waitUntil(lambda: controller.snapshot.tick > 8, timeout=10_000)
    view.edit_element("w6")
    assert view.editor is not None and not controller.playing
    shown = controller.snapshot
    qtbot.wait(100)  # Play's clock would have moved on by now
    assert controller.snapshot is shown
    assert view.editor.text() == fmt(shown.params["w6"])
