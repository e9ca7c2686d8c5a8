"""Layers as columns: every heatmap cell, activation cell, norm and zoomed weight is the
Snapshot's number for the label the model places there; the focus is framed; clicks zoom."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QLabel
from wide_nets import digits_shaped, fully_stepped, mid_backward, step_until

from engine.core.snapshot import Snapshot
from engine.training.stepper import Stepper
from gui.views.layer_columns.cell_image import CellImage
from gui.views.layer_columns.texts import number
from gui.views.layer_columns_view import LayerColumnsView


def shown(qtbot, stepper: Stepper, size=(904, 428)) -> LayerColumnsView:
    view = LayerColumnsView()
    qtbot.addWidget(view)
    view.resize(*size)
    model = stepper.model
    view.set_network(model.neurons, model.params, stepper.config.activations)
    view.show()
    qtbot.waitExposed(view)
    return view


def expected_weights(stepper: Stepper, snapshot: Snapshot, layer: int) -> np.ndarray:
    """The Snapshot's params placed by the model's own lookup (layer, row, col) → label."""
    rows, cols = stepper.model.linears[layer - 1].weight.shape
    return np.array(
        [
            [snapshot.params[stepper.model.weight_label(layer, r, c)] for c in range(cols)]
            for r in range(rows)
        ]
    )


def layer_grads(stepper: Stepper, snapshot: Snapshot, layer: int, kind: str) -> list[float]:
    infos = [i for i in stepper.model.params if i.layer == layer and i.kind == kind]
    return [g for i in infos if (g := snapshot.grads[i.label]) is not None]


def click_cell(qtbot, cells: CellImage, row: int, col: int) -> None:
    qtbot.wait(20)  # the view box places the image on its next layout pass
    scene = cells.image.mapToScene(QPointF(col + 0.5, row + 0.5))
    point: QPoint = cells.mapFromScene(scene)
    qtbot.mouseClick(cells.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.fixture
def digits() -> Stepper:
    return Stepper(digits_shaped((64, 10)))


@pytest.fixture
def deep() -> Stepper:
    return Stepper(digits_shaped((64, 32, 10)))


def test_heatmaps_hold_the_snapshots_weights_by_label(qtbot, deep):
    view = shown(qtbot, deep)
    snapshot = step_until(deep, mid_backward)
    view.show_snapshot(snapshot)
    assert len(view.weight_panels) == 2 and len(view.activation_columns) == 3
    for layer, panel in enumerate(view.weight_panels, start=1):
        expected = expected_weights(deep, snapshot, layer)
        np.testing.assert_array_equal(panel.cells.image.image, expected)
        largest = float(np.max(np.abs(expected)))
        assert panel.cells.image.levels == pytest.approx([-largest, largest], abs=0)
        assert panel.legend.bound.text() == "±" + number(largest)


def test_after_the_step_the_heatmap_is_a_plain_pytorch_sgd_step(qtbot, digits):
    config = digits.config
    view = shown(qtbot, digits)
    start = digits.snapshot
    weight = torch.tensor(expected_weights(digits, start, 1), requires_grad=True)
    bias = torch.tensor(
        [start.params[f"b_o{k + 1}"] for k in range(10)], dtype=torch.float64, requires_grad=True
    )
    x = torch.tensor(config.inputs, dtype=torch.float64)
    target = torch.tensor([2])  # the one-hot target's class
    loss = F.nll_loss(F.log_softmax(F.linear(x, weight, bias), dim=-1), target)
    loss.backward()
    with torch.no_grad():
        stepped = (weight - config.lr * weight.grad).numpy()
    snapshot = step_until(digits, fully_stepped)
    view.show_snapshot(snapshot)
    np.testing.assert_allclose(view.weight_panels[0].cells.image.image, stepped, rtol=0, atol=1e-15)
    expected_norm = float(torch.linalg.vector_norm(weight.grad))
    text = view.weight_panels[0].weight_grad_norm.text()
    assert text.endswith(number(expected_norm)) and math.isclose(
        float(text.split()[-1].replace("−", "-")), expected_norm, rel_tol=1e-3
    )


def test_activation_columns_show_outs_computed_so_far_and_grey_the_rest(qtbot, digits):
    view = shown(qtbot, digits)
    snapshot = step_until(digits, lambda s: s.phase == "forward" and s.focus == "o4")
    view.show_snapshot(snapshot)
    inputs = view.activation_columns[0].cells.image.image[:, 0]
    np.testing.assert_array_equal(inputs, digits.config.inputs[0])
    outs = view.activation_columns[1].cells.image.image[:, 0]
    np.testing.assert_array_equal(outs[:4], [snapshot.neurons[f"o{k}"].out for k in range(1, 5)])
    assert np.isnan(outs[4:]).all()  # o5..o10 not computed yet: transparent over grey
    highest = view.activation_columns[1].highest.text()
    assert highest.startswith("↑ ")
    assert math.isclose(float(highest[2:].replace("−", "-")), np.max(outs[:4]), rel_tol=1e-3)


def test_gradient_norms_are_a_dash_when_cleared_and_the_norm_of_those_revealed(qtbot, deep):
    view = shown(qtbot, deep)
    snapshot = step_until(deep, lambda s: s.phase == "forward")
    view.show_snapshot(snapshot)
    for panel in view.weight_panels:
        assert panel.weight_grad_norm.text() == "‖∇W‖ —"
        assert panel.bias_grad_norm.text() == "‖∇b‖ —"
    snapshot = step_until(deep, mid_backward)
    view.show_snapshot(snapshot)
    for layer, panel in enumerate(view.weight_panels, start=1):
        for kind, label in (("weight", panel.weight_grad_norm), ("bias", panel.bias_grad_norm)):
            grads = layer_grads(deep, snapshot, layer, kind)
            norm = float(np.linalg.norm(grads)) if grads else None
            assert label.text().endswith(number(norm))


def test_the_focus_frames_the_layer_being_computed_revealed_or_updated(qtbot, deep):
    view = shown(qtbot, deep)
    snapshot = step_until(deep, lambda s: s.phase == "forward" and s.focus == "o3")
    view.show_snapshot(snapshot)
    assert view.focused_layer() == 2
    assert view.weight_panels[1].cells.outlined().top() == 2  # o3's row
    assert view.activation_columns[2].in_focus and not view.activation_columns[1].in_focus
    snapshot = step_until(deep, mid_backward)
    view.show_snapshot(snapshot)
    assert view.focused_layer() == deep.model.params[deep.model.index[snapshot.focus]].layer
    snapshot = step_until(deep, lambda s: s.phase == "step" and s.focus == "w1")
    view.show_snapshot(snapshot)
    assert view.focused_layer() == 1
    view.show_snapshot(dataclasses.replace(snapshot, focus="layer:2"))  # a per-layer micro-step
    assert view.focused_layer() == 2 and view.weight_panels[1].cells.outlined() is None
    view.show_snapshot(dataclasses.replace(snapshot, focus=None))
    assert view.focused_layer() is None


def test_clicking_a_heatmap_row_zooms_into_that_neurons_weights_as_8x8(qtbot, digits):
    view = shown(qtbot, digits)
    snapshot = step_until(digits, mid_backward)
    view.show_snapshot(snapshot)
    with qtbot.waitSignal(view.element_clicked) as clicked:
        click_cell(qtbot, view.weight_panels[0].cells, 3, 17)
    assert clicked.args == ["o4"] and view.zoomed == "o4" and view.zoom.isVisible()
    incoming, bias = digits.model.incoming(1, 3)
    weights = np.array([snapshot.params[info.label] for info in incoming])
    picture = view.zoom.picture.image.image
    assert picture.shape == (8, 8)
    for info in incoming:  # pixel k of the 8×8 digit is input i(k+1): row k // 8, column k % 8
        k = info.col
        assert picture[k // 8, k % 8] == snapshot.params[info.label]
    assert view.zoom.legend.bound.text() == "±" + number(float(np.max(np.abs(weights))))
    grads = [snapshot.grads[i.label] for i in (*incoming, bias)]
    revealed = [g for g in grads if g is not None]
    norm = float(np.linalg.norm(revealed)) if revealed else None
    details = view.zoom.details.text()
    assert f"b_o4 = {number(snapshot.params['b_o4'])}" in details
    assert details.endswith(number(norm))
    assert "o4" in view.zoom.title.text()


def test_clicking_an_activation_cell_zooms_and_a_later_snapshot_updates_the_zoom(qtbot, deep):
    view = shown(qtbot, deep)
    view.show_snapshot(step_until(deep, mid_backward))
    click_cell(qtbot, view.activation_columns[2].cells, 1, 0)
    assert view.zoomed == "o2"
    assert view.zoom.stack.currentWidget() is view.zoom.bars  # 32 hidden inputs: bars
    snapshot = step_until(deep, fully_stepped)
    view.show_snapshot(snapshot)
    incoming, _ = deep.model.incoming(2, 1)
    np.testing.assert_array_equal(
        view.zoom.bar_heights(), [snapshot.params[info.label] for info in incoming]
    )
    click_cell(qtbot, view.activation_columns[0].cells, 5, 0)  # an input has no weights in
    assert view.zoomed == "o2"
    view.zoom.closed.emit()
    assert view.zoomed == "" and not view.zoom.isVisible()


def test_headings_name_each_layer(qtbot, deep):
    view = shown(qtbot, deep)
    headings = [panel.heading.text().replace("\u00a0", " ") for panel in view.weight_panels]
    assert headings == ["Layer 1: 64 → 32 (relu)", "Layer 2: 32 → 10 (log_softmax)"]
    columns = [column.heading.text() for column in view.activation_columns]
    assert columns == ["Inputs (64)", "Hidden 1 (32)", "Outputs (10)"]


@pytest.mark.parametrize("size", [(904, 428), (648, 391)])  # the pane at 1280×800, 1024×768
def test_text_is_legible_and_nothing_is_clipped(qtbot, deep, size):
    view = shown(qtbot, deep, size)
    view.show_snapshot(step_until(deep, mid_backward))
    view.zoom_into("h3")
    qtbot.wait(10)
    assert view.minimumSizeHint().width() <= size[0]
    assert view.minimumSizeHint().height() <= size[1]
    labels = [label for label in view.findChildren(QLabel) if label.isVisible() and label.text()]
    assert len(labels) > 15
    for label in labels:
        assert label.font().pointSizeF() >= 9, label.text()
        needed = label.heightForWidth(label.width()) if label.wordWrap() else -1
        assert label.width() >= (label.minimumSizeHint().width()), label.text()
        assert needed <= label.height() + 1, label.text()
        corner = label.mapTo(view, label.rect().bottomRight())
        assert view.rect().contains(corner), label.text()


def test_hovering_a_cell_names_the_weight_or_out_with_the_snapshots_numbers(qtbot, digits):
    view = shown(qtbot, digits)
    snapshot = step_until(digits, mid_backward)
    view.show_snapshot(snapshot)
    label = digits.model.weight_label(1, 2, 5)  # i6 → o3
    view.weight_panels[0].cells.image.cell_hovered.emit(2, 5)
    tip = view.weight_panels[0].cells.toolTip()
    value, grad = number(snapshot.params[label]), number(snapshot.grads[label])
    assert tip.startswith(f"{label}: i6 → o3 = {value}, ∂E/∂{label} = {grad}")
    view.activation_columns[1].cells.image.cell_hovered.emit(2, 0)
    assert (
        view.activation_columns[1].cells.toolTip()
        == f"o3: out = {number(snapshot.neurons['o3'].out)}"
    )
    view.activation_columns[1].cells.image.cell_hovered.emit(-1, -1)
    assert view.activation_columns[1].cells.toolTip() == ""
