"""The train/validation split: torch.randperm with a seeded generator, as a learner would write
it; reproducible, disjoint, covering, each part in increasing order."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.core.errors import EngineError
from engine.data.datasets import load_dataset, split


def rows_of(part, whole) -> list[int]:
    """Which rows of `whole` the part holds (the digits' rows are all distinct)."""
    index = {row.tobytes(): k for k, row in enumerate(whole.x)}
    return [index[row.tobytes()] for row in part.x]


@pytest.mark.parametrize(("share", "seed"), [(0.2, 0), (0.25, 7), (0.5, 123)])
def test_the_split_is_an_independent_randperm_computation(share, seed):
    digits = load_dataset("digits")
    train, validation = split(digits, share, seed)
    generator = torch.Generator()
    generator.manual_seed(seed)
    order = torch.randperm(1797, generator=generator).tolist()
    n_val = round(1797 * share)
    assert rows_of(validation, digits) == sorted(order[:n_val])
    assert rows_of(train, digits) == sorted(order[n_val:])
    assert np.array_equal(train.labels, digits.labels[sorted(order[n_val:])])
    assert np.array_equal(validation.y, digits.y[sorted(order[:n_val])])


def test_the_split_is_reproducible_disjoint_and_covering():
    digits = load_dataset("digits")
    train, validation = split(digits, 0.2, 5)
    again_train, again_validation = split(digits, 0.2, 5)
    assert np.array_equal(train.x, again_train.x) and np.array_equal(
        validation.x, again_validation.x
    )
    train_rows, validation_rows = rows_of(train, digits), rows_of(validation, digits)
    assert len(validation_rows) == 359 and len(train_rows) == 1438
    assert not set(train_rows) & set(validation_rows)
    assert sorted(train_rows + validation_rows) == list(range(1797))
    assert train_rows == sorted(train_rows) and validation_rows == sorted(validation_rows)
    assert rows_of(split(digits, 0.2, 6)[1], digits) != validation_rows
    assert train.classes == digits.classes and validation.image_shape == (8, 8)


def test_a_share_of_0_leaves_an_empty_validation_set_with_the_same_columns():
    moons = load_dataset("moons")
    train, validation = split(moons, 0.0, 0)
    assert np.array_equal(train.x, moons.x) and len(validation) == 0
    assert validation.x.shape == (0, 2) and validation.y.shape == (0, 2)
    assert validation.labels.shape == (0,) and validation.classes == ("0", "1")
    mazur_train, mazur_validation = split(load_dataset("mazur"), 0.0, 0)
    assert len(mazur_train) == 1 and mazur_validation.y.shape == (0, 2)


@pytest.mark.parametrize("share", [-0.1, 1.0, 1.5, float("nan"), float("inf"), "0.2", True])
def test_a_share_outside_0_to_1_is_refused(share):
    with pytest.raises(EngineError, match="the validation share must be at least 0 and below 1"):
        split(load_dataset("xor"), share, 0)


def test_a_share_that_leaves_no_training_sample_is_refused():
    with pytest.raises(EngineError, match="leaves no training sample of the 1 in mazur"):
        split(load_dataset("mazur"), 0.6, 0)
    train, validation = split(load_dataset("mazur"), 0.5, 0)  # round(0.5) is 0
    assert (len(train), len(validation)) == (1, 0)
    with pytest.raises(EngineError, match="leaves no training sample of the 4 in xor"):
        split(load_dataset("xor"), 0.9, 0)


def test_a_bad_seed_is_refused():
    with pytest.raises(EngineError, match="the seed must be a whole number"):
        split(load_dataset("xor"), 0.25, -3)
