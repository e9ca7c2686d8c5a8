"""The landscape tab, the optimizer race and the basin map render the engine's numbers."""

import numpy as np
import pytest

from engine.landscape.loss_landscape import Landscape
from engine.landscape.picture import RunPicture
from engine.models.presets import PRESETS
from engine.training.stepper import Stepper
from gui.views.basin_view import BasinView
from gui.views.landscape_panel import LandscapePanel
from gui.views.race_view import RaceView


@pytest.fixture
def holder():
    return {"stepper": Stepper(PRESETS["mazur"])}


def image_of(panel: LandscapePanel) -> np.ndarray:
    return panel.view.image.image


def test_surface_follows_the_current_point(qtbot, holder):
    panel = LandscapePanel(lambda: RunPicture.of(holder["stepper"]))
    qtbot.addWidget(panel)
    first = image_of(panel).copy()
    stepper = holder["stepper"]
    expected = Landscape.of(stepper).surface(panel.resolution.value())
    np.testing.assert_array_equal(first, expected.loss)
    stepper.run(20)
    panel.refresh(stepper.snapshot)
    assert not np.array_equal(image_of(panel), first)  # w1..w4, w7, w8 moved: a new slice
    path_x, path_y = panel.view.path.getData()
    assert len(path_x) == 21 and path_x[0] == 0.4 and path_y[0] == 0.45  # w5, w6 at the start
    assert panel.view.plot_item.getAxis("bottom").labelText == "w5"


def test_step_arrow_appears_only_during_step(qtbot, holder):
    panel = LandscapePanel(lambda: RunPicture.of(holder["stepper"]))
    qtbot.addWidget(panel)
    stepper = holder["stepper"]
    while (snap := stepper.step_phase()).phase != "step":
        panel.refresh(snap)
        assert not panel.view.arrow_head.isVisible()
    panel.refresh(snap)
    x, y = panel.view.arrow.getData()
    assert panel.view.arrow_head.isVisible()
    assert x[1] - x[0] == pytest.approx(-0.5 * snap.grads["w5"])  # −lr·∂E/∂w5


def test_other_planes_and_the_parabola(qtbot, holder):
    panel = LandscapePanel(lambda: RunPicture.of(holder["stepper"]))
    qtbot.addWidget(panel)
    panel.plane_box.setCurrentIndex(2)  # PCA before training: refused with a message
    assert "at least 3 points" in panel.message.text()
    holder["stepper"].run(30)
    panel.plane_box.setCurrentIndex(1)
    assert panel.landscape.plane.kind == "random" and image_of(panel).shape == (128, 128)
    panel.plane_box.setCurrentIndex(2)
    assert panel.landscape.plane.axes[0].startswith("PC1")
    holder["stepper"] = Stepper(PRESETS["parabola"])
    holder["stepper"].run(2)
    panel.rebuild()
    assert panel.view.curve.isVisible() and not panel.view.image.isVisible()
    tangent_x, tangent_y = panel.view.tangent.getData()
    slope = (tangent_y[1] - tangent_y[0]) / (tangent_x[1] - tangent_x[0])
    assert slope == pytest.approx(2 * holder["stepper"].params()["x"])


def test_three_d_without_opengl_says_why(qtbot, holder):
    panel = LandscapePanel(lambda: RunPicture.of(holder["stepper"]))
    qtbot.addWidget(panel)
    panel.three_d.setChecked(True)  # offscreen: no OpenGL context
    assert "3-D view unavailable" in panel.message.text()
    assert not panel.three_d.isChecked() and panel.stack.currentWidget() is panel.view


def test_race_draws_one_path_per_optimizer(qtbot):
    view = RaceView()
    qtbot.addWidget(view)
    assert view.loss_hint.isVisible() and "Press Start" in view.loss_hint.toPlainText()
    (x_low, x_high), (y_low, y_high) = view.loss_plot.getPlotItem().viewRange()
    start = np.log10(view.race.racers[0].losses[0])
    assert (x_low, x_high) == (0, 100) and y_low < start < y_high  # a frame, not an autoscale
    view.toggle()
    qtbot.waitUntil(lambda: len(view.race.racers[0].path) > 50, timeout=5000)
    view.toggle()
    assert len(view.paths) == 7
    for racer, path in zip(view.race.racers, view.paths, strict=True):
        assert len(path.getData()[0]) == len(racer.path)
    assert "lowest loss" in view.status.text()
    assert not view.loss_hint.isVisible()  # the losses are there now
    assert view.loss_plot.getPlotItem().getViewBox().autoRangeEnabled()[0]
    view.reset()
    assert view.loss_hint.isVisible()


