"""A 2-parameter test function dressed as a model, so the same stepper trains it.

Its parameters are the coordinates x (and y); its one "neuron" f computes the function, and
the loss is f itself. Gradients are explained from partial derivatives as formula trees.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import torch
from torch import Tensor, nn

from engine.core.device import resolve_device, resolve_dtype
from engine.core.explanation import Explanation, Factor
from engine.core.formula import Formula, fmt
from engine.core.i18n import QT_TRANSLATE_NOOP
from engine.core.phrase import phrase
from engine.models.config import Config
from engine.models.flat_reader import FlatReader
from engine.models.function_gradients import partial_formulas
from engine.models.losses import Loss
from engine.models.parameters import ParamInfo, assign_values
from engine.models.test_functions import get_function

# The loss of a test function is its value: E = f(x, y).
FUNCTION_VALUE = Loss(
    "value",
    "Function value",
    "E = f(x, y)",
    "loss = f(x, y)",
    lambda out, target: out.sum(),
    lambda out, target: torch.ones_like(out),
)


class FunctionModel(nn.Module):
    """Parameters (x, y) and one output f(x, y)."""

    depth = 1

    def __init__(self, config: Config) -> None:
        super().__init__()
        self.fn = get_function(config.function)
        self.device = resolve_device(config.device)
        self.dtype = resolve_dtype(config.dtype)
        labels = ["x", "y"][: self.fn.dims]
        start = torch.tensor(self.fn.start[: self.fn.dims], dtype=self.dtype, device=self.device)
        self.coords = nn.Parameter(start)
        self._reader = FlatReader((self.coords,))
        self.neurons: list[list[str]] = [[], ["f"]]
        self.params = tuple(
            ParamInfo(label, 1, "coordinate", i, -1, label, "f") for i, label in enumerate(labels)
        )
        self.index = {info.label: i for i, info in enumerate(self.params)}
        self.activations: list = []
        self.set_values(dict(config.initial_params))

    # -- what the stepper asks of every model ----------------------------------------------
    def as_tensor(self, rows: Any) -> Tensor:
        return torch.tensor(rows, dtype=self.dtype, device=self.device)

    def data(self, config: Config) -> tuple[Tensor, Tensor]:
        """No inputs; the 'target' only gives the loss its shape."""
        empty = torch.zeros((1, 0), dtype=self.dtype, device=self.device)
        return empty, torch.zeros((1, 1), dtype=self.dtype, device=self.device)

    def loss_function(self, config: Config) -> Loss:
        return FUNCTION_VALUE

    def param_tensors(self) -> list[tuple[int, str, nn.Parameter]]:
        return [(1, "coordinate", self.coords)]

    def tensor_of(self, info: ParamInfo) -> nn.Parameter:
        return self.coords

    def element_of(self, info: ParamInfo) -> tuple[int, ...]:
        return (info.row,)

    def trainable(self, info: ParamInfo) -> bool:
        return True

    def values(self) -> np.ndarray:
        return self._reader.values()

    def grads(self) -> np.ndarray | None:
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
        with torch.no_grad():
            self.coords.copy_(torch.from_numpy(np.ascontiguousarray(flat)))

    def load_grads(self, flat: np.ndarray | None) -> None:
        self.coords.grad = None if flat is None else torch.from_numpy(flat.copy()).to(self.coords)

    def layer_forward(self, layer: int, x: Tensor) -> tuple[Tensor, Tensor]:
        y = self.coords[1] if self.fn.dims == 2 else torch.zeros_like(self.coords[0])
        f = self.fn(self.coords[0], y).reshape(1, 1)
        return f, f

    def forward(self, x: Tensor) -> Tensor:
        return self.layer_forward(1, x)[1]

    def forward_function(self) -> Callable[[Tensor], Tensor]:
        """`forward` for hot loops: one layer, nothing to look up ahead of time."""
        return self.forward

    def chain_rule(
        self, x: Tensor, target: Tensor, loss_fn: Loss, upstream: object = None
    ) -> FunctionChain:
        return FunctionChain(self)

    def point_text(self) -> str:
        names = [info.label for info in self.params]
        values = ", ".join(fmt(v) for v in self.values())
        return f"({', '.join(names)}) = ({values})"


class FunctionChain:
    """The gradient of a test function from its partial derivatives as formula trees."""

    def __init__(self, model: FunctionModel) -> None:
        self.model = model
        # read now: the step moves the point before the explanation is shown
        self.partials = partial_formulas(model.fn.name, tuple(model.values().tolist()))
        self.grads = np.array([p.result for p in self.partials], dtype=float)

    def gradient(self, label: str) -> float:
        return float(self.grads[self.model.index[label]])

    def delta(self, neuron: str) -> float:
        return 1.0  # ∂E/∂f: the loss is f

    def explain(self, label: str) -> Explanation:
        """∂E/∂x = ∂f/∂x (the loss is f) with its symbolic form and numbers; the factor
        ∂f/∂x carries the partial's tree, so the update's gradient expands to it."""
        partial = self.partials[self.model.index[label]]
        value = partial.result
        tree = Formula(f"∂E/∂{label}", f"∂E/∂{label} = ∂f/∂{label} =", partial.expression, value)
        factors = (Factor("∂E/∂f", 1.0), Factor(f"∂f/∂{label}", value, partial))
        return Explanation(label, value, factors, (), (tree,))

    def explain_neuron(self, neuron: str) -> Explanation:
        formula = phrase(
            "Explain", QT_TRANSLATE_NOOP("Explain", "δ_f = ∂E/∂f = 1 (the loss is f itself)")
        )
        return Explanation(neuron, 1.0, (Factor("∂E/∂f", 1.0),), (), summary=formula)
