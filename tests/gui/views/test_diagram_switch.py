"""The diagram pane shows the textbook figure for small networks and layer columns for wide
ones, with the legend, the zoom buttons and the Snapshots going to the one on show."""

from __future__ import annotations

import numpy as np
import pytest
from wide_nets import digits_shaped, step_until

from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.background import wait_for_all
from gui.main_window import MainWindow
from gui.views.diagram_pane import DiagramPane


def network_of(stepper: Stepper) -> tuple:
    model = stepper.model
    return model.neurons, model.params, stepper.config.activations


@pytest.fixture
def pane(qtbot) -> DiagramPane:
    pane = DiagramPane()
    qtbot.addWidget(pane)
    pane.resize(904, 460)
    pane.show()
    return pane


def test_a_small_network_keeps_the_textbook_figure(pane):
    mazur = Stepper(MAZUR)
    pane.set_network(*network_of(mazur))
    pane.show_snapshot(mazur.step_phase())
    assert not pane.switch.wide and pane.switch.currentWidget() is pane.view
    assert "w5" in pane.view.labels()
    assert pane.fit.isVisible() and "thicker" in pane.legend_text()


def test_a_wide_network_gets_layer_columns_and_back(pane):
    digits = Stepper(digits_shaped((64, 10)))
    pane.set_network(*network_of(digits))
    assert pane.switch.wide and pane.switch.currentWidget() is pane.switch.columns
    assert pane.view.labels() == []  # no figure of 650 lines is built behind the columns
    assert not pane.fit.isVisible() and not pane.hint.isVisible()
    legend = pane.legend_text()
    assert "not computed yet" in legend and "thicker" not in legend
    snapshot = step_until(digits, lambda s: s.phase == "forward")
    pane.show_snapshot(snapshot)
    assert pane.switch.columns.snapshot is snapshot
    mazur = Stepper(MAZUR)
    pane.set_network(*network_of(mazur))
    pane.show_snapshot(mazur.snapshot)
    assert not pane.switch.wide and "w8" in pane.view.labels()
    assert pane.fit.isVisible() and "thicker" in pane.legend_text()
    assert pane.switch.columns.weight_panels == []
    assert pane.view.figure_scene() is pane.view.scene()


def test_export_gets_a_picture_of_the_columns_for_a_wide_network(pane):
    digits = Stepper(digits_shaped((64, 10)))
    pane.set_network(*network_of(digits))
    pane.show_snapshot(digits.snapshot)
    scene = pane.view.figure_scene()
    assert scene is not pane.view.scene() and len(scene.items()) == 1
    picture = scene.itemsBoundingRect()
    ratio = pane.switch.columns.devicePixelRatioF()
    assert picture.width() == pane.switch.columns.width() * ratio
    assert picture.height() == pane.switch.columns.height() * ratio


def test_the_dark_theme_recolours_the_columns(pane):
    digits = Stepper(digits_shaped((64, 10)))
    pane.set_network(*network_of(digits))
    pane.show_snapshot(digits.snapshot)
    pane.set_dark(True)
    assert pane.switch.columns.colours == pane.view.colours
    lut = pane.switch.columns.weight_panels[0].cells.image.lut
    middle = lut[len(lut) // 2][:3]
    assert tuple(middle) == pane.view.colours.paper.getRgb()[:3]  # 0 in the paper colour


@pytest.fixture
def wide_window(qtbot):
    window = MainWindow(digits_shaped((64, 32, 10)))
    qtbot.addWidget(window)
    window.network_view.animation_ms = 0
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    wait_for_all()


def test_the_window_steps_a_wide_network_in_layer_columns(qtbot, wide_window):
    controller = wide_window.controller
    columns = wide_window.diagram_pane.switch.columns
    assert wide_window.diagram_pane.switch.wide
    while controller.snapshot.phase != "backward":
        controller.step_phase()
    snapshot = controller.snapshot
    model_labels = [[f"w{32 * 64 + 32 * r + c + 1}" for c in range(32)] for r in range(10)]
    expected = np.array([[snapshot.params[label] for label in row] for row in model_labels])
    np.testing.assert_array_equal(columns.weight_panels[1].cells.image.image, expected)
    with qtbot.waitSignal(wide_window.network_view.element_clicked):  # the window explains it
        columns.element_clicked.emit("o2")
