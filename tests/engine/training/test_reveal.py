"""Backward is revealed in the order autograd's hooks saw; what is not revealed shows as before."""

from __future__ import annotations

from engine.models.build import build_model
from engine.models.presets import MAZUR
from engine.training.iteration_pass import HookEvent, Pass
from engine.training.reveal import AutogradOrder, Revealed

LABELS = ["w1", "w2", "w3"]


def test_events_become_each_node_and_gradient_of_their_layer() -> None:
    order = AutogradOrder(build_model(MAZUR))
    events = [("node", 2, "net"), ("param", 2, "weight"), ("param", 2, "bias")]
    assert order.order(events) == [
        ("node", "o1"),
        ("node", "o2"),
        *[("param", f"w{k}") for k in range(5, 9)],
        ("param", "b_o1"),
        ("param", "b_o2"),
    ]


def test_the_hooks_note_what_one_backward_wrote() -> None:
    model = build_model(MAZUR)
    order = AutogradOrder(model)
    x, target = model.data(MAZUR)
    _, hidden = model.layer_forward(1, x)
    net, out = model.layer_forward(2, hidden)
    events: list[HookEvent] = []
    order.watch_node(net, events, 2)
    order.backward(((out - target) ** 2).sum(), events)
    assert events[0] == ("node", 2, "net") and ("param", 1, "weight") in events
    assert ("param", 1, "bias") not in events  # Mazur's biases are not trained
    model.layer_forward(1, x)[1].sum().backward()
    assert len(events) == 3  # outside backward(), no hook writes into the list


def test_unrevealed_gradients_and_parameters_keep_their_earlier_values() -> None:
    p = Pass(grads_before=(None, 1.0, 2.0), grads_after=(5.0, 6.0, 7.0))
    p.revealed_grads = {"w2"}
    revealed = Revealed(LABELS)
    assert revealed.grads(p) == [None, 6.0, 2.0]
    p.values_before, p.revealed_params = (1.0, 2.0, 3.0), {"w3"}
    p.state_before = {"w1": {"m": 0.0}}
    states = {label: {"m": 1.0} for label in LABELS}
    values, shown = revealed.params_and_states(p, (10.0, 20.0, 30.0), states)
    assert values == [1.0, 2.0, 30.0]
    assert shown == {"w1": {"m": 0.0}, "w2": {}, "w3": {"m": 1.0}}
    assert revealed.no_grads == (None, None, None)
