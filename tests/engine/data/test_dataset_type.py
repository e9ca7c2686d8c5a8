"""The Dataset type: its kind, size and subsets, and a wrongly built one refused at once."""

from __future__ import annotations

import numpy as np
import pytest

from engine.data.dataset import Dataset, classification, one_hot, regression


def test_a_subset_keeps_the_columns_and_picks_rows_in_order():
    data = classification("pts", np.arange(10.0).reshape(5, 2), np.array([0, 1, 2, 1, 0]),
                          ("a", "b", "c"), None)  # fmt: skip
    part = data.subset(np.array([3, 0]))
    assert part.x.tolist() == [[6.0, 7.0], [0.0, 1.0]] and part.labels.tolist() == [1, 0]
    assert part.y.tolist() == [[0, 1, 0], [1, 0, 0]] and part.classes == data.classes
    assert len(data.subset(np.array([], dtype=np.int64))) == 0
    assert len(data.subset([])) == 0 and len(data.subset(data.labels == 0)) == 2
    assert data.kind == "classification" and len(data) == 5
    assert (data.inputs, data.outputs) == (2, 3)


def test_one_hot_rows():
    assert one_hot(np.array([2, 0]), 3).tolist() == [[0, 0, 1], [1, 0, 0]]


def test_a_regression_set_has_no_labels_or_classes():
    data = regression("r", [[1.0], [2.0]], [[3.0], [4.0]])
    assert data.kind == "regression" and data.labels is None and data.classes == ()
    assert data.subset(np.array([1])).y.tolist() == [[4.0]]


@pytest.mark.parametrize(
    "build",
    [
        lambda: Dataset("d", np.zeros(3), np.zeros((3, 1)), None, ()),
        lambda: Dataset("d", np.zeros((3, 2)), np.zeros((2, 1)), None, ()),
        lambda: Dataset("d", np.zeros((3, 2), np.float32), np.zeros((3, 1)), None, ()),
        lambda: Dataset("d", np.zeros((3, 2)), np.zeros((3, 1)), None, ("a",)),
        lambda: Dataset("d", np.zeros((3, 2)), np.zeros((3, 2)), np.zeros(3), ("a", "b")),
        lambda: Dataset("d", np.zeros((3, 2)), np.zeros((3, 3)), np.zeros(3, np.int64), ("a",)),
        lambda: Dataset("d", np.zeros((3, 4)), np.zeros((3, 1)), None, (), (3, 3)),
    ],
)
def test_a_wrongly_built_dataset_is_refused(build):
    with pytest.raises(ValueError):
        build()
