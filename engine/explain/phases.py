"""Words and formulas, with numbers, for each micro-step of the training loop."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from engine.core.formula import Formula, Line, Num
from engine.core.i18n import QT_TRANSLATE_NOOP
from engine.core.phrase import LowerFirst, Phrase, Words, phrase
from engine.explain.forward_formula import loss_formula, net_formula, out_formula
from engine.explain.forward_origins import ForwardOrigins
from engine.models.chain_rule import ChainRule, fmt
from engine.models.config import FUNCTION, NETWORK, Config
from engine.models.losses import Loss
from engine.models.mlp import MLP
from engine.models.trainable_model import TrainableModel

if TYPE_CHECKING:
    from engine.models.function_model import FunctionModel


class Text(NamedTuple):
    """A micro-step in words, the lines of its arithmetic, and every formula it computed.

    Words are phrases and lines are phrases, text or formula trees: all are rendered when a
    view shows them, in the language installed then.
    """

    explanation: Words
    lines: tuple[Line, ...] = ()
    formulas: tuple[Formula, ...] = ()


# The network's inputs and (nets, outs) of each layer below a neuron (first sample).
Lower = tuple[Sequence[float], Sequence[tuple[Sequence[float], Sequence[float]]]]
Described = tuple[str, str]  # (what a hovered element is, its formula as text)
EXPLAIN = "Explain"


def _say(template: str, **args: object) -> Phrase:
    """A sentence of the Explain context; the template must be QT_TRANSLATE_NOOP-marked."""
    return phrase(EXPLAIN, template, **args)


def ready(config: Config, model: TrainableModel) -> Text:
    """Before the first micro-step: what is about to be trained."""
    return FAMILY_WORDS[config.family].ready(config, model)


def _network_ready(config: Config, model: TrainableModel) -> Text:
    return Text(
        _say(
            QT_TRANSLATE_NOOP(
                "Explain",
                "Ready: a {shape} network with its starting parameters. "
                "Step (→) to run optimizer.zero_grad().",
            ),
            shape=config.shape,
        )
    )


def _function_ready(config: Config, model: FunctionModel) -> Text:
    return Text(
        _say(
            QT_TRANSLATE_NOOP(
                "Explain",
                "Ready: the test function {name}, starting at {point}. "
                "Step (→) to run optimizer.zero_grad().",
            ),
            name=config.function,
            point=model.point_text(),
        )
    )


def zero_grad(skip: bool) -> Text:
    if skip:
        return Text(
            _say(
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "optimizer.zero_grad() is skipped: this iteration's backward() will add its "
                    "gradients onto whatever .grad already holds, so they accumulate.",
                )
            ),
            (_say(QT_TRANSLATE_NOOP("Explain", "p.grad stays as it is")),),
        )
    return Text(
        _say(
            QT_TRANSLATE_NOOP(
                "Explain",
                "optimizer.zero_grad() clears every parameter's .grad (sets it to None), so the "
                "coming backward() starts from nothing.",
            )
        ),
        (_say(QT_TRANSLATE_NOOP("Explain", "p.grad = None for every parameter")),),
    )


def forward(
    model: MLP,
    values: Sequence[float],
    layer: int,
    row: int,
    inputs: list[float],
    nets: list[float],
    out: float,
    below: Lower = ((), ()),
) -> Text:
    """net = Σ w·x + b, out = act(net) for one neuron (first sample).

    `values` are the parameters the forward pass used; `nets` holds the net of every neuron
    of the layer (softmax needs them all); `below` the network's inputs and (nets, outs) of
    the layers under this one, from which each term gets the formula that computed it.
    """
    neuron = model.neurons[layer][row]
    sources = model.neurons[layer - 1]
    weights, bias = model.incoming(layer, row)
    index = model.index
    network_inputs, lower = below
    if layer == 1 or len(lower) == layer - 1:
        origins = ForwardOrigins(model, values, network_inputs or inputs, lower)
        terms = [
            (Num(values[index[w.label]], w.label), origins.source(layer, w.col)) for w in weights
        ]
    else:  # the layers below were not given: the terms stand alone
        terms = [
            (Num(values[index[w.label]], w.label), Num(inputs[w.col], w.source)) for w in weights
        ]
    net = net_formula(neuron, terms, Num(values[index[bias.label]], bias.label), nets[row])
    act = model.activations[layer - 1]
    act_name = act.name.split(":")[0]
    names = model.neurons[layer]
    net_nums = [Num(value, f"net_{name}") for value, name in zip(nets, names, strict=False)]
    activation = out_formula(neuron, act.name, net_nums, row, out)
    out_line = activation or f"out_{neuron} = {act_name}(net_{neuron}) = {fmt(out)}"
    words = _say(
        QT_TRANSLATE_NOOP(
            "Explain",
            "Forward: {neuron} adds up its weighted inputs from {sources} and its bias, "
            "then applies {activation}.",
        ),
        neuron=neuron,
        sources=", ".join(sources),
        activation=act_name,
    )
    return Text(words, (net, out_line), (net, activation) if activation else (net,))


def loss(
    loss_fn: Loss,
    model: TrainableModel,
    outs: list[list[float]],
    targets: list[list[float]],
    value: float,
    values: Sequence[float] = (),
    below: Lower = ((), ()),
) -> Text:
    """The loss over every sample and output; the text shows the first sample's terms, each
    output expandable to its forward formula when the parameters and layers are given."""
    words: Words = _say(
        QT_TRANSLATE_NOOP("Explain", "Loss: {title} of the outputs against the targets."),
        title=LowerFirst(phrase("Loss", loss_fn.title)),
    )
    if loss_fn.name == "value":
        words = _say(
            QT_TRANSLATE_NOOP(
                "Explain", "Loss: the function's value is the loss that gradient descent lowers."
            )
        )
    if not math.isfinite(value):
        words = _say(
            QT_TRANSLATE_NOOP(
                "Explain",
                "The loss is {value}: training diverged. Go back, or lower the learning rate.",
            ),
            value=value,
        )
    # None for a loss without a tree, such as a test function's value.
    origins = {}
    if isinstance(model, MLP) and values and len(below[1]) == len(model.neurons) - 1:
        origins = ForwardOrigins(model, values, below[0], below[1]).outputs()
    tree = loss_formula(loss_fn, outs, targets, model.neurons[-1], value, origins)
    if tree is not None and len(outs) == 1:  # one sample: its terms fit on the line
        shown = Formula(tree.label, f"{loss_fn.formula} =", tree.expression, tree.result)
        return Text(words, (shown,), (tree,))
    return Text(words, (f"{loss_fn.formula} = {fmt(value)}",), (tree,) if tree else ())


def node(chain: ChainRule, neuron: str) -> Text:
    e = chain.explain_neuron(neuron)
    words = _say(
        QT_TRANSLATE_NOOP(
            "Explain",
            "loss.backward(): autograd reaches {neuron} and computes its δ = ∂E/∂net_{neuron}.",
        ),
        neuron=neuron,
    )
    return Text(words, e.lines, e.formulas)


def param_grad(
    chain: ChainRule, label: str, grad: float, before: float | None, note: Words
) -> Text:
    e = chain.explain(label)
    words: list[Words] = [
        _say(
            QT_TRANSLATE_NOOP(
                "Explain", "loss.backward(): autograd writes ∂E/∂{label} into {label}.grad."
            ),
            label=label,
        )
    ]
    lines: list[Line] = list(e.lines)
    formulas = e.formulas
    if before is not None:
        words.append(
            _say(
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "zero_grad was skipped, so it is added to the gradient already there.",
                )
            )
        )
        added = Num(before, f"{label}.grad") + Num(e.value, f"∂E/∂{label}")
        accumulated = Formula(f"{label}.grad", f"{label}.grad ←", added, grad)
        lines.append(accumulated)
        formulas = (*formulas, accumulated)
    if note:
        words.append(note)
        lines.append(f"{label}.grad = {fmt(grad)}")
    return Text(tuple(words), tuple(lines), formulas)


def update(config: Config, label: str, formulas: Sequence[Formula]) -> Text:
    """The optimizer's update for one parameter: words, then the lines of its arithmetic."""
    words: list[Words] = [
        _say(
            QT_TRANSLATE_NOOP("Explain", "optimizer.step(): {optimizer} updates {label}."),
            optimizer=config.optimizer,
            label=label,
        )
    ]
    if config.weight_decay and config.optimizer != "adamw":
        words.append(
            _say(
                QT_TRANSLATE_NOOP(
                    "Explain", "Weight decay adds {decay}·{label} to the gradient first."
                ),
                decay=fmt(config.weight_decay),
                label=label,
            )
        )
    if config.weight_decay and config.optimizer == "adamw":
        words.append(
            _say(
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "AdamW first shrinks {label} by the factor 1 − lr·λ (decoupled decay).",
                ),
                label=label,
            )
        )
    if config.lookahead_k:
        words.append(
            _say(
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "Lookahead: every {k} steps the slow weights move {alpha} of the way to the "
                    "fast ones, which then jump there.",
                ),
                k=config.lookahead_k,
                alpha=fmt(config.lookahead_alpha),
            )
        )
    return Text(tuple(words), tuple(formulas), tuple(formulas))


