"""Mazur's whole figure, targets and E included, is in view at the window's usual sizes."""

from __future__ import annotations

import pytest
from diagram_nets import BIG, HUGE, built
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem
from run_state import mazur_loss

from engine.models.chain_rule import fmt
from engine.models.presets import MAZUR
from gui.views.diagram.data_tags import preview_note, target_text
from gui.views.diagram.items import LABEL_KEY
from gui.views.diagram.zoom import MIN_LABEL_PT
from gui.views.network_view import NetworkView

DEFAULT_SIZE = (1280, 800)
PROJECTOR = (1024, 768)


def shown_rect(view: NetworkView) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def step_into_backward(window) -> None:
    """Every tag at its fullest: values, δs, the gradient of the focus, and E."""
    controller = window.controller
    for _ in range(200):
        snapshot = controller.snapshot
        if snapshot.phase == "backward" and snapshot.focus == "h1":
            break
        controller.step_phase()
    QApplication.processEvents()


@pytest.mark.parametrize("size", [DEFAULT_SIZE], ids=["1280x800"])
def test_the_whole_mazur_figure_is_in_view_at_a_readable_size(window, qtbot, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    step_into_backward(window)
    for _ in range(10):
        QApplication.processEvents()
    view = window.network_view
    shown = shown_rect(view)
    figure = view.figure
    assert figure.loss_tag is not None and set(figure.targets) == {"o1", "o2"}
    important = [figure.loss_tag, *figure.targets.values()]
    for item in important + list(view.scene().items()):
        if item.isVisible():
            rect = item.sceneBoundingRect()
            assert shown.contains(rect), (item, rect, shown)
    expected = mazur_loss(window.controller.stepper.params(), MAZUR.inputs, MAZUR.targets)
    assert figure.loss_tag.text() == f"E = {fmt(expected)}"  # there to be read, in full
    assert view.smallest_text_px() >= MIN_LABEL_PT * view.logicalDpiY() / 72.0 - 1e-6
    assert view.figure_fits()
    assert not view.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("config", [MAZUR, BIG, HUGE], ids=["2-2-2", "2-8-8-2", "4-16-16-3"])
def test_the_loss_box_at_its_fullest_clears_every_tag_and_neuron(qtbot, config):
    view = built(qtbot, config)
    figure = view.figure
    ink = view.colours.ink
    for items in figure.neurons.values():
        items.values.set_lines([("net = -0.000000", ink)] * 3)
    for p in figure.params.values():
        if p.edge is None:
            p.tag.set_lines([(f"∂E/∂{p.info.label} = -0.000000", ink)] * 2)
    for tag in figure.targets.values():
        tag.set_lines([(target_text(-0.123456789), ink)])
    assert figure.loss_tag is not None
    figure.loss_tag.set_lines([("E = -0.000000000", ink), (preview_note(), ink)])
    loss = figure.loss_tag.sceneBoundingRect()
    others = [items.circle for items in figure.neurons.values()]
    others += [items.values for items in figure.neurons.values()]
    others += [p.tag for p in figure.params.values() if p.edge is None or p.placed]
    others += list(figure.targets.values())
    for item in others:
        assert not loss.intersects(item.sceneBoundingRect()), item.data(LABEL_KEY)
    assert view.sceneRect().contains(loss)


def test_mazur_s_loss_box_sits_between_its_targets(qtbot):
    """Under o1's target and over o2's, not right of them: the figure is narrower."""
    figure = built(qtbot, MAZUR).figure
    assert figure.loss_tag is not None
    loss = figure.loss_tag.sceneBoundingRect()
    upper, lower = (figure.targets[name].sceneBoundingRect() for name in ("o1", "o2"))
    assert upper.bottom() < loss.top() and loss.bottom() < lower.top()
    assert loss.left() < upper.right()


@pytest.mark.parametrize("config", [MAZUR, BIG, HUGE], ids=["2-2-2", "2-8-8-2", "4-16-16-3"])
def test_headings_clear_the_bias_tags_at_their_fullest(qtbot, config):
    view = built(qtbot, config)
    ink = view.colours.ink
    biases = [p.tag for p in view.figure.params.values() if p.edge is None]
    for tag in biases:
        tag.set_lines([(f"∂E/∂{tag.data(LABEL_KEY)} = -0.000000", ink)] * 2)
    headings = [
        item
        for item in view.scene().items()
        if isinstance(item, QGraphicsSimpleTextItem) and "layer" in item.text()
    ]
    assert len(headings) == len(config.layers)
    for heading in headings:
        rect = heading.sceneBoundingRect()
        assert not any(rect.intersects(tag.sceneBoundingRect()) for tag in biases)
        assert view.sceneRect().contains(rect)


@pytest.mark.parametrize("config", [MAZUR, BIG], ids=["2-2-2", "2-8-8-2"])
def test_a_panned_figure_brings_e_and_the_targets_into_view_at_the_loss(window, qtbot, config):
    window.resize(*PROJECTOR)  # Mazur's figure is panned here, 2-8-8-2's everywhere
    qtbot.waitUntil(lambda: window.size().toTuple() == PROJECTOR)
    if config is not MAZUR:
        assert window.controller.apply_config(config)
    view = window.network_view
    qtbot.waitUntil(lambda: bool(view.figure.targets))
    assert not view.figure_fits()
    for _ in range(100):
        if window.controller.snapshot.phase == "loss":
            break
        window.controller.step_phase()
    QApplication.processEvents()
    shown = shown_rect(view)
    assert view.figure.loss_tag is not None
    for tag in [view.figure.loss_tag, *view.figure.targets.values()]:
        assert shown.contains(tag.sceneBoundingRect()), (tag.text(), shown)


def test_a_figure_panned_sideways_keeps_its_whole_height_in_view(window, qtbot):
    """In a narrow window Mazur's figure is panned sideways but its height fits: following
    the focus down to o2 and back up to h1 must not leave the layer headings cut off."""
    narrow = (1024, 800)
    window.resize(*narrow)
    qtbot.waitUntil(lambda: window.size().toTuple() == narrow)
    view = window.network_view
    assert not view.figure_fits()
    headings = [
        item
        for item in view.scene().items()
        if isinstance(item, QGraphicsSimpleTextItem) and "layer" in item.text()
    ]
    assert len(headings) == 3
    figure_height = view.scene().itemsBoundingRect().height()
    for _ in range(2 * window.controller.stepper.micro_steps_per_iteration):
        window.controller.step_phase()
        QApplication.processEvents()
        shown = shown_rect(view)
        assert figure_height <= shown.height()
        for heading in headings:
            rect = heading.sceneBoundingRect()
            assert shown.top() <= rect.top() and rect.bottom() <= shown.bottom(), (
                window.controller.snapshot.focus,
                rect,
                shown,
            )
