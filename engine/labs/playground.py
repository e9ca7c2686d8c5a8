"""Classification playground: an MLP on 2-D points, trained epoch by epoch with mini-batch SGD.

Everything is decided by the seed: the split, the initial weights and the batch order. After each
epoch the whole train and test sets are evaluated, so the curves show real accuracies.
"""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor, nn

from engine.labs.apply import Apply
from engine.labs.datasets import Points, make_dataset, split
from engine.labs.neuron_maps import NeuronMaps, neuron_maps, plane_grid
from engine.labs.output_heads import OutputHead, get_head
from engine.models.activations import OUTPUT_ONLY, get_activation


@dataclass(frozen=True)
class PlaygroundConfig:
    dataset: str = "circle"
    points: int = 400
    noise: float = 0.05
    test_fraction: float = 0.3
    hidden: tuple[int, ...] = (8,)
    activation: str = "tanh"  # hidden layers
    head: str = "log_softmax"
    lr: float = 0.5  # the notes' demo: plain SGD, lr 0.5, batches of 64
    batch_size: int = 64
    seed: int = 0

    def __post_init__(self) -> None:
        get_head(self.head)
        if get_activation(self.activation).name in OUTPUT_ONLY:
            raise ValueError(f"{self.activation} is an output activation, not a hidden one")
        if not self.hidden or min(self.hidden) < 1:
            raise ValueError(f"hidden layers need at least one neuron each, got {self.hidden}")
        if not (math.isfinite(self.lr) and self.lr > 0) or self.batch_size < 1:
            raise ValueError("the learning rate and the batch size must be positive")


@dataclass(frozen=True)
class EpochRecord:
    epoch: int
    train_loss: float
    train_accuracy: float
    test_loss: float
    test_accuracy: float


@dataclass(frozen=True)
class DecisionMap:
    """The predicted class and its confidence on a res × res grid; row r is y[r], column c x[c]."""

    x: np.ndarray
    y: np.ndarray
    classes: np.ndarray  # (res, res) int
    confidence: np.ndarray  # (res, res) softmax of the logits at the predicted class


def build_classifier(
    inputs: int, hidden: tuple[int, ...], classes: int, activation: str, seed: int
) -> nn.Sequential:
    """Linear layers with nn.Linear's default init, drawn from a generator seeded by `seed`."""
    act = get_activation(activation)
    generator = torch.Generator().manual_seed(seed)
    sizes = (inputs, *hidden, classes)
    layers: list[nn.Module] = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
        linear = nn.Linear(n_in, n_out, dtype=torch.float64)
        with torch.no_grad():
            nn.init.kaiming_uniform_(linear.weight, a=math.sqrt(5), generator=generator)
            bound = 1 / math.sqrt(n_in)
            nn.init.uniform_(linear.bias, -bound, bound, generator=generator)
        layers += [linear, Apply(act.forward)]
    return nn.Sequential(*layers[:-1])  # the head is applied separately, to the logits


class Playground:
    """One model, its data split and its training history."""

    def __init__(self, config: PlaygroundConfig, data: Points | None = None) -> None:
        """`data`: the learner's own points; None generates config.dataset."""
        c = self.config = config
        self.builtin = data is None  # a generated dataset, named by config.dataset
        self.data = data if data is not None else make_dataset(c.dataset, c.points, c.noise, c.seed)
        self.history: list[EpochRecord] = []
        self.train, self.test = split(self.data, c.test_fraction, c.seed)
        self.head: OutputHead = get_head(c.head)
        self.model = build_classifier(2, c.hidden, self.data.classes, c.activation, c.seed)
        self._optimizer: torch.optim.SGD | None = None
        self.order = torch.Generator().manual_seed(c.seed + 1)
        self._batches: deque[Tensor] = deque()  # the current epoch's batches still to train
        self._tensors = {
            part: _as_tensors(p) for part, p in (("train", self.train), ("test", self.test))
        }

    @property
    def optimizer(self) -> torch.optim.SGD:
        """Built at the first epoch: its first use imports torch._dynamo (~0.6 s)."""
        if self._optimizer is None:
            self._optimizer = torch.optim.SGD(self.model.parameters(), lr=self.config.lr)
        return self._optimizer

    @property
    def epoch(self) -> int:
        return len(self.history)

    def train_epochs(self, count: int = 1) -> list[EpochRecord]:
        """`count` passes over the shuffled training set; returns their records."""
        for _ in range(count):
            self._train_epoch(deadline=None)
        return self.history[-count:] if count else []

    def train_for(self, seconds: float, epochs: int) -> int:
        """Train until `epochs` more epochs finish or `seconds` pass, stopping between batches
        (a long epoch goes on at the next call, exactly as if it had not stopped); returns the
        epochs finished. Keeps a timer-driven window live however big the data set."""
        deadline = time.monotonic() + seconds
        finished = 0
        while finished < epochs and self._train_epoch(deadline):
            finished += 1
        return finished

    def _train_epoch(self, deadline: float | None) -> bool:
        """Train the current epoch's remaining batches; False when the deadline came first."""
        x, y = self._tensors["train"]
        if not self._batches:
            order = torch.randperm(len(y), generator=self.order)
            self._batches.extend(order.split(self.config.batch_size))
        while self._batches:
            batch = self._batches.popleft()
            self.optimizer.zero_grad()
            self.head.loss(self.outputs(x[batch]), y[batch]).backward()
            self.optimizer.step()
            if self._batches and deadline is not None and time.monotonic() >= deadline:
                return False
        self.history.append(self._record())
        return True

    def outputs(self, x: Tensor) -> Tensor:
        return self.head.activation(self.model(x))

    def _record(self) -> EpochRecord:
        train, test = self.evaluate("train"), self.evaluate("test")
        return EpochRecord(self.epoch + 1, *train, *test)

    def evaluate(self, part: str) -> tuple[float, float]:
        """(loss, accuracy) on the whole train or test set at the current weights."""
        x, y = self._tensors[part]
        with torch.no_grad():
            out = self.outputs(x)
            loss = self.head.loss(out, y).item()
            accuracy = (out.argmax(dim=1) == y).double().mean().item()
        return loss, accuracy

    def predict(self, xy: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            return self.outputs(torch.from_numpy(xy)).argmax(dim=1).numpy()

    def decision_map(self, res: int = 100) -> DecisionMap:
        xs, ys, grid = plane_grid(self.data.bounds(), res)
        with torch.no_grad():
            logits = self.model(torch.from_numpy(grid))
            p = torch.softmax(logits, dim=1)
            # The class the head's outputs pick, as the accuracy counts it.
            classes = self.head.activation(logits).argmax(dim=1)
        confidence = p.gather(1, classes[:, None])[:, 0]
        return DecisionMap(
            xs, ys, classes.numpy().reshape(res, res), confidence.numpy().reshape(res, res)
        )

    def neuron_maps(self, res: int = 32) -> NeuronMaps:
        """Every hidden unit's activation over the decision map's plane."""
        return neuron_maps(self.model, self.data.bounds(), res, self.config.activation)


def _as_tensors(points: Points) -> tuple[Tensor, Tensor]:
    return torch.from_numpy(points.xy.copy()), torch.from_numpy(points.labels.copy())
