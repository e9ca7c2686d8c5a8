"""What the stepper, the landscape and the session ask of a model, written down.

Both models satisfy it: the MLP (linear layers and activations) and the test-function model
(the coordinates x, y of a function, trained like weights). Code that needs only these members
works with either, with no "which model is this" question; a test holds both classes to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np
import torch
from torch import Tensor, nn

from engine.models.config import Config
from engine.models.losses import Loss
from engine.models.parameters import ParamInfo


@runtime_checkable
class TrainableModel(Protocol):
    device: torch.device
    dtype: torch.dtype
    neurons: list[list[str]]  # labels per layer; the output layer's last
    params: Sequence[ParamInfo]  # every scalar parameter, in storage order
    index: dict[str, int]  # label -> position in `params`

    @property
    def depth(self) -> int:
        """Layers after the input (1 for a test function: the layer that outputs f)."""
        ...

    def data(self, config: Config) -> tuple[Tensor, Tensor]:
        """The inputs and targets as tensors on the model's device and dtype."""
        ...

    def loss_function(self, config: Config) -> Loss: ...

    def param_tensors(self) -> list[tuple[int, str, nn.Parameter]]:
        """(layer, kind, tensor) for every parameter tensor, in storage order."""
        ...

    def parameters(self) -> Any: ...

    def chain_rule(
        self, x: Tensor, target: Tensor, loss_fn: Loss, upstream: list[Tensor] | None = None
    ) -> Any:
        """The hand-derived gradients and their explanations at the current parameters."""
        ...

    def tensor_of(self, info: ParamInfo) -> nn.Parameter: ...

    def element_of(self, info: ParamInfo) -> tuple[int, ...]: ...

    def trainable(self, info: ParamInfo) -> bool: ...

    def values(self) -> np.ndarray: ...

    def grads(self) -> np.ndarray | None: ...

    def value_list(self) -> tuple[float, ...]: ...

    def grad_list(self) -> tuple[float | None, ...] | None: ...

    def set_values(self, values: dict[str, float]) -> None: ...

    def load_values(self, flat: np.ndarray) -> None: ...

    def load_grads(self, flat: np.ndarray | None) -> None: ...

    def layer_forward(self, layer: int, x: Tensor) -> tuple[Tensor, Tensor]:
        """(net, out) of one layer, from the outputs of the layer below."""
        ...

    def forward(self, x: Tensor) -> Tensor: ...

    def as_tensor(self, rows: Any) -> Tensor:
        """Rows of numbers (tuples or an array) on the model's device and dtype."""
        ...

    def eval(self) -> Any:
        """nn.Module's: the loop's model.eval() before the validation pass."""
        ...

    def train(self, mode: bool = True) -> Any:
        """nn.Module's: model.train() as each epoch's loop begins."""
        ...

    def forward_function(self) -> Callable[[Tensor], Tensor]:
        """`forward` with whatever it looks up looked up once, for fast-forward's hot loop."""
        ...
