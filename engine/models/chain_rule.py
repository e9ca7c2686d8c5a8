"""Gradients by the hand-derived chain rule, without autograd: for explanation and cross-check.

For an output neuron with an elementwise activation:
    ∂E/∂w = ∂E/∂out · ∂out/∂net · ∂net/∂w
For a hidden neuron, ∂E/∂out is the sum over every path to the loss:
    ∂E/∂out_h = Σ_k ∂E/∂net_k · ∂net_k/∂out_h = Σ_k δ_k · w_kh
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import torch
from torch import Tensor, nn

from engine.core.explanation import Explanation, Factor
from engine.core.formula import Expr, Formula, Num, fmt, par, product, total
from engine.core.i18n import QT_TRANSLATE_NOOP
from engine.core.phrase import Phrase, phrase
from engine.models.activation_catalogue import Activation
from engine.models.chain_origins import ChainOrigins
from engine.models.losses import Loss
from engine.models.parameters import ParamInfo


class LayeredNetwork(Protocol):
    """What the chain rule reads of a layered network (engine.models.mlp.MLP is one)."""

    linears: nn.ModuleList
    activations: list[Activation]
    params: tuple[ParamInfo, ...]
    index: dict[str, int]
    neurons: list[list[str]]

    def weight_label(self, layer: int, row: int, col: int) -> str: ...


@dataclass(frozen=True)
class LayerTrace:
    """Per-sample values of one layer's neurons, shape (batch, neurons)."""

    net: np.ndarray
    out: np.ndarray
    dE_dout: np.ndarray  # ∂E/∂out
    dout_dnet: np.ndarray | None  # elementwise ∂out/∂net (None for softmax-like layers)
    delta: np.ndarray  # ∂E/∂net


# (layer, row) of a neuron -> the formula of its out, None where it has no closed form
SourceOrigin = Callable[[int, int], Formula | None]

__all__ = ["ChainRule", "Explanation", "Factor", "LayerTrace", "fmt", "par"]


