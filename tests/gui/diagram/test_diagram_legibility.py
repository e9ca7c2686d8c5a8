"""A big network stays readable: text never below 9 pt, the rest panned; tags clear of nodes."""

from __future__ import annotations

import pytest
from diagram_nets import BIG, HUGE, built
from PySide6.QtCore import QPoint, QRect, QRectF

from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.views.diagram.layout import Geometry
from gui.views.diagram.zoom import MIN_LABEL_PT
from gui.views.diagram_pane import DiagramPane
from gui.views.network_view import NetworkView

LINE = "∂E/∂b_h2_16 = -0.000000"  # the fullest a bias tag gets


def min_px(view: NetworkView) -> float:
    return MIN_LABEL_PT * view.logicalDpiY() / 72.0


def test_a_big_network_is_panned_at_a_readable_size_in_the_window(window, qtbot):
    assert window.controller.apply_config(BIG)
    view = window.network_view
    qtbot.waitUntil(lambda: "h2_8" in view.labels())
    assert view.smallest_text_px() >= min_px(view) - 1e-6
    assert not view.figure_fits()  # it does not fit at that size: the learner pans instead
    scene = view.sceneRect()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.width() < scene.width() or shown.height() < scene.height()


def test_zoom_buttons_and_the_hint(qtbot):
    pane = DiagramPane()
    qtbot.addWidget(pane)
    pane.resize(1000, 600)
    stepper = Stepper(BIG)
    pane.view.set_network(stepper.model.neurons, stepper.model.params)
    pane.show()
    qtbot.waitExposed(pane)
    view = pane.view
    fitted = view.smallest_text_px()
    pane.zoom_in.click()
    assert view.smallest_text_px() > fitted
    pane.fit.click()
    assert view.smallest_text_px() == pytest.approx(fitted)
    for _ in range(20):
        pane.zoom_out.click()  # down to the whole figure, the learner's choice
    assert view.figure_fits() and view.smallest_text_px() < fitted
    assert "zoom" in pane.hint.text() and "pan" in pane.hint.text()


def test_the_legend_names_what_colours_widths_and_dashes_mean(qtbot):
    pane = DiagramPane()
    qtbot.addWidget(pane)
    text = pane.legend_text()
    colours = pane.view.colours
    for colour in (colours.positive, colours.negative, colours.frozen, colours.backward):
        assert colour.name() in text
    for words in ("weight &gt; 0", "weight &lt; 0", "thicker", "frozen", "gradients"):
        assert words in text
    pane.set_dark(True)
    assert pane.view.colours.positive.name() in pane.legend_text()
    assert pane.view.colours.positive != colours.positive


@pytest.mark.parametrize("config", [MAZUR, BIG, HUGE], ids=["2-2-2", "2-8-8-2", "4-16-16-3"])
def test_bias_tags_at_their_fullest_clear_each_other_and_every_neuron(qtbot, config):
    view = built(qtbot, config)
    figure = view.figure
    ink = view.colours.ink
    for items in figure.neurons.values():
        items.values.set_lines([("net = -0.000000", ink)] * 3)
    biases = [p.tag for p in figure.params.values() if p.edge is None]
    assert biases
    for tag in biases:
        tag.set_lines([(LINE, ink)] * 2)
    bias_rects = [tag.sceneBoundingRect() for tag in biases]
    node_rects: list[QRectF] = []
    for items in figure.neurons.values():
        node_rects += [items.circle.sceneBoundingRect(), items.values.sceneBoundingRect()]
    for k, rect in enumerate(bias_rects):
        assert not any(rect.intersects(other) for other in bias_rects[k + 1 :])
        assert not any(rect.intersects(node) for node in node_rects)


def test_layers_name_their_activation(qtbot):
    view = built(qtbot, BIG)
    headings = [item.text() for item in view.scene().items() if hasattr(item, "text")
                and callable(item.text) and "layer" in str(item.text())]  # fmt: skip
    assert "input layer" in headings
    assert "hidden layer 1 · sigmoid" in headings and "hidden layer 2 · tanh" in headings
    assert "output layer · sigmoid" in headings


def test_wide_rows_leave_room_for_the_fonts_tags():
    g = Geometry.for_widest(8)
    assert g.with_room(bias_height=60, values_height=90).row > g.row
    assert g.with_room(bias_height=10, values_height=10).row == g.row


def test_the_banner_never_covers_a_neuron(window, qtbot):
    assert window.controller.apply_config(BIG)  # the rebuild says so in the banner
    window.banner.show_message("Model rebuilt: custom, 2-8-8-2")
    qtbot.waitUntil(window.banner.isVisible)
    view = window.network_view
    port = view.viewport()
    banner = QRect(window.banner.mapTo(window, QPoint(0, 0)), window.banner.size())
    shown = 0
    for items in view.figure.neurons.values():
        rect = view.mapFromScene(items.circle.sceneBoundingRect()).boundingRect()
        rect = rect.intersected(port.rect())  # a neuron panned out of view is not covered
        if not rect.isEmpty():
            shown += 1
            assert not rect.translated(port.mapTo(window, QPoint(0, 0))).intersects(banner)
    assert shown > 0


def test_the_banner_goes_at_the_next_step(window, qtbot):
    window.banner.show_message("Model rebuilt")
    assert window.banner.isVisible()
    window.transport.step_action.trigger()
    assert not window.banner.isVisible()
