"""The loop a learner writes around a network, in plain torch: a seeded DataLoader, the optimizer,
clipping, an optional scheduler, evaluation at each epoch's end, and values set by hand or a
new learning rate at chosen iterations. Tests compare the engine with it bit for bit."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

from engine.data.datasets import load_dataset, split
from engine.models.config import Config

ACTIVATIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "identity": lambda net: net,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "log_softmax": lambda net: F.log_softmax(net, dim=-1),
    "softmax": lambda net: F.softmax(net, dim=-1),
}
# A classification set's one-hot rows go to F.cross_entropy and F.nll_loss as the class of
# each sample, as a learner's loop hands them (argmax of a one-hot row is its class exactly).
LOSSES: dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = {
    "cross_entropy": lambda out, target: F.cross_entropy(out, target.argmax(dim=1)),
    "mse": F.mse_loss,
    "half_sse": lambda out, target: 0.5 * ((target - out) ** 2).sum(),
    "nll": lambda out, target: F.nll_loss(out, target.argmax(dim=1)),
}


@dataclass
class LearnerRun:
    losses: list[float] = field(default_factory=list)
    lrs: list[float] = field(default_factory=list)
    norms: list[float] = field(default_factory=list)
    clip_totals: list[float] = field(default_factory=list)  # clip_grad_norm_'s return value
    evaluations: list[tuple[float, float, float | None]] = field(default_factory=list)
    params: np.ndarray | None = None


def learner_loop(
    config: Config,
    start: list[torch.Tensor],
    iterations: int,
    edits: dict[int, list[tuple[int, tuple[int, ...], float]]] | None = None,
    new_lrs: dict[int, float] | None = None,
    scheduler: Callable[[torch.optim.Optimizer], object] | None = None,
) -> LearnerRun:
    """`start`: every weight and bias tensor in layer order; `edits[i]`: (tensor index,
    position, value) set before iteration i; `new_lrs[i]`: the lr set before iteration i."""
    edits, new_lrs = edits or {}, new_lrs or {}
    train, val = split(load_dataset(config.dataset, config.seed), config.val_share, config.seed)
    tensors = [t.detach().clone().requires_grad_(True) for t in start]
    trained = tensors if config.train_biases else tensors[0::2]
    optimizer = _optimizer(config, trained)
    schedule = scheduler(optimizer) if scheduler is not None else None
    x, y = torch.tensor(train.x), torch.tensor(train.y)
    generator = torch.Generator().manual_seed(config.seed)
    size = config.batch_size or len(train)
    loader = DataLoader(
        TensorDataset(x, y), batch_size=size, shuffle=config.shuffle, generator=generator
    )
    run, done = LearnerRun(), 0
    while done < iterations:
        epoch_losses = []
        for xb, yb in loader:
            with torch.no_grad():
                for index, position, value in edits.get(done, []):
                    tensors[index][position] = value
            if done in new_lrs:
                for group in optimizer.param_groups:
                    group["lr"] = new_lrs[done]
            optimizer.zero_grad()
            loss = LOSSES[config.loss](_forward(config, tensors, xb), yb)
            loss.backward()
            run.norms.append(math.sqrt(sum(float((p.grad**2).sum()) for p in trained)))
            if config.clip_norm:
                total = torch.nn.utils.clip_grad_norm_(trained, config.clip_norm)
                run.clip_totals.append(float(total))
            if config.clip_value:
                torch.nn.utils.clip_grad_value_(trained, config.clip_value)
            run.lrs.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            if schedule is not None and config.scheduler_step == "batch":
                schedule.step()
            run.losses.append(float(loss.detach()))
            epoch_losses.append(run.losses[-1])
            done += 1
            if done == iterations:
                break
        if len(epoch_losses) == len(loader) and len(val):
            run.evaluations.append((float(np.mean(epoch_losses)), *_evaluate(config, tensors, val)))
        if schedule is not None and config.scheduler_step == "epoch":
            schedule.step()
    run.params = torch.cat([t.detach().reshape(-1) for t in tensors]).numpy()
    return run


def _forward(config: Config, tensors: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    out = x
    for layer, name in enumerate(config.activations):
        out = ACTIVATIONS[name](F.linear(out, tensors[2 * layer], tensors[2 * layer + 1]))
    return out


def _evaluate(config: Config, tensors: list[torch.Tensor], val) -> tuple[float, float | None]:
    with torch.no_grad():
        out = _forward(config, tensors, torch.tensor(val.x))
        loss = float(LOSSES[config.loss](out, torch.tensor(val.y)))
        if val.labels is None:
            return loss, None
        labels = torch.tensor(val.labels)
        return loss, float((out.argmax(dim=1) == labels).double().mean())


def _optimizer(config: Config, params: list[torch.Tensor]) -> torch.optim.Optimizer:
    common = {"lr": config.lr, "weight_decay": config.weight_decay}
    if config.optimizer == "sgd":
        return torch.optim.SGD(params, momentum=config.momentum, nesterov=config.nesterov, **common)
    if config.optimizer == "adam":
        return torch.optim.Adam(params, betas=config.betas, **common)
    raise ValueError(f"the learner loop here writes sgd and adam, not {config.optimizer}")


def engine_start(stepper) -> list[torch.Tensor]:
    """Every weight and bias tensor of the engine's model, as the run starts."""
    return [tensor.detach().clone() for _, _, tensor in stepper.model.param_tensors()]
