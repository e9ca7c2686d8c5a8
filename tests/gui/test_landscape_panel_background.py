"""A big network's surface is computed off the GUI thread; the newest request wins."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from engine.landscape.loss_landscape import Landscape
from engine.landscape.picture import RunPicture
from engine.landscape.terrain import PlaneChoice, SurfaceRequest
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.views.landscape_panel import LandscapePanel

BIG = MAZUR.replace(layers=(2, 900, 8, 2), activations=("sigmoid",) * 3)


@pytest.fixture
def panel(qtbot):
    stepper = Stepper(BIG)
    widget = LandscapePanel(lambda: RunPicture.of(stepper))
    qtbot.addWidget(widget)
    widget.resolution.setValue(64)
    qtbot.waitUntil(lambda: not widget.computing, timeout=30000)
    yield widget
    widget.surface_task.wait(30000)


def drawn_surfaces(panel, monkeypatch) -> list:
    drawn = []
    original = panel.view.show_surface

    def record(surface, title):
        drawn.append(surface)
        original(surface, title)

    monkeypatch.setattr(panel.view, "show_surface", record)
    return drawn


def test_a_big_random_plane_leaves_the_window_responsive(qtbot, panel, monkeypatch):
    drawn = drawn_surfaces(panel, monkeypatch)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    panel.plane_box.setCurrentIndex(1)  # random directions: 4096 networks of 9,926 weights
    assert time.monotonic() - started < 0.5  # returned at once: the work is in a worker
    assert panel.computing and panel.busy.isVisibleTo(panel)
    qtbot.waitUntil(lambda: not panel.computing, timeout=60000)
    timer.stop()
    gaps = np.diff([started, *ticks])
    assert len(ticks) > 5 and gaps.max() < 1.0  # the event loop kept running throughout
    expected = Landscape(panel.picture(), PlaneChoice("random")).surface(64)
    assert len(drawn) == 1
    np.testing.assert_array_equal(panel.view.image.image, expected.loss)
    assert not panel.busy.isVisibleTo(panel)


def test_a_newer_request_supersedes_the_running_one(qtbot, panel, monkeypatch):
    drawn = drawn_surfaces(panel, monkeypatch)
    panel.plane_box.setCurrentIndex(1)  # seed 0 starts computing ...
    for seed in (1, 2, 3):
        panel.seed.setValue(seed)  # ... and each newer seed replaces the one before
    qtbot.waitUntil(lambda: not panel.computing, timeout=60000)
    newest = Landscape(panel.picture(), PlaneChoice("random", seed=3)).surface(64)
    assert len(drawn) == 1  # no older plane flashed up on the way
    np.testing.assert_array_equal(drawn[0].loss, newest.loss)
    assert drawn[0].plane is panel.landscape.plane


def test_a_small_surface_after_a_big_one_is_not_overwritten(qtbot, panel):
    panel.plane_box.setCurrentIndex(1)
    assert panel.computing
    panel.plane_box.setCurrentIndex(0)  # a slice of two weights: drawn at once
    qtbot.waitUntil(lambda: not panel.surface_task.running, timeout=60000)
    assert panel.view.image.image.shape == (64, 64)
    assert panel.view.plot_item.getAxis("bottom").labelText == panel.landscape.plane.axes[0]
    expected = Landscape(panel.picture()).surface(64)
    np.testing.assert_array_equal(panel.view.image.image, expected.loss)


def test_a_failing_surface_is_a_message_not_a_crash(qtbot, panel, monkeypatch):
    def fail(self, should_stop=None, progress=None):
        raise MemoryError("out of memory")

    monkeypatch.setattr(SurfaceRequest, "compute", fail)
    before = panel.view.image.image.copy()
    panel.plane_box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not panel.computing, timeout=30000)
    assert "could not be computed" in panel.message.text()
    np.testing.assert_array_equal(panel.view.image.image, before)  # the previous surface stays


def test_an_export_can_wait_for_the_surface_being_computed(panel):
    panel.plane_box.setCurrentIndex(1)
    assert panel.computing
    assert panel.finish_surface()  # what prepare_landscape needs before a figure is written
    assert not panel.computing
    expected = Landscape(panel.picture(), PlaneChoice("random")).surface(64)
    np.testing.assert_array_equal(panel.view.image.image, expected.loss)
    assert panel.finish_surface()  # nothing to wait for: returns at once
