"""The notes' experiment: train the same network with each output activation (and each hidden
activation) from the same seed, and compare accuracies."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from engine.labs.datasets import Points
from engine.labs.output_heads import HEAD_KEYS
from engine.labs.playground import Playground, PlaygroundConfig

DEFAULT_ACTIVATIONS = ("tanh", "relu", "sigmoid")
DEFAULT_EPOCHS = 100


@dataclass(frozen=True)
class ComparisonRow:
    head: str
    activation: str
    train_accuracy: float
    test_accuracy: float
    train_loss: float
    test_loss: float


def compare_heads(
    config: PlaygroundConfig,
    data: Points | None = None,
    epochs: int = DEFAULT_EPOCHS,
    heads: tuple[str, ...] = HEAD_KEYS,
    activations: tuple[str, ...] = DEFAULT_ACTIVATIONS,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[ComparisonRow, ...] | None:
    """One row per (activation, head), all from config's seed; None when stopped early."""
    runs = [(a, h) for a in activations for h in heads]
    rows = []
    for done, (activation, head) in enumerate(runs, start=1):
        if should_stop is not None and should_stop():
            return None
        run = dataclasses.replace(config, activation=activation, head=head)
        rows.append(_train(run, data, epochs))
        if progress is not None:
            progress(done, len(runs))
    return tuple(rows)


def _train(config: PlaygroundConfig, data: Points | None, epochs: int) -> ComparisonRow:
    playground = Playground(config, data)
    playground.train_epochs(epochs)
    last = playground.history[-1]
    return ComparisonRow(
        config.head,
        config.activation,
        last.train_accuracy,
        last.test_accuracy,
        last.train_loss,
        last.test_loss,
    )
