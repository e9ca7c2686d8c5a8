"""The landscape, race, basin and lab tabs live in the main window and follow the controller."""

import numpy as np


def test_surface_tab_follows_stepping(window, qtbot):
    window.tabs.setCurrentWidget(window.landscape_panel)
    panel = window.landscape_panel
    before = panel.view.image.image.copy()
    window.controller.step_iteration()
    x, _ = panel.view.path.getData()
    assert len(x) == 2  # the start and the point after one update
    assert not np.array_equal(panel.view.image.image, before)  # the slice moved with w1..w4
    window.controller.step_phase()
    while window.controller.stepper.snapshot.phase != "step":
        window.controller.step_phase()
    assert panel.view.arrow_head.isVisible()


def test_surface_tab_rebuilds_for_a_new_model(window):
    window.controller.load_preset("himmelblau")
    window.tabs.setCurrentWidget(window.landscape_panel)
    panel = window.landscape_panel
    assert panel.landscape.plane.kind == "function" and not panel.landscape.offers_planes
    assert panel.view.image.image.shape == (128, 128)
    assert len(panel.view.minima.data) == 4


def test_use_in_network_puts_the_activation_on_hidden_layers(window):
    window.tabs.setCurrentWidget(window.labs)
    window.labs.use_activation_requested.emit("tanh")
    assert window.controller.stepper.config.activations == ("tanh", "sigmoid")
    assert window.tabs.currentIndex() == 0


def test_use_in_network_on_a_test_function_is_refused(window):
    window.controller.load_preset("rosenbrock")
    window.labs.use_activation_requested.emit("relu")
    assert window.controller.stepper.config.preset == "rosenbrock"
    assert "no activations" in window.banner.text()


def test_every_tab_shows_something(window, qtbot, tmp_path):
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        image = window.grab().toImage()
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 23)
            for y in range(60, image.height(), 19)
        }
        assert len(colours) > 10, window.tabs.tabText(index)


def test_the_surface_tab_opened_during_a_run_waits_for_the_run(window, qtbot, monkeypatch):
    """A worker owns the stepper during a run: the tab shows the surface once it has ended."""
    controller = window.controller
    assert controller.run_iterations(1_000_000)
    read = []
    monkeypatch.setattr(window.landscape_panel, "refresh", lambda *a, **k: read.append(1))
    window.tabs.setCurrentWidget(window.landscape_panel)
    assert read == []  # nothing read while the worker runs
    controller.cancel_run()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    assert read  # redrawn at the run's end


def test_pages_are_opened_and_named_by_their_names(window):
    assert set(window.pages) >= {"training", "surface", "race", "basins", "labs"}
    for name, page in window.pages.items():
        window.show_page(name)
        assert window.current_page() == name and window.tabs.currentWidget() is page.widget
    training = window.pages["training"]
    assert training.highlight("w5") and window.network_view.highlighted == "w5"
    assert not training.highlight("w99")
