"""What-if: the forward pass and the loss at given parameter values, the run left untouched.

After a hand edit the learner sees at once what the new value does: every neuron's net and
out (first sample) and the loss, computed from the values and the data handed in. Nothing
is read from or written to the model's own tensors, so no training state can change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor
from torch.func import functional_call

from engine.core.snapshot import NeuronValue
from engine.models.function_model import FunctionModel
from engine.models.losses import Loss
from engine.models.mlp import MLP


@dataclass(frozen=True)
class ForwardPreview:
    """The forward pass at one position's parameters, shown until the run is stepped."""

    tick: int  # the position it belongs to
    edited: str  # the label whose edit it shows
    neurons: Mapping[str, NeuronValue]  # every neuron, inputs included (first sample)
    loss: float


def forward_preview(
    model: MLP | FunctionModel,
    values: np.ndarray,
    data: tuple[Tensor, Tensor],
    loss_fn: Loss,
    where: tuple[int, str],
) -> ForwardPreview:
    """The forward pass and loss with every parameter at `values` (in the model's order)."""
    x, target = data
    with torch.no_grad():
        if isinstance(model, MLP):
            neurons, out = _network_pass(model, values, x)
        else:
            neurons, out = _function_pass(model, values, x)
        loss = float(loss_fn.value(out, target))
    tick, edited = where
    return ForwardPreview(tick, edited, MappingProxyType(neurons), loss)


def _tensors(model: MLP | FunctionModel, values: np.ndarray) -> list[Tensor]:
    """New tensors shaped like the model's, filled from `values` (exactly)."""
    tensors, offset = [], 0
    for _, _, like in model.param_tensors():
        chunk = np.ascontiguousarray(values[offset : offset + like.numel()]).reshape(like.shape)
        tensors.append(torch.from_numpy(chunk.copy()).to(like))
        offset += like.numel()
    return tensors


def _network_pass(model: MLP, values: np.ndarray, x: Tensor) -> tuple[dict, Tensor]:
    """net = x·Wᵀ + b and out = act(net), layer by layer, as the model's own layers compute."""
    tensors = _tensors(model, values)
    first = x[0].tolist()
    neurons = {n: NeuronValue(v, v) for n, v in zip(model.neurons[0], first, strict=True)}
    out = x
    for layer, activation in enumerate(model.activations, start=1):
        weight, bias = tensors[2 * layer - 2], tensors[2 * layer - 1]
        net = F.linear(out, weight, bias)
        out = activation.forward(net)
        for name, n, o in zip(model.neurons[layer], net[0].tolist(), out[0].tolist(), strict=True):
            neurons[name] = NeuronValue(n, o)
    return neurons, out


def _function_pass(model: FunctionModel, values: np.ndarray, x: Tensor) -> tuple[dict, Tensor]:
    (coords,) = _tensors(model, values)
    out = functional_call(model, {"coords": coords}, (x,))
    value = float(out.reshape(-1)[0])
    return {model.neurons[-1][0]: NeuronValue(value, value)}, out