class ChainRule:
    """All factors of all gradients of one forward/backward, computed by hand."""

    def __init__(
        self,
        model: LayeredNetwork,
        x: Tensor,
        target: Tensor,
        loss: Loss,
        upstream_weights: list[Tensor] | None = None,
    ) -> None:
        self.model = model
        self.batch = x.shape[0]
        weights = [lin.weight.detach() for lin in model.linears]
        biases = [lin.bias.detach() for lin in model.linears]
        # The published variant reads the deltas back through other (already-updated) weights.
        self.backward_weights = [w.detach() for w in upstream_weights or weights]
        self.inputs = x.detach().double().cpu().numpy()
        self.layers = self._trace(weights, biases, model.activations, x.detach(), target, loss)
        self.grads = self._gradients()
        self._first = [_FirstSample.of(trace) for trace in self.layers]
        self._first_inputs = [self.inputs[0].tolist()] + [t.out[0].tolist() for t in self.layers]
        # Copied now: the optimizer's step changes the weights in place, and explanations may
        # be built later (see engine.core.told).
        self._backward_rows: dict[int, list[list[float]]] = {
            layer: self.backward_weights[layer].double().cpu().numpy().tolist()
            for layer in range(1, len(self.layers))
        }
        self._neuron_terms: dict[tuple[int, int], _NeuronTerms] = {}
        self._explained: dict[str, Explanation] = {}
        self._source_origin: SourceOrigin | None = None
        self.origins = ChainOrigins(
            self.layers,
            model.neurons,
            [act.name for act in model.activations],
            self._backward_rows,
            model.weight_label,
            (loss.name, target.detach().double().cpu().numpy().reshape(self.batch, -1)),
        )

    def _trace(
        self,
        weights: list[Tensor],
        biases: list[Tensor],
        activations: list[Activation],
        x: Tensor,
        target: Tensor,
        loss: Loss,
    ) -> list[LayerTrace]:
        with torch.no_grad():
            nets, outs = [], []
            signal = x
            for w, b, act in zip(weights, biases, activations, strict=True):
                net = signal @ w.T + b
                signal = act.forward(net)
                nets.append(net)
                outs.append(signal)
            dE_dout = loss.grad_output(outs[-1], target.detach())
            traces: list[LayerTrace] = []
            for layer in reversed(range(len(weights))):
                act = activations[layer]
                if act.elementwise:
                    local = act.derivative(nets[layer], outs[layer])
                    delta = dE_dout * local
                else:
                    local = None
                    jac = act.jacobian(nets[layer], outs[layer])  # (B, n, n)
                    delta = torch.einsum("bk,bkj->bj", dE_dout, jac)
                traces.append(_layer_trace(nets[layer], outs[layer], dE_dout, local, delta))
                dE_dout = delta @ self.backward_weights[layer]
        return list(reversed(traces))

    def _gradients(self) -> np.ndarray:
        grads = np.empty(len(self.model.params))
        for i, info in enumerate(self.model.params):
            grads[i] = float(np.sum(self.delta_of(info) * self._dnet_dparam(info)))
        return grads

    def activation_in(self, layer: int) -> np.ndarray:
        """Outputs of the neurons feeding weight layer `layer` (the inputs for layer 1)."""
        return self.inputs if layer == 1 else self.layers[layer - 2].out

    def delta_of(self, info: ParamInfo) -> np.ndarray:
        return self.layers[info.layer - 1].delta[:, info.row]

    def _dnet_dparam(self, info: ParamInfo) -> np.ndarray:
        if info.kind == "bias":
            return np.ones(self.batch)
        return self.activation_in(info.layer)[:, info.col]

    def gradient(self, label: str) -> float:
        return float(self.grads[self.model.index[label]])

    def attach_sources(self, source_origin: SourceOrigin) -> None:
        """Name the forward formula of each activation a weight multiplies (out_h1 =
        σ(net_h1)): the forward trees live a layer above the chain rule, which asks for them
        as (layer, row) of the neuron. Call before any explanation is built."""
        self._source_origin = source_origin
        self._explained.clear()

    # -- explanations --------------------------------------------------------------------
    def explain(self, label: str) -> Explanation:
        """∂E/∂label as its chain-rule factors with their numbers (kept: the backward and the
        step micro-steps, and tooltips, all read it)."""
        if label not in self._explained:
            self._explained[label] = self._explain(label)
        return self._explained[label]

    def _explain(self, label: str) -> Explanation:
        info = self.model.params[self.model.index[label]]
        terms = self._terms(info.layer, info.row)
        x = 1.0 if info.kind == "bias" else self._first_inputs[info.layer - 1][info.col]
        dnet = self._dnet_factor(info, x)
        value = self.gradient(label)
        factors = (*terms.factors, dnet)
        per_sample = [
            (*self._factors_of_sample(info.layer, info.row, s), self._dnet_of_sample(info, s))
            for s in range(self.batch)
        ]
        tree = Formula(f"∂E/∂{label}", f"∂E/∂{label} =", _sum_of_products(per_sample), value)
        symbols = " · ".join(f.symbol for f in factors)
        summary = "" if self.batch == 1 else self._summed(f"∂E/∂{label}", symbols, value)
        formulas = (*terms.upstream_tree, tree)
        return Explanation(label, value, factors, terms.upstream, formulas, summary)

    def _factors_of_sample(self, layer: int, row: int, sample: int) -> tuple[Factor, ...]:
        """The factors up to ∂E/∂net of one sample (the first sample's are shown, and only
        theirs carry origins: a batch's other samples would cost without being read)."""
        nums = self.origins.factors(layer, row, sample, explained=sample == 0)
        return tuple(Factor(str(n.symbol), n.number, n.origin) for n in nums)

    def _dnet_of_sample(self, info: ParamInfo, sample: int) -> Factor:
        x = 1.0 if info.kind == "bias" else float(self.activation_in(info.layer)[sample, info.col])
        if sample == 0:
            return self._dnet_factor(info, x)
        return Factor(f"∂net_{info.target}/∂{info.label}", x)

    def _dnet_factor(self, info: ParamInfo, x: float) -> Factor:
        """∂net/∂param: the input the weight multiplies, named as the diagram names it."""
        source, origin = None, None
        if info.kind == "weight":
            source = info.source if info.layer == 1 else f"out_{info.source}"
            if info.layer > 1 and self._source_origin is not None:
                origin = self._source_origin(info.layer - 1, info.col)
        symbol = f"∂net_{info.target}/∂{info.label}"
        incoming = self.origins.incoming(info.target, info.label, source, x, origin)
        return Factor(symbol, x, incoming)

    def delta(self, neuron: str) -> float:
        """δ = ∂E/∂net of a neuron, summed over the batch."""
        layer, row = self.locate(neuron)
        return self._first[layer - 1].delta_sum[row]

    def explain_neuron(self, neuron: str) -> Explanation:
        """δ = ∂E/∂net of a neuron, from ∂E/∂out and the activation's derivative."""
        layer, row = self.locate(neuron)
        terms = self._terms(layer, row)
        value = self._first[layer - 1].delta_sum[row]
        head = f"δ_{neuron} = ∂E/∂net_{neuron}"
        per_sample = [self._factors_of_sample(layer, row, s) for s in range(self.batch)]
        tree = Formula(f"δ_{neuron}", f"{head} =", _sum_of_products(per_sample), value)
        summary = "" if self.batch == 1 else self._summed(head, terms.symbols, value)
        formulas = (*terms.upstream_tree, tree)
        return Explanation(neuron, value, terms.factors, terms.upstream, formulas, summary)

    def locate(self, neuron: str) -> tuple[int, int]:
        for layer, names in enumerate(self.model.neurons[1:], start=1):
            if neuron in names:
                return layer, names.index(neuron)
        raise KeyError(f"no neuron {neuron!r} after the input layer")

    def _terms(self, layer: int, row: int) -> _NeuronTerms:
        """A neuron's factors up to ∂E/∂net, with their text (shared by its parameters)."""
        key = (layer, row)
        if key not in self._neuron_terms:
            self._neuron_terms[key] = self._neuron_terms_of(layer, row)
        return self._neuron_terms[key]

    def _neuron_terms_of(self, layer: int, row: int) -> _NeuronTerms:
        factors = self._factors_of_sample(layer, row, 0)
        upstream = self._upstream_terms(layer, row)
        upstream_tree: tuple[Formula, ...] = ()
        if upstream:
            origin = factors[0].origin  # Σ δ_k·w_kh, each δ_k with its own origin
            assert origin is not None
            upstream_tree = (origin,)
        return _NeuronTerms(
            factors, upstream, " · ".join([f.symbol for f in factors]), upstream_tree
        )

    def _upstream_terms(self, layer: int, row: int) -> tuple[Factor, ...]:
        """For a hidden neuron: δ_k · w_kh for every neuron k it feeds (first sample)."""
        if layer == len(self.layers):
            return ()
        above = self._first[layer].delta
        w = self._backward_weight_rows(layer)
        names = self.model.neurons[layer + 1]
        label_of = self.model.weight_label
        return tuple(
            Factor(f"δ_{name}·{label_of(layer + 1, k, row)}", above[k] * w[k][row])
            for k, name in enumerate(names)
        )

    def _backward_weight_rows(self, layer: int) -> list[list[float]]:
        """The weights δ flows back through, as they were when the chain rule was computed."""
        return self._backward_rows[layer]

    def _summed(self, head: str, symbols: str, value: float) -> Phrase:
        """A batch's gradient in words: its tree sums one product per sample."""
        return phrase(
            "Explain",
            QT_TRANSLATE_NOOP("Explain", "{head} = Σ over {count} samples of {symbols} = {value}"),
            head=head,
            count=self.batch,
            symbols=symbols,
            value=fmt(value),
        )


