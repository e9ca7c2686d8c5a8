"""The Dataset type: inputs, the targets the loss sees, and for classification the class of each
row, in one frozen object that the training loop, the CLI and the window share."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Dataset:
    """n samples: x (n, d) float64 inputs; y (n, k) float64 targets as the loss sees them (one-hot
    rows for classification); labels (n,) int64 class indices into `classes`, or None (and no
    classes) for regression; image_shape when each row of x is an image, row by row."""

    name: str
    x: np.ndarray
    y: np.ndarray
    labels: np.ndarray | None
    classes: tuple[str, ...]
    image_shape: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        _check_shapes(self)

    @property
    def kind(self) -> str:
        return "regression" if self.labels is None else "classification"

    @property
    def inputs(self) -> int:
        """Values per sample (the first layer's width)."""
        return int(self.x.shape[1])

    @property
    def outputs(self) -> int:
        """Targets per sample (the last layer's width)."""
        return int(self.y.shape[1])

    def __len__(self) -> int:
        return int(self.x.shape[0])

    def subset(self, index: np.ndarray) -> Dataset:
        """The rows `index` picks (positions or a mask), in its order; the columns unchanged."""
        index = np.asarray(index)
        if index.dtype != np.bool_:
            index = index.astype(np.int64)  # an empty list must still index rows
        labels = None if self.labels is None else self.labels[index]
        return Dataset(
            self.name, self.x[index], self.y[index], labels, self.classes, self.image_shape
        )


def one_hot(labels: np.ndarray, classes: int) -> np.ndarray:
    """(n, classes) float64 rows with a 1 in each label's column."""
    return np.eye(classes, dtype=np.float64)[labels]


def classification(
    name: str,
    x: np.ndarray,
    labels: np.ndarray,
    classes: tuple[str, ...],
    image_shape: tuple[int, int] | None = None,
) -> Dataset:
    """A classification dataset whose targets are the labels one-hot."""
    labels = np.asarray(labels, dtype=np.int64)
    x = np.asarray(x, dtype=np.float64)
    return Dataset(name, x, one_hot(labels, len(classes)), labels, classes, image_shape)


def regression(name: str, x: np.ndarray, y: np.ndarray) -> Dataset:
    return Dataset(name, np.asarray(x, np.float64), np.asarray(y, np.float64), None, ())


def _check_shapes(data: Dataset) -> None:
    """A Dataset built wrongly is a programming error, said at once rather than mid-training."""
    x, y, labels = data.x, data.y, data.labels
    if x.ndim != 2 or y.ndim != 2 or x.shape[0] != y.shape[0]:
        raise ValueError(f"x and y must be (n, d) and (n, k), got {x.shape} and {y.shape}")
    if x.dtype != np.float64 or y.dtype != np.float64:
        raise ValueError(f"x and y must be float64, got {x.dtype} and {y.dtype}")
    if labels is None:
        if data.classes:
            raise ValueError("a regression dataset has no classes")
    elif labels.shape != (x.shape[0],) or labels.dtype != np.int64:
        raise ValueError(f"labels must be ({x.shape[0]},) int64, got {labels.shape} {labels.dtype}")
    elif y.shape[1] != len(data.classes):
        raise ValueError(f"{len(data.classes)} classes need {len(data.classes)} target columns")
    if data.image_shape is not None and np.prod(data.image_shape) != x.shape[1]:
        raise ValueError(f"an image of {data.image_shape} is not {x.shape[1]} values")
