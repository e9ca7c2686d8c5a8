"""Each factor of the hand-derived chain rule with the formula that computed it.

∂E/∂out of an output is the loss's derivative, of a hidden neuron the sum Σ δ_k·w_kh over the
neurons it feeds (each δ_k itself expandable); ∂out/∂net is the activation's derivative; ∂net/∂w
is the input the weight multiplies. Built per sample from the chain rule's own arrays, so every
origin's result is exactly the factor's value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from engine.core.formula import Formula, Num, product, total
from engine.models.factor_formulas import (
    LossSample,
    activation_derivative_formula,
    dE_dout_symbol,
    dout_dnet_symbol,
    incoming_formula,
    jacobian_formula,
    loss_gradient_formula,
)


class Trace(Protocol):
    """One layer's per-sample arrays (engine.models.chain_rule.LayerTrace)."""

    net: np.ndarray
    out: np.ndarray
    dE_dout: np.ndarray
    dout_dnet: np.ndarray | None
    delta: np.ndarray


class ChainOrigins:
    """The origin formulas of one chain rule's factors, built on demand and kept."""

    def __init__(
        self,
        layers: Sequence[Trace],
        neurons: Sequence[Sequence[str]],
        activations: Sequence[str],
        backward_rows: dict[int, list[list[float]]],
        weight_label: Callable[[int, int, int], str],
        loss: tuple[str, np.ndarray],  # the loss's name and the targets, (batch, outputs)
    ) -> None:
        self._layers = layers
        self._neurons = neurons
        self._activations = activations
        self._rows = backward_rows
        self._weight_label = weight_label
        self._loss, self._targets = loss
        self._deltas: dict[tuple[int, int, int], Formula] = {}

    def _name(self, layer: int, row: int) -> str:
        return self._neurons[layer][row]

    def dE_dout(self, layer: int, row: int, sample: int) -> Formula | None:
        """The loss's derivative for an output, the sum over the paths to it for a hidden one."""
        trace = self._layers[layer - 1]
        value = float(trace.dE_dout[sample, row])
        if layer == len(self._layers):
            names = self._neurons[layer]
            outs = trace.out[sample].tolist()
            data = LossSample(names, outs, self._targets[sample].tolist())
            return loss_gradient_formula(
                self._loss, data, row, trace.out.size, trace.out.shape[0], value
            )
        above = self._layers[layer]
        terms = [
            Num(float(above.delta[sample, k]), f"δ_{name}", self.delta(layer + 1, k, sample))
            * Num(self._rows[layer][k][row], self._weight_label(layer + 1, k, row))
            for k, name in enumerate(self._neurons[layer + 1])
        ]
        symbol = dE_dout_symbol(self._name(layer, row))
        return Formula(symbol, f"{symbol} =", total(terms), value)

    def dout_dnet(self, layer: int, row: int, sample: int) -> Formula | None:
        trace = self._layers[layer - 1]
        if trace.dout_dnet is None:
            return None
        net, out = float(trace.net[sample, row]), float(trace.out[sample, row])
        value = float(trace.dout_dnet[sample, row])
        name = self._name(layer, row)
        return activation_derivative_formula(self._activations[layer - 1], name, net, out, value)

    def delta_through_jacobian(self, layer: int, row: int, sample: int) -> Formula:
        """δ_j = Σ_k ∂E/∂out_k · ∂out_k/∂net_j, for softmax-like layers."""
        trace = self._layers[layer - 1]
        names = self._neurons[layer]
        outs = trace.out[sample].tolist()
        act = self._activations[layer - 1]
        terms = []
        for k, name in enumerate(names):
            dE_value = float(trace.dE_dout[sample, k])
            dE = Num(dE_value, dE_dout_symbol(name), self.dE_dout(layer, k, sample))
            local = _jacobian_entry(act, outs, k, row)
            jac = jacobian_formula(act, names, outs, k, row, local)
            terms.append(dE * Num(local, f"∂out_{name}/∂net_{names[row]}", jac))
        symbol = f"∂E/∂net_{names[row]}"
        return Formula(symbol, f"{symbol} =", total(terms), float(trace.delta[sample, row]))

    def delta(self, layer: int, row: int, sample: int) -> Formula:
        """δ of one neuron for one sample, as the product (or sum) of its own factors."""
        key = (layer, row, sample)
        if key not in self._deltas:
            self._deltas[key] = self._delta_of(layer, row, sample)
        return self._deltas[key]

    def _delta_of(self, layer: int, row: int, sample: int) -> Formula:
        trace = self._layers[layer - 1]
        name = self._name(layer, row)
        value = float(trace.delta[sample, row])
        if trace.dout_dnet is None:
            inner = self.delta_through_jacobian(layer, row, sample)
            return Formula(f"δ_{name}", f"δ_{name} =", inner.expression, value)
        return Formula(f"δ_{name}", f"δ_{name} =", product(self.factors(layer, row, sample)), value)

    def factors(self, layer: int, row: int, sample: int, explained: bool = True) -> list[Num]:
        """∂E/∂out and ∂out/∂net of one neuron (∂E/∂net alone for softmax-like layers),
        with their origins when `explained` (a view shows the first sample's)."""
        trace = self._layers[layer - 1]
        name = self._name(layer, row)
        if trace.dout_dnet is None:
            delta = float(trace.delta[sample, row])
            origin = self.delta_through_jacobian(layer, row, sample) if explained else None
            return [Num(delta, f"∂E/∂net_{name}", origin)]
        dE, local = float(trace.dE_dout[sample, row]), float(trace.dout_dnet[sample, row])
        if not explained:
            return [Num(dE, dE_dout_symbol(name)), Num(local, dout_dnet_symbol(name))]
        return [
            Num(dE, dE_dout_symbol(name), self.dE_dout(layer, row, sample)),
            Num(local, dout_dnet_symbol(name), self.dout_dnet(layer, row, sample)),
        ]

    @staticmethod
    def incoming(
        target: str, label: str, source: str | None, value: float, origin: Formula | None = None
    ) -> Formula:
        return incoming_formula(target, label, source, value, origin)


def _jacobian_entry(activation: str, outs: list[float], k: int, j: int) -> float:
    """The same number the chain rule's Jacobian holds, from the outputs it was built from."""
    base = activation.partition(":")[0]
    same = 1.0 if k == j else 0.0
    if base == "softmax":
        return outs[k] * (same - outs[j])
    return same - float(np.exp(outs[j]))
