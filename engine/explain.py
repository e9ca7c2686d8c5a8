"""Words and formulas, with numbers, for each micro-step of the training loop."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import torch

from engine.chain_rule import ChainRule, fmt
from engine.config import Config
from engine.core.formula import Formula, Line, Num
from engine.forward_formula import loss_formula, net_formula, out_formula
from engine.i18n import translate
from engine.losses import Loss
from engine.model import MLP

if TYPE_CHECKING:
    from engine.function_model import FunctionChain, FunctionModel


class Text(NamedTuple):
    """A micro-step in words, the lines of its arithmetic, and every formula it computed.

    Lines are plain text or formula trees; a tree is rendered only when a view shows it.
    """

    explanation: str
    lines: tuple[Line, ...] = ()
    formulas: tuple[Formula, ...] = ()


Described = tuple[str, str]  # (what a hovered element is, its formula as text)


def ready(config: Config, model: MLP) -> Text:
    shape = "-".join(str(n) for n in config.layers)
    text = translate(
        "Explain",
        "Ready: a {shape} network with its starting parameters. "
        "Step (→) to run optimizer.zero_grad().",
    )
    return Text(text.format(shape=shape))


def zero_grad(skip: bool) -> Text:
    if skip:
        return Text(
            translate(
                "Explain",
                "optimizer.zero_grad() is skipped: this iteration's backward() will add its "
                "gradients onto whatever .grad already holds, so they accumulate.",
            ),
            (translate("Explain", "p.grad stays as it is"),),
        )
    return Text(
        translate(
            "Explain",
            "optimizer.zero_grad() clears every parameter's .grad (sets it to None), so the "
            "coming backward() starts from nothing.",
        ),
        (translate("Explain", "p.grad = None for every parameter"),),
    )


def forward(
    model: MLP, layer: int, row: int, inputs: list[float], nets: list[float], out: float
) -> Text:
    """net = Σ w·x + b, out = act(net) for one neuron (first sample).

    `nets` holds the net of every neuron of the layer computed so far (softmax needs them all).
    """
    neuron = model.neurons[layer][row]
    sources = model.neurons[layer - 1]
    weights, bias = model.incoming(layer, row)
    values = model.value_list()
    index = model.index
    terms = [(Num(values[index[w.label]], w.label), Num(inputs[w.col], w.source)) for w in weights]
    net = net_formula(neuron, terms, Num(values[index[bias.label]], bias.label), nets[row])
    act = model.activations[layer - 1]
    act_name = act.name.split(":")[0]
    names = model.neurons[layer]
    net_nums = [Num(value, f"net_{name}") for value, name in zip(nets, names, strict=False)]
    activation = out_formula(neuron, act.name, net_nums, row, out)
    text = translate(
        "Explain",
        "Forward: {neuron} adds up its weighted inputs from {sources} and its bias, "
        "then applies {activation}.",
    )
    out_line = activation or f"out_{neuron} = {act_name}(net_{neuron}) = {fmt(out)}"
    formulas = (net, activation) if activation else (net,)
    return Text(
        text.format(neuron=neuron, sources=", ".join(sources), activation=act_name),
        (net, out_line),
        formulas,
    )


def loss(
    loss_fn: Loss,
    model: MLP,
    outs: list[list[float]],
    targets: list[list[float]],
    value: float,
) -> Text:
    """The loss over every sample and output; the text shows the first sample's terms."""
    title = translate("Loss", loss_fn.title)
    text = translate("Explain", "Loss: {title} of the outputs against the targets.")
    text = text.format(title=title[:1].lower() + title[1:])
    if loss_fn.name == "value":
        text = translate(
            "Explain", "Loss: the function's value is the loss that gradient descent lowers."
        )
    if not math.isfinite(value):
        text = translate(
            "Explain",
            "The loss is {value}: training diverged. Go back, or lower the learning rate.",
        ).format(value=value)
    tree = None
    if isinstance(model, MLP):
        tree = loss_formula(loss_fn, outs, targets, model.neurons[-1], value)
    if tree is not None and len(outs) == 1:  # one sample: its terms fit on the line
        shown = Formula(tree.label, f"{loss_fn.formula} =", tree.expression, tree.result)
        return Text(text, (shown,), (tree,))
    return Text(text, (f"{loss_fn.formula} = {fmt(value)}",), (tree,) if tree else ())


def node(chain: ChainRule, neuron: str) -> Text:
    e = chain.explain_neuron(neuron)
    text = translate(
        "Explain",
        "loss.backward(): autograd reaches {neuron} and computes its δ = ∂E/∂net_{neuron}.",
    ).format(neuron=neuron)
    return Text(text, e.lines, e.formulas)


