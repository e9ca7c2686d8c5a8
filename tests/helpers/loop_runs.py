"""Small loop runs for the window's tests (moons in mini-batches, the digits network) and the
plain PyTorch computations tests check them against."""

from __future__ import annotations

import numpy as np
import torch

from engine.models.config import Config
from engine.models.presets import MAZUR

# 400 moons, 80 held out: 20 batches of 16 per epoch, an evaluation at each epoch's end.
MOONS_LOOP: Config = MAZUR.replace(
    dataset="moons",
    inputs=(),
    targets=(),
    layers=(2, 3, 2),
    batch_size=16,
    val_share=0.2,
    epochs=2,
)

# The tutorial's linear digits model, as a learner sets it up without the preset.
DIGITS_LOOP: Config = MAZUR.replace(
    dataset="digits",
    inputs=(),
    targets=(),
    layers=(64, 10),
    activations=("log_softmax",),
    loss="nll",
    lr=0.5,
    batch_size=64,
    val_share=0.2,
    epochs=2,
)


def moons_config(**changes: object) -> Config:
    """2-4-2 on moons, mini-batches of 16, five epochs, a warm-up then a cosine."""
    base = Config(
        preset="moons-test",
        layers=(2, 4, 2),
        activations=("tanh", "identity"),
        loss="cross_entropy",
        lr=0.3,
        seed=2,
        dataset="moons",
        inputs=(),
        targets=(),
        batch_size=16,
        epochs=5,
        train_biases=True,
        scheduler="WarmupCosine:warmup=20,T_max=100",
    )
    return base.replace(**changes)


def digits_config(**changes: object) -> Config:
    """The tutorial's 64-10 linear model with log_softmax and NLL, lr 0.5, batch 64."""
    base = Config(
        preset="digits-test",
        layers=(64, 10),
        activations=("log_softmax",),
        loss="nll",
        lr=0.5,
        dataset="digits",
        inputs=(),
        targets=(),
        batch_size=64,
        val_share=0.2,
        epochs=2,
        seed=5,
    )
    return base.replace(**changes)


def warmup_cosine_lrs(lr: float, steps: int, warmup: int = 20, t_max: int = 100) -> list[float]:
    """LinearLR from 0.1·lr over `warmup` steps, then CosineAnnealingLR, chained as a learner
    writes it: the lr each of `steps` optimizer.step() calls uses."""
    weight = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([weight], lr=lr)
    sched = torch.optim.lr_scheduler
    ramp = sched.LinearLR(optimizer, start_factor=0.1, total_iters=warmup)
    cosine = sched.CosineAnnealingLR(optimizer, T_max=t_max, eta_min=0.0)
    scheduler = sched.SequentialLR(optimizer, [ramp, cosine], [warmup])
    used = []
    for _ in range(steps):
        used.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return used


def plain_predictions(layers: list[tuple[torch.Tensor, torch.Tensor]], x: np.ndarray, hidden):
    """The outputs of a plain MLP: each (weight, bias) a linear layer, `hidden` between them."""
    out = torch.as_tensor(x, dtype=torch.float64)
    with torch.no_grad():
        for k, (weight, bias) in enumerate(layers):
            out = out @ weight.T + bias
            if k < len(layers) - 1:
                out = hidden(out)
    return out


def tally(true: np.ndarray, predicted: np.ndarray, classes: int) -> np.ndarray:
    """counts[t, p], one sample at a time."""
    counts = np.zeros((classes, classes), dtype=np.int64)
    for t, p in zip(true.tolist(), predicted.tolist(), strict=True):
        counts[t, p] += 1
    return counts
