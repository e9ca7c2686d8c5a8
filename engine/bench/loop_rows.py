"""The loop a learner writes, on PyTorch's first-network tutorial over the 8×8 digits.

One epoch through the engine's fast-forward against the learner's own DataLoader loop (the
same batches, losses and parameters bit for bit), and a micro-step with its Snapshot on the
64-10 network.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from engine.bench.agreement import IDENTICAL, compare
from engine.bench.report import Row
from engine.bench.timing import Sizes, interleave, median
from engine.models.config import Config
from engine.models.run_samples import run_samples
from engine.training.stepper import Stepper

DIGITS = Config(
    preset="digits",
    layers=(64, 10),
    activations=("log_softmax",),
    loss="nll",
    lr=0.5,
    train_biases=True,
    dataset="digits",
    inputs=(),
    targets=(),
    batch_size=64,
    epochs=2,
    val_share=0.2,
)
MICRO_STEP_TARGET = 2e-3


class DigitsLearner:
    """The tutorial's loop: nn.Linear, log_softmax, F.nll_loss on class indices, SGD, a
    seeded DataLoader, .item() on every loss, and the validation pass at the epoch's end."""

    def __init__(self, stepper: Stepper, config: Config) -> None:
        samples = run_samples(config)
        train, val = samples.train, samples.val
        self.train_set = TensorDataset(torch.tensor(train.x), torch.tensor(train.labels))
        self.val_x, self.val_y = torch.tensor(val.x), torch.tensor(val.labels)
        (linear,) = stepper.model.linears
        self.net = nn.Linear(64, 10, dtype=torch.float64)
        with torch.no_grad():
            self.net.weight.copy_(linear.weight)
            self.net.bias.copy_(linear.bias)
        self.config = config
        self.losses: list[float] = []
        self.accuracy = 0.0

    def epoch(self) -> None:
        config, net = self.config, self.net
        generator = torch.Generator().manual_seed(config.seed)
        loader = DataLoader(
            self.train_set, batch_size=config.batch_size, shuffle=True, generator=generator
        )
        optimizer = torch.optim.SGD(net.parameters(), lr=config.lr)
        net.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = F.nll_loss(torch.log_softmax(net(xb), dim=-1), yb)
            loss.backward()
            optimizer.step()
            self.losses.append(loss.item())
        net.eval()
        with torch.no_grad():
            out = net(self.val_x)
            self.accuracy = float((out.argmax(1) == self.val_y).double().mean())

    def values(self) -> np.ndarray:
        flat = torch.cat([self.net.weight.detach().reshape(-1), self.net.bias.detach()])
        return flat.numpy()


def digits_epoch_row(sizes: Sizes) -> Row:
    sides: dict[str, object] = {}

    def engine() -> Callable[[], object]:
        stepper = Stepper(DIGITS)
        _ = stepper.optimizer  # built untimed, as the learner's is built before the loop
        sides["engine"] = stepper
        return lambda: stepper.run(stepper.timeline.per_epoch)

    def learner() -> Callable[[], object]:
        loop = DigitsLearner(Stepper(DIGITS), DIGITS)
        sides["learner"] = loop
        return loop.epoch

    a, b = interleave([engine, learner], sizes.repeats)
    stepper: Stepper = sides["engine"]  # type: ignore[assignment]
    loop: DigitsLearner = sides["learner"]  # type: ignore[assignment]
    same_weights, weights = compare(stepper.model.values(), loop.values())
    same_losses, losses = compare(stepper.trajectory.losses, np.array(loop.losses))
    (evaluation,) = stepper.trajectory.evaluations
    same_accuracy = evaluation.val_accuracy == loop.accuracy
    ratio = median(a) / median(b)
    return Row(
        metric="one digits epoch (23 batches of 64), 64-10 network",
        a=median(a),
        b=median(b),
        unit="s",
        ratio=ratio,
        target="A/B ≤ 1.0",
        ok=ratio <= 1.0 and same_weights and same_losses and same_accuracy,
        a_is="Stepper.run over one epoch, validation pass included",
        b_is="the learner's seeded DataLoader loop, .item() per loss, then the validation pass",
        numbers=f"final weights: {weights}; losses: {losses}; "
        f"val accuracy {'identical' if same_accuracy else 'differs'} ({loop.accuracy:.4f})",
        identical=weights == losses == IDENTICAL and same_accuracy,
    )


def digits_micro_step_row(sizes: Sizes) -> Row:
    """Every micro-step of whole batches (about 1,300 each), with and without Snapshots."""
    full, bare = Stepper(DIGITS), Stepper(DIGITS)
    _ = full.optimizer, bare.optimizer  # built untimed
    steps = full.micro_steps_per_iteration * max(1, sizes.micro_iterations // 10)
    slowest: list[float] = []

    def with_snapshot() -> Callable[[], object]:
        def work() -> None:
            worst = 0.0
            for _ in range(steps):
                start = time.perf_counter()
                full.step_phase()
                worst = max(worst, time.perf_counter() - start)
            slowest.append(worst)

        return work

    def without() -> Callable[[], object]:
        return lambda: [bare.step_phase(build=False) for _ in range(steps)]

    a, b = (
        [t / steps for t in side] for side in interleave([with_snapshot, without], sizes.repeats)
    )
    agree, words = compare(full.model.values(), bare.model.values())
    return Row(
        metric="micro-step with Snapshot, digits 64-10",
        a=median(a),
        b=median(b),
        unit="s",
        ratio=median(a) / median(b),
        target="A < 2 ms",
        ok=median(a) < MICRO_STEP_TARGET and agree,
        a_is="step_phase(), mean over whole batches (650 values revealed one by one)",
        b_is="step_phase(build=False), the same micro-steps",
        numbers=words,
        identical=words == IDENTICAL,
        note=f"slowest single micro-step {median(slowest) * 1e3:.2f} ms (median over repeats)",
    )


def loop_rows(sizes: Sizes) -> list[Row]:
    return [digits_epoch_row(sizes), digits_micro_step_row(sizes)]
