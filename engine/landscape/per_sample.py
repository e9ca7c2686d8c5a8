"""Per-sample gradients of a network's loss, all at once with torch.func (vmap of grad).

Each sample's gradient is the gradient of the run's own loss (config.loss) on a batch of one
sample. How those add up to the batch gradient depends on the loss's reduction over the batch:
the mean-reduced losses (mse, cross_entropy, nll) average them, the sum-reduced half_sse
(E = Σ ½(target − out)² over every sample and output) adds them. `reduction` measures which
one a loss is, on a probe batch, instead of trusting a table of names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor
from torch.func import functional_call, grad, vmap

from engine.core.errors import EngineError
from engine.models.build import build_model
from engine.models.config import Config
from engine.models.losses import Loss, get_loss
from engine.models.mlp import MLP

SUM, MEAN = "sum", "mean"
# Per-sample gradients are made this many numbers at a time (32 MB in float64): a 10,000-
# parameter network over 1,797 digits would otherwise hold several copies of 144 MB at once.
CHUNK_NUMBERS = 2**22


@dataclass(frozen=True, eq=False)
class SampleGradients:
    """Every sample's gradient along every parameter, and how they make the batch gradient."""

    labels: tuple[str, ...]  # the model's parameter labels, in storage order (the columns)
    trained: np.ndarray  # (P,) bool: which parameters the optimizer updates
    per_sample: np.ndarray  # (N, P) float64: row n is sample n's gradient
    reduction: str  # SUM or MEAN: how the loss combines the samples of a batch

    def batch_gradient(self, rows: np.ndarray | slice = slice(None)) -> np.ndarray:
        """The loss's gradient on the batch of these rows: their sum or their mean."""
        chosen = self.per_sample[rows]
        return chosen.sum(axis=0) if self.reduction == SUM else chosen.mean(axis=0)


def reduction(loss: Loss) -> str:
    """SUM when a batch of the same sample twice has twice the loss of one, MEAN when equal."""
    out = torch.tensor([[0.3, -0.2]], dtype=torch.float64)
    target = torch.tensor([[0.1, 0.9]], dtype=torch.float64)
    once = float(loss.value(out, target))
    twice = float(loss.value(out.repeat(2, 1), target.repeat(2, 1)))
    return SUM if abs(twice - 2 * once) < abs(twice - once) else MEAN


def network_at(config: Config, values: Mapping[str, float]) -> MLP:
    """The network `config` describes, with the parameters `values` names set to them."""
    if not config.has_layers:
        raise EngineError(
            f"{config.preset} is a test function: it has no samples, so no per-sample gradients"
        )
    model = build_model(config)
    model.set_values(dict(values))
    return model  # type: ignore[return-value]


def as_data(model: MLP, x: np.ndarray, y: np.ndarray) -> tuple[Tensor, Tensor]:
    """Inputs and targets as the model's tensors, refusing shapes that do not fit it."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    inputs, outputs = model.layer_sizes[0], model.layer_sizes[-1]
    if x.ndim != 2 or x.shape[1] != inputs or x.shape[0] == 0:
        raise EngineError(f"inputs must be rows of {inputs} value(s), got shape {x.shape}")
    if y.shape != (x.shape[0], outputs):
        raise EngineError(f"targets must be {x.shape[0]} rows of {outputs}, got shape {y.shape}")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise EngineError("inputs and targets must be finite numbers")
    as_tensor = lambda a: torch.as_tensor(a, dtype=model.dtype, device=model.device)  # noqa: E731
    return as_tensor(x), as_tensor(y)


def sample_gradients(
    model: MLP, loss: Loss, x: Tensor, y: Tensor, chunk_numbers: int = CHUNK_NUMBERS
) -> np.ndarray:
    """(N, P): the gradient of `loss` on each one-sample batch (x[n], y[n]), one vmap call
    (in chunks of samples whose gradients hold at most `chunk_numbers` numbers)."""
    params = {name: tensor.detach() for name, tensor in model.named_parameters()}
    chunk = max(1, chunk_numbers // len(model.params))

    def one_sample(params: dict[str, Tensor], xi: Tensor, yi: Tensor) -> Tensor:
        out = functional_call(model, params, (xi.unsqueeze(0),))
        return loss.value(out, yi.unsqueeze(0))  # the run's loss on a batch of one

    per_tensor = vmap(grad(one_sample), in_dims=(None, 0, 0), chunk_size=chunk)(params, x, y)
    # named_parameters is storage order (each layer's weight, then its bias), as model.params.
    flat = torch.cat([g.reshape(x.shape[0], -1) for g in per_tensor.values()], dim=1)
    return flat.detach().to("cpu", torch.float64).numpy()


def whole_set_gradient(model: MLP, loss: Loss, x: Tensor, y: Tensor) -> np.ndarray:
    """(P,): the loss's gradient over all of (x, y) at once, frozen parameters included (the
    surface may be drawn over an untrained bias)."""
    params = {name: tensor.detach() for name, tensor in model.named_parameters()}
    gradient = grad(lambda p: loss.value(functional_call(model, p, (x,)), y))(params)
    flat = torch.cat([g.reshape(-1) for g in gradient.values()])
    return flat.detach().to("cpu", torch.float64).numpy()


def all_sample_gradients(
    config: Config, values: Mapping[str, float], x: np.ndarray, y: np.ndarray
) -> SampleGradients:
    """Every sample's gradient at `values`, with the labels and the loss's reduction."""
    model = network_at(config, values)
    loss = get_loss(config.loss)
    inputs, targets = as_data(model, x, y)
    return SampleGradients(
        labels=tuple(info.label for info in model.params),
        trained=np.array([model.trainable(info) for info in model.params]),
        per_sample=sample_gradients(model, loss, inputs, targets),
        reduction=reduction(loss),
    )
