"""The confusion matrix of a classifier on its validation set: which class it predicts for the
samples of each true class, at the parameters it has now.

counts[t, p] is how many validation samples of true class t the network's largest output puts
in class p; the diagonal holds the correct ones, so its sum over the total is the accuracy the
epoch's evaluation reports.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor

from engine.core.errors import EngineError


@dataclass(frozen=True)
class ConfusionMatrix:
    """A copy safe to hand to a view: the counts are a read-only array."""

    counts: np.ndarray  # (K, K) int64: counts[true, predicted]
    classes: tuple[str, ...]  # the class names, in the order of the rows and columns
    completed: int  # iterations finished when it was computed

    @property
    def total(self) -> int:
        return int(self.counts.sum())

    @property
    def accuracy(self) -> float:
        return float(np.trace(self.counts)) / self.total if self.total else float("nan")


def confusion_counts(predicted: np.ndarray, true: np.ndarray, classes: int) -> np.ndarray:
    """(classes, classes) counts of each (true, predicted) pair."""
    pairs = np.asarray(true, dtype=np.int64) * classes + np.asarray(predicted, dtype=np.int64)
    return np.bincount(pairs, minlength=classes * classes).reshape(classes, classes)


def confusion_matrix(
    model: torch.nn.Module,
    x: Tensor,
    labels: Tensor | np.ndarray,
    classes: tuple[str, ...],
    completed: int = 0,
) -> ConfusionMatrix:
    """The model's predictions (argmax of its outputs, under torch.no_grad()) on x against
    the true labels: the matrix the validation pass at an epoch's end would see."""
    true = np.asarray(torch.as_tensor(labels).detach().cpu().numpy(), dtype=np.int64)
    if not classes or true.size == 0:
        raise EngineError("a confusion matrix needs a classification run with validation samples")
    with torch.no_grad():
        predicted = model(x).argmax(dim=1).cpu().numpy()
    counts = confusion_counts(predicted, true, len(classes))
    counts.setflags(write=False)
    return ConfusionMatrix(counts, tuple(classes), completed)
