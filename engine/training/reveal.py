"""The order in which a micro-stepped iteration reveals gradients and updated parameters."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from torch import Tensor

from engine.models.trainable_model import TrainableModel
from engine.training.iteration_pass import HookEvent, Pass, Reveal
from engine.training.optimizer_state import NO_STATE


class AutogradOrder:
    """Records, with hooks, the order in which autograd reaches nodes and writes gradients.

    The backward micro-steps follow that recorded order, never a hard-coded one, so what the
    learner sees is what loss.backward() actually did.
    """

    def __init__(self, model: TrainableModel) -> None:
        self._model = model
        self._log: list[HookEvent] | None = None  # where parameter hooks write, during backward
        for layer, kind, tensor in model.param_tensors():
            if tensor.requires_grad:
                tensor.register_post_accumulate_grad_hook(self._param_hook(layer, kind))

    def _param_hook(self, layer: int, kind: str) -> Callable[[Tensor], None]:
        def record(_: Tensor) -> None:
            if self._log is not None:
                self._log.append(("param", layer, kind))

        return record

    @staticmethod
    def watch_node(net: Tensor, events: list[HookEvent], layer: int) -> None:
        """Note in `events` when autograd reaches the nets of `layer`."""

        def record(_: Tensor) -> None:
            events.append(("node", layer, "net"))

        net.register_hook(record)

    def backward(self, loss: Tensor, events: list[HookEvent]) -> None:
        """The one real loss.backward(), its gradient writes noted in `events`."""
        self._log = events
        try:
            loss.backward()
        finally:
            self._log = None

    def order(self, events: list[HookEvent]) -> list[Reveal]:
        """The micro-steps of backward: each node and gradient, as the events saw them."""
        order: list[Reveal] = []
        for kind, layer, what in events:
            if kind == "node":
                order += [("node", n) for n in self._model.neurons[layer]]
            else:
                order += [
                    ("param", info.label)
                    for info in self._model.params
                    if info.layer == layer and info.kind == what
                ]
        return order


class Revealed:
    """What a Snapshot shows while an iteration is half revealed.

    backward() and step() each ran whole, but a gradient or parameter the micro-steps have
    not reached yet must still show its value from before that call.
    """

    def __init__(self, labels: list[str]) -> None:
        self._labels = labels
        self.no_grads: tuple[None, ...] = (None,) * len(labels)

    def grads(self, p: Pass) -> list[float | None]:
        """Gradients autograd has not been shown writing yet keep their value from before."""
        after = p.grads_after or self.no_grads
        before = p.grads_before or self.no_grads
        return [
            a if label in p.revealed_grads else b
            for label, a, b in zip(self._labels, after, before, strict=True)
        ]

    def params_and_states(
        self,
        p: Pass,
        values: Sequence[float],
        states: Mapping[str, Mapping[str, float]],
    ) -> tuple[list[float], dict[str, Mapping[str, float]]]:
        """During step: parameters not yet revealed keep their old value and state."""
        assert p.values_before is not None
        revealed = p.revealed_params
        shown_values = [
            now if label in revealed else old
            for label, now, old in zip(self._labels, values, p.values_before, strict=True)
        ]
        shown_states = {
            label: state if label in revealed else p.state_before.get(label, NO_STATE)
            for label, state in states.items()
        }
        return shown_values, shown_states