def _sum_of_products(per_sample: list[tuple[Factor, ...]]) -> Expr:
    """Σ over samples of the product of each sample's factors (one product for one sample)."""
    return total(
        [product([Num(f.value, f.symbol, f.origin) for f in factors]) for factors in per_sample]
    )


def _layer_trace(
    net: Tensor, out: Tensor, dE_dout: Tensor, local: Tensor | None, delta: Tensor
) -> LayerTrace:
    def arr(t: Tensor) -> np.ndarray:
        return t.double().cpu().numpy().reshape(t.shape[0], -1)

    return LayerTrace(
        arr(net), arr(out), arr(dE_dout), None if local is None else arr(local), arr(delta)
    )


@dataclass(frozen=True)
class _NeuronTerms:
    """A neuron's chain-rule factors up to ∂E/∂net, and the text its formulas share."""

    factors: tuple[Factor, ...]
    upstream: tuple[Factor, ...]  # the terms summed into the first factor (hidden neurons)
    symbols: str  # the factors' symbols joined by " · "
    upstream_tree: tuple[Formula, ...]  # the upstream sum as a formula, when there is one


@dataclass(frozen=True)
class _FirstSample:
    """One layer's numbers for the first sample as Python floats: what explanations print."""

    dE_dout: list[float]
    dout_dnet: list[float] | None
    delta: list[float]
    delta_sum: list[float]  # δ summed over the batch

    @staticmethod
    def of(trace: LayerTrace) -> _FirstSample:
        local = None if trace.dout_dnet is None else trace.dout_dnet[0].tolist()
        delta_sum = [float(column.sum()) for column in trace.delta.T]
        return _FirstSample(trace.dE_dout[0].tolist(), local, trace.delta[0].tolist(), delta_sum)
