"""The fast-forward pair: Stepper.run against the learner's own loop and plain Python floats."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial

import numpy as np
import torch
from torch import nn

from engine.bench.agreement import IDENTICAL, compare
from engine.bench.report import Row
from engine.bench.timing import Sizes, interleave, median
from engine.models.config import Config
from engine.training.stepper import Stepper


class LearnerLoop:
    """The loop a learner writes: nn.Sequential, optim.SGD, .item() on every loss."""

    def __init__(self, stepper: Stepper) -> None:
        config, model = stepper.config, stepper.model
        if set(config.activations) != {"sigmoid"} or config.loss != "half_sse":
            raise ValueError("the learner's loop is written for sigmoid layers and half SSE")
        layers: list[nn.Module] = []
        for linear in model.linears:
            layer = nn.Linear(
                linear.in_features, linear.out_features, device=model.device, dtype=model.dtype
            )
            with torch.no_grad():
                layer.weight.copy_(linear.weight)
                layer.bias.copy_(linear.bias)
            layer.bias.requires_grad_(config.train_biases)
            layers += [layer, nn.Sigmoid()]
        self.net = nn.Sequential(*layers)
        self.optimizer = torch.optim.SGD(self.net.parameters(), lr=config.lr)
        self.x, self.target = stepper.x.clone(), stepper.target.clone()
        self.losses: list[float] = []

    def run(self, n: int) -> None:
        net, optimizer, x, target = self.net, self.optimizer, self.x, self.target
        for _ in range(n):
            optimizer.zero_grad()
            out = net(x)
            loss = 0.5 * ((target - out) ** 2).sum()
            loss.backward()
            optimizer.step()
            self.losses.append(loss.item())

    def values(self) -> np.ndarray:
        flat = torch.cat([p.detach().reshape(-1) for p in self.net.parameters()])
        return flat.to("cpu", torch.float64).numpy()


def python_floats(
    start: list[float], x: list[float], target: list[float], lr: float, n: int
) -> tuple[list[float], list[float]]:
    """Mazur's iteration in plain Python floats: the arithmetic alone, without dispatch."""
    w1, w2, w3, w4, b1, b2, w5, w6, w7, w8, b3, b4 = start
    (i1, i2), (t1, t2), exp = x, target, math.exp
    losses = []
    for _ in range(n):
        h1 = 1.0 / (1.0 + exp(-(w1 * i1 + w2 * i2 + b1)))
        h2 = 1.0 / (1.0 + exp(-(w3 * i1 + w4 * i2 + b2)))
        o1 = 1.0 / (1.0 + exp(-(w5 * h1 + w6 * h2 + b3)))
        o2 = 1.0 / (1.0 + exp(-(w7 * h1 + w8 * h2 + b4)))
        losses.append(0.5 * ((t1 - o1) ** 2 + (t2 - o2) ** 2))
        d1, d2 = (o1 - t1) * o1 * (1.0 - o1), (o2 - t2) * o2 * (1.0 - o2)
        e1 = (d1 * w5 + d2 * w7) * h1 * (1.0 - h1)
        e2 = (d1 * w6 + d2 * w8) * h2 * (1.0 - h2)
        w5, w6, w7, w8 = w5 - lr * d1 * h1, w6 - lr * d1 * h2, w7 - lr * d2 * h1, w8 - lr * d2 * h2
        w1, w2, w3, w4 = w1 - lr * e1 * i1, w2 - lr * e1 * i2, w3 - lr * e2 * i1, w4 - lr * e2 * i2
    return [w1, w2, w3, w4, b1, b2, w5, w6, w7, w8, b3, b4], losses


class EngineSide:
    """Stepper.run(n) from Mazur's start; keeps the last stepper for the numbers check."""

    def __init__(self, config: Config, n: int) -> None:
        self.config, self.n = config, n
        self.stepper = Stepper(config)

    def __call__(self) -> Callable[[], object]:
        self.stepper = Stepper(self.config)
        return partial(self.stepper.run, self.n)


class LearnerSide:
    def __init__(self, config: Config, n: int) -> None:
        self.config, self.n = config, n
        self.loop = LearnerLoop(Stepper(config))

    def __call__(self) -> Callable[[], object]:
        self.loop = LearnerLoop(Stepper(self.config))
        return partial(self.loop.run, self.n)


class FloatsSide:
    def __init__(self, config: Config, n: int) -> None:
        stepper = Stepper(config)
        start, x = stepper.model.values().tolist(), stepper.x[0].tolist()
        self.args = (start, x, stepper.target[0].tolist(), config.lr, n)
        self.weights: list[float] = []

    def __call__(self) -> Callable[[], object]:
        return self.work

    def work(self) -> None:
        self.weights = python_floats(*self.args)[0]


def fast_forward_rows(config: Config, sizes: Sizes) -> list[Row]:
    n = sizes.iterations
    engine, learner, floats = EngineSide(config, n), LearnerSide(config, n), FloatsSide(config, n)
    a, b, c = (
        [t / n for t in side] for side in interleave([engine, learner, floats], sizes.repeats)
    )
    values = engine.stepper.model.values()
    same_weights, weights = compare(values, learner.loop.values())
    same_losses, losses = compare(engine.stepper.trajectory.losses, np.array(learner.loop.losses))
    _, floats_words = compare(np.array(floats.weights), values)
    ratio = median(a) / median(b)
    return [
        Row(
            metric=f"fast-forward run({n:,}), Mazur",
            a=median(a),
            b=median(b),
            unit="s/it",
            ratio=ratio,
            target="A/B ≤ 0.8",
            ok=ratio <= 0.8 and same_weights and same_losses,
            a_is="Stepper.run, per iteration",
            b_is="the learner's nn.Sequential + optim.SGD loop, .item() per loss",
            numbers=f"final weights: {weights}; losses: {losses}",
            identical=weights == losses == IDENTICAL,
        ),
        Row(
            metric="distance to the floor",
            a=median(a),
            b=median(c),
            unit="s/it",
            ratio=median(a) / median(c),
            target="reported",
            ok=None,
            a_is="Stepper.run",
            b_is="the same iteration in plain Python floats",
            numbers=f"final weights: {floats_words} (another order of operations)",
            identical=floats_words == IDENTICAL,
        ),
    ]
