"""A test function's coordinates each get their own tag beside its node, none hidden."""

from __future__ import annotations

import pytest

from engine.models.presets import PRESETS
from engine.training.stepper import Stepper
from gui.views.network_view import NetworkView


@pytest.mark.parametrize("name", ["rosenbrock", "himmelblau", "parabola"])
def test_coordinate_tags_do_not_overlap_each_other_or_the_node(qtbot, name) -> None:
    stepper = Stepper(PRESETS[name])
    view = NetworkView()
    qtbot.addWidget(view)
    view.set_network(stepper.model.neurons, stepper.model.params)
    view.show_snapshot(stepper.step_iteration())
    figure = view.figure
    tags = [figure.params[info.label].tag.sceneBoundingRect() for info in stepper.model.params]
    node = figure.neurons["f"]
    taken = [node.circle.sceneBoundingRect(), node.values.sceneBoundingRect()]
    for i, tag in enumerate(tags):
        assert tag.width() > 0 and all(not tag.intersects(other) for other in taken + tags[i + 1 :])
        assert tag.right() <= node.circle.sceneBoundingRect().left()  # beside the node, left
