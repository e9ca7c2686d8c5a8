"""A small MLP whose every scalar parameter and neuron has a learner-facing label."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from engine.core.device import resolve_device, resolve_dtype
from engine.models.activation_catalogue import Activation
from engine.models.activations import get_activation
from engine.models.chain_rule import ChainRule
from engine.models.config import Config
from engine.models.flat_reader import FlatReader
from engine.models.losses import Loss, get_loss
from engine.models.parameters import (
    ParamInfo,
    assign_values,
    describe_parameters,
    incoming_terms,
    neuron_labels,
)


class MLP(nn.Module):
    """Linear layers and activations, run layer by layer so each net and out can be shown."""

    def __init__(self, config: Config) -> None:
        super().__init__()
        self.layer_sizes = config.layers
        self.device = resolve_device(config.device)
        self.dtype = resolve_dtype(config.dtype)
        self.linears = nn.ModuleList(
            nn.Linear(n_in, n_out, device=self.device, dtype=self.dtype)
            for n_in, n_out in zip(config.layers[:-1], config.layers[1:], strict=True)
        )
        self.activations: list[Activation] = [get_activation(s) for s in config.activations]
        self.neurons = neuron_labels(config.layers)
        self.params = describe_parameters(config.layers)
        self.index = {info.label: i for i, info in enumerate(self.params)}
        self._weight_labels = {
            (info.layer, info.row, info.col): info.label
            for info in self.params
            if info.kind == "weight"
        }
        self._incoming = incoming_terms(self.params)
        # Weight and bias of every layer in storage order: label lookups run for every
        # parameter of every Snapshot, and ModuleList indexing costs microseconds each time.
        self._tensors = tuple(t for linear in self.linears for t in (linear.weight, linear.bias))
        self._reader = FlatReader(self._tensors)
        self._initialise(config)
        for linear in self.linears:
            linear.bias.requires_grad_(config.train_biases)

    def _initialise(self, config: Config) -> None:
        # nn.Linear's own default init, drawn from a generator so the seed alone decides it.
        generator = torch.Generator(device=self.device).manual_seed(config.seed)
        with torch.no_grad():
            for linear in self.linears:
                nn.init.kaiming_uniform_(linear.weight, a=math.sqrt(5), generator=generator)
                bound = 1 / math.sqrt(linear.in_features)
                nn.init.uniform_(linear.bias, -bound, bound, generator=generator)
        self.set_values(dict(config.initial_params))

    # -- what the stepper asks of every model ----------------------------------------------
    @property
    def depth(self) -> int:
        return len(self.linears)

    def data(self, config: Config) -> tuple[Tensor, Tensor]:
        """The inputs and targets as tensors on the model's device and dtype."""
        return self.as_tensor(config.inputs), self.as_tensor(config.targets)

    def loss_function(self, config: Config) -> Loss:
        return get_loss(config.loss)

    def param_tensors(self) -> list[tuple[int, str, nn.Parameter]]:
        """(layer, kind, tensor) for every parameter tensor, in storage order."""
        return [
            (layer, kind, tensor)
            for layer, linear in enumerate(self.linears, start=1)
            for kind, tensor in (("weight", linear.weight), ("bias", linear.bias))
        ]

    def chain_rule(
        self, x: Tensor, target: Tensor, loss_fn: Loss, upstream: list[Tensor] | None = None
    ) -> ChainRule:
        return ChainRule(self, x, target, loss_fn, upstream)

    # -- parameters by label -------------------------------------------------------------
    def tensor_of(self, info: ParamInfo) -> nn.Parameter:
        return self._tensors[2 * (info.layer - 1) + (info.kind != "weight")]

    def element_of(self, info: ParamInfo) -> tuple[int, ...]:
        return (info.row, info.col) if info.kind == "weight" else (info.row,)

    def incoming(self, layer: int, row: int) -> tuple[list[ParamInfo], ParamInfo]:
        """The weights into neuron `row` of weight layer `layer`, and its bias."""
        return self._incoming[(layer, row)]

    def weight_label(self, layer: int, row: int, col: int) -> str:
        """The label of the weight from neuron `col` to neuron `row` of weight layer `layer`."""
        return self._weight_labels[(layer, row, col)]

    def trainable(self, info: ParamInfo) -> bool:
        return self.tensor_of(info).requires_grad

    def values(self) -> np.ndarray:
        """All scalar parameters, in `params` order, as float64 (a copy)."""
        return self._reader.values()

    def grads(self) -> np.ndarray | None:
        """Gradients in `params` order, NaN where one has none; None when all are cleared."""
        return self._reader.grads()

    def value_list(self) -> tuple[float, ...]:
        """values() as Python floats; the same tuple object until a parameter changes."""
        return self._reader.value_list()

    def grad_list(self) -> tuple[float | None, ...] | None:
        """grads() as Python floats, None where a tensor has no .grad, or None if cleared."""
        return self._reader.grad_list()

    def set_values(self, values: dict[str, float]) -> None:
        assign_values(self, values)

    def load_values(self, flat: np.ndarray) -> None:
        """Overwrite every parameter from a vector in `params` order (exactly, no rounding)."""
        offset = 0
        with torch.no_grad():
            for linear in self.linears:
                for t in (linear.weight, linear.bias):
                    chunk = flat[offset : offset + t.numel()].reshape(t.shape)
                    t.copy_(torch.from_numpy(np.ascontiguousarray(chunk)))
                    offset += t.numel()

    def load_grads(self, flat: np.ndarray | None) -> None:
        """Restore gradients exactly: None clears them, NaN entries mean 'no gradient'."""
        offset = 0
        for linear in self.linears:
            for t in (linear.weight, linear.bias):
                chunk = None if flat is None else flat[offset : offset + t.numel()]
                offset += t.numel()
                if chunk is None or np.isnan(chunk).all():
                    t.grad = None
                else:
                    t.grad = torch.from_numpy(chunk.reshape(t.shape).copy()).to(t)

    # -- forward ----------------------------------------------------------------------------
    def layer_forward(self, layer: int, x: Tensor) -> tuple[Tensor, Tensor]:
        """net = x·Wᵀ + b, out = act(net) for weight layer `layer` (1-based)."""
        linear = self.linears[layer - 1]
        net = F.linear(x, linear.weight, linear.bias)
        return net, self.activations[layer - 1].forward(net)

    def forward_function(self) -> Callable[[Tensor], Tensor]:
        """`forward` with each layer's tensors and activation looked up once, for hot loops.

        The same operations as `layer_forward`, without a few µs of module lookups per call
        (a ~50 µs iteration on Mazur's net). Valid while the parameter tensors are the same
        objects: values are loaded in place, so they are for the model's lifetime.
        """
        layers = [
            (linear.weight, linear.bias, act.forward)
            for linear, act in zip(self.linears, self.activations, strict=True)
        ]

        def run(x: Tensor) -> Tensor:
            for weight, bias, act in layers:
                x = act(F.linear(x, weight, bias))
            return x

        return run

    def forward(self, x: Tensor) -> Tensor:
        for layer in range(1, len(self.linears) + 1):
            _, x = self.layer_forward(layer, x)
        return x

    def as_tensor(self, rows: tuple[tuple[float, ...], ...]) -> Tensor:
        return torch.tensor(rows, dtype=self.dtype, device=self.device)
