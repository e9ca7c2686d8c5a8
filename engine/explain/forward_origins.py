"""The forward pass's terms with the formulas that computed them, down to the inputs.

In ``net_o1 = w5·h1 + w6·h2 + b_o1`` the term h1 is out_h1, itself ``sigmoid(net_h1)``, whose
net_h1 is ``w1·i1 + w2·i2 + b_h1``: each leaf carries that formula as its origin, so a learner
can expand a forward sum (or the loss's outputs) back to the inputs. The trees are built from
the numbers the real forward pass produced (first sample) and kept, one per neuron.
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.core.formula import Formula, Num
from engine.explain.forward_formula import net_formula, out_formula
from engine.models.chain_rule import ChainRule
from engine.models.mlp import MLP


class ForwardOrigins:
    """net and out formulas of every neuron the forward pass has reached, built on demand."""

    def __init__(
        self,
        model: MLP,
        values: Sequence[float],
        inputs: Sequence[float],
        layers: Sequence[tuple[Sequence[float], Sequence[float]]],  # (nets, outs) per layer
    ) -> None:
        self._model = model
        self._values = values
        self._inputs = inputs
        self._layers = layers
        self._nets: dict[tuple[int, int], Formula] = {}
        self._outs: dict[tuple[int, int], Formula | None] = {}

    def source(self, layer: int, col: int) -> Num:
        """The term a weight of `layer` multiplies: an input, or out of the layer below."""
        below = self._model.neurons[layer - 1][col]
        if layer == 1:
            return Num(self._inputs[col], below)
        return Num(self._layers[layer - 2][1][col], below, self.out(layer - 1, col))

    def net(self, layer: int, row: int) -> Formula:
        key = (layer, row)
        if key not in self._nets:
            model, index, values = self._model, self._model.index, self._values
            weights, bias = model.incoming(layer, row)
            terms = [
                (Num(values[index[w.label]], w.label), self.source(layer, w.col)) for w in weights
            ]
            result = self._layers[layer - 1][0][row]
            neuron = model.neurons[layer][row]
            self._nets[key] = net_formula(
                neuron, terms, Num(values[index[bias.label]], bias.label), result
            )
        return self._nets[key]

    def out(self, layer: int, row: int, with_net_origins: bool = True) -> Formula | None:
        """out = act(net); its nets expand to their sums unless the sum is shown beside it."""
        key = (layer, row)
        if not with_net_origins:
            return self._out_of(layer, row, False)
        if key not in self._outs:
            self._outs[key] = self._out_of(layer, row, True)
        return self._outs[key]

    def _out_of(self, layer: int, row: int, with_net_origins: bool) -> Formula | None:
        names = self._model.neurons[layer]
        nets, outs = self._layers[layer - 1]
        net_nums = [
            Num(value, f"net_{name}", self.net(layer, k) if with_net_origins else None)
            for k, (value, name) in enumerate(zip(nets, names, strict=True))
        ]
        activation = self._model.activations[layer - 1].name
        return out_formula(names[row], activation, net_nums, row, outs[row])

    def outputs(self) -> dict[str, Formula]:
        """out_o1 -> its formula, for the loss's leaves."""
        layer = len(self._model.neurons) - 1
        formulas = {}
        for row, name in enumerate(self._model.neurons[layer]):
            formula = self.out(layer, row)
            if formula is not None:
                formulas[f"out_{name}"] = formula
        return formulas


def attach_forward_origins(chain: object, model: object) -> None:
    """Let a network's chain rule expand ∂net_o1/∂w5 = out_h1 to out_h1's forward formula.

    Built from the chain rule's own per-layer numbers (so each expansion's result is the
    factor's value) and the parameters as they are now, before the step changes them; the
    trees themselves are built only when a view expands one.
    """
    if not isinstance(chain, ChainRule) or not isinstance(model, MLP):
        return  # a test function's gradient has no incoming activations
    values = model.value_list()
    built: list[ForwardOrigins] = []

    def source_origin(layer: int, row: int) -> Formula | None:
        if not built:
            layers = [(t.net[0].tolist(), t.out[0].tolist()) for t in chain.layers]
            built.append(ForwardOrigins(model, values, chain.inputs[0].tolist(), layers))
        return built[0].out(layer, row)

    chain.attach_sources(source_origin)