def function_forward(model: FunctionModel, value: float) -> Text:
    fn = model.fn
    words = _say(
        QT_TRANSLATE_NOOP(
            "Explain",
            "Forward: the model is the {function} function; its parameters are the coordinates.",
        ),
        function=phrase("TestFunction", fn.title),
    )
    at = _say(
        QT_TRANSLATE_NOOP("Explain", "{formula} at {point} = {value}"),
        formula=fn.formula,
        point=model.point_text(),
        value=fmt(value),
    )
    return Text(words, (at,))


def _network_forward(
    model: MLP,
    values: Sequence[float],
    layer: int,
    row: int,
    inputs: list[float],
    nets: list[float],
    out: float,
    below: Lower = ((), ()),
) -> Callable[[], Text]:
    """Built when a view shows it, from the numbers this micro-step used."""
    return partial(forward, model, values, layer, row, inputs, nets, out, below)


def _function_forward(
    model: FunctionModel,
    values: Sequence[float],
    layer: int,
    row: int,
    inputs: list[float],
    nets: list[float],
    out: float,
    below: Lower = ((), ()),
) -> Text:
    """Told at once: the words name the current point, which the coming step moves."""
    return function_forward(model, out)


class FamilyWords(NamedTuple):
    """The explanations that differ between a network and a test function.

    Picked once from FAMILY_WORDS by `Config.family`, so no micro-step asks which model it is.
    `forward(model, values, layer, row, inputs, nets, out)` tells one forward micro-step
    (a hovered element is described by engine.training.story, as far as the story has got).
    """

    forward: Callable[..., Text | Callable[[], Text]]
    ready: Callable[[Config, Any], Text]


FAMILY_WORDS: dict[str, FamilyWords] = {
    NETWORK: FamilyWords(_network_forward, _network_ready),
    FUNCTION: FamilyWords(_function_forward, _function_ready),
}
