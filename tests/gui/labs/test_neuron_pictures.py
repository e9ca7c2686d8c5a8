"""The hidden-unit pictures show each unit's activation over the plane: colours from the
values a plain PyTorch forward written here computes, the top-left pixel at (x0, y1)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.labs.playground import Playground, PlaygroundConfig
from gui.labs.neuron_pictures import (
    MAX_UNITS_SHOWN,
    MAX_WIDTH,
    NEGATIVE,
    POSITIVE,
    NeuronPictures,
    activation_rgb,
)

RES = 12


def plain_forward(playground: Playground, x: float, y: float) -> list[np.ndarray]:
    """Each hidden layer's tanh(W·h + b) at one point, by hand."""
    h = torch.tensor([x, y], dtype=torch.float64)
    layers = []
    linears = [m for m in playground.model if isinstance(m, torch.nn.Linear)][:-1]
    with torch.no_grad():
        for linear in linears:
            h = torch.tanh(linear.weight @ h + linear.bias)
            layers.append(h.numpy())
    return layers


@pytest.fixture
def trained() -> Playground:
    playground = Playground(PlaygroundConfig(dataset="xor", hidden=(3, 2), seed=2))
    playground.train_epochs(5)
    return playground


def test_the_colours_run_from_orange_through_white_to_blue() -> None:
    rgb = activation_rgb(np.array([[-2.0, 0.0, 1.0, 2.0]]), scale=2.0)
    assert rgb[0].tolist() == [list(NEGATIVE), [255, 255, 255], [132, 187, 222], list(POSITIVE)]


def test_each_picture_is_its_units_activation_over_the_plane(qtbot, trained) -> None:
    view = NeuronPictures()
    qtbot.addWidget(view)
    maps = trained.neuron_maps(RES)
    view.show_maps(maps)
    assert [len(labels) for labels in view.pictures] == [3, 2]
    assert [t.text() for t in view.titles] == ["layer 1", "layer 2"]
    assert view.heading.text() == "Hidden units (tanh)"
    # The picture's top-left pixel is the grid's (x0, y1); its bottom-right one (x1, y0).
    for row, col, x, y in ((0, 0, maps.x[0], maps.y[-1]), (-1, -1, maps.x[-1], maps.y[0])):
        by_hand = plain_forward(trained, x, y)
        for layer, values in enumerate(by_hand):
            for unit, value in enumerate(values):
                grid = maps.layers[layer][unit]
                scale = np.abs(grid).max()
                t = float(np.clip(value / scale, -1, 1))
                end = POSITIVE if t >= 0 else NEGATIVE
                expected = np.rint(255 + abs(t) * (end - 255)).astype(int)
                image = view.pictures[layer][unit].pixmap().toImage()
                pixel = image.pixelColor(
                    0 if col == 0 else image.width() - 1, 0 if row == 0 else image.height() - 1
                )
                assert np.abs(np.array(pixel.getRgb()[:3]) - expected).max() <= 1


def test_tooltips_give_each_units_range_from_a_plain_forward(qtbot, trained) -> None:
    view = NeuronPictures()
    qtbot.addWidget(view)
    maps = trained.neuron_maps(RES)
    view.show_maps(maps)
    values = [[plain_forward(trained, x, y) for x in maps.x] for y in maps.y]
    for layer in range(2):
        for unit, label in enumerate(view.pictures[layer]):
            unit_values = [v[layer][unit] for row in values for v in row]
            lo, hi = min(unit_values), max(unit_values)
            assert label.toolTip() == (
                f"layer {layer + 1}, unit {unit + 1}: tanh(w·x + b) from {lo:.3g} to {hi:.3g}"
            )


def test_wide_layers_fit_the_width_and_say_how_many_more(qtbot) -> None:
    view = NeuronPictures()
    qtbot.addWidget(view)
    playground = Playground(PlaygroundConfig(hidden=(40, 32)))
    view.show_maps(playground.neuron_maps(8))
    assert [len(labels) for labels in view.pictures] == [MAX_UNITS_SHOWN, 32]
    bar = view.verticalScrollBar().sizeHint().width()
    assert view.widget().sizeHint().width() + bar <= view.width() <= MAX_WIDTH  # no clipping
    texts = [label.text() for label in view.widget().findChildren(type(view.heading))]
    assert "+8 more" in texts


def test_a_diverged_unit_is_drawn_white_not_garbage() -> None:
    values = np.array([[np.nan, np.inf], [-np.inf, 0.0]])
    rgb = activation_rgb(values, scale=float("nan"))
    assert rgb.tolist() == [
        [list(NEGATIVE), [255, 255, 255]],  # row 0 is the grid's last row
        [[255, 255, 255], list(POSITIVE)],
    ]
    assert activation_rgb(np.zeros((2, 2)), 0.0).tolist() == [[[255] * 3] * 2] * 2