def test_basin_map_runs_off_the_gui_thread_and_finds_four_minima(qtbot):
    view = BasinView()
    qtbot.addWidget(view)
    view.res.setValue(24)
    assert view.hint.isVisible() and "Press Compute" in view.hint.toPlainText()
    ticks = []
    view.progress.valueChanged.connect(ticks.append)
    view.start()
    qtbot.waitUntil(lambda: not view.running, timeout=20000)
    assert set(np.unique(view.result.basin)) == {0, 1, 2, 3}
    assert view.image.image.shape == (24, 24, 4) and ticks
    assert "none reached: 0" in view.summary.text()
    assert not view.hint.isVisible()


def test_basin_map_can_be_cancelled(qtbot):
    view = BasinView()
    qtbot.addWidget(view)
    view.steps.setValue(100_000)
    view.start()
    view.stop()
    qtbot.waitUntil(lambda: not view.running, timeout=20000)
    assert view.compute.isEnabled() and view.summary.text() == "Cancelled."


def test_contours_are_replaced_not_piled_up(qtbot, holder):
    panel = LandscapePanel(lambda: RunPicture.of(holder["stepper"]))
    qtbot.addWidget(panel)
    holder["stepper"].run(30)
    for index in (1, 0, 1, 0):
        panel.plane_box.setCurrentIndex(index)
    assert panel.view.image.childItems() == [panel.view.contours]
    x, y = panel.view.contours.getData()
    assert len(x) > 0 and len(x) % 2 == 0  # segments, as pairs of points
    grid = panel.view.image.image.shape  # (rows = y, columns = x), in image pixels
    assert x.min() >= 0 and x.max() <= grid[1] and y.min() >= 0 and y.max() <= grid[0]


def test_momentum_shows_both_arrows_labelled(qtbot):
    holder = {"stepper": Stepper(PRESETS["mazur"].replace(momentum=0.9))}
    panel = LandscapePanel(lambda: RunPicture.of(holder["stepper"]))
    qtbot.addWidget(panel)
    stepper = holder["stepper"]
    while not ((snap := stepper.step_phase()).phase == "step" and snap.iteration == 1):
        pass
    panel.refresh(snap)
    view = panel.view
    assert view.step_arrow.is_shown() and view.gradient_arrow.is_shown()
    assert view.step_arrow.label.textItem.toPlainText() == "optimizer.step()"
    assert view.gradient_arrow.label.textItem.toPlainText() == "−lr·∇E"
    real_x, _ = view.step_arrow.line.getData()
    plain_x, _ = view.gradient_arrow.line.getData()
    assert real_x[1] != pytest.approx(plain_x[1])


def test_plain_sgd_shows_one_arrow_saying_so(qtbot, holder):
    panel = LandscapePanel(lambda: RunPicture.of(holder["stepper"]))
    qtbot.addWidget(panel)
    while (snap := holder["stepper"].step_phase()).phase != "step":
        pass
    panel.refresh(snap)
    assert panel.view.step_arrow.is_shown() and not panel.view.gradient_arrow.is_shown()
    assert panel.view.step_arrow.label.textItem.toPlainText() == "optimizer.step() = −lr·∇E"


def test_a_function_s_stars_leave_with_it(qtbot, holder):
    holder["stepper"] = Stepper(PRESETS["himmelblau"])
    panel = LandscapePanel(lambda: RunPicture.of(holder["stepper"]))
    qtbot.addWidget(panel)
    assert len(panel.view.minima.getData()[0]) == 4
    holder["stepper"] = Stepper(PRESETS["parabola"])
    panel.rebuild()
    assert panel.view.curve.isVisible() and len(panel.view.minima.getData()[0]) == 0
