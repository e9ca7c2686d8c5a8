"""Networks the diagram tests draw: Mazur's, a wide one and a huge one, and a bare view of one."""

from __future__ import annotations

from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.views.network_view import NetworkView

BIG = MAZUR.replace(
    preset="custom", layers=(2, 8, 8, 2), activations=("sigmoid", "tanh", "sigmoid")
)
HUGE = MAZUR.replace(
    preset="custom",
    layers=(4, 16, 16, 3),
    activations=("relu", "relu", "sigmoid"),
    inputs=((0.1, 0.2, 0.3, 0.4),),
    targets=((0.2, 0.3, 0.5),),
    train_biases=True,
)


def built(qtbot, config) -> NetworkView:
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(1000, 640)
    stepper = Stepper(config)
    view.set_network(stepper.model.neurons, stepper.model.params, config.activations)
    return view
