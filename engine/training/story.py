"""What the diagram may say about an element at the current micro-step, and when the rest comes.

A tooltip that shows ∂E/∂w1 while the story is at ∂E/∂w5 runs ahead of it: the learner reads
a number the micro-steps have not computed yet. Here an element is described only with what
the current Snapshot has revealed, with the formulas of the computation that revealed it (the
current iteration's, or the one just finished); everything else says at which micro-step of the
iteration it appears.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.core.formula import fmt
from engine.core.i18n import translate
from engine.core.snapshot import Snapshot
from engine.explain.forward_formula import loss_formula
from engine.explain.phases import Described
from engine.models.losses import Loss
from engine.models.test_functions import TestFunction
from engine.models.trainable_model import TrainableModel
from engine.training.iteration_pass import Pass, Reveal

LOSS_LABEL = "E"  # the loss box's label on the diagram
Plan = list[tuple[str, str | None]]


@dataclass(frozen=True)
class Schedule:
    """The 1-based micro-step of the iteration at which each value is computed."""

    forward: dict[str, int]  # neuron -> its forward micro-step (net and out)
    loss: int
    backward: dict[tuple[str, str], int]  # ("node", neuron) or ("param", label) -> micro-step
    step: dict[str, int]  # parameter -> its update

    @staticmethod
    def of(plan: Plan, reveal: list[Reveal]) -> Schedule:
        forward = {str(f): i + 1 for i, (phase, f) in enumerate(plan) if phase == "forward"}
        step = {str(f): i + 1 for i, (phase, f) in enumerate(plan) if phase == "step"}
        loss = next(i + 1 for i, (phase, _) in enumerate(plan) if phase == "loss")
        first = next((i for i, (phase, _) in enumerate(plan) if phase == "backward"), len(plan))
        backward = {key: first + 1 + i for i, key in enumerate(reveal)}
        return Schedule(forward, loss, backward, step)


def predicted_order(model: TrainableModel) -> list[Reveal]:
    """Autograd's order before any backward has run: the last layer first, each layer's node
    then its parameters (the hooks record the real order, which replaces this one)."""
    order: list[Reveal] = []
    for layer in range(len(model.neurons) - 1, 0, -1):
        order += [("node", n) for n in model.neurons[layer]]
        order += [
            ("param", p.label)
            for kind in ("bias", "weight")  # addmm's backward writes the bias first
            for p in model.params
            if p.layer == layer and p.kind == kind and model.trainable(p)
        ]
    named = {label for _, label in order}
    order += [
        ("param", p.label) for p in model.params if model.trainable(p) and p.label not in named
    ]
    return order


class Story:
    """Describes diagram elements as far as the story has revealed them."""

    def __init__(
        self, model: TrainableModel, plan: Plan, loss: Loss, targets: list[list[float]]
    ) -> None:
        self._model = model
        self._plan = plan
        self._loss_fn, self._targets = loss, targets
        self.reveal: list[Reveal] = predicted_order(model)  # replaced by autograd's own

    def describe(self, label: str, snapshot: Snapshot, p: Pass | None) -> Described:
        """(what the element is, its revealed values and when the others appear)."""
        if p is not None and p.reveal:
            self.reveal = list(p.reveal)
        schedule = Schedule.of(self._plan, self.reveal)
        model = self._model
        if label == LOSS_LABEL:
            return self._loss(snapshot, p, schedule)
        if label in model.neurons[0]:
            return self._input(label, snapshot)
        if label in model.index:
            return self._param(label, snapshot, p, schedule)
        function = getattr(model, "fn", None)  # a test function: its output f
        if function is not None and label in model.neurons[-1]:
            return self._function(function, label, snapshot, schedule)
        return self._neuron(label, snapshot, p, schedule)

    def _function(self, fn: TestFunction, label: str, snapshot: Snapshot, s: Schedule) -> Described:
        """The test function's name and note; its value once forward has computed it."""
        what = translate("Explain", "The {function} function. {note}").format(
            function=translate("TestFunction", fn.title), note=translate("TestFunction", fn.note)
        )
        value = snapshot.neurons.get(label)
        if value is None:
            return what, f"{fn.formula}\n{self._when(label, s.forward.get(label, 0))}"
        return what, f"{fn.formula} = {fmt(value.out)}"

    # -- the elements ----------------------------------------------------------------------
    def _loss(self, snapshot: Snapshot, p: Pass | None, schedule: Schedule) -> Described:
        what = translate("Story", "The loss E of this iteration's forward pass.")
        if snapshot.loss is None:
            return what, self._when("E", schedule.loss)
        tree = None
        if p is not None and p.outs and p.loss_value == snapshot.loss:
            outs = p.outs[-1].detach().tolist()
            names = self._model.neurons[-1]
            tree = loss_formula(self._loss_fn, outs, self._targets, names, snapshot.loss)
        return what, tree.text() if tree is not None else f"E = {fmt(snapshot.loss)}"

    def _input(self, label: str, snapshot: Snapshot) -> Described:
        what = translate("Story", "{label}: an input of the network.").format(label=label)
        value = snapshot.neurons.get(label)
        return what, f"{label} = {fmt(value.out)}" if value is not None else ""

    def _param(self, label: str, snapshot: Snapshot, p: Pass | None, s: Schedule) -> Described:
        info = self._model.params[self._model.index[label]]
        what = f"{label} ({info.source} → {info.target})"
        if getattr(self._model, "fn", None) is not None:
            what = translate("Explain", "{label}: a coordinate, trained like a weight.")
            what = what.format(label=label)
        elif info.kind == "bias":
            what = translate("Story", "{label} (bias of {neuron})").format(
                label=label, neuron=info.target
            )
        lines = [f"{label} = {fmt(snapshot.params.get(label, float('nan')))}"]
        gradient = f"∂E/∂{label}"
        if p is not None and label in p.revealed_grads and p.chain is not None:
            e = p.chain.explain(label)
            lines += [e.upstream_formula] if e.upstream_formula else []
            lines.append(e.formula)
            shown = snapshot.grads.get(label)
            if shown is not None and not math.isclose(shown, e.value, rel_tol=1e-9):
                lines.append(f"{label}.grad = {fmt(shown)}")  # added onto an unzeroed .grad
        elif ("param", label) in s.backward:
            shown = snapshot.grads.get(label)
            if shown is not None:  # zero_grad skipped: .grad still holds the earlier sum
                lines.append(f"{label}.grad = {fmt(shown)}")
            lines.append(self._when(gradient, s.backward[("param", label)]))
        else:
            lines.append(translate("Story", "{label} is not trained (frozen).").format(label=label))
        if p is not None and label in s.step and label not in p.revealed_params:
            text = translate("Story", "{label} is updated at micro-step {step} (optimizer.step()).")
            lines.append(text.format(label=label, step=s.step[label]))
        return what, "\n".join(lines)

    def _neuron(self, name: str, snapshot: Snapshot, p: Pass | None, s: Schedule) -> Described:
        if not any(name in names for names in self._model.neurons):
            raise KeyError(name)
        what = translate("Story", "Neuron {label} ({layer}).").format(
            label=name, layer=self._layer_of(name)
        )
        lines: list[str] = []
        value = snapshot.neurons.get(name)
        if value is None:
            text = translate(
                "Story", "net_{label} and out_{label} are computed at micro-step {step} ({phase})."
            )
            phase = translate("Story", "forward pass")
            lines.append(text.format(label=name, step=s.forward.get(name, "?"), phase=phase))
        else:
            lines += [f"net_{name} = {fmt(value.net)}", f"out_{name} = {fmt(value.out)}"]
        delta = snapshot.deltas.get(name)
        if delta is None:
            lines.append(self._when(f"δ_{name}", s.backward.get(("node", name), 0)))
        elif p is not None and p.chain is not None:
            e = p.chain.explain_neuron(name)
            lines += [e.upstream_formula] if e.upstream_formula else []
            lines.append(e.formula)
        else:
            lines.append(f"δ_{name} = {fmt(delta)}")
        return what, "\n".join(lines)

    # -- words -----------------------------------------------------------------------------
    def _when(self, value: str, step: int) -> str:
        """ "∂E/∂w1 is computed at micro-step 15 (loss.backward(), hidden layer)"."""
        if not step:
            return translate("Story", "{value} is not computed yet.").format(value=value)
        phase, focus = self._plan[step - 1]
        if phase == "backward":
            reveal = self.reveal[step - 1 - self._first_backward()]
            phase_text = "loss.backward()"
            if getattr(self._model, "fn", None) is None:  # a network: which layer
                phase_text += f", {self._layer_of_reveal(reveal)}"
        else:
            phase_text = {
                "loss": translate("Story", "the loss"),
                "forward": translate("Story", "forward pass"),
            }.get(phase, phase)
        text = translate("Story", "{value} is computed at micro-step {step} ({phase}).")
        return text.format(value=value, step=step, phase=phase_text)

    def _first_backward(self) -> int:
        return next(i for i, (phase, _) in enumerate(self._plan) if phase == "backward")

    def _layer_of_reveal(self, reveal: Reveal) -> str:
        kind, label = reveal
        if kind == "node":
            return self._layer_of(label)
        return self._layer_name(self._model.params[self._model.index[label]].layer)

    def _layer_of(self, neuron: str) -> str:
        for layer, names in enumerate(self._model.neurons):
            if neuron in names:
                return self._layer_name(layer)
        return ""

    def _layer_name(self, layer: int) -> str:
        layers = len(self._model.neurons)
        if layer == 0:
            return translate("Story", "input layer")
        if layer == layers - 1:
            return translate("Story", "output layer")
        if layers == 3:
            return translate("Story", "hidden layer")
        return translate("Story", "hidden layer {0}").format(layer)
