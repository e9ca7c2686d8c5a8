"""The validation confusion matrix against a plain PyTorch forward written here."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.core.errors import EngineError
from engine.data.datasets import load_dataset, split
from engine.labs.confusion import confusion_counts, confusion_matrix
from engine.models.config import Config
from engine.training.stepper import Stepper

SEED = 5


def digits_config() -> Config:
    return Config(
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
        seed=SEED,
    )


def plain_counts(weight: torch.Tensor, bias: torch.Tensor) -> np.ndarray:
    """A learner's evaluation: the linear layer and log_softmax on the validation set, the
    argmax of each row, tallied one sample at a time."""
    whole = load_dataset("digits", SEED)
    _, val = split(whole, 0.2, SEED)
    x = torch.as_tensor(val.x, dtype=torch.float64)
    with torch.no_grad():
        out = torch.log_softmax(x @ weight.T + bias, dim=1)
    counts = np.zeros((10, 10), dtype=np.int64)
    for true, predicted in zip(val.labels.tolist(), out.argmax(dim=1).tolist(), strict=True):
        counts[true, predicted] += 1
    return counts


def test_the_matrix_equals_a_plain_evaluation_and_sums_to_the_validation_size() -> None:
    stepper = Stepper(digits_config())
    stepper.run(30)
    loop = stepper.loop
    assert loop is not None
    matrix = confusion_matrix(
        stepper.model, loop.val_x, loop.val_labels, loop.samples.val.classes, 30
    )
    weight, bias = (p.detach().clone() for p in stepper.model.parameters())
    expected = plain_counts(weight, bias)
    np.testing.assert_array_equal(matrix.counts, expected)
    assert matrix.total == len(loop.samples.val) == 359
    assert matrix.classes == tuple(str(d) for d in range(10))
    assert matrix.accuracy == pytest.approx(np.trace(expected) / 359)
    assert 0.5 < matrix.accuracy < 1.0  # it has learned something, not everything
    assert not matrix.counts.flags.writeable


def test_its_accuracy_is_the_epoch_evaluations() -> None:
    stepper = Stepper(digits_config())
    stepper.run(stepper.timeline.per_epoch)  # exactly one epoch: its evaluation is at these values
    loop = stepper.loop
    (evaluation,) = stepper.trajectory.evaluations
    matrix = confusion_matrix(stepper.model, loop.val_x, loop.val_labels, loop.samples.val.classes)
    assert matrix.accuracy == evaluation.val_accuracy


def test_counts_by_pair() -> None:
    counts = confusion_counts(np.array([0, 1, 1, 2]), np.array([0, 1, 2, 2]), 3)
    np.testing.assert_array_equal(counts, [[1, 0, 0], [0, 1, 0], [0, 1, 1]])


def test_no_validation_samples_is_refused() -> None:
    model = torch.nn.Linear(2, 2)
    with pytest.raises(EngineError):
        confusion_matrix(model, torch.zeros(0, 2), torch.zeros(0, dtype=torch.long), ("a", "b"))
