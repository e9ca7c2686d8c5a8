"""The loss surface and the basin map say what lies under the pointer; a click on the surface
places the two plane parameters there as one undoable edit, between iterations only."""

from __future__ import annotations

import math

import pytest
import torch
from PySide6.QtCore import QPointF, Qt

MAZUR_INPUTS, MAZUR_TARGETS = (0.05, 0.10), (0.01, 0.99)


def mazur_loss(p: dict[str, float]) -> float:
    """Mazur's 2-2-2 network written out in plain PyTorch: ½Σ(target − out)²."""
    t = {k: torch.tensor(v, dtype=torch.float64) for k, v in p.items()}
    i1, i2 = MAZUR_INPUTS
    h1 = torch.sigmoid(t["w1"] * i1 + t["w2"] * i2 + t["b_h1"])
    h2 = torch.sigmoid(t["w3"] * i1 + t["w4"] * i2 + t["b_h2"])
    o1 = torch.sigmoid(t["w5"] * h1 + t["w6"] * h2 + t["b_o1"])
    o2 = torch.sigmoid(t["w7"] * h1 + t["w8"] * h2 + t["b_o2"])
    return float(0.5 * (MAZUR_TARGETS[0] - o1) ** 2 + 0.5 * (MAZUR_TARGETS[1] - o2) ** 2)


def number(text: str) -> float:
    return float(text.replace("−", "-"))


def surface_point(qtbot, window, fx: float = 0.3, fy: float = 0.65):
    """The surface tab open; a scene position a fraction (fx, fy) across its data area, and the
    plane coordinates there."""
    panel = window.landscape_panel
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.view.isVisible())
    box = panel.view.plot_item.getViewBox()
    box.updateAutoRange()
    (x0, x1), (y0, y1) = box.viewRange()
    scene = box.mapViewToScene(QPointF(x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)))
    here = box.mapSceneToView(scene)
    return panel, scene, here.x(), here.y()


def test_hovering_the_surface_shows_the_loss_there_as_plain_pytorch_computes_it(qtbot, window):
    panel, scene, a, b = surface_point(qtbot, window)
    panel.readout.hover(scene)
    first = panel.readout.text.splitlines()[0]
    parts = dict(part.split(" = ") for part in first.split(", "))
    assert set(parts) == {"w5", "w6", "E"}
    params = dict(window.controller.snapshot.params, w5=a, w6=b)
    assert number(parts["w5"]) == pytest.approx(a, rel=1e-3)
    assert number(parts["w6"]) == pytest.approx(b, rel=1e-3)
    assert parts["E"] == f"{mazur_loss(params):.6g}"
    assert panel.readout.label.isVisible()
    panel.readout.hover(QPointF(-50, -50))  # off the plot
    assert panel.readout.text == ""


def test_a_click_places_both_parameters_and_back_undoes_them(qtbot, window):
    before = dict(window.controller.snapshot.params)
    panel, scene, _, _ = surface_point(qtbot, window, 0.7, 0.2)
    view = panel.view
    pixel = view.mapFromScene(scene)  # a real click lands on a whole pixel
    clicked = view.plot_item.getViewBox().mapSceneToView(view.mapToScene(pixel))
    a, b = clicked.x(), clicked.y()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pixel)
    after = dict(window.controller.snapshot.params)
    assert after["w5"] == pytest.approx(a, abs=1e-9) and after["w6"] == pytest.approx(b, abs=1e-9)
    assert {k: v for k, v in after.items() if k not in ("w5", "w6")} == {
        k: v for k, v in before.items() if k not in ("w5", "w6")
    }
    assert "placed from the surface: 2 edits" in window.last_message
    assert window.controller.current_loss() == pytest.approx(mazur_loss(after), rel=1e-12)
    qtbot.keyClick(window.network_view, Qt.Key.Key_Left)  # w6's edit undone
    assert dict(window.controller.snapshot.params) == dict(before, w5=after["w5"])
    qtbot.keyClick(window.network_view, Qt.Key.Key_Left)  # and w5's
    assert dict(window.controller.snapshot.params) == before
    assert not window.controller.can_go_back


def test_a_click_in_the_middle_of_an_iteration_changes_nothing_and_says_why(qtbot, window):
    for _ in range(3):
        window.controller.step_phase()
    before = dict(window.controller.snapshot.params)
    tick = window.controller.snapshot.tick
    panel, _, a, b = surface_point(qtbot, window)
    panel.place_at(a, b)
    assert dict(window.controller.snapshot.params) == before
    assert window.controller.snapshot.tick == tick
    assert "finish or rewind the current iteration" in window.last_message


def test_the_basin_map_says_which_minimum_the_start_under_the_pointer_reaches(qtbot, window):
    view = window.basin_view
    window.tabs.setCurrentWidget(view)
    view.optimizer_box.setCurrentText("sgd")
    view.lr.setValue(0.01)
    view.steps.setValue(300)
    view.res.setValue(8)
    view.start()
    qtbot.waitUntil(lambda: view.result is not None, timeout=30_000)
    result = view.result
    row, col = 2, 5
    k = len(result.x)
    x = result.x[0] + (col + 0.5) * (result.x[-1] - result.x[0]) / k  # the pixel's centre
    y = result.y[0] + (row + 0.5) * (result.y[-1] - result.y[0]) / k
    box = view.plot.getPlotItem().getViewBox()
    box.updateAutoRange()  # as the first paint would
    view.readout.hover(box.mapViewToScene(QPointF(x, y)))
    # The same start descended by plain PyTorch SGD on Himmelblau's formula.
    xy = torch.tensor([result.x[col], result.y[row]], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([xy], lr=0.01)
    for _ in range(300):
        optimizer.zero_grad()
        ((xy[0] ** 2 + xy[1] - 11) ** 2 + (xy[0] + xy[1] ** 2 - 7) ** 2).backward()
        optimizer.step()
    end = xy.detach().tolist()
    nearest = min(result.minima, key=lambda m: math.dist(m, end))
    assert math.dist(nearest, end) < 1e-3
    text = view.readout.text
    assert f"start ({result.x[col]:.3g}, {result.y[row]:.3g})" in text
    assert f"minimum ({nearest[0]:.3g}, {nearest[1]:.3g})" in text
