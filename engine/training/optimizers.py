"""Build the configured optimizer from real torch.optim classes (plus the Lookahead wrapper)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import torch
from torch import Tensor

from engine.models.config import Config
from engine.training.lookahead import Lookahead

OptimizerLike = torch.optim.Optimizer | Lookahead

# What each torch.optim state entry means, for the explanation panel.
STATE_NAMES = {
    "momentum_buffer": "momentum buffer",
    "exp_avg": "m (1st moment)",
    "exp_avg_sq": "v (2nd moment)",
    "sum": "sum of squared gradients",
    "square_avg": "running mean of squared gradients",
    "step": "step count",
}


def make_optimizer(config: Config, params: Iterable[Tensor]) -> OptimizerLike:
    inner = _torch_optimizer(config, list(params))
    if config.lookahead_k:
        return Lookahead(inner, k=config.lookahead_k, alpha=config.lookahead_alpha)
    return inner


def group_settings(config: Config) -> dict[str, Any]:
    """The hyperparameters torch puts in a param group for this configuration (lr, momentum,
    betas, eps with its per-class default, ...), read from a real optimizer on a stand-in
    tensor; ValueError when torch refuses the combination."""
    group = _torch_optimizer(config, [torch.zeros(1, requires_grad=True)]).param_groups[0]
    return {name: value for name, value in group.items() if name != "params"}


def _torch_optimizer(c: Config, params: list[Tensor]) -> torch.optim.Optimizer:
    # foreach=False keeps the single-tensor code path: for tiny tensors it is the faster one.
    common: dict[str, Any] = {"lr": c.lr, "weight_decay": c.weight_decay, "foreach": False}
    if c.optimizer == "sgd":
        return torch.optim.SGD(params, momentum=c.momentum, nesterov=c.nesterov, **common)
    if c.eps is not None:
        common["eps"] = c.eps
    if c.optimizer == "adagrad":
        return torch.optim.Adagrad(params, **common)
    if c.optimizer == "rmsprop":
        return torch.optim.RMSprop(params, momentum=c.momentum, **common)
    if c.optimizer == "adam":
        return torch.optim.Adam(params, betas=c.betas, **common)
    if c.optimizer == "adamw":
        return torch.optim.AdamW(params, betas=c.betas, **common)
    raise ValueError(f"unknown optimizer {c.optimizer!r}")


def optimizer_code(c: Config) -> str:
    """The constructor line a learner writes for this configuration."""
    cls = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam"}.get(
        c.optimizer, "AdamW"
    )
    args = [f"lr={c.lr:g}"]
    if c.optimizer in ("sgd", "rmsprop") and c.momentum:
        args.append(f"momentum={c.momentum:g}")
    if c.nesterov:
        args.append("nesterov=True")
    if c.optimizer in ("adam", "adamw") and c.betas != (0.9, 0.999):
        args.append(f"betas=({c.betas[0]:g}, {c.betas[1]:g})")
    if c.weight_decay:
        args.append(f"weight_decay={c.weight_decay:g}")
    line = f"torch.optim.{cls}(model.parameters(), {', '.join(args)})"
    if c.lookahead_k:
        line = f"Lookahead({line}, k={c.lookahead_k}, alpha={c.lookahead_alpha:g})"
    return line


def element_state(
    optimizer: OptimizerLike, param: Tensor, index: tuple[int, ...]
) -> dict[str, float]:
    """The optimizer's state for one scalar of `param` (e.g. Adam's m and v), by torch's names."""
    state = optimizer.state.get(param, {})
    values: dict[str, float] = {}
    for name, value in state.items():
        if isinstance(value, Tensor):
            values[name] = float(value if value.dim() == 0 else value[index])
        elif isinstance(value, int | float):
            values[name] = float(value)
    if isinstance(optimizer, Lookahead):
        values["slow_weight"] = float(optimizer.slow_weights(param)[index])
        values["lookahead_count"] = float(optimizer.fast_steps)
    return values


def element_states(
    optimizer: OptimizerLike, param: Tensor, flat_indices: list[int]
) -> list[dict[str, float]]:
    """`element_state` for many scalars of `param` at once: one copy per state tensor.

    Walking the state scalar by scalar costs more than the micro-step it describes.
    """
    columns: dict[str, list[float] | float] = {}
    for name, value in optimizer.state.get(param, {}).items():
        if isinstance(value, Tensor):
            columns[name] = float(value) if value.dim() == 0 else _flat_list(value)
        elif isinstance(value, int | float):
            columns[name] = float(value)
    if isinstance(optimizer, Lookahead):
        columns["slow_weight"] = _flat_list(optimizer.slow_weights(param))
        columns["lookahead_count"] = float(optimizer.fast_steps)
    return [
        {name: col[i] if isinstance(col, list) else col for name, col in columns.items()}
        for i in flat_indices
    ]


def _flat_list(tensor: Tensor) -> list[float]:
    return tensor.detach().reshape(-1).tolist()