def param_grad(chain: ChainRule, label: str, grad: float, before: float | None, note: str) -> Text:
    e = chain.explain(label)
    text = translate(
        "Explain", "loss.backward(): autograd writes ∂E/∂{label} into {label}.grad."
    ).format(label=label)
    lines: list[Line] = list(e.lines)
    formulas = e.formulas
    if before is not None:
        text += " " + translate(
            "Explain", "zero_grad was skipped, so it is added to the gradient already there."
        )
        added = Num(before, f"{label}.grad") + Num(e.value, f"∂E/∂{label}")
        accumulated = Formula(f"{label}.grad", f"{label}.grad ←", added, grad)
        lines.append(accumulated)
        formulas = (*formulas, accumulated)
    if note:
        text += f" {note}"
        lines.append(f"{label}.grad = {fmt(grad)}")
    return Text(text, tuple(lines), formulas)


def update(config: Config, label: str, formulas: Sequence[Formula]) -> Text:
    """The optimizer's update for one parameter: words, then the lines of its arithmetic."""
    text = translate("Explain", "optimizer.step(): {optimizer} updates {label}.")
    text = text.format(optimizer=config.optimizer, label=label)
    if config.weight_decay and config.optimizer != "adamw":
        decay = translate("Explain", "Weight decay adds {decay}·{label} to the gradient first.")
        text += " " + decay.format(decay=fmt(config.weight_decay), label=label)
    if config.weight_decay and config.optimizer == "adamw":
        decay = translate(
            "Explain", "AdamW first shrinks {label} by the factor 1 − lr·λ (decoupled decay)."
        )
        text += " " + decay.format(label=label)
    if config.lookahead_k:
        lookahead = translate(
            "Explain",
            "Lookahead: every {k} steps the slow weights move {alpha} of the way to the fast "
            "ones, which then jump there.",
        )
        text += " " + lookahead.format(k=config.lookahead_k, alpha=fmt(config.lookahead_alpha))
    return Text(text, tuple(formulas), tuple(formulas))


def element(model: MLP, chain: ChainRule, inputs: list[float], label: str) -> Described:
    """What a hovered neuron or parameter is, with its numbers at the current parameters."""
    if label in model.neurons[0]:
        value = inputs[model.neurons[0].index(label)]
        text = translate("Explain", "{label}: an input of the network.").format(label=label)
        return text, f"{label} = {fmt(value)}"
    if label in model.index:
        info = model.params[model.index[label]]
        value = float(model.values()[model.index[label]])
        e = chain.explain(label)
        what = (
            f"{info.source} → {info.target}"
            if info.kind == "weight"
            else translate("Explain", "bias of {neuron}").format(neuron=info.target)
        )
        lines = [f"{label} = {fmt(value)}"]
        lines += [e.upstream_formula] if e.upstream_formula else []
        lines.append(e.formula)
        text = translate("Explain", "{label} ({what}) and its gradient at the current parameters.")
        return text.format(label=label, what=what), "\n".join(lines)
    layer, row = chain.locate(label)
    trace = chain.layers[layer - 1]
    e = chain.explain_neuron(label)
    lines = [
        f"net_{label} = {fmt(float(trace.net[0, row]))}",
        f"out_{label} = {fmt(float(trace.out[0, row]))}",
    ]
    lines += [e.upstream_formula] if e.upstream_formula else []
    lines.append(e.formula)
    text = translate("Explain", "Neuron {label} at the current parameters.")
    return text.format(label=label), "\n".join(lines)


def function_forward(model: FunctionModel, value: float) -> Text:
    fn = model.fn
    text = translate(
        "Explain",
        "Forward: the model is the {function} function; its parameters are the coordinates.",
    )
    at = translate("Explain", "{formula} at {point} = {value}")
    return Text(
        text.format(function=translate("TestFunction", fn.title)),
        (at.format(formula=fn.formula, point=model.point_text(), value=fmt(value)),),
    )


def function_element(model: FunctionModel, chain: FunctionChain, label: str) -> Described:
    """Hover text for a test function's coordinate or its output f."""
    if label in model.index:
        value = float(model.values()[model.index[label]])
        return (
            translate("Explain", "{label}: a coordinate, trained like a weight.").format(
                label=label
            ),
            f"{label} = {fmt(value)}\n{chain.explain(label).formula}",
        )
    with torch.no_grad():
        value = float(model(torch.zeros(1, 0)))
    fn = model.fn
    text = translate("Explain", "The {function} function. {note}").format(
        function=translate("TestFunction", fn.title), note=translate("TestFunction", fn.note)
    )
    return text, f"{fn.formula} = {fmt(value)}"
