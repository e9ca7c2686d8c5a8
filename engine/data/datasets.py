"""Datasets by name or by file, and the seeded train/validation split every run uses.

A spec is a built-in name (case-insensitive) or a path: a .csv of x, y, label rows (the
classification lab's format) or an MNIST-format (IDX) images file with its labels file beside it.
Every refusal is an EngineError of one line, in the learner's language.
"""

from __future__ import annotations

import math
import numbers
import os
from pathlib import Path

import numpy as np
import torch

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.data.builtin_sets import MAKERS
from engine.data.csv_points import CsvPointsError, load_points_csv
from engine.data.dataset import Dataset, classification
from engine.data.digits import load_digits
from engine.data.idx import load_idx

DATASET_NAMES: tuple[str, ...] = (
    "mazur",
    "xor",
    "moons",
    "circles",
    "spirals",
    "blobs",
    "sine",
    "digits",
)
MAX_SEED = 2**64 - 1  # torch.Generator.manual_seed takes up to this

__all__ = ["DATASET_NAMES", "Dataset", "load_dataset", "split"]


def load_dataset(spec: str, seed: int = 0) -> Dataset:
    """A built-in name (case-insensitive), a FILE.csv, or an IDX images file (gzipped or not);
    `seed` decides the generated sets' points and noise."""
    _check_seed(seed)
    text = os.fspath(spec).strip() if isinstance(spec, (str, os.PathLike)) else ""
    name = text.casefold()
    if name == "digits":
        return load_digits()
    if name in MAKERS:
        return MAKERS[name](seed)
    path = Path(text)
    if text and path.suffix.casefold() == ".csv":
        return _from_csv(path)
    if text and _looks_like_idx(path):
        return load_idx(path)
    message = translate(
        "EngineError",
        "unknown dataset {spec}: choose one of {names}, or give a .csv file or an IDX images "
        "file (like train-images-idx3-ubyte.gz)",
    )
    raise EngineError(message.format(spec=repr(spec), names=", ".join(DATASET_NAMES)))


def split(dataset: Dataset, val_share: float, seed: int) -> tuple[Dataset, Dataset]:
    """(train, validation): the first round(n · val_share) of torch.randperm(n) seeded with
    `seed` are the validation rows, the rest the training rows, each in increasing order, so a
    learner's script with the same torch calls gets the same two sets."""
    _check_seed(seed)
    n = len(dataset)
    if not _is_real(val_share) or not 0 <= val_share < 1:
        text = translate(
            "EngineError", "the validation share must be at least 0 and below 1, got {share}"
        )
        raise EngineError(text.format(share=val_share))
    n_val = round(n * val_share)
    if n - n_val < 1:
        text = translate(
            "EngineError",
            "a validation share of {share} leaves no training sample of the {count} in {name}",
        )
        raise EngineError(text.format(share=val_share, count=n, name=dataset.name))
    order = torch.randperm(n, generator=torch.Generator().manual_seed(int(seed))).numpy()
    validation, train = np.sort(order[:n_val]), np.sort(order[n_val:])
    return dataset.subset(train), dataset.subset(validation)


def _from_csv(path: Path) -> Dataset:
    try:
        points = load_points_csv(path)
    except CsvPointsError as error:
        raise EngineError(str(error)) from None
    return classification(path.name, points.xy, points.labels, points.class_names)


def _looks_like_idx(path: Path) -> bool:
    """MNIST's names: train-images-idx3-ubyte, t10k-images.idx3-ubyte.gz, ..."""
    name = path.name.casefold().removesuffix(".gz")
    return "idx" in name or name.endswith("ubyte")


def _is_real(value: object) -> bool:
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _check_seed(seed: int) -> None:
    if (
        isinstance(seed, bool)
        or not isinstance(seed, numbers.Integral)
        or not 0 <= seed <= MAX_SEED
    ):
        text = translate(
            "EngineError", "the seed must be a whole number from 0 to {most}, got {seed}"
        )
        raise EngineError(text.format(most=MAX_SEED, seed=seed))
